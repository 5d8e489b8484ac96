#include "web/cache/rendered_pages.h"

#include <gtest/gtest.h>

#include <string>

namespace warta::web {
namespace {

RenderedPages::Renderer Counting(int& calls, std::string text) {
  return [&calls, text]() -> Result<RenderedPage> {
    ++calls;
    RenderedPage page;
    page.page = SplicedPage::FromRendered(text + std::to_string(calls));
    return page;
  };
}

std::string Text(const RenderedPage& page) {
  std::string out;
  page.page.AppendTo(out, SlotValues{});
  return out;
}

TEST(RenderedPages, KeepsAPageForItsTtlThenRendersAgain) {
  RenderedPages pages(/*ttl_seconds=*/2, /*capacity=*/8);
  int calls = 0;
  auto first = pages.Get("id|/", 100, Counting(calls, "home "));
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(Text(**first), "home 1");
  EXPECT_EQ(Text(**pages.Get("id|/", 101, Counting(calls, "home "))), "home 1");
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(Text(**pages.Get("id|/", 102, Counting(calls, "home "))), "home 2");
  EXPECT_EQ(pages.renders(), 2u);
}

TEST(RenderedPages, KeysAreApart) {
  RenderedPages pages(60, 8);
  int calls = 0;
  EXPECT_EQ(Text(**pages.Get("id|/", 1, Counting(calls, "id "))), "id 1");
  EXPECT_EQ(Text(**pages.Get("en|/", 1, Counting(calls, "en "))), "en 2");
  EXPECT_EQ(Text(**pages.Get("id|/", 1, Counting(calls, "id "))), "id 1");
}

TEST(RenderedPages, AFailedRenderIsReturnedAndNotKept) {
  RenderedPages pages(60, 8);
  auto failed =
      pages.Get("k", 1, []() -> Result<RenderedPage> { return Error::Io("web: store down"); });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kIo);
  int calls = 0;
  EXPECT_EQ(Text(**pages.Get("k", 1, Counting(calls, "ok "))), "ok 1");
}

TEST(RenderedPages, ClearAndCapacityDropPages) {
  RenderedPages pages(60, 2);
  int calls = 0;
  (void)pages.Get("a", 1, Counting(calls, "a "));
  pages.Clear();
  EXPECT_EQ(Text(**pages.Get("a", 1, Counting(calls, "a "))), "a 2");
  (void)pages.Get("b", 1, Counting(calls, "b "));
  (void)pages.Get("c", 1, Counting(calls, "c "));  // full: emptied first
  EXPECT_EQ(Text(**pages.Get("a", 1, Counting(calls, "a "))), "a 5");
}

}  // namespace
}  // namespace warta::web
