#include "spam/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstddef>
#include <memory>
#include <unordered_set>

#include "core/ascii.h"
#include "core/limits.h"
#include "core/utf8.h"

namespace warta::spam {
namespace {

// Distinct tokens in first-seen order, refusing more than the limit.
class TokenSet {
 public:
  void Add(std::string token) {
    if (tokens_.size() >= limits::kSpamMaxTokensPerText) return;
    if (token.size() > limits::kSpamMaxTokenBytes) token = "word:long";
    if (seen_.insert(token).second) tokens_.push_back(std::move(token));
  }
  std::vector<std::string> Take() { return std::move(tokens_); }

 private:
  std::unordered_set<std::string> seen_;
  std::vector<std::string> tokens_;
};

// Where a link ends: at white space, a quote or an angle bracket (how links sit in text).
bool EndsLink(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || u == 0x7f;
}

struct Link {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string host;  // empty when the link has no usable host
};

constexpr std::size_t kNoLink = std::string_view::npos;

// Where the host of a link starting at `at` begins, relative to `at` (after the scheme), or
// kNoLink when no link starts there.
std::size_t LinkHostOffset(std::string_view text, std::size_t at) {
  const std::string_view rest = text.substr(at);
  if (ascii::StartsWithIgnoreCase(rest, "https://")) return 8;
  if (ascii::StartsWithIgnoreCase(rest, "http://")) return 7;
  // A bare "www." counts only at the start of a word, so "awww.." is not a link.
  if (ascii::StartsWithIgnoreCase(rest, "www.") && (at == 0 || !ascii::IsAlnum(text[at - 1]))) {
    return 0;
  }
  return kNoLink;
}

std::string HostOf(std::string_view authority) {
  // user:password@host:port -> host
  const std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string host;
  for (char c : authority) {
    if (c == ':' || c == '/' || c == '?' || c == '#' || c == '\\') break;
    host.push_back(ascii::ToLower(c));
  }
  // Sentence punctuation after a link is not part of its host.
  while (!host.empty() && (host.back() == '.' || host.back() == ',' || host.back() == ')' ||
                           host.back() == '!' || host.back() == ';')) {
    host.pop_back();
  }
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

std::vector<Link> FindLinks(std::string_view text) {
  std::vector<Link> links;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t offset = LinkHostOffset(text, i);
    if (offset == kNoLink) {
      ++i;
      continue;
    }
    Link link{i, i, ""};
    while (link.end < text.size() && !EndsLink(text[link.end])) ++link.end;
    const std::size_t host_begin = i + offset;
    link.host = HostOf(text.substr(host_begin, link.end - host_begin));
    links.push_back(std::move(link));
    i = links.back().end;
  }
  return links;
}

std::string_view ClampUtf8(std::string_view text, std::size_t max_bytes) {
  return text.substr(0, utf8::CutPoint(text, max_bytes));
}

// Mostly capital letters over a stretch long enough not to be an acronym.
bool IsShouting(std::string_view text) {
  int letters = 0;
  int upper = 0;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') ++upper;
    if (ascii::IsAlpha(c)) ++letters;
  }
  return letters >= 12 && upper * 10 >= letters * 7;
}

std::string LinkCountToken(std::size_t count) {
  return count >= 3 ? "links:3+" : "links:" + std::to_string(count);
}

void AddNumber(const icu::UnicodeString& word, TokenSet& tokens) {
  int digits = 0;
  for (int32_t i = 0; i < word.length(); i = word.moveIndex32(i, 1)) {
    if (u_isdigit(word.char32At(i)) != 0) ++digits;
  }
  std::string utf8;
  if (digits >= 9) {
    tokens.Add("num:long");  // phone and account numbers: "WA 0812 ..." spam
  } else if (digits >= 5) {
    tokens.Add("num:mid");
  } else {
    tokens.Add(word.toUTF8String(utf8));
  }
}

void AddEmoji(const icu::UnicodeString& segment, TokenSet& tokens) {
  for (int32_t i = 0; i < segment.length(); i = segment.moveIndex32(i, 1)) {
    const UChar32 c = segment.char32At(i);
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) != 0 && c > 0x7f) {
      std::string utf8;
      icu::UnicodeString(c).toUTF8String(utf8);
      tokens.Add("emoji:" + utf8);
    }
  }
}

void AddWords(std::string_view text, TokenSet& tokens) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return;
  const icu::UnicodeString raw = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const icu::UnicodeString folded = fold->normalize(raw, status);
  if (U_FAILURE(status)) return;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || words == nullptr) return;
  words->setText(folded);
  for (int32_t begin = words->first(), end = words->next(); end != icu::BreakIterator::DONE;
       begin = end, end = words->next()) {
    const int32_t kind = words->getRuleStatus();
    const icu::UnicodeString word(folded, begin, end - begin);
    if (kind >= UBRK_WORD_NUMBER && kind < UBRK_WORD_NUMBER_LIMIT) {
      AddNumber(word, tokens);
    } else if (kind >= UBRK_WORD_LETTER) {
      // A lone Latin letter ("d", "y") says nothing; a lone kanji often does.
      if (word.length() == 1 && word.charAt(0) < 0x80) continue;
      std::string utf8;
      tokens.Add(word.toUTF8String(utf8));
    } else {
      AddEmoji(word, tokens);
    }
  }
}

}  // namespace

std::vector<std::string> LinkHosts(std::string_view text) {
  std::vector<std::string> hosts;
  for (Link& link : FindLinks(ClampUtf8(text, limits::kSpamMaxInputBytes))) {
    hosts.push_back(std::move(link.host));
  }
  return hosts;
}

std::vector<std::string> Tokenize(std::string_view text) {
  text = ClampUtf8(text, limits::kSpamMaxInputBytes);
  TokenSet tokens;
  if (text.empty()) return tokens.Take();
  const std::vector<Link> links = FindLinks(text);
  tokens.Add(LinkCountToken(links.size()));
  // Links are blanked out of the text so their paths and query strings do not become words.
  std::string rest(text);
  for (const Link& link : links) {
    if (!link.host.empty()) tokens.Add("host:" + link.host);
    rest.replace(link.begin, link.end - link.begin, link.end - link.begin, ' ');
  }
  if (IsShouting(rest)) tokens.Add("shape:shouting");
  AddWords(rest, tokens);
  return tokens.Take();
}

}  // namespace warta::spam
