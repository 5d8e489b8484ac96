// The option table, its documentation and the example file must agree.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "config/config.h"

namespace warta::config {
namespace {

namespace fs = std::filesystem;

// The repository root, given by CMake: __FILE__ is relative under ccache's base_dir (it rewrites
// source paths), and then depends on the directory the test runs in.
fs::path RepoRoot() { return fs::path(WARTA_SOURCE_DIR); }

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(OptionTableTest, EnvVarNamesFollowTheKeys) {
  const auto options = ListOptions();
  ASSERT_GE(options.size(), 20u);
  for (const OptionInfo& option : options) {
    std::string expected = "WARTA_";
    for (char c : option.key) expected += c == '.' ? '_' : static_cast<char>(std::toupper(c));
    EXPECT_EQ(option.env_var, expected);
    EXPECT_FALSE(option.description.empty()) << option.key;
  }
  EXPECT_EQ(options.front().key, "site.name");
  EXPECT_EQ(options.front().default_value, "Media Jepang");
}

TEST(OptionTableTest, DescribeOptionsHasOneLinePerOption) {
  const std::string text = DescribeOptions();
  std::istringstream lines(text);
  std::string line;
  std::size_t count = 0;
  const auto options = ListOptions();
  while (std::getline(lines, line)) {
    ASSERT_LT(count, options.size());
    EXPECT_EQ(line.rfind(options[count].key + " (" + options[count].env_var, 0), 0u) << line;
    ++count;
  }
  EXPECT_EQ(count, options.size());
  EXPECT_NE(text.find("server.threads (WARTA_SERVER_THREADS, integer, default \"0\")"),
            std::string::npos);
}

TEST(OptionTableTest, DocsListEveryOptionWithItsDefault) {
  const std::string docs = ReadAll(RepoRoot() / "docs" / "configuration.md");
  ASSERT_FALSE(docs.empty()) << "docs/configuration.md not found from " << RepoRoot();
  for (const OptionInfo& option : ListOptions()) {
    const std::string row_start =
        "| `" + option.key + "` | `" + option.env_var + "` | " + option.type + " | ";
    const auto row = docs.find(row_start);
    ASSERT_NE(row, std::string::npos) << "no row for " << option.key;
    const std::string shown =
        option.default_value.empty() ? "(empty)" : "`" + option.default_value + "`";
    EXPECT_EQ(docs.compare(row + row_start.size(), shown.size(), shown), 0)
        << option.key << " should show default " << shown;
  }
}

// The example has every option commented out; uncommented, it must load and set them all.
TEST(OptionTableTest, ExampleFileCoversEveryOptionAndLoads) {
  const fs::path example = RepoRoot() / "warta.example.toml";
  const std::string text = ReadAll(example);
  ASSERT_FALSE(text.empty()) << example;
  auto as_is = Load(example.string(), nullptr, {});
  ASSERT_TRUE(as_is.ok()) << as_is.error().message;
  EXPECT_TRUE(as_is->explicit_keys.empty());

  std::string uncommented;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    // "# key = value" lines are options; other comments are prose.
    const auto eq = line.find(" = ");
    const bool option = line.rfind("# ", 0) == 0 && eq != std::string::npos &&
                        line.find_first_not_of("abcdefghijklmnopqrstuvwxyz_", 2) == eq;
    uncommented += (option ? line.substr(2) : line) + "\n";
  }
  const fs::path copy =
      fs::temp_directory_path() / ("warta_example_" + std::to_string(::getpid()) + ".toml");
  std::ofstream(copy) << uncommented;
  auto all = Load(copy.string(), nullptr, {});
  fs::remove(copy);
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(all->explicit_keys.size(), ListOptions().size());
}

}  // namespace
}  // namespace warta::config
