// The sample articles that `warta demo` loads into the demo site "Media Jepang": an
// Indonesian-language portal republishing Japanese news. The texts are fictional, written for
// this project; they are not real news and copy no published article.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace warta::app {

// One sample article, in the shape of `warta article add`'s JSON (docs/cli.md).
struct DemoArticle {
  std::string title;
  std::string source;     // the wire service or newspaper named on the page, e.g. "KYODO"
  std::string url;        // https://demo.warta.invalid/… (never resolves) or empty
  std::string published;  // RFC 3339 with offset, e.g. "2024-11-01T12:00:00+09:00"
  std::string lang;       // "id", "en" or "ja"
  std::string body_text;  // paragraphs separated by blank lines
  std::vector<std::string> tags;
  std::int64_t views = 0;  // initial counters, as an import of older totals would set them
  std::int64_t likes = 0;
  std::int64_t shares = 0;
};

// The 24 demo articles, oldest first. Built once; safe to call from any thread.
const std::vector<DemoArticle>& DemoArticles();

}  // namespace warta::app
