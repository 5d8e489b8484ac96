#include "engagement/visitor.h"

#include <sodium.h>

#include <cstdlib>
#include <cstring>

namespace warta::engagement {
namespace {

constexpr std::size_t kIdHexLength = 16;
constexpr std::size_t kMacBytes = crypto_shorthash_siphashx24_BYTES;
constexpr std::size_t kMacBase64Length = 22;
constexpr std::size_t kCookieLength = kIdHexLength + 1 + kMacBase64Length;
static_assert(sodium_base64_ENCODED_LEN(kMacBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING) ==
              kMacBase64Length + 1);
constexpr std::int64_t kSecondsPerDay = 86400;

// crypto_kdf contexts are exactly 8 bytes; distinct contexts keep derived keys independent.
constexpr char kKeysContext[crypto_kdf_CONTEXTBYTES] = {'w', 'a', 'r', 't', 'a', 'v', 'i', 'd'};
constexpr char kDayContext[crypto_kdf_CONTEXTBYTES] = {'w', 'a', 'r', 't', 'a', 'd', 'a', 'y'};
constexpr std::uint64_t kCookieKeyId = 1;
constexpr std::uint64_t kSaltMasterId = 2;

void InitSodiumOnce() {
  // sodium_init is idempotent; the static makes the first call thread-safe and cheap after.
  static const int rc = sodium_init();
  if (rc < 0) std::abort();  // libsodium cannot pick its primitives: nothing can be hashed
}

std::int64_t DayNumber(std::int64_t now_unix) {
  std::int64_t day = now_unix / kSecondsPerDay;
  if (now_unix % kSecondsPerDay < 0) --day;  // floor, for completeness before 1970
  return day;
}

bool ParseHexId(std::string_view hex, std::uint64_t* out) {
  std::uint64_t v = 0;
  for (char c : hex) {
    unsigned digit;
    if (c >= '0' && c <= '9') {
      digit = static_cast<unsigned>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<unsigned>(c - 'a' + 10);
    } else {
      return false;  // only the canonical lowercase form that MakeCookie writes
    }
    v = (v << 4) | digit;
  }
  *out = v;
  return true;
}

void StoreBigEndian(std::uint64_t v, unsigned char* out) {
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<unsigned char>(v & 0xff);
    v >>= 8;
  }
}

}  // namespace

VisitorIdentifier::VisitorIdentifier(std::string secret) {
  InitSodiumOnce();
  // Hash first: the secret may have any length, crypto_kdf needs exactly 32 bytes.
  std::array<unsigned char, crypto_kdf_KEYBYTES> master{};
  crypto_generichash(master.data(), master.size(),
                     reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), nullptr,
                     0);
  crypto_kdf_derive_from_key(cookie_key_.data(), cookie_key_.size(), kCookieKeyId, kKeysContext,
                             master.data());
  crypto_kdf_derive_from_key(salt_master_.data(), salt_master_.size(), kSaltMasterId, kKeysContext,
                             master.data());
  sodium_memzero(master.data(), master.size());
  sodium_memzero(secret.data(), secret.size());
}

VisitorIdentifier::~VisitorIdentifier() {
  sodium_memzero(cookie_key_.data(), cookie_key_.size());
  sodium_memzero(salt_master_.data(), salt_master_.size());
}

// SipHash-2-4 with 128-bit output: a keyed PRF made for short inputs, ~20x faster here than
// keyed BLAKE2b or HMAC-SHA-256 (this runs on every request with a cookie), and a 128-bit tag
// leaves forgery out of reach.
std::array<unsigned char, 22> VisitorIdentifier::Sign(std::uint64_t visitor) const {
  unsigned char message[8];
  StoreBigEndian(visitor, message);
  unsigned char mac[kMacBytes];
  crypto_shorthash_siphashx24(mac, message, sizeof message, cookie_key_.data());
  char encoded[kMacBase64Length + 1];  // + NUL written by libsodium
  sodium_bin2base64(encoded, sizeof encoded, mac, sizeof mac,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  std::array<unsigned char, kMacBase64Length> out{};
  std::memcpy(out.data(), encoded, out.size());
  return out;
}

std::string VisitorIdentifier::MakeCookie(std::uint64_t visitor) const {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string cookie(kCookieLength, '.');
  for (std::size_t i = 0; i < kIdHexLength; ++i) {
    cookie[kIdHexLength - 1 - i] = kHex[(visitor >> (4 * i)) & 0xf];
  }
  const auto mac = Sign(visitor);
  std::memcpy(cookie.data() + kIdHexLength + 1, mac.data(), mac.size());
  return cookie;
}

std::array<unsigned char, 16> VisitorIdentifier::SaltFor(std::int64_t day) const {
  const DaySalt* current = current_salt_.load(std::memory_order_acquire);
  if (current != nullptr && current->day == day) return current->key;

  std::array<unsigned char, 16> key{};
  crypto_kdf_derive_from_key(key.data(), key.size(), static_cast<std::uint64_t>(day), kDayContext,
                             salt_master_.data());
  // Publish only forward moves: a request with a stale clock must not make the cache flap.
  if (current == nullptr || day > current->day) {
    std::lock_guard lock(salt_mutex_);
    const DaySalt* latest = current_salt_.load(std::memory_order_acquire);
    if (latest == nullptr || day > latest->day) {
      auto fresh = std::make_unique<DaySalt>();
      fresh->day = day;
      fresh->key = key;
      current_salt_.store(fresh.get(), std::memory_order_release);
      salts_.push_back(std::move(fresh));
    }
  }
  return key;
}

std::uint64_t VisitorIdentifier::AddressHash(std::string_view address, std::string_view user_agent,
                                             std::int64_t now_unix) const {
  const auto salt = SaltFor(DayNumber(now_unix));
  // SipHash has no streaming API in libsodium: join the parts, on the stack when they fit.
  const std::size_t length = address.size() + 1 + user_agent.size();
  unsigned char stack_buffer[1024];
  std::string heap_buffer;
  unsigned char* buffer = stack_buffer;
  if (length > sizeof stack_buffer) {
    heap_buffer.resize(length);
    buffer = reinterpret_cast<unsigned char*>(heap_buffer.data());
  }
  if (!address.empty()) std::memcpy(buffer, address.data(), address.size());
  buffer[address.size()] = '\n';
  if (!user_agent.empty()) {
    std::memcpy(buffer + address.size() + 1, user_agent.data(), user_agent.size());
  }
  unsigned char out[crypto_shorthash_BYTES];
  crypto_shorthash(out, buffer, length, salt.data());
  std::uint64_t value;
  std::memcpy(&value, out, sizeof value);
  return value;
}

VisitorId VisitorIdentifier::Identify(std::string_view cookie_value, std::string_view address,
                                      std::string_view user_agent, std::int64_t now_unix) const {
  std::uint64_t id = 0;
  if (cookie_value.size() == kCookieLength && cookie_value[kIdHexLength] == '.' &&
      ParseHexId(cookie_value.substr(0, kIdHexLength), &id)) {
    const auto expected = Sign(id);
    if (sodium_memcmp(expected.data(), cookie_value.data() + kIdHexLength + 1, expected.size()) ==
        0) {
      return VisitorId{id, true, AddressHash(address, user_agent, now_unix)};
    }
  }
  const std::uint64_t hash = AddressHash(address, user_agent, now_unix);
  return VisitorId{hash, false, hash};
}

// Every new visitor gets one, so it must cost no system call: randombytes_buf asks the kernel
// (getrandom) each time, ~1 µs of the page's CPU. Instead each thread seeds a ChaCha20 key
// from the kernel once and takes the keystream block of a counter: ids are then as
// unpredictable as the kernel's bytes (ChaCha20 is a PRF of the counter under a secret
// key) and never repeat within a thread. Nothing depends on their secrecy anyway: a cookie
// is only valid with its MAC, which needs the site's key.
std::uint64_t VisitorIdentifier::NewVisitor() {
  struct Stream {
    std::array<unsigned char, crypto_stream_chacha20_KEYBYTES> key{};
    std::uint64_t counter = 0;
    Stream() { randombytes_buf(key.data(), key.size()); }
    ~Stream() { sodium_memzero(key.data(), key.size()); }
  };
  thread_local Stream stream;
  std::uint64_t id = 0;
  while (id == 0) {
    unsigned char nonce[crypto_stream_chacha20_NONCEBYTES];
    StoreBigEndian(stream.counter++, nonce);
    crypto_stream_chacha20(reinterpret_cast<unsigned char*>(&id), sizeof id, nonce,
                           stream.key.data());
  }
  return id;
}

}  // namespace warta::engagement
