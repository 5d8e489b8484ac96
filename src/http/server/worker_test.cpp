#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http/server/context.h"

namespace warta::http::server {
namespace {

TEST(WorkerTest, ADescriptorTheAcceptorCannotAdoptIsAnErrorNamingTheAddress) {
  Context context;
  // A descriptor number that is certainly not open: one just closed.
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  ::close(fd);
  auto worker = Worker::Create(context, fd, AF_INET, "127.0.0.1:8080");
  ASSERT_FALSE(worker.ok());
  EXPECT_EQ(worker.error().code, ErrorCode::kIo);
  EXPECT_EQ(worker.error().message.rfind("http: cannot listen on 127.0.0.1:8080: ", 0), 0u)
      << worker.error().message;
}

TEST(WorkerTest, AListeningSocketMakesAWorker) {
  Context context;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::listen(fd, 1), 0);  // an ephemeral port on every interface
  auto worker = Worker::Create(context, fd, AF_INET, "0.0.0.0:0");
  ASSERT_TRUE(worker.ok()) << worker.error().message;
  (*worker)->Start();
  (*worker)->BeginStop();
  (*worker)->Join();
}

}  // namespace
}  // namespace warta::http::server
