// Site-wide key/value settings that the demo and the admin set (site.name, site.locale, ...).
//
// Errors: InvalidArgument for an empty key, a key over 200 bytes, or a key or value that is
// not UTF-8; TooLarge for a value over 64 KiB; Io or Unavailable when the database fails.
// Durability: Set is committed before returning (not synced to disk).
// Thread safety: callable from any thread concurrently (blocking I/O); read at start and
// when the admin changes something, never per request.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"

namespace warta::storage {

class SettingsStore {
 public:
  virtual ~SettingsStore() = default;
  // nullopt when the key was never set.
  virtual Result<std::optional<std::string>> Get(const std::string& key) = 0;
  // Inserts or replaces; committed before returning. Keys and values are UTF-8.
  virtual Result<void> Set(const std::string& key, const std::string& value) = 0;
};

}  // namespace warta::storage
