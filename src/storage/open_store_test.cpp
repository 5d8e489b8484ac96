#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "storage/store.h"
#include "storage/testing/temp_dir.h"

namespace warta::storage {
namespace {

namespace fs = std::filesystem;

TEST(OpenStoreTest, OpensAndCreatesAnSqliteFile) {
  test_util::TempDir dir;
  std::string path = dir.File("warta.db");
  auto store = OpenStore("sqlite:" + path);
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_STREQ((*store)->backend_name(), "sqlite");
  EXPECT_TRUE(fs::exists(path));  // opened for real, not lazily
  EXPECT_TRUE((*store)->Migrate().ok());
}

TEST(OpenStoreTest, AcceptsTheUrlSpellingWithSlashes) {
  test_util::TempDir dir;
  std::string path = dir.File("slashes.db");  // absolute: sqlite:///tmp/...
  auto store = OpenStore("sqlite://" + path);
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_TRUE(fs::exists(path));
}

TEST(OpenStoreTest, MissingDirectoryGivesAClearErrorAndCreatesNothing) {
  test_util::TempDir dir;
  std::string path = (dir.path() / "no" / "such" / "warta.db").string();
  auto store = OpenStore("sqlite:" + path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kIo);
  EXPECT_EQ(store.error().message, "sqlite: cannot open '" + path +
                                       "': unable to open database file (is the directory "
                                       "there and writable?)");
  EXPECT_FALSE(fs::exists(dir.path() / "no"));
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(OpenStoreTest, UnwritableDirectoryGivesAClearError) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores file permissions";
  test_util::TempDir dir;
  fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
  auto store = OpenStore("sqlite:" + dir.File("warta.db"));
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kIo);
  EXPECT_NE(store.error().message.find(dir.File("warta.db")), std::string::npos)
      << store.error().message;
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(OpenStoreTest, ReadOnlyFileGivesAClearError) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores file permissions";
  test_util::TempDir dir;
  std::string path = dir.File("warta.db");
  {
    auto store = OpenStore("sqlite:" + path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Migrate().ok());
  }
  fs::permissions(path, fs::perms::owner_read);
  auto store = OpenStore("sqlite:" + path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kIo);
  EXPECT_EQ(store.error().message.rfind("sqlite: cannot open '" + path + "' for writing", 0), 0u)
      << store.error().message;
}

TEST(OpenStoreTest, ADirectoryIsNotADatabase) {
  test_util::TempDir dir;
  auto store = OpenStore("sqlite:" + dir.path().string());
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find("cannot open '" + dir.path().string() + "'"),
            std::string::npos)
      << store.error().message;
}

TEST(OpenStoreTest, AFileThatIsNotADatabaseIsCorrupt) {
  test_util::TempDir dir;
  std::string path = dir.File("notes.txt");
  std::ofstream(path) << std::string(4096, 'x');
  auto store = OpenStore("sqlite:" + path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(store.error().message.find("not a database"), std::string::npos)
      << store.error().message;
}

TEST(OpenStoreTest, UnreachablePostgresqlIsUnavailableWithoutEchoingThePassword) {
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  for (const char* url : {"postgresql://warta:hunter2@127.0.0.1:1/warta?connect_timeout=2",
                          "postgres://warta:hunter2@127.0.0.1:1/x?connect_timeout=2"}) {
    auto store = OpenStore(url);
    ASSERT_FALSE(store.ok()) << url;
    EXPECT_EQ(store.error().code, ErrorCode::kUnavailable) << store.error().message;
    EXPECT_EQ(store.error().message.find("hunter2"), std::string::npos) << store.error().message;
  }
}

TEST(OpenStoreTest, UnknownSchemesNameTheAcceptedFormsWithoutEchoingSecrets) {
  for (const char* url : {"mysql://root:hunter2@db/warta", "data/warta.db", ""}) {
    auto store = OpenStore(url);
    ASSERT_FALSE(store.ok()) << url;
    EXPECT_EQ(store.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(store.error().message.find("sqlite:PATH"), std::string::npos);
    EXPECT_NE(store.error().message.find("postgresql://"), std::string::npos);
    EXPECT_EQ(store.error().message.find("hunter2"), std::string::npos);
  }
}

TEST(OpenStoreTest, EmptyAndInMemoryPathsAreRefused) {
  for (const char* url : {"sqlite:", "sqlite://", "sqlite::memory:"}) {
    auto store = OpenStore(url);
    ASSERT_FALSE(store.ok()) << url;
    EXPECT_EQ(store.error().code, ErrorCode::kInvalidArgument) << url;
  }
}

}  // namespace
}  // namespace warta::storage
