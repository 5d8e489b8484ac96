#include "http/multipart.h"

#include <gtest/gtest.h>

namespace warta::http {
namespace {

constexpr std::string_view kBoundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

std::string Body(const std::vector<std::string>& parts, std::string_view boundary = kBoundary) {
  std::string body;
  for (const std::string& p : parts) body += "--" + std::string(boundary) + "\r\n" + p + "\r\n";
  return body + "--" + std::string(boundary) + "--\r\n";
}

TEST(MultipartBoundaryTest, ReadsTheBoundaryQuotedOrNot) {
  EXPECT_EQ(*MultipartBoundary("multipart/form-data; boundary=abc"), "abc");
  EXPECT_EQ(*MultipartBoundary("Multipart/Form-Data;boundary=\"a b;c\""), "a b;c");
  EXPECT_EQ(*MultipartBoundary("multipart/form-data; charset=utf-8; BOUNDARY=x-y"), "x-y");
  EXPECT_FALSE(MultipartBoundary("application/json").ok());
  EXPECT_FALSE(MultipartBoundary("multipart/form-data").ok());
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=").ok());
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'b')).ok());
  EXPECT_EQ(MultipartBoundary("text/plain").error().message,
            "multipart: expected Content-Type multipart/form-data, got 'text/plain'");
}

TEST(MultipartTest, ReadsFieldsAndFilesAsBrowsersSendThem) {
  static constexpr char kPicture[] = "\xFF\xD8\xFF\xE0\r\n--not-the-boundary\r\n\0tail";
  const std::string picture(kPicture, sizeof kPicture - 1);
  const std::string body =
      Body({"Content-Disposition: form-data; name=\"alt\"\r\n\r\nGunung Fuji",
            "Content-Disposition: form-data; name=\"file\"; filename=\"fuji \\\"1\\\".jpg\"\r\n"
            "Content-Type: image/jpeg\r\n\r\n" +
                picture});
  auto parts = ParseMultipart(body, kBoundary);
  ASSERT_TRUE(parts.ok()) << parts.error().ToString();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "alt");
  EXPECT_EQ((*parts)[0].filename, "");
  EXPECT_EQ((*parts)[0].body, "Gunung Fuji");
  const MultipartPart* file = FindPart(*parts, "file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename, "fuji \"1\".jpg");
  EXPECT_EQ(file->content_type, "image/jpeg");
  EXPECT_EQ(file->body, picture);
  EXPECT_EQ(FindPart(*parts, "caption"), nullptr);
}

TEST(MultipartTest, EmptyValuesPreamblesAndEpilogues) {
  std::string body = "a preamble to ignore\r\n" +
                     Body({"Content-Disposition: form-data; name=\"alt\"\r\n\r\n"}) + "an epilogue";
  auto parts = ParseMultipart(body, kBoundary);
  ASSERT_TRUE(parts.ok()) << parts.error().ToString();
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].body, "");
  // curl writes "--boundary" then CRLF; some clients pad the boundary line with spaces.
  auto padded =
      ParseMultipart("--b  \r\nContent-Disposition: form-data; name=x\r\n\r\n1\r\n--b--", "b");
  ASSERT_TRUE(padded.ok()) << padded.error().ToString();
  EXPECT_EQ((*padded)[0].name, "x");
  EXPECT_EQ((*padded)[0].body, "1");
}

TEST(MultipartTest, RefusesBrokenBodiesWithAReason) {
  auto refused = [](std::string_view body) {
    auto parts = ParseMultipart(body, kBoundary);
    return parts.ok() ? std::string("(accepted)") : parts.error().message;
  };
  const std::string good_part = "Content-Disposition: form-data; name=\"file\"\r\n\r\nbytes";
  std::string cut = Body({good_part});
  cut.resize(cut.size() - 10);
  EXPECT_EQ(refused(cut), "multipart: the closing boundary is missing");
  EXPECT_EQ(refused("no boundary at all"), "multipart: the body does not contain the boundary");
  EXPECT_EQ(refused(Body({"Content-Type: text/plain\r\n\r\nx"})),
            "multipart: a part has no Content-Disposition: form-data with a name");
  EXPECT_EQ(refused(Body({"Content-Disposition: attachment; name=\"a\"\r\n\r\nx"})),
            "multipart: a part has no Content-Disposition: form-data with a name");
  EXPECT_EQ(refused(Body({"Content-Disposition form-data\r\n\r\nx"})),
            "multipart: a part has a malformed header line");
  EXPECT_EQ(refused("--" + std::string(kBoundary) +
                    "\r\nContent-Disposition: form-data; "
                    "name=a\r\nno blank line"),
            "multipart: a part's headers are missing, cut or longer than 8192 bytes");
}

TEST(MultipartTest, LimitsPartsAndHeaderBytes) {
  const std::string part = "Content-Disposition: form-data; name=\"a\"\r\n\r\nx";
  MultipartLimits limits;
  limits.max_parts = 3;
  EXPECT_TRUE(ParseMultipart(Body({part, part, part}), kBoundary, limits).ok());
  EXPECT_EQ(ParseMultipart(Body({part, part, part, part}), kBoundary, limits).error().message,
            "multipart: more than 3 parts");
  limits.max_part_header_bytes = 20;
  EXPECT_FALSE(ParseMultipart(Body({part}), kBoundary, limits).ok());
}

TEST(MultipartTest, APathologicalBodyIsStillLinear) {
  // A body of almost-boundaries: a naive search would compare ~70 bytes at every offset.
  std::string body =
      "--" + std::string(kBoundary) + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n";
  const std::string almost = "\r\n--" + std::string(kBoundary).substr(0, 30);
  while (body.size() < (8u << 20)) body += almost;
  body += "\r\n--" + std::string(kBoundary) + "--";
  auto parts = ParseMultipart(body, kBoundary);
  ASSERT_TRUE(parts.ok()) << parts.error().ToString();
  EXPECT_GT((*parts)[0].body.size(), 8u << 19);
}

}  // namespace
}  // namespace warta::http
