#include "config/config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace warta::config {
namespace {

namespace fs = std::filesystem;

// A NULL-terminated "NAME=VALUE" array, as `environ` is.
class Env {
 public:
  Env(std::initializer_list<std::string> entries) : entries_(entries) {
    for (auto& e : entries_) pointers_.push_back(e.data());
    pointers_.push_back(nullptr);
  }
  char** get() { return pointers_.data(); }

 private:
  std::vector<std::string> entries_;
  std::vector<char*> pointers_;
};

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "warta_config_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path) << text;
    return path.string();
  }

  fs::path dir_;
};

std::string LoadError(const std::string& file, char** env, const Overrides& flags) {
  auto config = Load(file, env, flags);
  if (config.ok()) return "(loaded without error)";
  return config.error().message;
}

TEST_F(ConfigTest, DefaultsWithoutFileEnvOrFlags) {
  auto config = Load("", nullptr, {});
  ASSERT_TRUE(config.ok()) << config.error().message;
  const Config defaults;
  EXPECT_EQ(config->site.name, "Media Jepang");
  EXPECT_EQ(config->site.locale, "id");
  EXPECT_EQ(config->site.time_zone, "Asia/Jakarta");
  EXPECT_EQ(config->server.listen, "127.0.0.1:8080");
  EXPECT_EQ(config->server.threads, defaults.server.threads);
  EXPECT_EQ(config->server.max_body_bytes, defaults.server.max_body_bytes);
  EXPECT_EQ(config->db.url, "sqlite:data/warta.db");
  EXPECT_TRUE(config->ratelimit.enabled);
  EXPECT_FALSE(config->fetch.allow_private);
  EXPECT_TRUE(config->explicit_keys.empty());
  EXPECT_FALSE(config->IsExplicit("site.name"));
}

// Each default must pass its own option's checks, or setting it explicitly would fail.
TEST_F(ConfigTest, EveryDefaultIsAValidValue) {
  Overrides flags;
  for (const OptionInfo& option : ListOptions()) flags[option.key] = option.default_value;
  auto config = Load("", nullptr, flags);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->explicit_keys.size(), ListOptions().size());
  EXPECT_EQ(config->site.base_url, Config().site.base_url);
}

TEST_F(ConfigTest, FileOverridesDefaults) {
  const std::string file = Write("warta.toml", R"(
[site]
name = "Berita Uji"
locale = "en"

[server]
threads = 4
access_log = false
trusted_proxies = ["127.0.0.1", "10.0.0.0/8", "fd00::/8"]

[views]
max_tracked = 3000000
)");
  auto config = Load(file, nullptr, {});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->site.name, "Berita Uji");
  EXPECT_EQ(config->site.locale, "en");
  EXPECT_EQ(config->site.time_zone, "Asia/Jakarta");  // untouched
  EXPECT_EQ(config->server.threads, 4);
  EXPECT_FALSE(config->server.access_log);
  EXPECT_EQ(config->server.trusted_proxies,
            (std::vector<std::string>{"127.0.0.1", "10.0.0.0/8", "fd00::/8"}));
  EXPECT_EQ(config->views.max_tracked, 3'000'000);
  EXPECT_EQ(config->db.url, "sqlite:data/warta.db");  // untouched
}

TEST_F(ConfigTest, EnvironmentOverridesFile) {
  const std::string file =
      Write("warta.toml", "[server]\nthreads = 4\nlisten = \"127.0.0.1:9000\"\n");
  Env env{"WARTA_SERVER_THREADS=8", "PATH=/usr/bin", "WARTA_SITE_NAME=Dari Env"};
  auto config = Load(file, env.get(), {});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->server.threads, 8);
  EXPECT_EQ(config->server.listen, "127.0.0.1:9000");  // only in the file
  EXPECT_EQ(config->site.name, "Dari Env");
}

TEST_F(ConfigTest, FlagsOverrideEnvironment) {
  const std::string file = Write("warta.toml", "[db]\nurl = \"sqlite:file.db\"\n");
  Env env{"WARTA_DB_URL=sqlite:env.db", "WARTA_SERVER_THREADS=2"};
  auto config = Load(file, env.get(), {{"db.url", "sqlite:flag.db"}});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->db.url, "sqlite:flag.db");
  EXPECT_EQ(config->server.threads, 2);
}

TEST_F(ConfigTest, BooleansAcceptCommonSpellings) {
  for (const char* yes : {"true", "1", "yes", "on", "TRUE", "On", " yes "}) {
    Env env{std::string("WARTA_FETCH_ALLOW_PRIVATE=") + yes};
    auto config = Load("", env.get(), {});
    ASSERT_TRUE(config.ok()) << yes << ": " << config.error().message;
    EXPECT_TRUE(config->fetch.allow_private) << yes;
  }
  for (const char* no : {"false", "0", "no", "off", "False", "OFF"}) {
    auto config = Load("", nullptr, {{"ratelimit.enabled", no}});
    ASSERT_TRUE(config.ok()) << no << ": " << config.error().message;
    EXPECT_FALSE(config->ratelimit.enabled) << no;
  }
}

TEST_F(ConfigTest, ListsInEnvironmentAreCommaSeparated) {
  Env env{"WARTA_SERVER_TRUSTED_PROXIES= 127.0.0.1, ::1 ,,10.1.0.0/16"};
  auto config = Load("", env.get(), {});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->server.trusted_proxies,
            (std::vector<std::string>{"127.0.0.1", "::1", "10.1.0.0/16"}));
  auto empty = Load("", nullptr, {{"server.trusted_proxies", ""}});
  ASSERT_TRUE(empty.ok()) << empty.error().message;
  EXPECT_TRUE(empty->server.trusted_proxies.empty());
}

TEST_F(ConfigTest, UnknownWartaVariablesAreIgnored) {
  Env env{"WARTA_BIN=/usr/bin/warta", "WARTA_SERVER_THREADZ=x", "WARTA_=1", "WARTA_SITE_NAME"};
  auto config = Load("", env.get(), {});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_TRUE(config->explicit_keys.empty());
}

TEST_F(ConfigTest, ExplicitKeysComeFromEverySource) {
  const std::string file = Write("warta.toml", "[site]\nname = \"X\"\n\n[log]\n");
  Env env{"WARTA_SERVER_THREADS=3"};
  auto config = Load(file, env.get(), {{"db.url", "sqlite:x.db"}});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->explicit_keys,
            (std::vector<std::string>{"db.url", "server.threads", "site.name"}));
  EXPECT_TRUE(config->IsExplicit("site.name"));
  EXPECT_TRUE(config->IsExplicit("server.threads"));
  EXPECT_TRUE(config->IsExplicit("db.url"));
  EXPECT_FALSE(config->IsExplicit("site.locale"));
  EXPECT_FALSE(config->IsExplicit("log.level"));
}

TEST_F(ConfigTest, ExplicitEvenWhenEqualToDefault) {
  auto config = Load("", nullptr, {{"site.name", "Media Jepang"}});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_TRUE(config->IsExplicit("site.name"));
}

TEST_F(ConfigTest, EnvironmentTypeErrorsNameTheVariable) {
  Env threads{"WARTA_SERVER_THREADS=x"};
  EXPECT_EQ(LoadError("", threads.get(), {}), "config: WARTA_SERVER_THREADS: not an integer: 'x'");
  Env range{"WARTA_SERVER_THREADS=300"};
  EXPECT_EQ(LoadError("", range.get(), {}),
            "config: WARTA_SERVER_THREADS: out of range 0..256: 300");
  Env boolean{"WARTA_RATELIMIT_ENABLED=maybe"};
  EXPECT_EQ(LoadError("", boolean.get(), {}),
            "config: WARTA_RATELIMIT_ENABLED: not a boolean (true/false, 1/0, yes/no, on/off): "
            "'maybe'");
  Env huge{"WARTA_VIEWS_MAX_TRACKED=99999999999999999999"};
  EXPECT_EQ(LoadError("", huge.get(), {}),
            "config: WARTA_VIEWS_MAX_TRACKED: not an integer: '99999999999999999999'");
  auto result = Load("", threads.get(), {});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
}

TEST_F(ConfigTest, FlagErrorsNameTheKey) {
  EXPECT_EQ(LoadError("", nullptr, {{"views.flush_interval_ms", "10"}}),
            "config: views.flush_interval_ms (command line): out of range 50..60000: 10");
  EXPECT_EQ(LoadError("", nullptr, {{"server.thread", "2"}}),
            "config: unknown key 'server.thread' (did you mean 'server.threads'?) (command line)");
}

TEST_F(ConfigTest, ValuesAreValidated) {
  struct Case {
    const char* key;
    const char* value;
    const char* problem;
  };
  const Case cases[] = {
      {"site.locale", "fr", "unknown locale 'fr' (one of: id, en, ja)"},
      {"site.name", "", "must not be empty"},
      {"site.time_zone", "", "not a time zone name: ''"},
      {"site.base_url", "ftp://x.org", "not an http(s) URL: 'ftp://x.org'"},
      {"site.base_url", "https://", "not an http(s) URL: 'https://'"},
      {"site.month_names", "a,b,c", "expected 12 items, got 3"},
      {"site.locales", "id,fr", "unknown locale 'fr' (one of: id, en, ja)"},
      {"server.listen", "127.0.0.1", "missing port in listen address '127.0.0.1'"},
      {"server.listen", "127.0.0.1:70000",
       "port out of range 0..65535 in listen address '127.0.0.1:70000'"},
      {"server.max_body_bytes", "0", "out of range 1..1073741824: 0"},
      {"server.max_header_bytes", "-5", "out of range 1..1048576: -5"},
      {"server.trusted_proxies", "10.0.0.1,proxy.local",
       "not an IP address or CIDR block: 'proxy.local'"},
      {"server.trusted_proxies", "10.0.0.0/33", "bad prefix length in '10.0.0.0/33'"},
      {"db.url", "mysql://x", "expected sqlite:PATH or postgresql://…, got 'mysql://x'"},
      {"db.url", "sqlite:", "expected sqlite:PATH or postgresql://…, got 'sqlite:'"},
      {"log.level", "loud",
       "unknown log level 'loud' (one of: trace, debug, info, warn, error, off)"},
      {"views.flush_interval_ms", "60001", "out of range 50..60000: 60001"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(LoadError("", nullptr, {{c.key, c.value}}),
              std::string("config: ") + c.key + " (command line): " + c.problem)
        << c.key << " = " << c.value;
  }
}

TEST_F(ConfigTest, AcceptedEdgeValues) {
  auto config = Load("", nullptr,
                     {{"views.flush_interval_ms", "50"},
                      {"server.threads", "256"},
                      {"site.base_url", "https://news.example.org/"},
                      {"site.month_names", "I,II,III,IV,V,VI,VII,VIII,IX,X,XI,XII"},
                      {"db.url", "postgresql://warta@db/warta"},
                      {"server.listen", "[::1]:0"}});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->views.flush_interval_ms, 50);
  EXPECT_EQ(config->server.threads, 256);
  EXPECT_EQ(config->site.base_url, "https://news.example.org");  // trailing '/' removed
}

TEST_F(ConfigTest, FileTypeErrorsNameFileLineAndKey) {
  const std::string file =
      Write("types.toml", "[server]\nlisten = \"127.0.0.1:1\"\nthreads = \"4\"\n");
  EXPECT_EQ(LoadError(file, nullptr, {}),
            "config: " + file + ":3: server.threads: expected an integer, got a string");
  const std::string list = Write("list.toml", "[server]\ntrusted_proxies = [\"::1\", 2]\n");
  EXPECT_EQ(LoadError(list, nullptr, {}),
            "config: " + list +
                ":2: server.trusted_proxies: expected an array of strings, found an integer in it");
  const std::string range = Write("range.toml", "[views]\n\nflush_interval_ms = 1\n");
  EXPECT_EQ(LoadError(range, nullptr, {}),
            "config: " + range + ":3: views.flush_interval_ms: out of range 50..60000: 1");
}

TEST_F(ConfigTest, UnknownKeysInFileAreErrorsWithSuggestions) {
  const std::string typo = Write("typo.toml", "[server]\nthread = 4\n");
  EXPECT_EQ(LoadError(typo, nullptr, {}),
            "config: " + typo + ":2: unknown key 'server.thread' (did you mean 'server.threads'?)");
  const std::string section = Write("section.toml", "[sever]\nthreads = 4\n");
  EXPECT_EQ(
      LoadError(section, nullptr, {}),
      "config: " + section + ":2: unknown key 'sever.threads' (did you mean 'server.threads'?)");
  const std::string top = Write("top.toml", "name = \"x\"\n");
  EXPECT_EQ(LoadError(top, nullptr, {}),
            "config: " + top + ":1: unknown key 'name' (did you mean 'site.name'?)");
  const std::string far = Write("far.toml", "[site]\ncompletely_different = 1\n");
  EXPECT_EQ(LoadError(far, nullptr, {}),
            "config: " + far + ":2: unknown key 'site.completely_different'");
  const std::string empty = Write("empty.toml", "[nothing]\n");
  EXPECT_EQ(LoadError(empty, nullptr, {}), "config: " + empty + ":1: unknown section [nothing]");
}

TEST_F(ConfigTest, MissingFileIsAnError) {
  const std::string path = (dir_ / "nope.toml").string();
  auto config = Load(path, nullptr, {});
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(config.error().message, "config: " + path + ": no such file");
  auto directory = Load(dir_.string(), nullptr, {});
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.error().message, "config: " + dir_.string() + ": is a directory");
}

TEST_F(ConfigTest, OversizedFileIsAnError) {
  const std::string file = Write("big.toml", "# " + std::string(1024 * 1024, 'x') + "\n");
  auto config = Load(file, nullptr, {});
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().code, ErrorCode::kTooLarge);
}

TEST_F(ConfigTest, MalformedTomlNamesFileAndLine) {
  const std::string file = Write("bad.toml", "[site]\nname = \"ok\"\nlocale = \n");
  auto config = Load(file, nullptr, {});
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(config.error().message.rfind("config: " + file + ":3:", 0), 0u)
      << config.error().message;
  const std::string dup = Write("dup.toml", "[site]\nname = \"a\"\nname = \"b\"\n");
  auto duplicate = Load(dup, nullptr, {});
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().message.rfind("config: " + dup + ":3:", 0), 0u)
      << duplicate.error().message;
}

}  // namespace
}  // namespace warta::config
