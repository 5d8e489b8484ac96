#include "web/site.h"

#include <ctime>
#include <functional>

#include "resources/resources.h"

namespace warta::web {
namespace {

// Picks the explicit config value, else the stored setting, else the config default.
Result<std::string> Pick(const config::Config& config, storage::SettingsStore& settings,
                         const char* key, const std::string& config_value) {
  if (config.IsExplicit(key)) return config_value;
  auto stored = settings.Get(key);
  if (!stored.ok()) return stored.error();
  if (stored.value().has_value() && !stored.value()->empty()) return *stored.value();
  return config_value;
}

std::string ContentVersion(std::string_view data) {
  // Cache-busting only, not security: std::hash is enough and needs no dependency.
  std::size_t h = std::hash<std::string_view>{}(data);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 12; ++i) {
    out += kHex[h & 0xf];
    h >>= 4;
  }
  return out;
}

}  // namespace

Result<SiteSettings> ResolveSiteSettings(const config::Config& config,
                                         storage::SettingsStore& settings) {
  SiteSettings out;
  auto name = Pick(config, settings, kSettingSiteName, config.site.name);
  if (!name.ok()) return name.error();
  auto locale = Pick(config, settings, kSettingSiteLocale, config.site.locale);
  if (!locale.ok()) return locale.error();
  auto zone = Pick(config, settings, kSettingSiteTimeZone, config.site.time_zone);
  if (!zone.ok()) return zone.error();
  out.name = std::move(name).value();
  out.locale = i18n::NormalizeLocale(locale.value());
  if (out.locale.empty()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "site: unsupported locale '" + locale.value() + "' (use id, en or ja)");
  }
  out.time_zone = std::move(zone).value();
  out.base_url = config.site.base_url;
  while (!out.base_url.empty() && out.base_url.back() == '/') out.base_url.pop_back();
  out.date_overrides.date_pattern = config.site.date_pattern;
  out.date_overrides.month_names = config.site.month_names;
  return out;
}

Result<std::shared_ptr<const Site>> Site::Create(SiteSettings settings) {
  auto formatter =
      i18n::Formatter::Create(settings.locale, settings.time_zone, settings.date_overrides);
  if (!formatter.ok()) return formatter.error();
  auto catalog = i18n::Catalog::LoadEmbedded();
  if (!catalog.ok()) return catalog.error();
  auto templates = view::Templates::LoadEmbedded();
  if (!templates.ok()) return templates.error();

  auto site = std::shared_ptr<Site>(new Site());
  site->settings_ = std::move(settings);
  site->formatter_ = std::move(formatter).value();
  site->catalog_ = std::move(catalog).value();
  site->templates_ = std::move(templates).value();
  auto css = resources::Find("static/site.css");
  site->css_url_ = "/static/site.css?v=" + ContentVersion(css ? *css : std::string_view{});
  for (const std::string& key : site->catalog_->Keys(site->locale())) {
    const std::string& text = site->catalog_->Get(site->locale(), key);
    // Plural messages are not plain strings; Keys() lists only the string ones usable here.
    site->translations_.set(key, text);
  }
  return std::shared_ptr<const Site>(std::move(site));
}

CounterTexts Site::FormatCounters(const model::Counters& c) const {
  const i18n::Formatter& f = *formatter_;
  const std::string& loc = locale();
  CounterTexts t;
  t.views = f.Number(c.views);
  t.views_label = catalog_->Plural(loc, "counter_views", c.views, t.views);
  t.likes = f.Number(c.likes);
  t.likes_label = catalog_->Plural(loc, "counter_likes", c.likes, t.likes);
  t.comments = f.Number(c.comments);
  t.comments_label = catalog_->Plural(loc, "counter_comments", c.comments, t.comments);
  t.shares = f.Number(c.shares);
  t.shares_label = catalog_->Plural(loc, "counter_shares", c.shares, t.shares);
  t.like_prompt = c.likes == 0 ? T("like_prompt_first")
                               : catalog_->Plural(loc, "like_prompt_count", c.likes, t.likes);
  return t;
}

view::Data Site::PageData(const std::string& page_title, const std::string& path,
                          const std::string& description, const std::string& csrf_token) const {
  view::Data data;
  data.set("lang", settings_.locale);
  data.set("site_name", settings_.name);
  data.set("page_title", page_title);
  data.set("meta_description", description);
  data.set("canonical_url", settings_.base_url + path);
  data.set("og_image", settings_.base_url + "/static/share.png");
  data.set("css_url", css_url_);
  data.set("csrf_token", csrf_token);
  data.set("t", translations_);
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  data.set("year", std::to_string(utc.tm_year + 1900));
  return data;
}

}  // namespace warta::web
