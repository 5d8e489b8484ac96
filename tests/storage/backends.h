// The two backends of the storage contract suite, as GoogleTest typed-test parameters. Each
// opens a fresh, migrated database per test: SQLite a file in a temporary directory,
// PostgreSQL a new database on the test cluster (scripts/pg-test-cluster.sh, started by the
// ctest fixture "pg"), dropped afterwards.
//
// The PostgreSQL URL comes from WARTA_TEST_PG_URL, or from the file WARTA_TEST_PG_URL_FILE
// names (what ctest sets). With neither, PostgreSQL tests are skipped (a bare run of the
// binary); with the file named but missing, they fail: the fixture did not start the cluster.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "storage/postgres/pg_connection.h"
#include "storage/postgres/pg_store.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/testing/temp_dir.h"

namespace warta::storage::contract {

class SqliteBackend {
 public:
  static constexpr const char* kName = "sqlite";
  using StoreType = sqlite::SqliteStore;

  // Empty on success, else why the backend could not be opened.
  std::string Open() {
    auto store = sqlite::SqliteStore::Open(dir_.File("warta.db"));
    if (!store.ok()) return store.error().message;
    store_ = std::move(*store);
    auto version = store_->Migrate();
    if (!version.ok()) return version.error().message;
    return {};
  }
  bool Skip(std::string*) const { return false; }
  StoreType& store() { return *store_; }
  // Another store on the same database: what a second process (a second node) sees.
  std::unique_ptr<StoreType> OpenSecond() {
    auto store = sqlite::SqliteStore::Open(dir_.File("warta.db"));
    return store.ok() ? std::move(*store) : nullptr;
  }

 private:
  test_util::TempDir dir_;
  std::unique_ptr<StoreType> store_;
};

class PostgresBackend {
 public:
  static constexpr const char* kName = "postgresql";
  using StoreType = postgres::PgStore;

  ~PostgresBackend() {
    store_.reset();  // its connections first, or DROP DATABASE waits for them
    if (admin_ && !database_.empty()) {
      (void)admin_->Exec("DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
    }
  }

  // The cluster's URL, or empty (then `why` says whether to skip or fail).
  static std::string ClusterUrl(bool* skip) {
    *skip = false;
    if (const char* url = std::getenv("WARTA_TEST_PG_URL"); url != nullptr && *url != 0) {
      return url;
    }
    const char* file = std::getenv("WARTA_TEST_PG_URL_FILE");
    if (file == nullptr || *file == 0) {
      *skip = true;
      return {};
    }
    std::ifstream in(file);
    std::string url;
    std::getline(in, url);
    return url;
  }

  bool Skip(std::string* why) const {
    bool skip = false;
    ClusterUrl(&skip);
    if (skip) *why = "no PostgreSQL: set WARTA_TEST_PG_URL or run through ctest (fixture pg)";
    return skip;
  }

  std::string Open() {
    bool skip = false;
    const std::string url = ClusterUrl(&skip);
    if (url.empty()) return "no PostgreSQL test cluster URL (did pg.cluster_start fail?)";
    auto admin = postgres::Connection::Open(url, 5);
    if (!admin.ok()) return admin.error().message;
    admin_ = std::move(*admin);
    static std::atomic<int> counter{0};
    database_ = "warta_contract_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    auto created = admin_->Exec("CREATE DATABASE " + database_);
    if (!created.ok()) return created.error().message;
    // The cluster URL ends in /DBNAME (scripts/pg-test-cluster.sh writes it so).
    const std::string test_url = url.substr(0, url.rfind('/') + 1) + database_;
    auto store = postgres::PgStore::Open(test_url);
    if (!store.ok()) return store.error().message;
    store_ = std::move(*store);
    auto version = store_->Migrate();
    if (!version.ok()) return version.error().message;
    url_ = test_url;
    return {};
  }
  StoreType& store() { return *store_; }
  const std::string& url() const { return url_; }
  std::unique_ptr<StoreType> OpenSecond() {
    auto store = postgres::PgStore::Open(url_);
    return store.ok() ? std::move(*store) : nullptr;
  }

 private:
  std::unique_ptr<postgres::Connection> admin_;
  std::string database_;
  std::string url_;
  std::unique_ptr<StoreType> store_;
};

using Backends = ::testing::Types<SqliteBackend, PostgresBackend>;

struct BackendNames {
  template <typename T>
  static std::string GetName(int) {
    return T::kName;
  }
};

// The fixture every contract test derives from: `store()` is the backend's store, opened
// and migrated in SetUp.
template <typename Backend>
class StoreContract : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    if (backend_.Skip(&why)) GTEST_SKIP() << why;
    const std::string failed = backend_.Open();
    ASSERT_TRUE(failed.empty()) << Backend::kName << ": " << failed;
  }

  typename Backend::StoreType& store() { return backend_.store(); }
  std::unique_ptr<typename Backend::StoreType> OpenSecond() { return backend_.OpenSecond(); }
  Backend backend_;
};

}  // namespace warta::storage::contract
