// What every fuzz target shares: the bytes as a string_view, and a check that aborts (so
// libFuzzer saves the input as a crash) when a property the code documents does not hold.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace warta::fuzz {

inline std::string_view Bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Not assert(): the fuzz and replay builds may define NDEBUG, and a broken property must
// fail there too.
#define WARTA_FUZZ_CHECK(cond)                                                                 \
  do {                                                                                         \
    if (!(cond)) {                                                                             \
      std::fprintf(stderr, "fuzz: property failed at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                            \
    }                                                                                          \
  } while (0)

}  // namespace warta::fuzz
