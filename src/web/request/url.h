// URLs that handlers build: query values, and where a form may send the reader back to.
#pragma once

#include <string>
#include <string_view>

namespace warta::web {

// Percent-encodes everything but RFC 3986 unreserved characters (for query values).
std::string PercentEncode(std::string_view text);

// A redirect target from a form's `next`: a local absolute path ("/x", not "//host" or
// "/\host"), else "/". So no form is an open redirect.
std::string LocalRedirectTarget(const std::string& next);

}  // namespace warta::web
