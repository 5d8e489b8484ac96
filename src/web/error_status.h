// The HTTP status a domain error answers with, the one mapping the admin pages, the Admin API
// and the comment actions share (an error meaning one thing everywhere). Callers with a
// narrower meaning map first and fall back here: a refused picture upload is 422, a failed
// login 401.
#pragma once

#include "core/result.h"

namespace warta::web {

// 400 bad input, 413 too large, 403 not allowed, 404 missing, 409 taken or a stale version,
// 503 busy or timed out (try again), 500 for a fault of the server (i/o, corrupt, internal).
int HttpStatusFor(ErrorCode code);

}  // namespace warta::web
