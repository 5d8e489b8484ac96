#include "engagement/share_network.h"

#include <gtest/gtest.h>

namespace warta::engagement {
namespace {

TEST(ShareNetwork, EveryNameRoundTripsAndNothingElseParses) {
  for (ShareNetwork network : kShareNetworks) {
    EXPECT_EQ(ParseShareNetwork(ToText(network)), network) << ToText(network);
  }
  EXPECT_EQ(ParseShareNetwork("whatsapp"), ShareNetwork::kWhatsApp);
  EXPECT_EQ(ParseShareNetwork("native"), ShareNetwork::kNative);
  for (const char* other : {"", "WhatsApp", " x", "x ", "twitter", "?", "copy\n"}) {
    EXPECT_EQ(ParseShareNetwork(other), std::nullopt) << other;
  }
  EXPECT_EQ(ToText(static_cast<ShareNetwork>(99)), "?");
  EXPECT_EQ(ShareNetworkNames(), "whatsapp, facebook, x, telegram, line, copy, native");
}

}  // namespace
}  // namespace warta::engagement
