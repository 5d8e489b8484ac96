// The site as readers see it: resolved settings (config over database over defaults),
// formatters, message catalog and templates. Immutable after Create; shared by every
// request thread.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "core/result.h"
#include "i18n/catalog.h"
#include "i18n/formatter.h"
#include "model/article.h"
#include "storage/settings_store.h"
#include "view/templates.h"
#include "web/cache/section_bar.h"

namespace warta::web {

struct SiteSettings {
  std::string name;
  std::string locale;  // the default: pages are in it unless a reader asks otherwise
  std::string time_zone;
  std::string base_url;  // without trailing slash
  i18n::DateOverrides date_overrides;
  std::vector<std::string> locales = {};  // offered to readers, `locale` first; empty: just it
  // The header's section bar (serve's; shared by every Site built from these settings); null:
  // no bar.
  std::shared_ptr<const SectionBar> section_bar = nullptr;
};

// Keys of the settings table that `warta demo` (and later the admin) write.
inline constexpr const char* kSettingSiteName = "site.name";
inline constexpr const char* kSettingSiteLocale = "site.locale";
inline constexpr const char* kSettingSiteTimeZone = "site.time_zone";
inline constexpr const char* kSettingSecret = "secret.signing";

// An operator's explicit configuration wins over what the database says; the database wins
// over built-in defaults (so `warta demo` can name the site without a config file).
Result<SiteSettings> ResolveSiteSettings(const config::Config& config,
                                         storage::SettingsStore& settings);

// Counters formatted for display: numbers with the locale's grouping and labels with
// plural rules ("27 kali dilihat").
struct CounterTexts {
  std::string views, views_label, likes, likes_label, comments, comments_label, shares,
      shares_label, like_prompt;
};

class Site {
 public:
  static Result<std::shared_ptr<const Site>> Create(SiteSettings settings);

  const SiteSettings& settings() const { return settings_; }
  // The locale this Site renders in: settings().locale for the site itself, another offered
  // locale for what For() returns.
  const std::string& locale() const { return locale_; }
  // The site as rendered in `locale` (one of settings().locales); the default-locale site
  // for anything else. Same settings, templates and catalog; that locale's strings and
  // formatter (date overrides apply to the default locale only: they spell its months).
  // The result lives as long as this Site.
  const Site& For(std::string_view locale) const;
  bool Offers(std::string_view locale) const;
  const i18n::Formatter& formatter() const { return *formatter_; }
  const i18n::Catalog& catalog() const { return *catalog_; }
  const view::Templates& templates() const { return *templates_; }
  // "/static/site.css?v=<hash of its content>": cacheable forever, new URL on change.
  const std::string& css_url() const { return css_url_; }

  const std::string& T(std::string_view key) const { return catalog_->Get(locale(), key); }
  CounterTexts FormatCounters(const model::Counters& counters) const;

  // The data every page template gets: lang, site_name, t (all catalog strings),
  // css_url, canonical_url, page_title, meta_description, year, csrf_token, and for the
  // language switcher and hreflang links (path = the page's path and query):
  // locale_links ({code, name, url, current}) and alternates ({hreflang, url}), when the
  // site offers more than one locale.
  view::Data PageData(const std::string& page_title, const std::string& path,
                      const std::string& description, const std::string& csrf_token) const;

 private:
  Site() = default;
  static Result<std::unique_ptr<Site>> CreateOne(const SiteSettings& settings,
                                                 const std::string& locale,
                                                 std::shared_ptr<const i18n::Catalog> catalog,
                                                 std::shared_ptr<const view::Templates> templates);
  void LanguageLinks(const std::string& path, view::Data& data) const;
  static void SectionLinks(const SectionBar& bar, const std::string& path, view::Data& data);

  SiteSettings settings_;
  std::string locale_;
  const Site* root_ = nullptr;                       // the default-locale site; this when it is
  std::vector<std::unique_ptr<const Site>> others_;  // root only: the other offered locales
  std::shared_ptr<const i18n::Formatter> formatter_;
  std::shared_ptr<const i18n::Catalog> catalog_;
  std::shared_ptr<const view::Templates> templates_;
  std::string css_url_;
  view::Data translations_;
};

// "/static/NAME?v=<hash of its content>" for an embedded static file: cacheable forever, a
// new URL when the file changes.
std::string VersionedStaticUrl(std::string_view name);

}  // namespace warta::web
