#include "ingest/dedup/fingerprint.h"

#include <array>
#include <bit>

#include "core/utf8.h"

namespace warta::ingest::dedup {
namespace {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

// FNV-1a: stable across builds and platforms, which matters because the values are stored.
std::uint64_t Fnv1a(std::string_view s, std::uint64_t h = kFnvOffset) {
  for (unsigned char c : s) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

// splitmix64's finalizer: FNV's low bits are weak, SimHash needs every bit independent.
std::uint64_t Mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Decodes one UTF-8 sequence at s[i]; invalid bytes read as U+FFFD, one byte long.
char32_t Decode(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  int length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
  if (length == 0 || i + static_cast<std::size_t>(length) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = length == 1 ? c : c & (0x7f >> length);
  for (int k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((next & 0xc0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (next & 0x3f);
  }
  i += static_cast<std::size_t>(length);
  return cp;
}

bool IsCjk(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30ff) ||  // hiragana, katakana
         (cp >= 0x3400 && cp <= 0x4dbf) ||  // CJK extension A
         (cp >= 0x4e00 && cp <= 0x9fff) ||  // CJK unified ideographs
         (cp >= 0xac00 && cp <= 0xd7af) ||  // hangul syllables
         (cp >= 0xf900 && cp <= 0xfaff) ||  // compatibility ideographs
         (cp >= 0xff66 && cp <= 0xff9f) ||  // half-width katakana
         (cp >= 0x20000 && cp <= 0x2ffff);  // CJK extensions B..
}

bool IsSeparator(char32_t cp) {
  if (cp < 0x80)
    return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
  return (cp >= 0x80 && cp <= 0xbf) ||      // Latin-1 controls, punctuation, symbols
         cp == 0xd7 || cp == 0xf7 ||        // multiplication and division signs
         (cp >= 0x2000 && cp <= 0x2bff) ||  // general punctuation .. symbols and arrows
         (cp >= 0x3000 && cp <= 0x303f) ||  // CJK symbols and punctuation
         (cp >= 0xfe30 && cp <= 0xfe4f) ||  // CJK compatibility forms
         (cp >= 0xff00 && cp <= 0xff0f) || (cp >= 0xff1a && cp <= 0xff20) ||
         (cp >= 0xff3b && cp <= 0xff40) || (cp >= 0xff5b && cp <= 0xff65) || cp == 0xfeff ||
         cp == 0xfffd;
}

}  // namespace

std::vector<std::string> Tokenize(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  auto flush = [&] {
    if (!current.empty() && tokens.size() < kMaxTokens) tokens.push_back(std::move(current));
    current.clear();
  };
  std::size_t i = 0;
  while (i < text.size() && tokens.size() < kMaxTokens) {
    char32_t cp = Decode(text, i);
    if (cp >= 0xff10 && cp <= 0xff5a && !IsSeparator(cp)) cp -= 0xfee0;  // full-width ASCII
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    if (IsSeparator(cp)) {
      flush();
    } else if (IsCjk(cp)) {
      flush();
      utf8::Append(current, cp);
      flush();
    } else {
      utf8::Append(current, cp);
    }
  }
  flush();
  return tokens;
}

std::string ContentHash(std::string_view text) {
  const std::vector<std::string> tokens = Tokenize(text);
  if (tokens.empty()) return "";
  // Two independent 64-bit hashes: 128 bits make an accidental match between two
  // different texts of one source negligible.
  std::uint64_t a = kFnvOffset;
  std::uint64_t b = Mix(0x5741525441ULL);  // another basis: "WARTA"
  for (const std::string& token : tokens) {
    a = Fnv1a(token, a);
    a = Fnv1a(" ", a);
    b = Fnv1a(token, b);
    b = Fnv1a("\x1f", b);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::uint64_t v : {Mix(a), Mix(b)}) {
    for (int shift = 60; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 15];
  }
  return out;
}

std::optional<std::uint64_t> SimHash(std::string_view text) {
  const std::vector<std::string> tokens = Tokenize(text);
  if (tokens.size() < kShingleTokens + kMinShingles - 1) return std::nullopt;
  std::array<std::int64_t, 64> weights{};
  for (std::size_t i = 0; i + kShingleTokens <= tokens.size(); ++i) {
    std::uint64_t h = kFnvOffset;
    for (std::size_t k = 0; k < kShingleTokens; ++k) {
      h = Fnv1a(tokens[i + k], h);
      h = Fnv1a(" ", h);
    }
    h = Mix(h);
    for (int bit = 0; bit < 64; ++bit) weights[bit] += ((h >> bit) & 1U) != 0 ? 1 : -1;
  }
  std::uint64_t hash = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (weights[bit] > 0) hash |= std::uint64_t{1} << bit;
  }
  return hash;
}

int HammingDistance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

}  // namespace warta::ingest::dedup
