#include "web/view_models/share_links.h"

#include <gtest/gtest.h>

namespace warta::web {
namespace {

using engagement::ShareNetwork;

TEST(ShareLinks, NetworksWithAPageHaveALabelAndATarget) {
  const std::string url = "https://example.org/artikel/1/gempa";
  EXPECT_EQ(ShareTargetUrl(ShareNetwork::kWhatsApp, url, "Gempa & tsunami"),
            "https://wa.me/"
            "?text=Gempa%20%26%20tsunami%20https%3A%2F%2Fexample.org%2Fartikel%2F1%2Fgempa");
  EXPECT_EQ(
      ShareTargetUrl(ShareNetwork::kX, url, "Gempa"),
      "https://x.com/intent/tweet?url=https%3A%2F%2Fexample.org%2Fartikel%2F1%2Fgempa&text=Gempa");
  for (ShareNetwork network : engagement::kShareNetworks) {
    const bool has_page = ShareTargetUrl(network, url, "t").has_value();
    EXPECT_EQ(has_page, !ShareLabel(network).empty()) << engagement::ToText(network);
    EXPECT_EQ(has_page, network != ShareNetwork::kCopy && network != ShareNetwork::kNative);
  }
  EXPECT_EQ(ShareLabel(ShareNetwork::kLine), "LINE");
}

}  // namespace
}  // namespace warta::web
