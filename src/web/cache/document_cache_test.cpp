#include "web/cache/document_cache.h"

#include <gtest/gtest.h>

namespace warta::web {
namespace {

TEST(DocumentCacheTest, RebuildsAfterTheTtlAndKeepsNotFound) {
  DocumentCache cache(/*ttl_seconds=*/10, /*capacity=*/2);
  int builds = 0;
  auto build = [&builds]() -> Result<BuiltDocument> {
    ++builds;
    return BuiltDocument{"v" + std::to_string(builds), "application/xml", 1000};
  };
  auto first = cache.Get("a", 100, build);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(*first.value()->body, "v1");
  EXPECT_EQ(*cache.Get("a", 109, build).value()->body, "v1");
  EXPECT_EQ(*cache.Get("a", 110, build).value()->body, "v2");
  EXPECT_NE(first.value()->etag, cache.Get("a", 111, build).value()->etag);

  auto missing = cache.Get("b", 100, [] {
    return Result<BuiltDocument>(BuiltDocument{"", "", 0, 404});
  });
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(missing.value()->body, nullptr);

  auto failed = cache.Get(
      "c", 100, [] { return Result<BuiltDocument>(MakeError(ErrorCode::kIo, "db down")); });
  EXPECT_FALSE(failed.ok());
  EXPECT_LE(cache.size(), 2u);  // capacity holds
}

TEST(DocumentCacheTest, ResponseCarriesValidators) {
  Document document;
  document.body = std::make_shared<const std::string>("<x/>");
  document.content_type = "application/xml";
  document.etag = "\"1\"";
  document.last_modified = 784111777;
  http::Response response = DocumentResponse(document, 60);
  EXPECT_EQ(response.Header("ETag"), "\"1\"");
  EXPECT_EQ(response.Header("Last-Modified"), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(response.Header("Cache-Control"), "public, max-age=60");
  EXPECT_EQ(response.Body(), "<x/>");
}

}  // namespace
}  // namespace warta::web
