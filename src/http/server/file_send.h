// The system calls that send a response whose body is a BodyFile: the head with send(2),
// the body with sendfile(2), on a non-blocking socket, as far as the socket takes them now.
// Kept apart from the session (worker.cpp), which only waits for room and calls again.
#pragma once

#include <cstddef>
#include <string_view>

#include "http/body_file.h"

namespace warta::http::server {

// How far a response got; the caller keeps it between calls.
struct FileSendProgress {
  std::size_t head_sent = 0;
  std::size_t file_sent = 0;
};

enum class FileSendResult { kDone, kWouldBlock, kFailed };

// Sends what is left of head, then of file, on socket_fd (which must be non-blocking).
// kWouldBlock: call again once the socket is writable. kFailed: errno_out says why (EPIPE
// when the peer left; the caller ignores SIGPIPE, which sendfile cannot suppress).
// TCP_CORK holds partial packets from the first call until kDone, so the head and the body
// share packets as nginx's `tcp_nopush` does.
FileSendResult SendHeadAndFile(int socket_fd, std::string_view head, const BodyFile& file,
                               FileSendProgress& progress, int& errno_out);

}  // namespace warta::http::server
