#pragma once

#include <chrono>
#include <cstdint>

namespace warta::storage::sqlite {

// Stored times are unix seconds UTC (*_at columns).
inline std::int64_t UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace warta::storage::sqlite
