// Contract: the schema and the settings store (storage/settings_store.h), on both backends.
#include <string>

#include "storage/article_store.h"
#include "storage/backends.h"  // tests/storage/
#include "storage/migrations/migrations.h"
#include "storage/settings_store.h"

namespace warta::storage::contract {
namespace {

template <typename Backend>
class SchemaContract : public StoreContract<Backend> {};
TYPED_TEST_SUITE(SchemaContract, Backends, BackendNames);

TYPED_TEST(SchemaContract, MigratesToTheSameLatestVersionAndAgainIsANoOp) {
  const int latest = migrations::LatestVersion(migrations::Sqlite());
  EXPECT_EQ(latest, migrations::LatestVersion(migrations::Postgres()));
  auto version = this->store().SchemaVersion();
  ASSERT_TRUE(version.ok()) << version.error().message;
  EXPECT_EQ(*version, latest);
  auto again = this->store().Migrate();
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(*again, latest);
}

template <typename Backend>
class SettingsContract : public StoreContract<Backend> {};
TYPED_TEST_SUITE(SettingsContract, Backends, BackendNames);

TYPED_TEST(SettingsContract, GetsWhatWasSetAndNothingForUnknownKeys) {
  SettingsStore& settings = this->store().settings();
  auto missing = settings.Get("site.name");
  ASSERT_TRUE(missing.ok()) << missing.error().message;
  EXPECT_FALSE(missing->has_value());

  ASSERT_TRUE(settings.Set("site.name", "Warta Harian").ok());
  ASSERT_TRUE(settings.Set("site.name", "ワルタ 日報 — \"quoted\" \\ back").ok());
  auto got = settings.Get("site.name");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ(**got, "ワルタ 日報 — \"quoted\" \\ back");
}

TYPED_TEST(SettingsContract, RefusesBadKeysAndValues) {
  SettingsStore& settings = this->store().settings();
  EXPECT_TRUE(settings.Set("", "x").error().is(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(settings.Set(std::string(201, 'k'), "x").error().is(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(settings.Set("k", std::string(64 * 1024 + 1, 'v')).error().is(ErrorCode::kTooLarge));
  EXPECT_TRUE(settings.Set("k", "\xff\xfe").error().is(ErrorCode::kInvalidArgument));
  auto after = settings.Get("k");
  ASSERT_TRUE(after.ok());
  EXPECT_FALSE(after->has_value());
}

}  // namespace
}  // namespace warta::storage::contract
