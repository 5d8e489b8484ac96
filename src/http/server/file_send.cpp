#include "http/server/file_send.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/sendfile.h>
#include <sys/socket.h>

#include <cerrno>

namespace warta::http::server {
namespace {

void SetCork(int socket_fd, int on) {
  // Best effort: without it the bytes still go, in more packets.
  ::setsockopt(socket_fd, IPPROTO_TCP, TCP_CORK, &on, sizeof on);
}

}  // namespace

FileSendResult SendHeadAndFile(int socket_fd, std::string_view head, const BodyFile& file,
                               FileSendProgress& progress, int& errno_out) {
  if (progress.head_sent == 0 && progress.file_sent == 0) SetCork(socket_fd, 1);
  while (progress.head_sent < head.size()) {
    ssize_t n = ::send(socket_fd, head.data() + progress.head_sent,
                       head.size() - progress.head_sent, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return FileSendResult::kWouldBlock;
    if (n <= 0) {
      errno_out = n < 0 ? errno : EPIPE;
      return FileSendResult::kFailed;
    }
    progress.head_sent += static_cast<std::size_t>(n);
  }
  while (progress.file_sent < file.size()) {
    auto offset = static_cast<off_t>(progress.file_sent);
    ssize_t n = ::sendfile(socket_fd, file.fd(), &offset, file.size() - progress.file_sent);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return FileSendResult::kWouldBlock;
    if (n <= 0) {
      errno_out = n < 0 ? errno : EIO;  // 0: the file ended early (cannot happen: it is sealed)
      return FileSendResult::kFailed;
    }
    progress.file_sent = static_cast<std::size_t>(offset);
  }
  SetCork(socket_fd, 0);  // pushes the last partial packet
  return FileSendResult::kDone;
}

}  // namespace warta::http::server
