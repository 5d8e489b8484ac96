// Test helpers for the engagement tests: a real SQLite store in a temporary directory.
// Header-only and used by tests only (docs/module-fence.md: test helpers live in testing/).
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "model/article.h"
#include "storage/article_store.h"
#include "storage/store.h"
#include "storage/testing/temp_dir.h"

namespace warta::engagement {

inline constexpr std::int64_t kNow = 1'730'419'200;  // 2024-11-01T00:00:00Z
inline constexpr int kWindow = 1800;

// A fresh directory per test, removed afterwards (File("warta.db") names the store's file).
using storage::test_util::TempDir;

inline std::unique_ptr<storage::Store> OpenStore(const std::string& file, bool migrate = true) {
  auto store = storage::OpenStore("sqlite:" + file);
  EXPECT_TRUE(store.ok()) << store.error().ToString();
  if (migrate) {
    auto version = (*store)->Migrate();
    EXPECT_TRUE(version.ok()) << version.error().ToString();
  }
  return std::move(*store);
}

inline std::int64_t AddArticle(storage::Store& store, std::int64_t initial_views) {
  model::NewArticle a;
  a.title = "Gempa di Noto";
  a.source = "KYODO";
  a.lang = "id";
  a.body_html = "<p>Isi berita.</p>";
  a.slug = "gempa-di-noto";
  a.initial.views = initial_views;
  auto id = store.articles().Insert(a);
  EXPECT_TRUE(id.ok()) << id.error().ToString();
  return id.ok() ? *id : -1;
}

inline std::int64_t StoredViews(storage::Store& store, std::int64_t id) {
  auto counters = store.articles().GetCounters(id);
  EXPECT_TRUE(counters.ok()) << counters.error().ToString();
  return counters.ok() ? counters->views : -1;
}

}  // namespace warta::engagement
