#include "web/share_links.h"

#include "web/url.h"

namespace warta::web {

const ShareNetwork* FindShareNetwork(std::string_view name) {
  for (const ShareNetwork& network : kShareNetworks) {
    if (network.name == name) return &network;
  }
  return nullptr;
}

std::optional<std::string> ShareTargetUrl(std::string_view network, const std::string& url,
                                          const std::string& title) {
  const std::string encoded_url = PercentEncode(url);
  if (network == "whatsapp") return "https://wa.me/?text=" + PercentEncode(title + " " + url);
  if (network == "facebook") return "https://www.facebook.com/sharer/sharer.php?u=" + encoded_url;
  if (network == "x") {
    return "https://x.com/intent/tweet?url=" + encoded_url + "&text=" + PercentEncode(title);
  }
  if (network == "telegram") {
    return "https://t.me/share/url?url=" + encoded_url + "&text=" + PercentEncode(title);
  }
  if (network == "line") return "https://social-plugins.line.me/lineit/share?url=" + encoded_url;
  return std::nullopt;
}

}  // namespace warta::web
