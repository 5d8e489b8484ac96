// A GoogleTest fixture owning a SqliteStore on a file in a fresh temp dir, migrated to the
// latest schema. Tests that need more in SetUp call this SetUp first and stop on its failure:
//
//   void SetUp() override {
//     MigratedSqliteStore::SetUp();
//     if (HasFatalFailure()) return;
//     ...
//   }
//
// Header-only and used by tests only.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <utility>

#include "storage/sqlite/sqlite_store.h"
#include "storage/testing/temp_dir.h"

namespace warta::storage::test_util {

class MigratedSqliteStore : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = sqlite::SqliteStore::Open(dir_.File("warta.db"));
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(*store);
    auto version = store_->Migrate();
    ASSERT_TRUE(version.ok()) << version.error().message;
    schema_version_ = *version;
  }

  TempDir dir_;
  std::unique_ptr<sqlite::SqliteStore> store_;
  int schema_version_ = 0;  // what Migrate returned
};

}  // namespace warta::storage::test_util
