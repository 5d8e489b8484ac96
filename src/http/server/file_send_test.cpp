#include "http/server/file_send.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <string>

namespace warta::http::server {
namespace {

std::string Bytes(std::size_t size) {
  std::string s(size, '\0');
  for (std::size_t i = 0; i < size; ++i) s[i] = static_cast<char>('A' + (i * 31 + i / 7) % 58);
  return s;
}

class FileSendTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::signal(SIGPIPE, SIG_IGN);  // as the server does: sendfile cannot suppress it
    ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds_), 0);
  }
  void TearDown() override {
    for (int fd : fds_) {
      if (fd >= 0) ::close(fd);
    }
  }
  // Reads everything available on the reader's end.
  void Drain(std::string& into) {
    char chunk[65536];
    ssize_t n;
    while ((n = ::read(fds_[1], chunk, sizeof chunk)) > 0) into.append(chunk, n);
  }

  int fds_[2] = {-1, -1};
};

TEST_F(FileSendTest, SendsHeadThenFileAcrossFullBuffers) {
  const std::string head = "HTTP/1.1 200 OK\r\nContent-Length: 2000000\r\n\r\n";
  const std::string body = Bytes(2000000);
  auto file = BodyFile::Make(body);
  ASSERT_NE(file, nullptr);
  FileSendProgress progress;
  int error = 0;
  std::string received;
  int would_block = 0;
  for (int round = 0; round < 100000; ++round) {
    FileSendResult result = SendHeadAndFile(fds_[0], head, *file, progress, error);
    ASSERT_NE(result, FileSendResult::kFailed) << error;
    if (result == FileSendResult::kDone) break;
    ++would_block;  // the reader has not read: the buffer is full, the call comes back
    Drain(received);
  }
  Drain(received);
  EXPECT_GT(would_block, 0);
  EXPECT_EQ(progress.head_sent, head.size());
  EXPECT_EQ(progress.file_sent, body.size());
  ASSERT_EQ(received.size(), head.size() + body.size());
  EXPECT_TRUE(received == head + body);
}

TEST_F(FileSendTest, APeerThatLeftFailsTheSendWithEpipe) {
  auto file = BodyFile::Make(Bytes(BodyFile::kMinBytes));
  ASSERT_NE(file, nullptr);
  ::close(fds_[1]);
  fds_[1] = -1;
  FileSendProgress progress;
  int error = 0;
  EXPECT_EQ(SendHeadAndFile(fds_[0], "HTTP/1.1 200 OK\r\n\r\n", *file, progress, error),
            FileSendResult::kFailed);
  EXPECT_EQ(error, EPIPE);
}

}  // namespace
}  // namespace warta::http::server
