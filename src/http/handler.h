#pragma once

#include <functional>

#include "http/message.h"

namespace warta::http {

// The whole application, as the server sees it: a plain function of request to response.
// Called on the I/O threads concurrently; must not throw (the server still catches and
// answers 500 with a request id if one does).
using Handler = std::function<Response(const Request&)>;

}  // namespace warta::http
