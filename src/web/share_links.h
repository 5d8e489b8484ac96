// The share networks of the article page and the share route: each network's share URL for
// an article, and the names the share counter accepts.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace warta::web {

struct ShareNetwork {
  std::string_view name;   // as in ?network= and data-network
  std::string_view label;  // shown on the link
  bool has_link;           // false: copy-link and the Web Share API (no page to go to)
};

inline constexpr std::array<ShareNetwork, 7> kShareNetworks = {{
    {"whatsapp", "WhatsApp", true},
    {"facebook", "Facebook", true},
    {"x", "X", true},
    {"telegram", "Telegram", true},
    {"line", "LINE", true},
    {"copy", "", false},
    {"native", "", false},
}};

const ShareNetwork* FindShareNetwork(std::string_view name);

// The network's share page for an article URL and title; nullopt for copy/native/unknown.
std::optional<std::string> ShareTargetUrl(std::string_view network, const std::string& url,
                                          const std::string& title);

}  // namespace warta::web
