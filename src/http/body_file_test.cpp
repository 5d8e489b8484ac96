#include "http/body_file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <vector>

namespace warta::http {
namespace {

std::string Bytes(std::size_t size) {
  std::string s(size, '\0');
  for (std::size_t i = 0; i < size; ++i) s[i] = static_cast<char>('a' + (i * 7 + i / 13) % 26);
  return s;
}

std::string ReadBack(const BodyFile& file) {
  std::string out(file.size(), '\0');
  std::size_t done = 0;
  while (done < out.size()) {
    ssize_t n = ::pread(file.fd(), out.data() + done, out.size() - done, static_cast<off_t>(done));
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
  return out;
}

TEST(BodyFileTest, SmallBodiesStayInMemory) {
  EXPECT_EQ(BodyFile::Make(Bytes(BodyFile::kMinBytes - 1)), nullptr);
  EXPECT_EQ(BodyFile::Make(""), nullptr);
}

TEST(BodyFileTest, HoldsExactlyTheBytesAndCannotBeChanged) {
  const std::string bytes = Bytes(300 * 1024 + 17);
  auto file = BodyFile::Make(bytes);
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->size(), bytes.size());
  EXPECT_EQ(ReadBack(*file), bytes);
  const int seals = ::fcntl(file->fd(), F_GET_SEALS);
  EXPECT_NE(seals & F_SEAL_WRITE, 0);
  EXPECT_NE(seals & F_SEAL_SHRINK, 0);
  EXPECT_EQ(::pwrite(file->fd(), "x", 1, 0), -1);
  EXPECT_EQ(::ftruncate(file->fd(), 10), -1);
  EXPECT_EQ(ReadBack(*file), bytes);
}

TEST(BodyFileTest, OpenFilesAreBoundedAndGivenBack) {
  const int before = BodyFile::open_count();
  const std::string bytes = Bytes(BodyFile::kMinBytes);
  std::vector<std::shared_ptr<const BodyFile>> files;
  for (int i = before; i < BodyFile::kMaxOpen; ++i) {
    files.push_back(BodyFile::Make(bytes));
    ASSERT_NE(files.back(), nullptr) << i;
  }
  EXPECT_EQ(BodyFile::open_count(), BodyFile::kMaxOpen);
  EXPECT_EQ(BodyFile::Make(bytes), nullptr);  // over the budget: sent from memory instead
  EXPECT_EQ(BodyFile::open_count(), BodyFile::kMaxOpen);
  const int fd = files.front()->fd();
  files.clear();
  EXPECT_EQ(BodyFile::open_count(), before);
  EXPECT_EQ(::fcntl(fd, F_GETFD), -1);  // closed with its last owner
  EXPECT_NE(BodyFile::Make(bytes), nullptr);
}

}  // namespace
}  // namespace warta::http
