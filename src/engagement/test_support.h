// Test helpers for the engagement tests: a real SQLite store in a temporary directory.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>

#include "model/article.h"
#include "storage/article_store.h"
#include "storage/store.h"

namespace warta::engagement {

inline constexpr std::int64_t kNow = 1'730'419'200;  // 2024-11-01T00:00:00Z
inline constexpr int kWindow = 1800;

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "warta-views-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

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
