#include "media/gate.h"

#include <gtest/gtest.h>

#include <optional>
#include <thread>
#include <utility>

namespace warta::media {
namespace {

using std::chrono::milliseconds;

TEST(ProcessingGateTest, OneAtATimeTheNextWaitsItsTurn) {
  ProcessingGate gate(1, milliseconds(5000));
  std::optional<ProcessingGate::Turn> first(std::move(gate.Enter()).value());
  std::thread release([&] {
    while (gate.waiting() == 0) std::this_thread::yield();
    first.reset();
  });
  auto second = gate.Enter();  // waits until the first turn ends
  EXPECT_TRUE(second.ok());
  release.join();
}

TEST(ProcessingGateTest, BeyondTheQueueItIsBusyAtOnce) {
  ProcessingGate gate(0, milliseconds(5000));
  auto first = gate.Enter();
  ASSERT_TRUE(first.ok());
  auto second = gate.Enter();
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(second.error().message,
            "media: busy: a picture is being processed and 0 more are waiting; try again in a "
            "few seconds");
}

TEST(ProcessingGateTest, AWaitHasAnEnd) {
  ProcessingGate gate(1, milliseconds(50));
  auto first = gate.Enter();
  auto second = gate.Enter();
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(gate.waiting(), 0);
}

TEST(ProcessingGateTest, ATurnEndsWithItsOwner) {
  ProcessingGate gate(0, milliseconds(0));
  { auto turn = gate.Enter(); }
  EXPECT_TRUE(gate.Enter().ok());
}

}  // namespace
}  // namespace warta::media
