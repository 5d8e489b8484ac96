// Reader queries, parsed into terms that are safe to search for. A query is untrusted text:
// it never becomes FTS syntax. Its terms are plain normalized words that storage quotes, so
// AND, OR, NEAR, *, ^, :, ( ) and quotes have no special meaning beyond phrases.
//
// Rules: invalid UTF-8 is repaired (U+FFFD, which is no word); control characters count as
// spaces; the text is trimmed and then cut to kMaxQueryBytes (a longer query is not refused:
// the reader still gets results, marked `truncated`); "double-quoted text" is one phrase (an
// unbalanced quote is ignored); every other space-separated chunk is one term, and a chunk
// that breaks into several words ("e-mail", "防衛分野") is a phrase of them. Chunks without
// words ("***", "()") are dropped; at most kMaxQueryTerms distinct terms are kept.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace warta::search {

inline constexpr std::size_t kMaxQueryBytes = 512;
inline constexpr std::size_t kMaxQueryTerms = 12;

struct Query {
  // What the reader asked, as valid UTF-8, trimmed and cut: to show back in the search box.
  std::string text;
  // Each a word or a phrase: normalized words (see analyzer.h) joined by single spaces.
  std::vector<std::string> terms;
  bool truncated = false;  // the text was longer than kMaxQueryBytes, or had more terms
};

// Never fails on any input; Internal only when ICU is unusable. Thread-safe (one Analyzer
// per thread, kept for the thread's lifetime).
Result<Query> ParseQuery(std::string_view raw);

// `text` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string RepairUtf8(std::string_view text);

// The longest prefix of valid UTF-8 `text` of at most max_bytes that ends on a character
// boundary.
std::string_view CutUtf8(std::string_view text, std::size_t max_bytes);

}  // namespace warta::search
