// Message catalogs for the site's languages: id (default), en, ja. Catalogs are TOML files
// in locales/ embedded into the binary; every locale must have the same keys (a test checks).
// Plural messages use ICU plural categories: key.one / key.other (ja has only "other").
// A Catalog is immutable after loading and safe to use from many threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace warta::i18n {

// Locales we ship catalogs for. Anything else falls back to the default (id).
const std::vector<std::string>& SupportedLocales();
// "en-US" -> "en", "zz" -> "" (unsupported).
std::string NormalizeLocale(std::string_view tag);

class Catalog {
 public:
  // Loads every embedded catalog; fails on a malformed file (a build-time bug).
  static Result<std::shared_ptr<const Catalog>> LoadEmbedded();

  // The message for key in locale, falling back to id, then to the key itself. For a plural
  // key, its "other" form (with "{n}" left in).
  const std::string& Get(std::string_view locale, std::string_view key) const;
  // True when key is a plural message (a table of forms) in the default locale.
  bool IsPlural(std::string_view key) const;
  // Plural message: picks key.<category> for n by ICU's plural rules of the locale and
  // replaces "{n}" with formatted_n (already formatted for the locale).
  std::string Plural(std::string_view locale, std::string_view key, std::int64_t n,
                     std::string_view formatted_n) const;
  // All keys of a locale, sorted, plural ones by their base name (for the parity test and
  // for building a page's string table).
  std::vector<std::string> Keys(std::string_view locale) const;

  ~Catalog();

 private:
  Catalog();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace warta::i18n
