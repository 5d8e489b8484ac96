#include "engagement/share_network.h"

namespace warta::engagement {
namespace {

// In the order of the enum's values.
constexpr std::array<std::string_view, kShareNetworks.size()> kTexts = {
    "whatsapp", "facebook", "x", "telegram", "line", "copy", "native"};

}  // namespace

std::string_view ToText(ShareNetwork network) {
  const auto i = static_cast<std::size_t>(network);
  // "?" for a value outside the enum: the store refuses it rather than count a wrong name.
  return i < kTexts.size() ? kTexts[i] : std::string_view("?");
}

std::optional<ShareNetwork> ParseShareNetwork(std::string_view text) {
  for (ShareNetwork network : kShareNetworks) {
    if (ToText(network) == text) return network;
  }
  return std::nullopt;
}

std::string ShareNetworkNames() {
  std::string names;
  for (ShareNetwork network : kShareNetworks) {
    if (!names.empty()) names += ", ";
    names += ToText(network);
  }
  return names;
}

}  // namespace warta::engagement
