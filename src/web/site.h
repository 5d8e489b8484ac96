// The site as readers see it: resolved settings (the database over the configuration,
// ResolveSiteSettings), formatters, message catalog and templates. Immutable after Create; shared
// by every request thread.
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
#include "web/cache/error_page_cache.h"
#include "web/cache/section_bar.h"
#include "web/site_look.h"

namespace warta::web {

// A link in every page's footer (site.footer_links).
struct FooterLink {
  std::string label;
  std::string url;  // a local path ("/halaman/kontak") or an http(s) URL

  friend bool operator==(const FooterLink&, const FooterLink&) = default;
};

struct SiteSettings {
  std::string name;
  std::string locale;  // the default: pages are in it unless a reader asks otherwise
  std::string time_zone;
  std::string base_url;  // without trailing slash
  i18n::DateOverrides date_overrides;
  std::vector<std::string> locales = {};  // offered to readers, `locale` first; empty: just it
  std::string tagline = {};               // one line under the name in the footer; "" none
  std::vector<FooterLink> footer_links = {};
  SiteLook look = {};  // accent colour, logo, share image, custom CSS (web/site_look.h)
  // The header's section bar (serve's; shared by every Site built from these settings); null:
  // no bar.
  std::shared_ptr<const SectionBar> section_bar = nullptr;
};

// The site's settings in the settings table (storage/settings_store.h), as the admin writes
// them and ResolveSiteSettings reads them. Stored text:
//   site.name          1..200 bytes          site.tagline   0..300 bytes
//   site.locale        "id", "en" or "ja"    site.time_zone an IANA name ("Asia/Jakarta")
//   site.locales       JSON array of locales, e.g. ["id","en","ja"] (site.locale is added)
//   site.date_pattern  ICU pattern, 0..100 bytes ("" keeps the locale's long date)
//   site.month_names   JSON array of 12 names, January first, or [] for the locale's
//   site.footer_links  JSON array of {"label", "url"}, at most 20; label 1..100 bytes, url a
//                      local path or an http(s) URL of at most 2,000 bytes
//   site.accent_color  "#rrggbb" with white text readable on it (CheckAccentColor), or ""
//   site.logo          a picture's id in the media library, or "" (the name alone)
//   site.share_image   a picture's id, or "" (the built-in /static/share.png)
//   site.custom_css    CSS of at most 64 KB that loads nothing from other hosts
//                      (CheckCustomCss), or ""
//   The four look keys have no configuration values: they start empty (the built-in look).
inline constexpr const char* kSettingSiteName = "site.name";
inline constexpr const char* kSettingSiteTagline = "site.tagline";
inline constexpr const char* kSettingSiteLocale = "site.locale";
inline constexpr const char* kSettingSiteLocales = "site.locales";
inline constexpr const char* kSettingSiteTimeZone = "site.time_zone";
inline constexpr const char* kSettingSiteDatePattern = "site.date_pattern";
inline constexpr const char* kSettingSiteMonthNames = "site.month_names";
inline constexpr const char* kSettingSiteFooterLinks = "site.footer_links";
inline constexpr const char* kSettingSiteAccentColor = "site.accent_color";
inline constexpr const char* kSettingSiteLogo = "site.logo";
inline constexpr const char* kSettingSiteShareImage = "site.share_image";
inline constexpr const char* kSettingSiteCustomCss = "site.custom_css";
inline constexpr const char* kSettingSecret = "secret.signing";

// Every site setting above, in the order ResolveSiteSettings reads them.
const std::vector<std::string_view>& SiteSettingKeys();

// Whether `value` may be stored under `key` (one of SiteSettingKeys()): InvalidArgument with
// a message naming the key and the problem, and the user key "settings_error_<name>" (e.g.
// settings_error_time_zone) for the admin's form, when not. The admin checks before it
// stores; ResolveSiteSettings checks what it reads.
Result<void> CheckSiteSetting(std::string_view key, const std::string& value);

// Whether every site setting the configuration gives passes CheckSiteSetting, whatever the
// database holds (warta doctor: a bad value only bites on a fresh database, so say so now).
Result<void> CheckConfiguredSiteSettings(const config::Config& config);

// The stored text of a settings value (the formats above), e.g. for the admin's forms.
std::string StoredLocales(const std::vector<std::string>& locales);
std::string StoredMonthNames(const std::vector<std::string>& names);
std::string StoredFooterLinks(const std::vector<FooterLink>& links);

// The database wins: each site setting is read from the settings table; a key absent there
// takes the configuration's value (file, environment, flag or default), which is stored
// then, so later runs (and other nodes, and every CLI command) agree on it. A stored value
// that fails CheckSiteSetting is not used: the configuration's is, with a warning in the log.
// base_url is the configuration's alone. InvalidArgument for a configuration value the site
// cannot use (an unknown locale); Io or Unavailable when the store fails.
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
  // The look's stylesheet (LookStylesheet) and "/look.css?v=<hash>"; both "" when the site
  // has the built-in look.
  const std::string& look_css() const { return look_css_; }
  const std::string& look_css_url() const { return look_css_url_; }
  // The picture link previews show when a page has none of its own: the admin's share
  // image, else /static/share.png. Absolute.
  std::string DefaultShareImageUrl() const;

  const std::string& T(std::string_view key) const { return catalog_->Get(locale(), key); }
  // Every plain catalog string of this locale, as templates take them ("t").
  const view::Data& translations() const { return translations_; }
  // The header's account menu for a reader who is not logged in (web/request/account_menu.h).
  const std::string& login_menu() const { return login_menu_; }
  // This locale's error pages, rendered once (web/cache/error_page_cache.h).
  ErrorPageCache& error_pages() const { return *error_pages_; }
  CounterTexts FormatCounters(const model::Counters& counters) const;

  // The data every page template gets: lang, site_name, site_tagline, footer_links
  // ({label, url}), has_footer_links, t (all catalog strings),
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
  std::string look_css_;
  std::string look_css_url_;
  view::Data translations_;
  view::Data footer_links_;  // {label, url} for the layout's footer
  std::string login_menu_;
  std::shared_ptr<ErrorPageCache> error_pages_ = std::make_shared<ErrorPageCache>();
};

// "/static/NAME?v=<hash of its content>" for an embedded static file: cacheable forever, a
// new URL when the file changes.
std::string VersionedStaticUrl(std::string_view name);

}  // namespace warta::web
