#include "ingest/fetcher/curl_library.h"

#include <gtest/gtest.h>

#include <string>

namespace warta::ingest::fetcher {
namespace {

TEST(CurlLibraryTest, LoadsOnceAndResolvesWorkingFunctions) {
  auto first = LoadCurlLibrary();
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto second = LoadCurlLibrary();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first.value(), second.value());
  EXPECT_EQ(first.value(), &Curl());
  // Calls through the table reach the real library: the URL API parses and answers.
  CURLU* url = Curl().url();
  ASSERT_NE(url, nullptr);
  ASSERT_EQ(Curl().url_set(url, CURLUPART_URL, "https://Example.org/a", 0), CURLUE_OK);
  char* host = nullptr;
  ASSERT_EQ(Curl().url_get(url, CURLUPART_HOST, &host, 0), CURLUE_OK);
  EXPECT_EQ(std::string(host), "Example.org");
  Curl().free(host);
  Curl().url_cleanup(url);
  EXPECT_EQ(std::string(Curl().easy_strerror(CURLE_OK)), "No error");
}

}  // namespace
}  // namespace warta::ingest::fetcher
