#include "http/body_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace warta::http {
namespace {

std::atomic<int> open_files{0};

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

std::shared_ptr<const BodyFile> BodyFile::Make(std::string_view bytes) {
  if (bytes.size() < kMinBytes) return nullptr;
  if (open_files.fetch_add(1, std::memory_order_relaxed) >= kMaxOpen) {
    open_files.fetch_sub(1, std::memory_order_relaxed);
    return nullptr;
  }
  int fd = ::memfd_create("warta-body", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  // Sealed so nothing can change the bytes while the kernel still references its pages for
  // a response in flight.
  if (fd < 0 || !WriteAll(fd, bytes) ||
      ::fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) != 0) {
    if (fd >= 0) ::close(fd);
    open_files.fetch_sub(1, std::memory_order_relaxed);
    return nullptr;
  }
  return std::shared_ptr<const BodyFile>(new BodyFile(fd, bytes.size()));
}

int BodyFile::open_count() { return open_files.load(std::memory_order_relaxed); }

BodyFile::~BodyFile() {
  ::close(fd_);
  open_files.fetch_sub(1, std::memory_order_relaxed);
}

}  // namespace warta::http
