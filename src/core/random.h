#pragma once

#include <string>

namespace warta {

// n cryptographically random bytes from the kernel (getrandom), hex encoded (2n chars).
// Used for secrets created at first start (cookie signing keys).
std::string RandomHex(std::size_t n);

}  // namespace warta
