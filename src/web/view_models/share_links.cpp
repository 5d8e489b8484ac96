#include "web/view_models/share_links.h"

#include <array>

#include "web/request/url.h"

namespace warta::web {

using engagement::ShareNetwork;

std::string_view ShareLabel(ShareNetwork network) {
  // In the order of the enum's values; copy and native have no link to label.
  static constexpr std::array<std::string_view, engagement::kShareNetworks.size()> kLabels = {
      "WhatsApp", "Facebook", "X", "Telegram", "LINE", "", ""};
  const auto i = static_cast<std::size_t>(network);
  return i < kLabels.size() ? kLabels[i] : std::string_view();
}

std::optional<std::string> ShareTargetUrl(ShareNetwork network, const std::string& url,
                                          const std::string& title) {
  const std::string encoded_url = PercentEncode(url);
  switch (network) {
    case ShareNetwork::kWhatsApp:
      return "https://wa.me/?text=" + PercentEncode(title + " " + url);
    case ShareNetwork::kFacebook:
      return "https://www.facebook.com/sharer/sharer.php?u=" + encoded_url;
    case ShareNetwork::kX:
      return "https://x.com/intent/tweet?url=" + encoded_url + "&text=" + PercentEncode(title);
    case ShareNetwork::kTelegram:
      return "https://t.me/share/url?url=" + encoded_url + "&text=" + PercentEncode(title);
    case ShareNetwork::kLine:
      return "https://social-plugins.line.me/lineit/share?url=" + encoded_url;
    case ShareNetwork::kCopy:
    case ShareNetwork::kNative:
      break;
  }
  return std::nullopt;
}

}  // namespace warta::web
