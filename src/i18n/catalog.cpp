#include "i18n/catalog.h"

#include <toml++/toml.h>
#include <unicode/locid.h>
#include <unicode/plurrule.h>
#include <unicode/strenum.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "i18n/icu_util.h"
#include "resources/resources.h"

namespace warta::i18n {
namespace {

constexpr std::string_view kDefaultLocale = "id";
constexpr std::size_t kMaxInternedKeys = 1024;

using PluralForms = std::map<std::string, std::string, std::less<>>;

struct LocaleMessages {
  std::map<std::string, std::string, std::less<>> strings;
  std::map<std::string, PluralForms, std::less<>> plurals;
  std::unique_ptr<icu::PluralRules> rules;
  // PluralRules::select is const, but ICU documents no thread-safety guarantee for it.
  std::unique_ptr<std::mutex> rules_mu = std::make_unique<std::mutex>();
};

Result<std::set<std::string>> PluralCategories(icu::PluralRules& rules, const std::string& locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> keywords(rules.getKeywords(status));
  std::set<std::string> out;
  while (U_SUCCESS(status) && keywords) {
    const char* keyword = keywords->next(nullptr, status);
    if (keyword == nullptr) break;
    out.insert(keyword);
  }
  if (U_FAILURE(status)) {
    return Error::Internal("i18n: plural categories of " + locale + ": " +
                           internal::StatusText(status));
  }
  return out;
}

// "{where}{detail}" as a kCorrupt error (a catalog file that does not say what it should).
Error CatalogError(const std::string& where, const std::string& detail) {
  std::string message = where;
  message += detail;
  return Error::Corrupt(std::move(message));
}

// A plural message must give exactly the categories the locale's CLDR rules produce, so a
// missing "one" in en or a useless "one" in ja is caught when the catalog loads.
Result<PluralForms> ParsePlural(const toml::table& table, const std::set<std::string>& categories,
                                const std::string& where) {
  PluralForms forms;
  for (const auto& [category, node] : table) {
    const std::string name(category.str());
    if (!node.is_string()) return CatalogError(where, "." + name + ": not a string");
    if (categories.count(name) == 0) {
      return CatalogError(where, "." + name + ": not a plural category here");
    }
    forms.emplace(name, node.as_string()->get());
  }
  for (const auto& category : categories) {
    if (forms.count(category) == 0) {
      return CatalogError(where, ": missing plural category " + category);
    }
  }
  return forms;
}

Result<LocaleMessages> LoadLocale(const std::string& locale) {
  const std::string path = "locales/" + locale + ".toml";
  auto text = resources::Find(path);
  if (!text) return Error::NotFound("i18n: " + path + " is not embedded");

  LocaleMessages messages;
  UErrorCode status = U_ZERO_ERROR;
  messages.rules.reset(icu::PluralRules::forLocale(icu::Locale(locale.c_str()), status));
  if (U_FAILURE(status) || !messages.rules) {
    return Error::Internal("i18n: plural rules of " + locale + ": " + internal::StatusText(status));
  }
  WARTA_ASSIGN_OR_RETURN(auto categories, PluralCategories(*messages.rules, locale));

  toml::table root;
  try {
    root = toml::parse(*text, path);
  } catch (const toml::parse_error& e) {
    return CatalogError("i18n: " + path, ":" + std::to_string(e.source().begin.line) + ": " +
                                             std::string(e.description()));
  }
  for (const auto& [key_node, node] : root) {
    const std::string key(key_node.str());
    std::string where = "i18n: " + path;
    where += ": ";
    where += key;
    if (node.is_string()) {
      messages.strings.emplace(key, node.as_string()->get());
    } else if (node.is_table()) {
      WARTA_ASSIGN_OR_RETURN(auto forms, ParsePlural(*node.as_table(), categories, where));
      messages.plurals.emplace(key, std::move(forms));
    } else {
      return CatalogError(where, ": must be a string or a plural table");
    }
  }
  return messages;
}

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
}

}  // namespace

struct Catalog::Impl {
  std::map<std::string, LocaleMessages, std::less<>> locales;
  // Keys asked for but absent everywhere: Get returns the key itself, which needs storage
  // that outlives the call. Bounded: a missing key is a bug in code, not reader input.
  mutable std::mutex missing_mu;
  mutable std::set<std::string, std::less<>> missing;

  const LocaleMessages* Find(std::string_view locale) const {
    auto it = locales.find(locale);
    return it == locales.end() ? nullptr : &it->second;
  }

  // The message for key in one locale, or nullptr. A plural key gives its "other" form.
  const std::string* Lookup(const LocaleMessages* messages, std::string_view key) const {
    if (messages == nullptr) return nullptr;
    if (auto it = messages->strings.find(key); it != messages->strings.end()) return &it->second;
    if (auto it = messages->plurals.find(key); it != messages->plurals.end()) {
      if (auto form = it->second.find("other"); form != it->second.end()) return &form->second;
    }
    return nullptr;
  }

  const std::string& Missing(std::string_view key) const {
    static const std::string kOverflow = "?";
    std::lock_guard lock(missing_mu);
    if (auto it = missing.find(key); it != missing.end()) return *it;
    if (missing.size() >= kMaxInternedKeys) return kOverflow;
    return *missing.emplace(key).first;
  }
};

Catalog::Catalog() : impl_(std::make_unique<Impl>()) {}
Catalog::~Catalog() = default;

Result<std::shared_ptr<const Catalog>> Catalog::LoadEmbedded() {
  std::shared_ptr<Catalog> catalog(new Catalog());
  for (const auto& locale : SupportedLocales()) {
    WARTA_ASSIGN_OR_RETURN(auto messages, LoadLocale(locale));
    catalog->impl_->locales.emplace(locale, std::move(messages));
  }
  return std::shared_ptr<const Catalog>(std::move(catalog));
}

const std::string& Catalog::Get(std::string_view locale, std::string_view key) const {
  if (const auto* found = impl_->Lookup(impl_->Find(locale), key)) return *found;
  if (const auto* found = impl_->Lookup(impl_->Find(kDefaultLocale), key)) return *found;
  return impl_->Missing(key);
}

std::string Catalog::Plural(std::string_view locale, std::string_view key, std::int64_t n,
                            std::string_view formatted_n) const {
  const LocaleMessages* messages = impl_->Find(locale);
  if (messages == nullptr || messages->plurals.count(key) == 0) {
    messages = impl_->Find(kDefaultLocale);
  }
  std::string message;
  if (messages != nullptr) {
    if (auto it = messages->plurals.find(key); it != messages->plurals.end()) {
      std::string category;
      {
        std::lock_guard lock(*messages->rules_mu);
        category = internal::ToUtf8(messages->rules->select(static_cast<double>(n)));
      }
      auto form = it->second.find(category);
      if (form == it->second.end()) form = it->second.find("other");
      if (form != it->second.end()) message = form->second;
    }
  }
  if (message.empty()) message = Get(locale, key);
  ReplaceAll(message, "{n}", formatted_n);
  return message;
}

bool Catalog::IsPlural(std::string_view key) const {
  const LocaleMessages* messages = impl_->Find(kDefaultLocale);
  return messages != nullptr && messages->plurals.count(key) > 0;
}

std::vector<std::string> Catalog::Keys(std::string_view locale) const {
  std::vector<std::string> keys;
  const LocaleMessages* messages = impl_->Find(locale);
  if (messages == nullptr) return keys;
  for (const auto& [key, value] : messages->strings) keys.push_back(key);
  for (const auto& [key, forms] : messages->plurals) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace warta::i18n
