#include "ingest/feed/encoding/charset.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <array>
#include <memory>

#include "core/ascii.h"
#include "core/utf8.h"

namespace warta::ingest::feed::encoding {
namespace {

constexpr std::string_view kUtf8 = "UTF-8";
constexpr std::string_view kWindows1252 = "windows-1252";

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// A charset label without the quotes and white space it arrives in (charset="utf-8").
std::string_view TrimLabel(std::string_view text) {
  return ascii::Trim(text, [](char c) { return ascii::IsXmlSpace(c) || c == '"' || c == '\''; });
}

bool IsAscii(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// WHATWG label aliases that ICU would read differently, and the UTF-8 spellings.
std::string CanonicalLabel(std::string_view raw) {
  std::string label = ascii::Lower(TrimLabel(raw));
  static constexpr std::array<std::string_view, 4> kUtf8Labels = {"utf-8", "utf8",
                                                                  "unicode-1-1-utf-8", "utf_8"};
  if (std::find(kUtf8Labels.begin(), kUtf8Labels.end(), label) != kUtf8Labels.end()) {
    return std::string(kUtf8);
  }
  static constexpr std::array<std::string_view, 15> k1252Labels = {
      "iso-8859-1", "iso8859-1",  "iso_8859-1",  "latin1",          "l1",
      "ascii",      "us-ascii",   "cp819",       "ibm819",          "cp1252",
      "x-cp1252",   "iso-ir-100", "csisolatin1", "iso_8859-1:1987", "windows-1252"};
  if (std::find(k1252Labels.begin(), k1252Labels.end(), label) != k1252Labels.end()) {
    return std::string(kWindows1252);
  }
  return label;
}

// Converts with ICU; undecodable input becomes U+FFFD (ICU's default callback).
bool Convert(std::string_view bytes, const char* from, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(from, &status));
  if (U_FAILURE(status)) return false;
  // Every input byte yields at most one UTF-16 unit, so 2 bytes of output per byte plus
  // slack covers any source; the UTF-8 result is at most 3 bytes per UTF-16 unit.
  std::u16string units(bytes.size() + 4, u'\0');
  status = U_ZERO_ERROR;
  int32_t unit_count =
      ucnv_toUChars(converter.get(), units.data(), static_cast<int32_t>(units.size()), bytes.data(),
                    static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  status = U_ZERO_ERROR;
  ConverterPtr utf8(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) return false;
  out->assign(static_cast<std::size_t>(unit_count) * 3 + 4, '\0');
  status = U_ZERO_ERROR;
  int32_t length = ucnv_fromUChars(utf8.get(), out->data(), static_cast<int32_t>(out->size()),
                                   units.data(), unit_count, &status);
  if (U_FAILURE(status)) return false;
  out->resize(static_cast<std::size_t>(length));
  return true;
}

// Valid UTF-8 with every invalid sequence replaced by U+FFFD.
std::string RepairUtf8(std::string_view bytes) {
  if (utf8::IsValidMostlyAscii(bytes)) return std::string(bytes);
  std::string out;
  if (!Convert(bytes, "UTF-8", &out)) return {};
  return out;
}

// BOM and NUL-pattern detection. Returns the ICU name and how many bytes to skip.
std::pair<std::string_view, std::size_t> SniffUnicode(std::string_view b) {
  auto at = [&](std::size_t i) { return i < b.size() ? static_cast<unsigned char>(b[i]) : 0x100U; };
  if (at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return {kUtf8, 3};
  if (at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0) return {"UTF-32LE", 4};
  if (at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF) return {"UTF-32BE", 4};
  if (at(0) == 0xFF && at(1) == 0xFE) return {"UTF-16LE", 2};
  if (at(0) == 0xFE && at(1) == 0xFF) return {"UTF-16BE", 2};
  // No BOM: the first character is ASCII ("<", "{", white space), so NULs give it away.
  if (at(0) != 0 && at(1) == 0 && at(2) == 0 && at(3) == 0) return {"UTF-32LE", 0};
  if (at(0) == 0 && at(1) == 0 && at(2) == 0 && at(3) != 0) return {"UTF-32BE", 0};
  if (at(0) != 0 && at(0) < 0x80 && at(1) == 0) return {"UTF-16LE", 0};
  if (at(0) == 0 && at(1) != 0 && at(1) < 0x80) return {"UTF-16BE", 0};
  return {{}, 0};
}

Decoded FromUnicode(std::string_view bytes, std::string_view name, std::size_t skip) {
  Decoded out;
  out.encoding = std::string(name);
  bytes.remove_prefix(skip);
  if (name == kUtf8) {
    if (utf8::IsValidMostlyAscii(bytes)) {
      out.utf8 = std::string(bytes);
      return out;
    }
    out.problem = "invalid UTF-8 bytes replaced";
    out.utf8 = RepairUtf8(bytes);
  } else if (!Convert(bytes, out.encoding.c_str(), &out.utf8)) {
    out.problem = "cannot decode " + out.encoding;
  }
  return out;
}

}  // namespace

std::string DeclaredXmlEncoding(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 1024);
  std::size_t start = head.find("<?xml");
  if (start == std::string_view::npos ||
      head.substr(0, start).find('<') != std::string_view::npos) {
    return {};
  }
  std::size_t end = head.find("?>", start);
  std::string_view decl =
      head.substr(start, end == std::string_view::npos ? head.npos : end - start);
  std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return {};
  std::size_t eq = decl.find('=', at);
  if (eq == std::string_view::npos) return {};
  std::size_t quote = decl.find_first_of("\"'", eq);
  if (quote == std::string_view::npos) return {};
  std::size_t close = decl.find(decl[quote], quote + 1);
  if (close == std::string_view::npos) return {};
  return std::string(TrimLabel(decl.substr(quote + 1, close - quote - 1)));
}

Decoded DecodeXml(std::string_view bytes, std::string_view header_charset) {
  auto [unicode, skip] = SniffUnicode(bytes);
  if (!unicode.empty()) return FromUnicode(bytes, unicode, skip);

  std::string declared = DeclaredXmlEncoding(bytes);
  std::string raw_label =
      !TrimLabel(header_charset).empty() ? std::string(header_charset) : declared;
  std::string label = CanonicalLabel(raw_label);
  bool valid_utf8 = utf8::IsValidMostlyAscii(bytes);
  Decoded out;
  if (label.empty() || label == kUtf8 || label.starts_with("utf-16") ||
      label.starts_with("utf-32")) {
    // UTF-16/32 labels on bytes without NULs are wrong labels on ASCII-compatible text.
    if (valid_utf8) {
      out.utf8 = std::string(bytes);
      out.encoding = std::string(kUtf8);
      if (!label.empty() && label != kUtf8)
        out.problem = "declared as " + raw_label + ", but is UTF-8";
      return out;
    }
    Convert(bytes, "windows-1252", &out.utf8);
    out.encoding = std::string(kWindows1252);
    out.problem = "declared as " + (raw_label.empty() ? std::string("UTF-8") : raw_label) +
                  ", but is not UTF-8; read as windows-1252";
    return out;
  }
  if (valid_utf8 && !IsAscii(bytes)) {
    out.utf8 = std::string(bytes);
    out.encoding = std::string(kUtf8);
    out.problem = "declared as " + raw_label + ", but is UTF-8";
    return out;
  }
  if (Convert(bytes, label.c_str(), &out.utf8)) {
    out.encoding = raw_label.empty() ? label : std::string(TrimLabel(raw_label));
    if (label == kWindows1252) out.encoding = std::string(kWindows1252);
    return out;
  }
  // An encoding ICU does not know: UTF-8 if it is, else Windows-1252.
  out.problem = "unknown encoding " + raw_label;
  if (valid_utf8) {
    out.utf8 = std::string(bytes);
    out.encoding = std::string(kUtf8);
  } else {
    Convert(bytes, "windows-1252", &out.utf8);
    out.encoding = std::string(kWindows1252);
  }
  return out;
}

Decoded DecodeJson(std::string_view bytes) {
  auto [unicode, skip] = SniffUnicode(bytes);
  if (!unicode.empty()) return FromUnicode(bytes, unicode, skip);
  return FromUnicode(bytes, kUtf8, 0);
}

}  // namespace warta::ingest::feed::encoding
