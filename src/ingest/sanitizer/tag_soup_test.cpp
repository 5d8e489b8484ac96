// Property test: random tag soup, built from the constructs that make HTML5 tree building
// move, close or reopen elements, must come out safe and idempotent.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <string>

#include "ingest/sanitizer/sanitizer.h"
#include "ingest/sanitizer/test_support.h"

namespace warta::ingest::sanitizer {
namespace {

const char* const kTokens[] = {
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<a href=/x>",
    "<a href=javascript:x>",
    "</a>",
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<table>",
    "</table>",
    "<tr>",
    "<td>",
    "</td>",
    "<th>",
    "<caption>",
    "<tbody>",
    "<ul>",
    "</ul>",
    "<ol>",
    "<li>",
    "</li>",
    "<dl>",
    "<dt>",
    "<dd>",
    "<h1>",
    "</h1>",
    "<h3>",
    "</h3>",
    "<marquee>",
    "</marquee>",
    "<object>",
    "</object>",
    "<button>",
    "</button>",
    "<svg>",
    "</svg>",
    "<math>",
    "<mi>",
    "<foreignObject>",
    "<select>",
    "<option>",
    "<template>",
    "</template>",
    "<form>",
    "</form>",
    "<pre>",
    "</pre>",
    "\n",
    "<span>",
    "</span>",
    "<ruby>",
    "<rt>",
    "<rp>",
    "<img src=/i.png>",
    "<br>",
    "</br>",
    "<hr>",
    "<blockquote>",
    "</blockquote>",
    "<figure>",
    "<figcaption>",
    "<section>",
    "<nobr>",
    "<font>",
    "<center>",
    "<textarea>",
    "<script>",
    "</script>",
    "<style>",
    "<noscript>",
    "<iframe src=https://v.example/e>",
    "</iframe>",
    "<xmp>",
    "<plaintext>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&nbsp;",
    "<",
    ">",
    "\"",
    "text",
    "東京",
    " ",
    "<applet>",
    "<frameset>",
    "<body onload=x>",
    "<html>",
    "<head>",
    "<title>",
    "<col>",
    "<colgroup>",
    "<listing>",
    "<image src=/j.png>",
    "<em>",
    "</em>",
    "<strong>",
    "<code>",
    "<q>",
    "<abbr title=t>",
    "<wbr>",
    "<details>",
    "<summary>",
};

int Rounds() {
  const char* env = std::getenv("WARTA_TAG_SOUP_ROUNDS");  // more for a long local run
  return env != nullptr ? std::atoi(env) : 3000;
}

TEST(TagSoupTest, RandomSoupIsSafeAndIdempotent) {
  std::mt19937 rng(20241101);  // fixed: failures must be reproducible
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kTokens) - 1);
  std::uniform_int_distribution<int> length(1, 60);
  int unstable = 0;
  for (int round = 0, rounds = Rounds(); round < rounds; ++round) {
    std::string html;
    for (int n = length(rng); n > 0; --n) html += kTokens[pick(rng)];
    for (const Profile profile : {Profile::kArticle, Profile::kComment}) {
      SanitizeOptions options;
      options.profile = profile;
      options.iframe_hosts = {"v.example"};
      const std::string out = Sanitize(html, options);
      EXPECT_EQ(testing::SafetyProblems(out, /*iframe_ok=*/true), std::vector<std::string>{})
          << html << "\n-> " << out;
      const std::string again = Sanitize(out, options);
      if (again != out && ++unstable <= 10) {
        ADD_FAILURE() << "not idempotent:\n" << html << "\n-> " << out << "\n-> " << again;
      }
    }
  }
  EXPECT_EQ(unstable, 0);
}

}  // namespace
}  // namespace warta::ingest::sanitizer
