#include "http/server/proxy.h"

#include <gtest/gtest.h>

namespace warta::http::server {
namespace {

TEST(ProxyTest, ParsesAddresses) {
  EXPECT_TRUE(ParseIp("127.0.0.1"));
  EXPECT_TRUE(ParseIp(" 10.1.2.3:8080 "));
  EXPECT_TRUE(ParseIp("::1"));
  EXPECT_TRUE(ParseIp("[2001:db8::1]:443"));
  EXPECT_FALSE(ParseIp("unknown"));
  EXPECT_FALSE(ParseIp(""));
  EXPECT_FALSE(ParseIp("1.2.3"));
  EXPECT_EQ(ParseIp("1.2.3.4"), ParseIp("::ffff:1.2.3.4"));
}

TEST(ProxyTest, RangesMatch) {
  auto proxies = TrustedProxies::Parse({"10.0.0.0/8", "192.168.1.7", "fd00::/8", "172.16.0.0/12"});
  ASSERT_TRUE(proxies.ok());
  EXPECT_TRUE(proxies->Contains(*ParseIp("10.200.3.4")));
  EXPECT_FALSE(proxies->Contains(*ParseIp("11.0.0.1")));
  EXPECT_TRUE(proxies->Contains(*ParseIp("192.168.1.7")));
  EXPECT_FALSE(proxies->Contains(*ParseIp("192.168.1.8")));
  EXPECT_TRUE(proxies->Contains(*ParseIp("fdab::1")));
  EXPECT_FALSE(proxies->Contains(*ParseIp("fe80::1")));
  EXPECT_TRUE(proxies->Contains(*ParseIp("172.31.255.255")));
  EXPECT_FALSE(proxies->Contains(*ParseIp("172.32.0.0")));
  EXPECT_FALSE(TrustedProxies::Parse({"10.0.0.0/33"}).ok());
  EXPECT_FALSE(TrustedProxies::Parse({"proxy.example"}).ok());
  EXPECT_FALSE(TrustedProxies::Parse({"10.0.0.0/x"}).ok());
  auto all = TrustedProxies::Parse({"0.0.0.0/0"});
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->Contains(*ParseIp("8.8.8.8")));
}

TEST(ProxyTest, ClientAddressSkipsTrustedHopsFromTheRight) {
  auto proxies = TrustedProxies::Parse({"10.0.0.0/8"});
  ASSERT_TRUE(proxies.ok());
  EXPECT_EQ(proxies->ClientAddress("10.0.0.1", ""), "10.0.0.1");
  EXPECT_EQ(proxies->ClientAddress("10.0.0.1", "203.0.113.5"), "203.0.113.5");
  EXPECT_EQ(proxies->ClientAddress("10.0.0.1", "1.1.1.1, 203.0.113.5, 10.0.0.9"), "203.0.113.5");
  EXPECT_EQ(proxies->ClientAddress("10.0.0.1", "10.0.0.3, 10.0.0.2"), "10.0.0.3");
  EXPECT_EQ(proxies->ClientAddress("10.0.0.1", "garbage"), "10.0.0.1");
  EXPECT_EQ(proxies->ClientAddress("10.0.0.1", "[2001:db8::7]:1234"), "2001:db8::7");
}

}  // namespace
}  // namespace warta::http::server
