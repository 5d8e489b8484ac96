// Character set detection and decoding to UTF-8 for feed bytes.
//
// Order of authority (RFC 7303 §3 with the fixes every feed reader needs):
//   1. a byte order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE);
//   2. UTF-16/32 without a BOM, seen from how "<?" is laid out;
//   3. the HTTP header's charset, then the XML declaration's encoding;
//   4. UTF-8.
// Labels follow the WHATWG Encoding Standard where it matters: ISO-8859-1, US-ASCII and
// Latin-1 mean Windows-1252 (what servers labelled so actually send). Then two repairs,
// both reported as `problem`: bytes labelled UTF-8 (or unlabelled) that are not valid UTF-8
// are read as Windows-1252, and bytes labelled with a legacy charset that are valid UTF-8
// with non-ASCII characters are read as UTF-8 (a wrong label, the common case; the converse
// is all but impossible for real text). An unknown label is read as UTF-8 the same way.
#pragma once

#include <string>
#include <string_view>

namespace warta::ingest::feed::encoding {

struct Decoded {
  std::string utf8;      // valid UTF-8, without a BOM; undecodable bytes became U+FFFD
  std::string encoding;  // what the bytes were read as ("UTF-8", "windows-1252", "Shift_JIS")
  std::string problem;   // why the label was not followed, or empty
};

// For XML: uses the BOM, header charset and XML declaration as above.
Decoded DecodeXml(std::string_view bytes, std::string_view header_charset);

// For JSON (RFC 8259: UTF-8, but UTF-16/32 with or without BOM exist): BOM, then the NUL
// byte pattern of the first characters, then UTF-8 with invalid bytes replaced.
Decoded DecodeJson(std::string_view bytes);

// The encoding="..." of an XML declaration at the start of `bytes` (ASCII-compatible
// encodings only), or empty.
std::string DeclaredXmlEncoding(std::string_view bytes);

}  // namespace warta::ingest::feed::encoding
