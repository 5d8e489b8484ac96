#include "ingest/fetcher/address_policy.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>

#include <string>

namespace warta::ingest::fetcher {
namespace {

bool Public(const std::string& text) {
  sockaddr_in6 in6{};
  if (inet_pton(AF_INET6, text.c_str(), &in6.sin6_addr) == 1) {
    in6.sin6_family = AF_INET6;
    return IsPublicAddress(reinterpret_cast<const sockaddr*>(&in6));
  }
  sockaddr_in in{};
  EXPECT_EQ(inet_pton(AF_INET, text.c_str(), &in.sin_addr), 1) << text;
  in.sin_family = AF_INET;
  return IsPublicAddress(reinterpret_cast<const sockaddr*>(&in));
}

TEST(AddressPolicyTest, RefusesLoopbackPrivateLinkLocalAndMulticast) {
  for (const char* address : {"127.0.0.1",
                              "127.255.0.9",
                              "10.1.2.3",
                              "172.16.0.1",
                              "172.31.255.255",
                              "192.168.1.1",
                              "169.254.169.254",
                              "100.64.0.1",
                              "0.0.0.0",
                              "224.0.0.1",
                              "239.1.1.1",
                              "255.255.255.255",
                              "240.0.0.1",
                              "192.0.2.5",
                              "198.18.0.1",
                              "::",
                              "::1",
                              "fe80::1",
                              "fc00::1",
                              "fd12::1",
                              "ff02::1",
                              "::ffff:127.0.0.1",
                              "::ffff:10.0.0.1",
                              "64:ff9b::7f00:1",
                              "::127.0.0.1",
                              "2002:7f00:1::",
                              "2001:db8::1",
                              "fec0::1"}) {
    EXPECT_FALSE(Public(address)) << address;
  }
}

TEST(AddressPolicyTest, AcceptsPublicAddresses) {
  for (const char* address :
       {"8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "93.184.216.34", "100.128.0.1",
        "2606:4700::1111", "::ffff:8.8.8.8", "2001:4860:4860::8888", "2002:808:808::"}) {
    EXPECT_TRUE(Public(address)) << address;
  }
}

TEST(AddressPolicyTest, UnknownFamiliesAndNullAreRefused) {
  sockaddr other{};
  other.sa_family = AF_UNIX;
  EXPECT_FALSE(IsPublicAddress(&other));
  EXPECT_FALSE(IsPublicAddress(nullptr));
}

TEST(AddressPolicyTest, AddressToString) {
  sockaddr_in in{};
  in.sin_family = AF_INET;
  inet_pton(AF_INET, "192.168.0.7", &in.sin_addr);
  EXPECT_EQ(AddressToString(reinterpret_cast<const sockaddr*>(&in)), "192.168.0.7");
}

TEST(AddressPolicyTest, HostsOfFeedUrlsFollowTheSameRule) {
  for (const char* host : {"127.0.0.1", "localhost", "LOCALHOST.", "a.localhost", "[::1]", "::1",
                           "10.1.2.3", "192.168.1.1", "169.254.169.254", "[fe80::1]",
                           "[::ffff:127.0.0.1]", "127.1", "2130706433", "0x7f.1", "0.0.0.0"}) {
    EXPECT_FALSE(IsPublicHost(host)) << host;
  }
  for (const char* host :
       {"example.com", "93.184.216.34", "[2606:2800:220:1::1]", "1a.example", "feeds.example"}) {
    EXPECT_TRUE(IsPublicHost(host)) << host;
  }
}

TEST(AddressPolicyTest, FeedUrlsWithPrivateHostsAreRefused) {
  EXPECT_TRUE(CheckFeedUrlHost("https://example.com/feed.xml").ok());
  EXPECT_TRUE(CheckFeedUrlHost("https://93.184.216.34:8443/feed").ok());
  for (const char* url : {"http://127.0.0.1:8080/feed", "http://user@localhost/feed",
                          "http://[::1]:80/x", "https://10.0.0.5?x", "http://a@b@192.168.0.1/",
                          "http://169.254.169.254/latest/meta-data"}) {
    auto checked = CheckFeedUrlHost(url);
    ASSERT_FALSE(checked.ok()) << url;
    EXPECT_EQ(checked.error().message.rfind("source: 'url' is a loopback", 0), 0u);
  }
}

}  // namespace
}  // namespace warta::ingest::fetcher
