#include "http/server/response_writer.h"

#include <gtest/gtest.h>

#include "http/server/test_client.h"

namespace warta::http::server {
namespace {

TEST(AcceptsGzipTest, ParsesQualities) {
  EXPECT_TRUE(AcceptsGzip("gzip"));
  EXPECT_TRUE(AcceptsGzip("deflate, GZIP ;q=0.5"));
  EXPECT_TRUE(AcceptsGzip("x-gzip"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_TRUE(AcceptsGzip("br;q=1.0, *;q=0.1"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("br, deflate"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzip; q=0.000"));
  EXPECT_FALSE(AcceptsGzip("*, gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("*;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzipx"));
}

Request WithHeaders(std::vector<std::pair<std::string_view, std::string_view>> headers,
                    Method method = Method::kGet) {
  Request r;
  r.method = method;
  r.headers = std::move(headers);
  return r;
}

TEST(NotModifiedTest, EtagsAndDates) {
  Response res;
  res.SetHeader("ETag", "\"abc\"");
  res.SetHeader("Last-Modified", "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_TRUE(NotModified(WithHeaders({{"If-None-Match", "\"abc\""}}), res));
  EXPECT_TRUE(NotModified(WithHeaders({{"If-None-Match", "\"x\", W/\"abc\""}}), res));
  EXPECT_TRUE(NotModified(WithHeaders({{"If-None-Match", " * "}}), res));
  EXPECT_FALSE(NotModified(WithHeaders({{"If-None-Match", "\"abcd\""}}), res));
  EXPECT_FALSE(NotModified(WithHeaders({{"If-None-Match", "abc"}}), res));
  // If-None-Match present: If-Modified-Since is ignored.
  EXPECT_FALSE(NotModified(WithHeaders({{"If-None-Match", "\"zzz\""},
                                        {"If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT"}}),
                           res));
  EXPECT_TRUE(
      NotModified(WithHeaders({{"If-Modified-Since", "Mon, 07 Nov 1994 00:00:00 GMT"}}), res));
  EXPECT_FALSE(
      NotModified(WithHeaders({{"If-Modified-Since", "Sat, 05 Nov 1994 00:00:00 GMT"}}), res));
  EXPECT_FALSE(NotModified(WithHeaders({{"If-Modified-Since", "yesterday"}}), res));
  EXPECT_FALSE(NotModified(WithHeaders({}), res));
  Response no_validators;
  EXPECT_FALSE(NotModified(WithHeaders({{"If-None-Match", "\"abc\""}}), no_validators));
}

struct Prepared {
  std::string head;
  std::string body;
  std::size_t length;
};

Prepared PrepareFor(const Request& request, Response response, WireOptions options = {}) {
  Gzipper gzipper;
  std::string gz;
  Prepared p;
  Wire wire = Prepare(request, response, options, gzipper, gz, p.head);
  p.body = std::string(wire.body);
  p.length = wire.content_length;
  return p;
}

TEST(PrepareTest, WritesStatusHeadersAndLength) {
  Response res = TextResponse(201, "made");
  res.SetHeader("Location", "/x");
  WireOptions options;
  options.date = "Sun, 06 Nov 1994 08:49:37 GMT";
  Prepared p = PrepareFor(WithHeaders({}, Method::kPost), res, options);
  EXPECT_EQ(p.head,
            "HTTP/1.1 201 Created\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Location: /x\r\n"
            "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
            "Content-Length: 4\r\n"
            "\r\n");
  EXPECT_EQ(p.body, "made");
}

TEST(PrepareTest, DropsInjectedAndServerOwnedHeaders) {
  Response res = TextResponse(200, "x");
  res.headers.emplace_back("X-Evil", "a\r\nSet-Cookie: owned=1");
  res.headers.emplace_back("Bad Name", "v");
  res.headers.emplace_back("Content-Length", "999");
  res.headers.emplace_back("Connection", "upgrade");
  res.headers.emplace_back("Content-Type", "text/css");
  WireOptions options;
  options.keep_alive = false;
  Prepared p = PrepareFor(WithHeaders({}), res, options);
  EXPECT_EQ(p.head,
            "HTTP/1.1 200 OK\r\n"
            "Content-Type: text/css\r\n"
            "Content-Length: 1\r\n"
            "Connection: close\r\n"
            "\r\n");
}

TEST(PrepareTest, NoContentAndHead) {
  Response none;
  none.status = 204;
  Prepared p = PrepareFor(WithHeaders({}), none);
  EXPECT_EQ(p.head, "HTTP/1.1 204 No Content\r\n\r\n");
  Prepared head = PrepareFor(WithHeaders({}, Method::kHead), TextResponse(200, "12345"));
  EXPECT_EQ(head.body, "");
  EXPECT_EQ(head.length, 5u);
  EXPECT_NE(head.head.find("Content-Length: 5\r\n"), std::string::npos);
}

TEST(PrepareTest, GzipMergesVaryAndWeakensEtag) {
  Response res = TextResponse(200, std::string(4000, 'a'));
  res.SetHeader("Vary", "Cookie");
  res.SetHeader("ETag", "\"e\"");
  Prepared p = PrepareFor(WithHeaders({{"Accept-Encoding", "gzip"}}), res);
  EXPECT_NE(p.head.find("Vary: Cookie, Accept-Encoding\r\n"), std::string::npos) << p.head;
  EXPECT_NE(p.head.find("ETag: W/\"e\"\r\n"), std::string::npos) << p.head;
  EXPECT_NE(p.head.find("Content-Encoding: gzip\r\n"), std::string::npos);
  EXPECT_EQ(http::testing::Gunzip(p.body), std::string(4000, 'a'));
  EXPECT_NE(p.head.find("Content-Length: " + std::to_string(p.body.size()) + "\r\n"),
            std::string::npos);

  res.compressible = false;
  Prepared off = PrepareFor(WithHeaders({{"Accept-Encoding", "gzip"}}), res);
  EXPECT_EQ(off.head.find("gzip"), std::string::npos);
  EXPECT_EQ(off.head.find("Accept-Encoding"), std::string::npos);

  Response error = TextResponse(404, std::string(4000, 'a'));
  Prepared not_ok = PrepareFor(WithHeaders({{"Accept-Encoding", "gzip"}}), error);
  EXPECT_EQ(not_ok.head.find("gzip"), std::string::npos);
}

TEST(PrepareTest, NotModifiedHasNoBodyOrLength) {
  Response res = TextResponse(200, "body");
  res.SetHeader("ETag", "\"1\"");
  Prepared p = PrepareFor(WithHeaders({{"If-None-Match", "\"1\""}}), res);
  EXPECT_EQ(p.head, "HTTP/1.1 304 Not Modified\r\nETag: \"1\"\r\n\r\n");
  EXPECT_EQ(p.body, "");
  // Only GET and HEAD are conditional here.
  Prepared post = PrepareFor(WithHeaders({{"If-None-Match", "\"1\""}}, Method::kPost), res);
  EXPECT_EQ(post.body, "body");
}

TEST(PrepareTest, SharedBodiesAreSentAsTheyAre) {
  Response res;
  res.body = "ignored";
  res.shared_body = std::make_shared<const std::string>(std::string(3000, 'p'));
  res.shared_gzip_body = std::make_shared<const std::string>("GZ");
  Prepared plain = PrepareFor(WithHeaders({}), res);
  EXPECT_EQ(plain.body, std::string(3000, 'p'));
  Prepared gz = PrepareFor(WithHeaders({{"Accept-Encoding", "gzip"}}), res);
  EXPECT_EQ(gz.body, "GZ");
  EXPECT_NE(gz.head.find("Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n"), std::string::npos);
  EXPECT_NE(gz.head.find("Content-Length: 2\r\n"), std::string::npos);
  res.shared_gzip_body.reset();
  Prepared compressed = PrepareFor(WithHeaders({{"Accept-Encoding", "gzip"}}), res);
  EXPECT_EQ(http::testing::Gunzip(compressed.body), std::string(3000, 'p'));
}

// The file a Wire names to send with sendfile, from a request for `res`.
const BodyFile* FileFor(const Request& request, Response& res) {
  Gzipper gzipper;
  std::string gz, head;
  return Prepare(request, res, {}, gzipper, gz, head).file;
}

TEST(PrepareTest, NamesTheBodyFileOfTheRepresentationSent) {
  // Bytes that do not compress, so the gzip body is big enough for a file too.
  std::string plain(BodyFile::kMinBytes * 2, '\0');
  std::uint32_t x = 12345;
  for (char& c : plain) c = static_cast<char>((x = x * 1103515245U + 12345U) >> 24);
  Response res;
  res.shared_body = std::make_shared<const std::string>(plain);
  res.shared_gzip_body = std::make_shared<const std::string>(GzipOnce(plain));
  res.shared_body_file = BodyFile::Make(plain);
  ASSERT_NE(res.shared_body_file, nullptr);
  EXPECT_EQ(FileFor(WithHeaders({}), res), res.shared_body_file.get());
  // Without a file for the gzip body it is sent from memory, never from the identity file.
  EXPECT_EQ(FileFor(WithHeaders({{"Accept-Encoding", "gzip"}}), res), nullptr);
  res.shared_gzip_file = BodyFile::Make(*res.shared_gzip_body);
  ASSERT_NE(res.shared_gzip_file, nullptr);
  EXPECT_EQ(FileFor(WithHeaders({{"Accept-Encoding", "gzip"}}), res), res.shared_gzip_file.get());
  EXPECT_EQ(FileFor(WithHeaders({}, Method::kHead), res), nullptr);  // no body at all
  res.SetHeader("ETag", "\"v\"");
  EXPECT_EQ(FileFor(WithHeaders({{"If-None-Match", "\"v\""}}), res), nullptr);  // 304
  // A file that does not hold the body's bytes (a caller's mistake) is not used.
  Response other = res;
  other.status = 200;
  other.shared_body = std::make_shared<const std::string>(plain + "x");
  EXPECT_EQ(FileFor(WithHeaders({}), other), nullptr);
  // A body built per request (no shared_body) never goes out from a file.
  Response own = TextResponse(200, plain);
  own.shared_body_file = res.shared_body_file;
  EXPECT_EQ(FileFor(WithHeaders({}), own), nullptr);
}

TEST(PrepareTest, InvalidStatusBecomes500) {
  Response res = TextResponse(42, "?");
  res.route = "r";
  Gzipper gzipper;
  std::string gz, head;
  Request req;
  Prepare(req, res, {}, gzipper, gz, head);
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.route, "r");
  EXPECT_EQ(head.substr(0, 34), "HTTP/1.1 500 Internal Server Error");
}

TEST(DateCacheTest, FollowsItsClockBySeconds) {
  FakeClock clock(784111777);
  DateCache date(clock);
  EXPECT_EQ(date.Now(), "Sun, 06 Nov 1994 08:49:37 GMT");
  clock.Advance(std::chrono::milliseconds(500));  // the same second: the same text
  EXPECT_EQ(date.Now(), "Sun, 06 Nov 1994 08:49:37 GMT");
  clock.Advance(std::chrono::milliseconds(500));
  EXPECT_EQ(date.Now(), "Sun, 06 Nov 1994 08:49:38 GMT");
}

}  // namespace
}  // namespace warta::http::server
