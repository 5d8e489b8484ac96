// A response body kept in an anonymous in-memory file (memfd), so the server sends it with
// sendfile(2) instead of copying it from user memory into the socket on every request.
//
// Why: for a big body the same for everyone (feed.xml with 50 entries is ~350 KB) the copy
// into the socket was a third of the server's CPU per request; sendfile hands the kernel
// references to the file's pages instead, as nginx does for static files. Small bodies do not
// gain (one more system call per response), so only bodies of kMinBytes or more get a file.
//
// Open files are a budget shared with connections, so at most kMaxOpen body files exist at a
// time; past that Make returns null and the body is sent from memory as before.
//
// Thread safety: immutable once made (the file is sealed against writes); shared freely.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

namespace warta::http {

class BodyFile {
 public:
  static constexpr std::size_t kMinBytes = std::size_t{32} * 1024;
  static constexpr int kMaxOpen = 128;

  // A sealed file holding `bytes`, or null: smaller than kMinBytes, kMaxOpen files open, or
  // the system refused (the caller then sends from memory).
  static std::shared_ptr<const BodyFile> Make(std::string_view bytes);
  // Body files open now, in this process.
  static int open_count();

  ~BodyFile();
  BodyFile(const BodyFile&) = delete;
  BodyFile& operator=(const BodyFile&) = delete;

  int fd() const { return fd_; }
  std::size_t size() const { return size_; }

 private:
  BodyFile(int fd, std::size_t size) : fd_(fd), size_(size) {}

  int fd_;
  std::size_t size_;
};

}  // namespace warta::http
