// Text fingerprints for duplicate detection: an exact one (content hash of the normalized
// text) and a near-duplicate one (SimHash over word shingles), so one wire story carried
// by several papers with a different first line or footer is recognised as one story.
//
// Normalization: letters and digits lower-cased (ASCII; other scripts as they are), every
// other character a separator; CJK characters (kana, kanji, hangul, full-width forms) are
// tokens of their own, so Japanese text without spaces shingles by character.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace warta::ingest::dedup {

// Tokens of `text` after normalization (at most kMaxTokens; the rest is ignored).
inline constexpr std::size_t kMaxTokens = 20'000;
std::vector<std::string> Tokenize(std::string_view text);

// Hex digest (32 characters) of the normalized token sequence: equal for texts that
// differ only in case, punctuation or white space. "" for text without tokens.
std::string ContentHash(std::string_view text);

// Shingles are runs of this many tokens; texts with fewer than kMinShingles shingles get
// no SimHash (too short to tell a near-duplicate from a coincidence).
inline constexpr std::size_t kShingleTokens = 3;
inline constexpr std::size_t kMinShingles = 16;

// 64-bit SimHash (Charikar) of the text's shingles, or nullopt for short texts.
std::optional<std::uint64_t> SimHash(std::string_view text);

// Number of differing bits.
int HammingDistance(std::uint64_t a, std::uint64_t b);

}  // namespace warta::ingest::dedup
