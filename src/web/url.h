#pragma once

#include <string>
#include <string_view>

namespace warta::web {

// Percent-encodes everything but RFC 3986 unreserved characters (for query values).
std::string PercentEncode(std::string_view text);

}  // namespace warta::web
