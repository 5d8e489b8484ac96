#include "web/admin/form.h"

#include <gtest/gtest.h>

#include <string>

namespace warta::web {
namespace {

http::Request Post(std::string_view content_type, std::string_view body) {
  http::Request request;
  request.method = http::Method::kPost;
  request.target = "/admin/articles";
  request.headers = {{"content-type", content_type}};
  request.body = body;
  return request;
}

TEST(AdminForm, ReadsUrlEncodedFieldsWithRepeatsAndEmptyValues) {
  const std::string body = "title=Rupiah+menguat%21&tag=a&tag=b&empty=&flag&featured=0";
  auto form = AdminForm::Parse(Post("application/x-www-form-urlencoded", body));
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->Value("title"), "Rupiah menguat!");
  EXPECT_EQ(form->All("tag"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(form->Has("empty"));
  EXPECT_EQ(form->Value("empty"), "");
  EXPECT_FALSE(form->Checked("featured"));
  EXPECT_FALSE(form->Checked("missing"));
  EXPECT_FALSE(form->Get("missing").has_value());
}

TEST(AdminForm, ReadsMultipartFieldsAndFiles) {
  const std::string body =
      "--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nGempa & tsunami\r\n"
      "--b\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n42\r\n"
      "--b\r\nContent-Disposition: form-data; name=\"lead_image_file\"; filename=\"a.png\"\r\n"
      "Content-Type: image/png\r\n\r\nPNGDATA\r\n"
      "--b\r\nContent-Disposition: form-data; name=\"empty_file\"; filename=\"\"\r\n\r\n\r\n"
      "--b--\r\n";
  auto form = AdminForm::Parse(Post("multipart/form-data; boundary=b", body));
  ASSERT_TRUE(form.ok()) << form.error().ToString();
  EXPECT_EQ(form->Value("title"), "Gempa & tsunami");
  EXPECT_EQ(form->Id("id"), 42);
  ASSERT_NE(form->File("lead_image_file"), nullptr);
  EXPECT_EQ(form->File("lead_image_file")->body, "PNGDATA");
  // A file input left empty is no file; a file is never a text field.
  EXPECT_EQ(form->File("empty_file"), nullptr);
  EXPECT_FALSE(form->Has("lead_image_file"));
}

TEST(AdminForm, RefusesOtherBodiesAndMalformedIds) {
  EXPECT_FALSE(AdminForm::Parse(Post("application/json", "{\"title\":\"x\"}")).ok());
  EXPECT_FALSE(AdminForm::Parse(Post("multipart/form-data; boundary=b", "--b\r\ngarbage")).ok());
  auto form = AdminForm::Parse(Post("application/x-www-form-urlencoded", "id=-3&n=12x"));
  ASSERT_TRUE(form.ok());
  EXPECT_FALSE(form->Id("id").has_value());
  EXPECT_FALSE(form->Id("n").has_value());
}

}  // namespace
}  // namespace warta::web
