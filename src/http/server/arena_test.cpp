#include "http/server/arena.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <map>
#include <string>

namespace warta::http::server {
namespace {

TEST(ArenaTest, AlignedAllocationsAcrossChunks) {
  Arena arena(64);
  for (std::size_t align : {1, 2, 8, 16}) {
    for (int i = 0; i < 20; ++i) {
      void* p = arena.Allocate(24, align);
      ASSERT_NE(p, nullptr);
      EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % align, 0u);
    }
  }
  void* big = arena.Allocate(1000, 8);  // larger than a chunk
  ASSERT_NE(big, nullptr);
  std::memset(big, 1, 1000);
  arena.Reset();
  EXPECT_NE(arena.Allocate(8, 8), nullptr);
}

TEST(ArenaTest, WorksAsAContainerAllocator) {
  Arena arena;
  using Alloc = ArenaAllocator<std::pair<const int, std::string>>;
  std::map<int, std::string, std::less<>, Alloc> m{Alloc(&arena)};
  for (int i = 0; i < 500; ++i) m.emplace(i, std::to_string(i));
  EXPECT_EQ(m.at(321), "321");
  EXPECT_TRUE(ArenaAllocator<int>(&arena) == ArenaAllocator<char>(&arena));
}

}  // namespace
}  // namespace warta::http::server
