// The networks a reader can share an article to, as the share route names them
// (?network=whatsapp) and the store counts them (shares.network). Pages link those with a
// share page of their own (web/view_models/share_links.h); `copy` (the link copied) and
// `native` (the browser's Web Share API) count a share without one.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace warta::engagement {

enum class ShareNetwork { kWhatsApp, kFacebook, kX, kTelegram, kLine, kCopy, kNative };

// Every network, in the order pages list them.
inline constexpr std::array<ShareNetwork, 7> kShareNetworks = {
    ShareNetwork::kWhatsApp, ShareNetwork::kFacebook, ShareNetwork::kX,
    ShareNetwork::kTelegram, ShareNetwork::kLine,     ShareNetwork::kCopy,
    ShareNetwork::kNative,
};

// "whatsapp", "facebook", "x", "telegram", "line", "copy", "native": the route's, the
// page's (data-network) and the store's spelling.
std::string_view ToText(ShareNetwork network);
// nullopt for any other text (exact: "WhatsApp" is not a network).
std::optional<ShareNetwork> ParseShareNetwork(std::string_view text);
// Every name, joined with ", " (for the message that refuses an unknown one).
std::string ShareNetworkNames();

}  // namespace warta::engagement
