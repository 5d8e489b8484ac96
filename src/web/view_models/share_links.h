// Where the article page's share links go: each network's share page for an article.
// The networks themselves, and which names the share counter accepts, are
// engagement/share_network.h's.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engagement/share_network.h"

namespace warta::web {

// The name shown on the network's link ("WhatsApp"); "" for copy and native (no link).
std::string_view ShareLabel(engagement::ShareNetwork network);

// The network's share page for an article URL and title; nullopt for copy and native, which
// have no page to go to.
std::optional<std::string> ShareTargetUrl(engagement::ShareNetwork network, const std::string& url,
                                          const std::string& title);

}  // namespace warta::web
