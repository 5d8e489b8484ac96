#include <gtest/gtest.h>

#include "config/config.h"

namespace warta::config {
namespace {

void ExpectListen(const std::string& text, const std::string& host, std::uint16_t port) {
  auto parsed = ParseListen(text);
  ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.error().message;
  EXPECT_EQ(parsed->first, host) << text;
  EXPECT_EQ(parsed->second, port) << text;
}

TEST(ParseListenTest, AcceptsHostPortForms) {
  ExpectListen("127.0.0.1:8080", "127.0.0.1", 8080);
  ExpectListen("[::1]:8080", "::1", 8080);
  ExpectListen("[::]:443", "::", 443);
  ExpectListen("[fe80::1%eth0]:80", "fe80::1%eth0", 80);
  ExpectListen("localhost:0", "localhost", 0);
  ExpectListen("news.example.org:65535", "news.example.org", 65535);
}

TEST(ParseListenTest, EmptyHostMeansEveryIpv4Interface) { ExpectListen(":8080", "0.0.0.0", 8080); }

TEST(ParseListenTest, RejectsMalformedAddresses) {
  const std::pair<const char*, const char*> cases[] = {
      {"8080", "missing port in listen address '8080'"},
      {"127.0.0.1", "missing port in listen address '127.0.0.1'"},
      {"[::1]", "missing port in listen address '[::1]'"},
      {"", "missing port in listen address ''"},
      {"127.0.0.1:", "bad port in listen address '127.0.0.1:'"},
      {"127.0.0.1:http", "bad port in listen address '127.0.0.1:http'"},
      {"127.0.0.1:-1", "bad port in listen address '127.0.0.1:-1'"},
      {"127.0.0.1:123456", "bad port in listen address '127.0.0.1:123456'"},
      {"127.0.0.1:65536", "port out of range 0..65535 in listen address '127.0.0.1:65536'"},
      {"::1:8080", "IPv6 addresses need brackets, as in [::1]:8080: '::1:8080'"},
      {"[]:80", "bad IPv6 address in listen address '[]:80'"},
      {"[127.0.0.1]:80", "bad IPv6 address in listen address '[127.0.0.1]:80'"},
      {"[::1 ]:80", "bad IPv6 address in listen address '[::1 ]:80'"},
      {"bad host:80", "bad host in listen address 'bad host:80'"},
  };
  for (const auto& [text, problem] : cases) {
    auto parsed = ParseListen(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(parsed.error().message, std::string("config: ") + problem);
  }
}

}  // namespace
}  // namespace warta::config
