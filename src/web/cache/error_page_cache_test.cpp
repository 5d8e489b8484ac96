#include "web/cache/error_page_cache.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace warta::web {
namespace {

TEST(ErrorPageCache, RendersEachStatusOnceWhileNothingChanges) {
  ErrorPageCache cache;
  int renders = 0;
  auto render = [&] { return "page " + std::to_string(++renders); };
  auto sections = std::make_shared<int>(1);
  EXPECT_EQ(*cache.Get(404, sections, 2026, render), "page 1");
  EXPECT_EQ(*cache.Get(404, sections, 2026, render), "page 1");
  EXPECT_EQ(*cache.Get(410, sections, 2026, render), "page 2");
  EXPECT_EQ(*cache.Get(404, sections, 2026, render), "page 1");
  EXPECT_EQ(renders, 2);
}

TEST(ErrorPageCache, ANewSectionListOrYearRendersAgain) {
  ErrorPageCache cache;
  int renders = 0;
  auto render = [&] { return "page " + std::to_string(++renders); };
  auto sections = std::make_shared<int>(1);
  EXPECT_EQ(*cache.Get(404, sections, 2026, render), "page 1");
  // Equal contents, another list: the bar swapped one in, so the header may differ.
  auto edited = std::make_shared<int>(1);
  EXPECT_EQ(*cache.Get(404, edited, 2026, render), "page 2");
  EXPECT_EQ(*cache.Get(404, edited, 2027, render), "page 3");
  EXPECT_EQ(*cache.Get(404, nullptr, 2027, render), "page 4");
  EXPECT_EQ(*cache.Get(404, nullptr, 2027, render), "page 4");
}

TEST(ErrorPageCache, AKeptPageOutlivesItsReplacement) {
  ErrorPageCache cache;
  auto first = cache.Get(404, nullptr, 2026, [] { return std::string("old"); });
  cache.Get(404, nullptr, 2027, [] { return std::string("new"); });
  EXPECT_EQ(*first, "old");  // a response still holding the old page is unaffected
}

}  // namespace
}  // namespace warta::web
