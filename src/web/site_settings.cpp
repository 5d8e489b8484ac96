// The site's settings in the database (web/site.h ResolveSiteSettings, CheckSiteSetting).
#include <spdlog/spdlog.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/ascii.h"
#include "core/utf8.h"
#include "web/site.h"

namespace warta::web {
namespace {

constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxTaglineBytes = 300;
constexpr std::size_t kMaxPatternBytes = 100;
constexpr std::size_t kMaxMonthNameBytes = 60;
constexpr std::size_t kMaxFooterLinks = 20;
constexpr std::size_t kMaxLinkLabelBytes = 100;
constexpr std::size_t kMaxLinkUrlBytes = 2000;

Error Bad(std::string_view key, const std::string& problem) {
  std::string name(key.substr(key.find('.') + 1));
  return Error::InvalidArgument("settings: " + std::string(key) + ": " + problem,
                                "settings_error_" + name);
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool IsLinkUrl(std::string_view url) {
  if (url.empty() || url.size() > kMaxLinkUrlBytes) return false;
  if (std::any_of(url.begin(), url.end(),
                  [](char c) { return static_cast<unsigned char>(c) <= ' '; })) {
    return false;
  }
  // A local path, not "//host" (that leaves the site with the reader's scheme).
  if (url[0] == '/') return url.size() == 1 || url[1] != '/';
  return StartsWith(url, "https://") || StartsWith(url, "http://");
}

// A JSON array of strings; nullopt when the text is not one.
std::optional<std::vector<std::string>> StringArray(const std::string& text) {
  auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_array()) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& item : json) {
    if (!item.is_string()) return std::nullopt;
    out.push_back(item.get<std::string>());
  }
  return out;
}

Result<std::vector<std::string>> ParseLocales(std::string_view key, const std::string& text) {
  auto items = StringArray(text);
  if (!items) return Bad(key, "expected a JSON array of locales, e.g. [\"id\",\"en\"]");
  std::vector<std::string> out;
  for (const std::string& item : *items) {
    const std::string normalized = i18n::NormalizeLocale(item);
    if (normalized.empty() || normalized != item) {
      return Bad(key, "unknown locale '" + item + "' (one of: id, en, ja)");
    }
    if (std::find(out.begin(), out.end(), normalized) == out.end()) out.push_back(normalized);
  }
  return out;
}

Result<std::vector<std::string>> ParseMonthNames(std::string_view key, const std::string& text) {
  auto items = StringArray(text);
  if (!items) return Bad(key, "expected a JSON array of 12 month names, or []");
  if (!items->empty() && items->size() != 12) {
    return Bad(key, "expected 12 month names, got " + std::to_string(items->size()));
  }
  for (const std::string& name : *items) {
    if (name.empty() || name.size() > kMaxMonthNameBytes) {
      return Bad(key,
                 "a month name must have 1 to " + std::to_string(kMaxMonthNameBytes) + " bytes");
    }
  }
  return std::move(items).value();
}

Result<std::vector<FooterLink>> ParseFooterLinks(std::string_view key, const std::string& text) {
  auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_array()) return Bad(key, "expected a JSON array of {\"label\", \"url\"}");
  if (json.size() > kMaxFooterLinks) {
    return Bad(key, "at most " + std::to_string(kMaxFooterLinks) + " links");
  }
  std::vector<FooterLink> out;
  for (const auto& item : json) {
    if (!item.is_object() || !item.contains("label") || !item.contains("url") ||
        !item["label"].is_string() || !item["url"].is_string() || item.size() != 2) {
      return Bad(key, "each link is {\"label\": \"…\", \"url\": \"…\"}");
    }
    FooterLink link{item["label"].get<std::string>(), item["url"].get<std::string>()};
    if (link.label.empty() || link.label.size() > kMaxLinkLabelBytes) {
      return Bad(key, "a label must have 1 to " + std::to_string(kMaxLinkLabelBytes) + " bytes");
    }
    if (!IsLinkUrl(link.url)) {
      return Bad(key, "'" + link.url.substr(0, 100) + "' is not a local path or http(s) URL");
    }
    out.push_back(std::move(link));
  }
  return out;
}

bool IsLookKey(std::string_view key) {
  return key == kSettingSiteAccentColor || key == kSettingSiteLogo ||
         key == kSettingSiteShareImage || key == kSettingSiteCustomCss;
}

// A picture's id in the media library, or "" for none. Whether the picture exists is the
// admin form's check (it has the store); a missing one later shows the built-in look.
Result<std::int64_t> ParseMediaId(std::string_view key, const std::string& value) {
  if (value.empty()) return std::int64_t{0};
  std::int64_t id = 0;
  for (char c : value) {
    if (!ascii::IsDigit(c) || id > 1'000'000'000'000) {
      return Bad(key, "expected a picture's id from the media library, or nothing");
    }
    id = id * 10 + (c - '0');
  }
  if (id <= 0) return Bad(key, "expected a picture's id from the media library, or nothing");
  return id;
}

template <typename T>
Result<void> OkOrError(const Result<T>& result) {
  if (!result.ok()) return result.error();
  return Ok();
}

// The configuration's value of `key` as the settings table stores it.
std::string ConfigValue(const config::SiteConfig& site, std::string_view key) {
  if (key == kSettingSiteName) return site.name;
  if (key == kSettingSiteTagline) return site.tagline;
  if (key == kSettingSiteLocale) return site.locale;
  if (key == kSettingSiteLocales) return StoredLocales(site.locales);
  if (key == kSettingSiteTimeZone) return site.time_zone;
  if (key == kSettingSiteDatePattern) return site.date_pattern;
  if (key == kSettingSiteMonthNames) return StoredMonthNames(site.month_names);
  if (IsLookKey(key)) return "";
  std::vector<FooterLink> links;
  for (const std::string& item : site.footer_links) {
    // config/options.cpp checked the "Label|URL" shape.
    const std::size_t bar = item.find('|');
    links.push_back(FooterLink{item.substr(0, bar), item.substr(bar + 1)});
  }
  return StoredFooterLinks(links);
}

// Puts a checked stored value into `out`.
void Apply(std::string_view key, const std::string& value, SiteSettings& out) {
  if (key == kSettingSiteName) {
    out.name = value;
  } else if (key == kSettingSiteTagline) {
    out.tagline = value;
  } else if (key == kSettingSiteLocale) {
    out.locale = value;
  } else if (key == kSettingSiteLocales) {
    out.locales = ParseLocales(key, value).value();
  } else if (key == kSettingSiteTimeZone) {
    out.time_zone = value;
  } else if (key == kSettingSiteDatePattern) {
    out.date_overrides.date_pattern = value;
  } else if (key == kSettingSiteMonthNames) {
    out.date_overrides.month_names = ParseMonthNames(key, value).value();
  } else if (key == kSettingSiteFooterLinks) {
    out.footer_links = ParseFooterLinks(key, value).value();
  } else if (key == kSettingSiteAccentColor) {
    out.look.accent_color = value;
  } else if (key == kSettingSiteLogo) {
    out.look.logo_media_id = ParseMediaId(key, value).value();
  } else if (key == kSettingSiteShareImage) {
    out.look.share_image_media_id = ParseMediaId(key, value).value();
  } else if (key == kSettingSiteCustomCss) {
    out.look.custom_css = value;
  }
}

}  // namespace

const std::vector<std::string_view>& SiteSettingKeys() {
  static const std::vector<std::string_view> keys = {
      kSettingSiteName,       kSettingSiteTagline,     kSettingSiteLocale,
      kSettingSiteLocales,    kSettingSiteTimeZone,    kSettingSiteDatePattern,
      kSettingSiteMonthNames, kSettingSiteFooterLinks, kSettingSiteAccentColor,
      kSettingSiteLogo,       kSettingSiteShareImage,  kSettingSiteCustomCss};
  return keys;
}

Result<void> CheckSiteSetting(std::string_view key, const std::string& value) {
  if (!utf8::IsValid(value)) return Bad(key, "not UTF-8");
  if (key == kSettingSiteName) {
    if (value.empty() || value.size() > kMaxNameBytes) {
      return Bad(key, "must have 1 to " + std::to_string(kMaxNameBytes) + " bytes");
    }
    return Ok();
  }
  if (key == kSettingSiteTagline) {
    if (value.size() > kMaxTaglineBytes) {
      return Bad(key, "longer than " + std::to_string(kMaxTaglineBytes) + " bytes");
    }
    return Ok();
  }
  if (key == kSettingSiteLocale) {
    if (i18n::NormalizeLocale(value) != value || value.empty()) {
      return Bad(key, "unknown locale '" + value + "' (one of: id, en, ja)");
    }
    return Ok();
  }
  if (key == kSettingSiteTimeZone) {
    // ICU falls back to GMT for unknown zones; the formatter refuses them instead.
    if (value.empty() || !i18n::Formatter::Create("id", value).ok()) {
      return Bad(key, "unknown time zone '" + value + "' (an IANA name like Asia/Jakarta)");
    }
    return Ok();
  }
  if (key == kSettingSiteDatePattern) {
    if (value.size() > kMaxPatternBytes) {
      return Bad(key, "longer than " + std::to_string(kMaxPatternBytes) + " bytes");
    }
    i18n::DateOverrides overrides;
    overrides.date_pattern = value;
    if (!i18n::Formatter::Create("id", "UTC", overrides).ok()) {
      return Bad(key, "not a date pattern ICU accepts: '" + value + "'");
    }
    return Ok();
  }
  if (key == kSettingSiteLocales) return OkOrError(ParseLocales(key, value));
  if (key == kSettingSiteMonthNames) return OkOrError(ParseMonthNames(key, value));
  if (key == kSettingSiteFooterLinks) return OkOrError(ParseFooterLinks(key, value));
  if (key == kSettingSiteAccentColor) {
    if (value.empty()) return Ok();
    if (auto checked = CheckAccentColor(value); !checked.ok())
      return Bad(key, checked.error().message);
    return Ok();
  }
  if (key == kSettingSiteLogo || key == kSettingSiteShareImage) {
    return OkOrError(ParseMediaId(key, value));
  }
  if (key == kSettingSiteCustomCss) {
    if (auto checked = CheckCustomCss(value); !checked.ok())
      return Bad(key, checked.error().message);
    return Ok();
  }
  return Error::InvalidArgument("settings: '" + std::string(key) + "' is not a site setting");
}

std::string StoredLocales(const std::vector<std::string>& locales) {
  return nlohmann::json(locales).dump();
}

std::string StoredMonthNames(const std::vector<std::string>& names) {
  return nlohmann::json(names).dump();
}

std::string StoredFooterLinks(const std::vector<FooterLink>& links) {
  nlohmann::json out = nlohmann::json::array();
  for (const FooterLink& link : links) out.push_back({{"label", link.label}, {"url", link.url}});
  return out.dump();
}

Result<void> CheckConfiguredSiteSettings(const config::Config& config) {
  for (std::string_view key : SiteSettingKeys()) {
    WARTA_RETURN_IF_ERROR(CheckSiteSetting(key, ConfigValue(config.site, key)));
  }
  return Ok();
}

Result<SiteSettings> ResolveSiteSettings(const config::Config& config,
                                         storage::SettingsStore& settings) {
  SiteSettings out;
  for (std::string_view key : SiteSettingKeys()) {
    const std::string name(key);
    const std::string configured = ConfigValue(config.site, key);
    auto stored = settings.Get(name);
    if (!stored.ok()) return stored.error();
    std::string value = configured;
    if (!stored->has_value()) {
      // First run with this key: the configuration seeds the database.
      WARTA_RETURN_IF_ERROR(CheckSiteSetting(key, configured));
      WARTA_RETURN_IF_ERROR(settings.Set(name, configured));
    } else if (auto checked = CheckSiteSetting(key, **stored); !checked.ok()) {
      spdlog::warn("{}; using the configuration's value instead", checked.error().message);
      WARTA_RETURN_IF_ERROR(CheckSiteSetting(key, configured));
    } else {
      value = **stored;
      if (config.IsExplicit(name) && value != configured) {
        spdlog::info(
            "settings: {} is set in the configuration, but the database's value is used (the "
            "configuration only gives the first value; admins change it in /admin)",
            name);
      }
    }
    Apply(key, value, out);
  }
  // The default locale is always offered, and first (Accept-Language "*" picks it).
  std::vector<std::string> offered = {out.locale};
  for (const std::string& locale : out.locales) {
    if (locale != out.locale) offered.push_back(locale);
  }
  out.locales = std::move(offered);
  out.base_url = config.site.base_url;
  while (!out.base_url.empty() && out.base_url.back() == '/') out.base_url.pop_back();
  return out;
}

}  // namespace warta::web
