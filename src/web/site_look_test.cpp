// The site's own look (web/site_look.h): the accent colour's contrast rule, the custom CSS
// rules that keep readers' browsers on the site (also through CSS escapes), and the
// stylesheet made from both.
#include "web/site_look.h"

#include <gtest/gtest.h>

#include <string>

namespace warta::web {
namespace {

TEST(CheckAccentColorTest, TakesDarkColoursForWhiteText) {
  EXPECT_TRUE(CheckAccentColor("#a4161a").ok());  // the built-in red: 7.4:1
  EXPECT_TRUE(CheckAccentColor("#1B4F72").ok());
  EXPECT_TRUE(CheckAccentColor("#000000").ok());
  // #767676 is the lightest grey with 4.5:1 on white; #777777 falls just short.
  EXPECT_TRUE(CheckAccentColor("#767676").ok());
  EXPECT_FALSE(CheckAccentColor("#777777").ok());
  EXPECT_FALSE(CheckAccentColor("#ffee88").ok());
  EXPECT_FALSE(CheckAccentColor("#ffffff").ok());
}

TEST(CheckAccentColorTest, RefusesWhatIsNotRrGgBb) {
  for (const char* bad : {"", "red", "#fff", "#12345g", "123456", "#1234567", " #123456"}) {
    auto checked = CheckAccentColor(bad);
    ASSERT_FALSE(checked.ok()) << bad;
    EXPECT_EQ(checked.error().user_key, "settings_error_accent_color");
  }
}

TEST(CheckCustomCssTest, TakesOrdinaryRulesLocalUrlsAndDataImages) {
  EXPECT_TRUE(CheckCustomCss("").ok());
  EXPECT_TRUE(
      CheckCustomCss(".kicker{letter-spacing:.1em}\n@media (min-width:40em){h1{font-size:3rem}}")
          .ok());
  EXPECT_TRUE(CheckCustomCss(".a{background:url(/media/ab/x-320.jpg)}").ok());
  EXPECT_TRUE(CheckCustomCss(".a{background:url( \"/static/favicon.svg\" )}").ok());
  EXPECT_TRUE(CheckCustomCss(".a{background:url('data:image/png;base64,AAAA')}").ok());
  EXPECT_TRUE(CheckCustomCss(".a::before{content:\"\\2014\"}").ok());  // an escape, harmless
  EXPECT_TRUE(CheckCustomCss("h1{font-family:\"Noto Serif\",serif}").ok());
}

TEST(CheckCustomCssTest, RefusesEveryWayToLoadFromAnotherHost) {
  for (const char* css : {
           "@import url(https://fonts.example/a.css);",
           "@IMPORT 'https://fonts.example/a.css';",
           "@\\69mport 'x.css';",  // an escaped i
           ".a{background:url(https://tracker.example/p.gif)}",
           ".a{background:URL('http://tracker.example/p.gif')}",
           ".a{background:url(//tracker.example/p.gif)}",       // the reader's scheme, another host
           ".a{background:url('/\\\\tracker.example/p.gif')}",  // "/\\": "//" to a browser
           ".a{background:\\75 rl(//tracker.example/p.gif)}",   // url( spelled with an escape
           ".a{background:u\\72l(https://x.example/)}",
           "@font-face{font-family:x;src:url(https://fonts.example/x.woff2)}",
           ".a{background:image-set('https://x.example/a.png' 1x)}",
           ".a{background:url(javascript:alert(1))}",
       }) {
    auto checked = CheckCustomCss(css);
    ASSERT_FALSE(checked.ok()) << css;
    EXPECT_EQ(checked.error().user_key, "settings_error_custom_css") << css;
  }
}

TEST(CheckCustomCssTest, BoundsSizeEncodingAndControlCharacters) {
  EXPECT_TRUE(CheckCustomCss(std::string(kMaxCustomCssBytes, ' ')).ok());
  EXPECT_FALSE(CheckCustomCss(std::string(kMaxCustomCssBytes + 1, ' ')).ok());
  EXPECT_FALSE(CheckCustomCss("a{color:red}\xff").ok());
  EXPECT_FALSE(CheckCustomCss(std::string("a{color:red}\0", 13)).ok());
  EXPECT_FALSE(CheckCustomCss("a{color:red}\x1b").ok());
}

TEST(LookStylesheetTest, HoldsTheAccentForTheLightSchemeThenTheCustomCss) {
  EXPECT_EQ(LookStylesheet(SiteLook{}), "");
  SiteLook look;
  look.accent_color = "#1B4F72";
  const std::string accent_only = LookStylesheet(look);
  EXPECT_NE(accent_only.find("--accent:#1b4f72"), std::string::npos);
  EXPECT_NE(accent_only.find("not all and (prefers-color-scheme:dark)"), std::string::npos);
  look.custom_css = ".kicker{color:black}";
  const std::string both = LookStylesheet(look);
  EXPECT_EQ(both.rfind(accent_only, 0), 0U);  // the accent first, so custom CSS can override
  EXPECT_NE(both.find(".kicker{color:black}\n"), std::string::npos);
}

}  // namespace
}  // namespace warta::web
