// CSRF tokens: a MAC (keyed SipHash-2-4, 128-bit tag) of the subject (a session id, or the
// visitor id for anonymous readers) under the site secret. Stateless, so any node can verify
// a token another node issued; a token from one visitor is useless to another.
#pragma once

#include <string>
#include <string_view>

namespace warta::auth {

class CsrfTokens {
 public:
  // secret: the site's signing secret (hex or raw bytes; any length >= 32 bytes).
  explicit CsrfTokens(std::string_view secret);

  // 32 hex characters.
  std::string Issue(std::string_view subject) const;
  // Constant-time comparison against the token for subject.
  bool Verify(std::string_view subject, std::string_view token) const;

 private:
  unsigned char key_[32];
};

}  // namespace warta::auth
