#include "core/html_escape.h"

#include <array>

namespace warta {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence at text[i] and its code point, or 0 when invalid
// (overlong forms, surrogates and values past U+10FFFF are invalid).
std::size_t DecodeUtf8(std::string_view text, std::size_t i, char32_t& cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  if (lead < 0x80) {
    cp = lead;
    return 1;
  }
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    cp = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    cp = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if ((length == 3 && cp < 0x800) || (length == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  return length;
}

bool AllowedInXml(char32_t cp) {
  if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
  if (cp >= 0x7F && cp <= 0x9F) return false;  // DEL and C1
  return cp != 0xFFFE && cp != 0xFFFF;
}

// ASCII bytes that some option replaces (& < > " ' and the C0 controls); every other ASCII byte
// is copied by the fast loop in AppendEscaped without looking at the options.
constexpr std::array<bool, 0x80> kSpecialAscii = [] {
  std::array<bool, 0x80> special{};
  for (std::size_t c = 0; c < 0x20; ++c) special[c] = true;
  special[0x7F] = true;  // DEL
  for (char c : std::string_view("&<>\"'")) special[static_cast<unsigned char>(c)] = true;
  return special;
}();

constexpr std::string_view kKeep;  // data() == nullptr: copy the character; "" drops it

// The replacement of the ASCII character `c`, or kKeep.
std::string_view AsciiReplacement(char c, const EscapeOptions& options) {
  using namespace std::string_view_literals;
  switch (c) {
    case '&':
      return options.markup ? "&amp;"sv : kKeep;
    case '<':
      return options.markup ? "&lt;"sv : kKeep;
    case '>':
      return options.markup ? "&gt;"sv : kKeep;
    case '"':
      return options.double_quote ? "&quot;"sv : kKeep;
    case '\'':
      switch (options.apostrophe) {
        case Apostrophe::kKeep:
          return kKeep;
        case Apostrophe::kNumeric:
          return "&#39;"sv;
        case Apostrophe::kNamed:
          return "&apos;"sv;
      }
      return kKeep;
    case '\n':
      return options.line_breaks ? "<br>"sv : kKeep;
    default:
      return options.xml_chars && !AllowedInXml(static_cast<unsigned char>(c)) ? ""sv : kKeep;
  }
}

}  // namespace

void AppendEscaped(std::string& out, std::string_view text, const EscapeOptions& options) {
  out.reserve(out.size() + text.size());
  std::size_t copied = 0;  // text before this is in `out`
  std::size_t i = 0;
  // Copies the pending run of unchanged bytes, then `with` in place of `length` bytes at i.
  auto replace = [&](std::size_t length, std::string_view with) {
    out.append(text.substr(copied, i - copied));
    out.append(with);
    i += length;
    copied = i;
  };
  // Bytes from 0x80 up matter only for these two options.
  const bool check_non_ascii = options.nbsp || options.xml_chars;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 ? !kSpecialAscii[c] : !check_non_ascii) {
      ++i;
      continue;
    }
    if (c < 0x80) {
      const std::string_view with = AsciiReplacement(text[i], options);
      if (with.data() != nullptr) {
        replace(1, with);
      } else {
        ++i;
      }
      continue;
    }
    const bool nbsp = c == 0xC2 && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (options.nbsp && nbsp) {
      replace(2, "&nbsp;");
      continue;
    }
    if (!options.xml_chars) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t length = DecodeUtf8(text, i, cp);
    if (length == 0) {
      replace(1, kReplacement);
    } else if (!AllowedInXml(cp)) {
      replace(length, "");
    } else {
      i += length;
    }
  }
  out.append(text.substr(copied));
}

std::string Escaped(std::string_view text, const EscapeOptions& options) {
  std::string out;
  AppendEscaped(out, text, options);
  return out;
}

void AppendEscapedHtml(std::string& out, std::string_view text) {
  AppendEscaped(out, text, EscapeOptions{});
}

std::string EscapeHtml(std::string_view text) { return Escaped(text, EscapeOptions{}); }

std::string StripControlCharacters(std::string_view text) {
  static constexpr EscapeOptions kClean{
      .markup = false, .double_quote = false, .apostrophe = Apostrophe::kKeep, .xml_chars = true};
  return Escaped(text, kClean);
}

}  // namespace warta
