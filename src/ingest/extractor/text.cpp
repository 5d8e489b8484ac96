#include "ingest/extractor/text.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/utf8.h"

namespace warta::ingest::extractor {
namespace {

bool IsAsciiWord(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Lower-cased runs of [A-Za-z0-9_] (JavaScript's split(/\W+/) without empty strings).
std::vector<std::string> AsciiWords(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (const char c : text) {
    if (IsAsciiWord(c)) {
      current += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

std::size_t JoinedLength(const std::vector<std::string>& words) {
  std::size_t n = words.empty() ? 0 : words.size() - 1;
  for (const auto& w : words) n += w.size();
  return n;
}

}  // namespace

bool IsNonAsciiJsSpace(char32_t c) {
  switch (c) {
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

std::size_t JsLength(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();) n += utf8::Next(text, i) >= 0x10000 ? 2 : 1;
  return n;
}

std::string_view TrimJsSpace(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t i = begin;
    if (!IsJsSpace(utf8::Next(text, i))) break;
    begin = i;
  }
  std::size_t end = begin;
  for (std::size_t i = begin; i < text.size();) {
    if (!IsJsSpace(utf8::Next(text, i))) end = i;
  }
  return text.substr(begin, end - begin);
}

std::string NormalizeSpaces(std::string_view text) {
  text = TrimJsSpace(text);
  std::string out;
  out.reserve(text.size());
  std::size_t run_start = 0;
  std::size_t run_length = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = utf8::Next(text, i);
    if (IsJsSpace(c)) {
      if (run_length++ == 0) run_start = start;
      continue;
    }
    if (run_length == 1) out.append(text.substr(run_start, start - run_start));
    if (run_length > 1) out += ' ';
    run_length = 0;
    out.append(text.substr(start, i - start));
  }
  return out;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    if (IsJsSpace(utf8::Next(text, i))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out.append(text.substr(start, i - start));
  }
  return out;
}

bool IsBlank(std::string_view text) { return TrimJsSpace(text).empty(); }

std::size_t CountCommas(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();) {
    switch (utf8::Next(text, i)) {
      case 0x002C:
      case 0x060C:
      case 0xFE50:
      case 0xFE10:
      case 0xFE11:
      case 0x2E41:
      case 0x2E34:
      case 0x2E32:
      case 0xFF0C:
        ++n;
        break;
      default:
        break;
    }
  }
  return n;
}

std::size_t WordCount(std::string_view text) {
  std::size_t separators = 0;
  bool in_space = false;
  for (std::size_t i = 0; i < text.size();) {
    const bool space = IsJsSpace(utf8::Next(text, i));
    if (space && !in_space) ++separators;
    in_space = space;
  }
  return separators + 1;
}

double TextSimilarity(std::string_view a, std::string_view b) {
  const std::vector<std::string> words_a = AsciiWords(a);
  const std::vector<std::string> words_b = AsciiWords(b);
  if (words_a.empty() || words_b.empty()) return 0;
  std::vector<std::string> unique_b;
  for (const auto& w : words_b) {
    if (std::find(words_a.begin(), words_a.end(), w) == words_a.end()) unique_b.push_back(w);
  }
  const double distance =
      static_cast<double>(JoinedLength(unique_b)) / static_cast<double>(JoinedLength(words_b));
  return 1 - distance;
}

std::string UnescapeBasicEntities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] != '&') {
      out += text[i++];
      continue;
    }
    const std::size_t semi = text.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += text[i++];
      continue;
    }
    const std::string_view name = text.substr(i + 1, semi - i - 1);
    static constexpr std::pair<std::string_view, char> kNamed[] = {
        {"quot", '"'}, {"amp", '&'}, {"apos", '\''}, {"lt", '<'}, {"gt", '>'}};
    bool done = false;
    for (const auto& [entity, c] : kNamed) {
      if (name == entity) {
        out += c;
        done = true;
      }
    }
    if (!done && name.size() >= 2 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      std::uint32_t value = 0;
      bool valid = !digits.empty();
      for (const char d : digits) {
        int v = -1;
        if (d >= '0' && d <= '9') v = d - '0';
        if (hex && d >= 'a' && d <= 'f') v = d - 'a' + 10;
        if (hex && d >= 'A' && d <= 'F') v = d - 'A' + 10;
        if (v < 0) valid = false;
        if (valid && value <= 0x10FFFF)
          value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
      }
      if (valid) {
        if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) value = 0xFFFD;
        utf8::Append(out, value);
        done = true;
      }
    }
    if (done) {
      i = semi + 1;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace warta::ingest::extractor
