// Escaping for the serializer (internal to the module).
#pragma once

#include <string>
#include <string_view>

namespace warta::ingest::sanitizer::internal {

// Appends text content: & < > escaped, U+00A0 as &nbsp; (so it stays visible in the source).
void AppendEscapedText(std::string& out, std::string_view text);

// Appends an attribute value for use inside double quotes: & " < > and U+00A0 escaped.
void AppendEscapedAttribute(std::string& out, std::string_view value);

}  // namespace warta::ingest::sanitizer::internal
