// The features the spam classifier counts in a comment: words from ICU's word breaker
// (dictionary-based for Japanese, so 「今すぐ登録」 splits into words without spaces), after
// NFKC case folding (ＦＲＥＥ, Free and free are one token), plus a few shape tokens that
// words miss: the host of every link ("host:example.com"), how many links there are
// ("links:2"), long digit runs such as phone numbers ("num:long"), emoji, shouting.
//
// Bounded: only the first limits::kSpamMaxInputBytes of a text are read and at most
// limits::kSpamMaxTokensPerText distinct tokens come out, each at most
// limits::kSpamMaxTokenBytes long. Thread-safe (no shared state). Never fails: invalid UTF-8
// becomes U+FFFD and is skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace warta::spam {

// Distinct tokens of `text`, in the order first seen. Empty for an empty text.
std::vector<std::string> Tokenize(std::string_view text);

// The hosts of the http(s):// and www. links in `text`, lower case, without "www.", in
// order, repeats kept. Exposed for tests.
std::vector<std::string> LinkHosts(std::string_view text);

}  // namespace warta::spam
