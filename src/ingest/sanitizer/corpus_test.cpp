// Every sanitizer vector of the shared corpus (DOMPurify's 223 records, miniflux's two whole
// pages), cross-checked against bleach-reference.jsonl so that none is skipped.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "ingest/sanitizer/sanitizer.h"
#include "ingest/sanitizer/test_support.h"

namespace warta::ingest::sanitizer {
namespace {

std::string SharedDir() {
  const char* env = std::getenv("WARTA_SHARED_DIR");
  return env != nullptr ? env : WARTA_SHARED_DIR;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

struct Vector {
  std::string key;  // source#id, as in bleach-reference.jsonl
  std::string html;
};

std::vector<Vector> LoadCorpus() {
  const std::string dir = SharedDir() + "/corpus/sanitize/";
  std::vector<Vector> vectors;
  const auto records = nlohmann::json::parse(ReadFile(dir + "dompurify/expect.json"));
  for (std::size_t i = 0; i < records.size(); ++i) {
    vectors.push_back({"dompurify/expect.json#" + std::to_string(i),
                       records[i].at("payload").get<std::string>()});
  }
  for (const char* page : {"miniflux/miniflux_github.html", "miniflux/miniflux_wikipedia.html"}) {
    vectors.push_back({std::string(page) + "#0", ReadFile(dir + page)});
  }
  return vectors;
}

std::set<std::string> ElementNames(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.fragment_context = GUMBO_TAG_DIV;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  std::set<std::string> names;
  std::vector<const GumboNode*> stack{output->root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& e = node->v.element;
    names.insert(e.tag == GUMBO_TAG_UNKNOWN ? "?unknown" : gumbo_normalized_tagname(e.tag));
    for (unsigned i = 0; i < e.children.length; ++i) {
      stack.push_back(static_cast<const GumboNode*>(e.children.data[i]));
    }
  }
  gumbo_destroy_output(&options, output);
  names.erase("html");
  return names;
}

TEST(CorpusTest, EveryReferenceVectorIsPresent) {
  const std::vector<Vector> vectors = LoadCorpus();
  std::set<std::string> keys;
  for (const Vector& v : vectors) keys.insert(v.key);
  std::ifstream in(SharedDir() + "/corpus/sanitize/bleach-reference.jsonl");
  ASSERT_TRUE(in) << "corpus not found under " << SharedDir();
  std::size_t lines = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const auto row = nlohmann::json::parse(line);
    const std::string key =
        row.at("source").get<std::string>() + "#" + row.at("id").get<std::string>();
    EXPECT_EQ(keys.count(key), 1U) << key;
    const auto it =
        std::find_if(vectors.begin(), vectors.end(), [&](const Vector& v) { return v.key == key; });
    if (it != vectors.end()) {
      const auto code_points = std::count_if(it->html.begin(), it->html.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      });
      EXPECT_EQ(static_cast<std::size_t>(code_points), row.at("input_chars").get<std::size_t>())
          << key;
    }
    ++lines;
  }
  EXPECT_EQ(lines, vectors.size());
  EXPECT_EQ(vectors.size(), 225U);
}

TEST(CorpusTest, EveryVectorComesOutSafeAndStable) {
  const std::vector<Vector> vectors = LoadCorpus();
  ASSERT_FALSE(vectors.empty());
  const std::set<std::string> allowed = {
      "a",      "abbr",   "b",    "blockquote", "br",    "caption", "cite", "code",
      "dd",     "del",    "dfn",  "div",        "dl",    "dt",      "em",   "figcaption",
      "figure", "h2",     "h3",   "h4",         "h5",    "h6",      "hr",   "i",
      "img",    "ins",    "kbd",  "li",         "mark",  "ol",      "p",    "pre",
      "q",      "rb",     "rp",   "rt",         "rtc",   "ruby",    "s",    "samp",
      "small",  "strong", "sub",  "sup",        "table", "tbody",   "td",   "tfoot",
      "th",     "thead",  "time", "tr",         "u",     "ul",      "var",  "wbr"};
  std::size_t checked = 0;
  std::size_t unstable = 0;
  for (const Profile profile : {Profile::kArticle, Profile::kComment}) {
    SanitizeOptions options;
    options.base_url = "https://feeds.example/path/item.html";
    options.profile = profile;
    for (const Vector& v : vectors) {
      SanitizeReport report;
      const std::string out = Sanitize(v.html, options, &report);
      EXPECT_FALSE(report.too_large || report.too_complex) << v.key;
      EXPECT_EQ(testing::SafetyProblems(out), std::vector<std::string>{}) << v.key << "\n" << out;
      for (const std::string& name : ElementNames(out)) {
        EXPECT_EQ(allowed.count(name), 1U) << v.key << ": <" << name << ">";
      }
      const std::string again = Sanitize(out, options);
      if (again != out) ++unstable;
      EXPECT_EQ(again, out) << v.key << "\ninput: " << v.html.substr(0, 500);
      EXPECT_EQ(ToPlainText(out), ToPlainText(again));
      ++checked;
    }
  }
  std::printf("[ corpus ] %zu vectors checked (both profiles), %zu not idempotent\n", checked,
              unstable);
}

// The same vectors with iframes allowed from a few hosts (ingest.iframe_hosts), checked also as
// plain text: whatever the parse, no "<script", no "javascript:" in a kept iframe.
TEST(CorpusTest, WithAnIframeAllowlistNothingActiveSurvives) {
  const std::vector<Vector> vectors = LoadCorpus();
  ASSERT_EQ(vectors.size(), 225U);
  SanitizeOptions options;
  options.base_url = "https://feeds.example/path/item.html";
  options.iframe_hosts = {"www.youtube-nocookie.com", "player.vimeo.com", "feeds.example"};
  for (const Vector& v : vectors) {
    const std::string out = Sanitize(v.html, options);
    EXPECT_EQ(testing::SafetyProblems(out, /*iframe_ok=*/true), std::vector<std::string>{})
        << v.key << "\n"
        << out;
    const std::string lower = ascii::Lower(out);
    EXPECT_EQ(lower.find("<script"), std::string::npos) << v.key << "\n" << out;
    for (std::size_t at = lower.find("<iframe"); at != std::string::npos;
         at = lower.find("<iframe", at + 1)) {
      const std::string tag = lower.substr(at, lower.find('>', at) - at);
      EXPECT_NE(tag.find(" src=\"https://"), std::string::npos) << v.key << "\n" << out;
      EXPECT_EQ(tag.find("javascript:"), std::string::npos) << v.key << "\n" << out;
    }
  }
}

// Block elements may be mapped (nav -> div), so line breaks can differ; the words may not.
std::string Words(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

TEST(CorpusTest, WholePagesKeepTheirText) {
  for (const char* name : {"miniflux_wikipedia.html", "miniflux_github.html"}) {
    const std::string page = ReadFile(SharedDir() + "/corpus/sanitize/miniflux/" + name);
    ASSERT_FALSE(page.empty()) << name;
    const std::string text = Words(ToPlainText(Sanitize(page, {})));
    const std::string original = Words(ToPlainText(page));
    EXPECT_GT(text.size(), 3000U) << name;
    if (text != original) {
      std::size_t i = 0;
      while (i < text.size() && i < original.size() && text[i] == original[i]) ++i;
      ADD_FAILURE() << name << ": the sanitizer lost or added visible text at " << i << ":\n"
                    << text.substr(i > 200 ? i - 200 : 0, 400) << "\n----\n"
                    << original.substr(i > 200 ? i - 200 : 0, 400);
    }
  }
}

}  // namespace
}  // namespace warta::ingest::sanitizer
