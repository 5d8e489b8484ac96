// PostgreSQL only: the LISTEN/NOTIFY channel that keeps several nodes' page caches in step.
#include "storage/postgres/pg_change_channel.h"

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "storage/backends.h"  // tests/storage/
#include "storage/postgres/pg_transaction.h"

namespace warta::storage::contract {
namespace {

class PgChangeChannelTest : public StoreContract<PostgresBackend> {};

// What one node's channel received.
struct Inbox {
  std::mutex mutex;
  std::vector<std::string> messages;
  int resyncs = 0;
  std::vector<std::string> Get() {
    std::lock_guard lock(mutex);
    return messages;
  }
};

template <typename Check>
bool WaitFor(Check check) {
  for (int i = 0; i < 200; ++i) {
    if (check()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

std::unique_ptr<postgres::ChangeChannel> Listen(const std::string& url, Inbox& inbox) {
  postgres::ChangeChannelOptions options;
  options.url = url;
  options.channel = "warta_test_changes";
  options.reconnect_delay = std::chrono::milliseconds(50);
  auto channel = std::make_unique<postgres::ChangeChannel>(
      options,
      [&inbox](std::string_view payload) {
        std::lock_guard lock(inbox.mutex);
        inbox.messages.emplace_back(payload);
      },
      [&inbox] {
        std::lock_guard lock(inbox.mutex);
        ++inbox.resyncs;
      });
  channel->Start();
  return channel;
}

TEST_F(PgChangeChannelTest, OtherNodesGetWhatOneSendsInOrderAndTheSenderDoesNot) {
  Inbox a, b;
  auto node_a = Listen(backend_.url(), a);
  auto node_b = Listen(backend_.url(), b);
  ASSERT_TRUE(WaitFor([&] { return node_a->connected() && node_b->connected(); }));
  node_a->Publish("article 1");
  node_a->Publish("settings");
  ASSERT_TRUE(WaitFor([&] { return b.Get().size() == 2; }));
  EXPECT_EQ(b.Get(), (std::vector<std::string>{"article 1", "settings"}));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_TRUE(a.Get().empty());  // its own change, applied where it was made
  EXPECT_EQ(node_a->sent(), 2u);
  // Too long for NOTIFY: dropped and counted, never sent.
  node_a->Publish(std::string(postgres::ChangeChannel::kMaxPayloadBytes + 1, 'x'));
  EXPECT_EQ(node_a->dropped(), 1u);
}

// A node whose session ends reconnects, and drops every cache (on_resync): it may have
// missed changes meanwhile. Then it hears changes again.
TEST_F(PgChangeChannelTest, ALostConnectionReconnectsAndResyncs) {
  Inbox a, b;
  auto node_a = Listen(backend_.url(), a);
  auto node_b = Listen(backend_.url(), b);
  ASSERT_TRUE(WaitFor([&] { return node_a->connected() && node_b->connected(); }));
  auto killed = postgres::QueryOnce(
      store().pool(),
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
      "WHERE query LIKE 'LISTEN warta_test_changes%' AND pid <> pg_backend_pid()");
  ASSERT_TRUE(killed.ok()) << killed.error().message;
  EXPECT_EQ(killed->Int64(0, 0), 2);
  ASSERT_TRUE(WaitFor([&] { return node_b->reconnects() == 1 && node_b->connected(); }));
  ASSERT_TRUE(WaitFor([&] { return node_a->reconnects() == 1 && node_a->connected(); }));
  {
    std::lock_guard lock(b.mutex);
    EXPECT_EQ(b.resyncs, 1);
  }
  node_a->Publish("page 7");
  ASSERT_TRUE(WaitFor([&] { return b.Get() == std::vector<std::string>{"page 7"}; }));
}

}  // namespace
}  // namespace warta::storage::contract
