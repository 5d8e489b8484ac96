#include "ingest/sanitizer/sanitizer.h"

#include <gtest/gtest.h>

#include <ctime>
#include <string>

#include "ingest/sanitizer/test_support.h"

namespace warta::ingest::sanitizer {
namespace {

using testing::SafetyProblems;

// CPU time, not wall time: the budget is CPU time, and test machines are shared.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::string Clean(std::string_view html, const std::string& base = "") {
  SanitizeOptions options;
  options.base_url = base;
  return Sanitize(html, options);
}

// Classic vectors (OWASP filter evasion cheat sheet, html5sec.org, PortSwigger's list).
const char* const kXssVectors[] = {
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//xss.example/x.js></SCRIPT>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
    "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
    "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
    "<img src=x onerror=&#x61;lert(1)>",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;"
    "&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74"
    "&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    "<a href=\"java\0script:alert(1)\">x</a>",
    "<a href=\"\x01javascript:alert(1)\">x</a>",
    "<SCRIPT/XSS SRC=\"http://xss.example/xss.js\"></SCRIPT>",
    "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
    "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
    "<SCRIPT SRC=http://xss.example/xss.js?< B >",
    "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
    "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
    "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    "<IMG DYNSRC=\"javascript:alert('XSS')\">",
    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
    "<svg/onload=alert('XSS')>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
    "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" onload=alert(1)></iframe>",
    "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><TD BACKGROUND=\"javascript:alert(1)\">x",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<DIV STYLE=\"width: expression(alert('XSS'));\">",
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.example/scriptlet.html\"></OBJECT>",
    "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAv"
    "c3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv\" AllowScriptAccess=\"always\"></EMBED>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=\"javascript&colon;alert(1)\">x</a>",
    "<a href=\"&#1;javascript:alert(1)\">x</a>",
    "<a href=\"jav&#x0D;ascript:alert(1)\">x</a>",
    "<a href=\"  javascript:alert(1)\">x</a>",
    "<a href=\"javascript:123\">x</a>",
    "<form action=\"javascript:alert(1)\"><input type=submit></form>",
    "<button formaction=\"javascript:alert(1)\">x</button>",
    "<video poster=javascript:alert(1)//></video>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<template><script>alert(1)</script></template>",
    "<xmp><p title=\"</xmp><img src=x onerror=alert(1)>\">",
    "<noembed><img title=\"</noembed><img src onerror=alert(1)>\"></noembed>",
    "<p><style><img src=x onerror=alert(1)></style></p>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<img src=x onerror=alert(1)>]]>",
    "<img src=\"x\" alt=\"\"onerror=alert(1)>",
    "<a href=\"https://ok.example/\" style=\"position:fixed;top:0\">overlay</a>",
    "<p id=\"headline\" class=\"x\">clobber</p>",
    "<img src=\"https://ok.example/a.png\" srcset=\"javascript:alert(1) 1x\">",
    "<a href=\"//evil.example\\@ok.example\">x</a>",
    "<isindex type=image src=1 onerror=alert(1)>",
    "<math><a xlink:href=\"javascript:alert(1)\">x</a></math>",
    "<details open ontoggle=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<p>a<plaintext><script>alert(1)</script>",
};

TEST(SanitizeTest, ClassicXssVectorsComeOutSafe) {
  SanitizeOptions options;
  options.base_url = "https://news.example/a/b.html";
  for (const char* vector : kXssVectors) {
    const std::string out = Sanitize(vector, options);
    EXPECT_EQ(SafetyProblems(out), std::vector<std::string>{}) << vector << "\n-> " << out;
    EXPECT_EQ(Sanitize(out, options), out) << vector;
    for (const char* needle : {"script", "onerror", "onload", "javascript", "style="}) {
      EXPECT_EQ(out.find(needle), std::string::npos) << vector << "\n-> " << out;
    }
  }
}

TEST(SanitizeTest, KeepsAllowedMarkupAndDropsTheRest) {
  EXPECT_EQ(Clean("<p>Hello <b>bold</b> <em class=x>em</em></p>"),
            "<p>Hello <b>bold</b> <em>em</em></p>");
  EXPECT_EQ(Clean("<p>a<script>alert(1)</script>b</p>"), "<p>ab</p>");
  EXPECT_EQ(Clean("<custom-tag><font color=red>kept</font></custom-tag>"), "kept");
  EXPECT_EQ(Clean("<span style=\"color:red\">x</span>"), "x");
  EXPECT_EQ(Clean("<h1>Big</h1><h3 id=headline>Small</h3>"), "<h2>Big</h2><h3>Small</h3>");
  EXPECT_EQ(Clean("<section><p>a</p></section>"), "<div><p>a</p></div>");
  EXPECT_EQ(Clean("a<!-- secret -->b"), "ab");
  EXPECT_EQ(Clean("<p></p><p> &nbsp; </p><p><br></p><p>x</p>"), "<p>x</p>");
  EXPECT_EQ(Clean("\n  <div>\n\t<span> </span></div> <p>x</p>\n"), "<p>x</p>");
  EXPECT_EQ(Clean("<table><tr><td colspan=2 rowspan=0 style=x>c</td></tr></table>"),
            "<table><tbody><tr><td colspan=\"2\">c</td></tr></tbody></table>");
  EXPECT_EQ(Clean("<ol start=3 type=a><li>x</ol>"), "<ol start=\"3\"><li>x</li></ol>");
  EXPECT_EQ(Clean("<p lang=ja dir=rtl onclick=x>t</p>"), "<p lang=\"ja\" dir=\"rtl\">t</p>");
  EXPECT_EQ(Clean("<form><label>Name</label><input name=q><button>Go</button></form>"), "Name");
}

TEST(SanitizeTest, LinksAreResolvedAndMarked) {
  const std::string base = "https://news.example/politik/2024/story.html?x=1";
  EXPECT_EQ(Clean("<a href=\"../img/a b.png\" target=_blank title=T>x</a>", base),
            "<a href=\"https://news.example/politik/img/a%20b.png\" title=\"T\" "
            "rel=\"noopener noreferrer nofollow\">x</a>");
  EXPECT_EQ(Clean("<a href=\"#fn1\">1</a>", base),
            "<a href=\"https://news.example/politik/2024/story.html?x=1#fn1\" "
            "rel=\"noopener noreferrer nofollow\">1</a>");
  EXPECT_EQ(Clean("<a href=\"//cdn.example/x\">x</a>", base),
            "<a href=\"https://cdn.example/x\" rel=\"noopener noreferrer nofollow\">x</a>");
  EXPECT_EQ(Clean("<a href=\"mailto:desk@news.example\">m</a>", base),
            "<a href=\"mailto:desk@news.example\" rel=\"noopener noreferrer nofollow\">m</a>");
  EXPECT_EQ(Clean("<a href=\"/x\">rel</a>"),
            "<a href=\"/x\" rel=\"noopener noreferrer nofollow\">rel</a>");
  EXPECT_EQ(Clean("<a href=\"javascript:alert(1)\">text stays</a>", base), "text stays");
  EXPECT_EQ(Clean("<a href=\"tel:123\">call</a>", base), "call");
  EXPECT_EQ(Clean("<a name=top>anchor</a>"), "anchor");
  EXPECT_EQ(Clean("<a href=1><marquee><a href=2>x</a></marquee></a>"),
            "<a href=\"1\" rel=\"noopener noreferrer nofollow\">x</a>");
}

TEST(SanitizeTest, ImagesAreLazyAndChecked) {
  const std::string base = "http://news.example/a/";
  EXPECT_EQ(Clean("<img src=\"p.jpg\" alt=\"A &amp; B\" width=640 height=50% onload=x>", base),
            "<img src=\"http://news.example/a/p.jpg\" alt=\"A &amp; B\" width=\"640\" "
            "loading=\"lazy\" decoding=\"async\">");
  EXPECT_EQ(Clean("<p>a<img src=\"data:image/png;base64,AAAA\">b</p>", base), "<p>ab</p>");
  EXPECT_EQ(Clean("<img alt=nosrc>"), "");
  SanitizeOptions options;
  options.allow_images = false;
  EXPECT_EQ(Sanitize("<p>a<img src=\"https://x.example/i.png\">b</p>", options), "<p>ab</p>");
}

// The newsroom's articles show images served by warta only (/media/...).
TEST(SanitizeTest, ImagesOnlyUnderAPathPrefix) {
  SanitizeOptions options;
  options.image_path_prefix = "/media/";
  EXPECT_EQ(Sanitize("<p>a<img src=\"/media/ab/12.webp\" alt=\"x\">b</p>", options),
            "<p>a<img src=\"/media/ab/12.webp\" alt=\"x\" loading=\"lazy\" "
            "decoding=\"async\">b</p>");
  for (const char* src : {"https://evil.example/media/x.png", "//evil.example/media/x.png",
                          "/mediax/a.png", "/media/../admin", "media/a.png"}) {
    EXPECT_EQ(Sanitize(std::string("<p>a<img src=\"") + src + "\">b</p>", options), "<p>ab</p>")
        << src;
  }
}

TEST(SanitizeTest, IframesOnlyFromAllowedHttpsHosts) {
  SanitizeOptions options;
  options.iframe_hosts = {"www.youtube-nocookie.com"};
  EXPECT_EQ(Sanitize("<iframe src=\"https://WWW.youtube-nocookie.com/embed/abc\" width=560 "
                     "height=315 allowfullscreen frameborder=0>fallback</iframe>",
                     options),
            "<iframe src=\"https://WWW.youtube-nocookie.com/embed/abc\" width=\"560\" "
            "height=\"315\" allowfullscreen=\"\" sandbox=\"allow-scripts allow-same-origin "
            "allow-popups\" loading=\"lazy\"></iframe>");
  for (const char* refused :
       {"<iframe src=\"http://www.youtube-nocookie.com/embed/abc\"></iframe>",
        "<iframe src=\"https://evil.example/embed\"></iframe>",
        "<iframe src=\"https://www.youtube-nocookie.com.evil.example/\"></iframe>",
        "<iframe src=\"https://www.youtube-nocookie.com@evil.example/\"></iframe>",
        "<iframe src=\"https://evil.example\\@www.youtube-nocookie.com/\"></iframe>",
        "<iframe src=\"/embed/abc\"></iframe>"}) {
    EXPECT_EQ(Sanitize(refused, options), "") << refused;
  }
  options.profile = Profile::kComment;
  EXPECT_EQ(Sanitize("<iframe src=\"https://www.youtube-nocookie.com/embed/a\"></iframe>", options),
            "");
}

TEST(SanitizeTest, EscapingRoundTripsAndKeepsJapaneseBytes) {
  const std::string japanese =
      "<p>東京都は1日、新型コロナウイルスの感染者が<ruby>漢字<rt>かんじ</rt></ruby>確認された"
      "と発表した。</p>";
  EXPECT_EQ(Clean(japanese), japanese);
  EXPECT_EQ(Clean("<p>a &lt;b&gt; &amp;amp; \"q\" 'x' &copy; &nbsp;</p>"),
            "<p>a &lt;b&gt; &amp;amp; \"q\" 'x' \xC2\xA9 &nbsp;</p>");
  EXPECT_EQ(Clean("<abbr title='&quot;x&quot; <y>'>z</abbr>"),
            "<abbr title=\"&quot;x&quot; &lt;y&gt;\">z</abbr>");
  EXPECT_EQ(Clean("<pre>\n\ncode\n</pre>"), "<pre>\n\ncode\n</pre>");
  EXPECT_EQ(Clean("bad \xFF byte"), "bad \xEF\xBF\xBD byte");
}

TEST(SanitizeTest, CommentProfileIsSmall) {
  SanitizeOptions options;
  options.profile = Profile::kComment;
  EXPECT_EQ(Sanitize("<h1>T</h1><p><strong>s</strong> <b>b</b> <a href=\"https://x.example/\" "
                     "title=t>l</a><img src=\"https://x.example/i.png\"></p><table><tr><td>c"
                     "</td></tr></table><ul><li>i</li></ul>",
                     options),
            "<p>T</p><p><strong>s</strong> b <a href=\"https://x.example/\" "
            "rel=\"noopener noreferrer nofollow ugc\">l</a></p>c<ul><li>i</li></ul>");
}

TEST(SanitizeTest, DeepNestingIsFlattened) {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<blockquote>";
  html += "deep";
  SanitizeReport report;
  const std::string out = Sanitize(html, {}, &report);
  EXPECT_TRUE(report.depth_limited);
  std::string expected;
  for (int i = 0; i < kMaxDepth; ++i) expected += "<blockquote>";
  expected += "deep";
  for (int i = 0; i < kMaxDepth; ++i) expected += "</blockquote>";
  EXPECT_EQ(out, expected);
  EXPECT_EQ(Sanitize(out, {}), out);
}

TEST(SanitizeTest, TablesNearTheDepthLimitStayWhole) {
  std::string html;
  for (int i = 0; i < kMaxDepth - 2; ++i) html += "<div>";
  html += "<table><tr><td>cell</td></tr></table>";
  const std::string out = Sanitize(html, {});
  EXPECT_EQ(out.find("<table"), std::string::npos);
  EXPECT_NE(out.find("cell"), std::string::npos);
  EXPECT_EQ(Sanitize(out, {}), out);
}

TEST(SanitizeTest, OversizedInputIsRefused) {
  SanitizeReport report;
  EXPECT_EQ(Sanitize(std::string(kMaxInputBytes + 1, 'a'), {}, &report), "");
  EXPECT_TRUE(report.too_large);
  EXPECT_EQ(ToPlainText(std::string(kMaxInputBytes + 1, 'a'), &report), "");
  EXPECT_TRUE(report.too_large);
}

TEST(SanitizeTest, QuadraticParsesStopAtTheCpuBudget) {
  std::string html;
  while (html.size() < 1024 * 1024) html += "<div>";
  SanitizeReport report;
  const double start = ThreadCpuSeconds();
  EXPECT_EQ(Sanitize(html, {}, &report), "");
  EXPECT_TRUE(report.too_complex);
  EXPECT_LT(ThreadCpuSeconds() - start, kMaxParseCpuSeconds + 0.5);
}

// Found by fuzz/sanitizer_fuzz.cpp: "&#8;" came out as a raw backspace, which reads back as
// U+FFFD (so Sanitize was not idempotent) and is not allowed in the XML of feeds out.
TEST(SanitizeTest, ControlCharacterReferencesAreDropped) {
  EXPECT_EQ(Clean("<p>a&#8;b&#x1b;c</p>"), "<p>abc</p>");
  EXPECT_EQ(Clean("<a href=\"/x\" title=\"t&#1;u\">l</a>", "https://e.com/"),
            Clean("<a href=\"/x\" title=\"tu\">l</a>", "https://e.com/"));
  const std::string once = Clean("\x01<d</li>&amp;&lt;&#8;&#x110000;");
  EXPECT_EQ(Clean(once), once);
}

}  // namespace
}  // namespace warta::ingest::sanitizer
