#include "http/server/strict_head.h"

#include <gtest/gtest.h>

namespace warta::http::server {
namespace {

TEST(StrictHeadTest, ObsoleteFoldingIsFound) {
  EXPECT_FALSE(HasObsFold("GET / HTTP/1.1\r\nHost: a\r\nX-A: b c\r\n"));
  EXPECT_TRUE(HasObsFold("GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n"));
  EXPECT_TRUE(HasObsFold("GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n\tc\r\n"));
  // A first field line that starts with white space is folding onto the request line.
  EXPECT_TRUE(HasObsFold("GET / HTTP/1.1\r\n Host: a\r\n"));
}

TEST(StrictHeadTest, Http11NeedsExactlyOneHost) {
  HeadFacts facts;
  EXPECT_EQ(FramingProblem(facts), "HTTP/1.1 request without Host");
  facts.host_fields = 2;
  EXPECT_EQ(FramingProblem(facts), "more than one Host field");
  facts.host_fields = 1;
  EXPECT_EQ(FramingProblem(facts), "");
  HeadFacts old;
  old.version = 10;  // HTTP/1.0 predates Host
  EXPECT_EQ(FramingProblem(old), "");
}

TEST(StrictHeadTest, OnlyAPlainChunkedTransferEncoding) {
  HeadFacts facts;
  facts.host_fields = 1;
  facts.transfer_encoding_fields = 1;
  for (const char* ok : {"chunked", "Chunked", " chunked "}) {
    facts.transfer_encoding = ok;
    EXPECT_EQ(FramingProblem(facts), "") << ok;
  }
  for (const char* bad : {"chunked, identity", "identity", "gzip, chunked", "chunked;x", ""}) {
    facts.transfer_encoding = bad;
    EXPECT_EQ(FramingProblem(facts), "Transfer-Encoding other than chunked") << bad;
  }
  facts.transfer_encoding = "chunked";
  facts.transfer_encoding_fields = 2;
  EXPECT_EQ(FramingProblem(facts), "more than one Transfer-Encoding field");
  facts.transfer_encoding_fields = 1;
  facts.content_length_fields = 1;
  EXPECT_EQ(FramingProblem(facts), "both Transfer-Encoding and Content-Length");
}

}  // namespace
}  // namespace warta::http::server
