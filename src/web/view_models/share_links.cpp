#include "web/view_models/share_links.h"

#include "web/request/url.h"

namespace warta::web {

using engagement::ShareNetwork;

std::string_view ShareLabel(ShareNetwork network) {
  switch (network) {
    case ShareNetwork::kWhatsApp:
      return "WhatsApp";
    case ShareNetwork::kFacebook:
      return "Facebook";
    case ShareNetwork::kX:
      return "X";
    case ShareNetwork::kTelegram:
      return "Telegram";
    case ShareNetwork::kLine:
      return "LINE";
    case ShareNetwork::kCopy:
    case ShareNetwork::kNative:
      break;
  }
  return "";
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
