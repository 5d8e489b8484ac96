#include "auth/sessions.h"

#include <sodium.h>

#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <unordered_map>

namespace warta::auth {
namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kTokenChars = 43;  // base64url of 32 bytes, no padding

void EnsureSodium() {
  if (sodium_init() < 0) throw std::runtime_error("auth: libsodium failed to initialise");
}

bool IsBase64Url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

struct SessionManager::Cache {
  struct Entry {
    Session session;
    std::int64_t cached_at = 0;
    std::int64_t last_seen_at = 0;
  };
  mutable std::shared_mutex mutex;
  std::unordered_map<std::string, Entry> entries;
};

SessionManager::SessionManager(storage::SessionStore& store, SessionOptions options)
    : store_(store), options_(options), cache_(std::make_unique<Cache>()) {
  EnsureSodium();
}

SessionManager::~SessionManager() = default;

std::string SessionManager::HashToken(std::string_view token) {
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  char hex[2 * sizeof digest + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, 2 * sizeof digest);
}

bool SessionManager::LooksLikeToken(std::string_view token) {
  if (token.size() != kTokenChars) return false;
  for (char c : token) {
    if (!IsBase64Url(c)) return false;
  }
  return true;
}

Result<SessionManager::Started> SessionManager::Start(const model::User& user, std::int64_t now) {
  unsigned char random[kTokenBytes];
  randombytes_buf(random, sizeof random);
  char encoded[sodium_base64_ENCODED_LEN(kTokenBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(encoded, sizeof encoded, random, sizeof random,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  Started started;
  started.token = encoded;
  started.session.id_hash = HashToken(started.token);
  started.session.user = SessionUser{user.id, user.name, user.role};
  started.session.expires_at = now + options_.lifetime_seconds;
  WARTA_RETURN_IF_ERROR(store_.Create(model::SessionRecord{started.session.id_hash, user.id, now,
                                                           started.session.expires_at, now}));
  return started;
}

Result<std::optional<Session>> SessionManager::Resolve(std::string_view token, std::int64_t now) {
  if (!LooksLikeToken(token)) return std::optional<Session>();
  const std::string id_hash = HashToken(token);
  {
    std::shared_lock lock(cache_->mutex);
    auto it = cache_->entries.find(id_hash);
    if (it != cache_->entries.end() && now - it->second.cached_at < options_.cache_seconds &&
        it->second.session.expires_at > now) {
      return std::optional<Session>(it->second.session);
    }
  }
  WARTA_ASSIGN_OR_RETURN(auto found, store_.Find(id_hash, now));
  if (!found.has_value()) {
    std::unique_lock lock(cache_->mutex);
    cache_->entries.erase(id_hash);
    return std::optional<Session>();
  }
  const model::SessionWithUser& row = *found;
  Cache::Entry entry;
  entry.session.id_hash = id_hash;
  entry.session.user = SessionUser{row.user.id, row.user.name, row.user.role};
  entry.session.expires_at = row.session.expires_at;
  entry.cached_at = now;
  entry.last_seen_at = row.session.last_seen_at;
  if (now - entry.last_seen_at >= options_.touch_interval_seconds) {
    // Best effort: last_seen_at is for the operator, not for access decisions.
    if (store_.Touch(id_hash, now, 0).ok()) entry.last_seen_at = now;
  }
  Session session = entry.session;
  std::unique_lock lock(cache_->mutex);
  if (cache_->entries.size() >= options_.cache_capacity) {
    // Evict an arbitrary entry: it only costs one more lookup.
    cache_->entries.erase(cache_->entries.begin());
  }
  cache_->entries[id_hash] = std::move(entry);
  return std::optional<Session>(std::move(session));
}

Result<void> SessionManager::End(std::string_view token) {
  if (!LooksLikeToken(token)) return Ok();
  const std::string id_hash = HashToken(token);
  {
    std::unique_lock lock(cache_->mutex);
    cache_->entries.erase(id_hash);
  }
  return store_.Delete(id_hash);
}

Result<void> SessionManager::EndAllFor(std::int64_t user_id) {
  {
    std::unique_lock lock(cache_->mutex);
    for (auto it = cache_->entries.begin(); it != cache_->entries.end();) {
      it = it->second.session.user.id == user_id ? cache_->entries.erase(it) : std::next(it);
    }
  }
  WARTA_RETURN_IF_ERROR(store_.DeleteForUser(user_id));
  return Ok();
}

Result<void> SessionManager::EndOthersFor(std::int64_t user_id, const std::string& keep_id_hash) {
  {
    std::unique_lock lock(cache_->mutex);
    for (auto it = cache_->entries.begin(); it != cache_->entries.end();) {
      const bool other = it->second.session.user.id == user_id && it->first != keep_id_hash;
      it = other ? cache_->entries.erase(it) : std::next(it);
    }
  }
  WARTA_RETURN_IF_ERROR(store_.DeleteForUserExcept(user_id, keep_id_hash));
  return Ok();
}

std::string SessionManager::SetCookie(std::string_view token, bool secure) const {
  std::string cookie = std::string(kSessionCookie) + "=" + std::string(token) +
                       "; Path=/; Max-Age=" + std::to_string(options_.lifetime_seconds) +
                       "; HttpOnly; SameSite=Lax";
  if (secure) cookie += "; Secure";
  return cookie;
}

std::string SessionManager::ClearCookie(bool secure) const {
  std::string cookie = std::string(kSessionCookie) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax";
  if (secure) cookie += "; Secure";
  return cookie;
}

std::size_t SessionManager::cached() const {
  std::shared_lock lock(cache_->mutex);
  return cache_->entries.size();
}

}  // namespace warta::auth
