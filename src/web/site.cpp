#include "web/site.h"

#include <algorithm>
#include <ctime>
#include <functional>

#include "resources/resources.h"
#include "web/cache/spliced_page.h"
#include "web/request/url.h"

namespace warta::web {
namespace {

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

Result<std::unique_ptr<Site>> Site::CreateOne(const SiteSettings& settings,
                                              const std::string& locale,
                                              std::shared_ptr<const i18n::Catalog> catalog,
                                              std::shared_ptr<const view::Templates> templates) {
  // Month names and the date pattern spell dates of the site's own language; readers who
  // chose another one get that language's dates.
  const i18n::DateOverrides none;
  const bool is_default = locale == settings.locale;
  auto formatter = i18n::Formatter::Create(locale, settings.time_zone,
                                           is_default ? settings.date_overrides : none);
  if (!formatter.ok()) return formatter.error();
  std::unique_ptr<Site> site(new Site());
  site->settings_ = settings;
  site->locale_ = locale;
  site->formatter_ = std::move(formatter).value();
  site->catalog_ = std::move(catalog);
  site->templates_ = std::move(templates);
  auto css = resources::Find("static/site.css");
  site->css_url_ = "/static/site.css?v=" + ContentVersion(css ? *css : std::string_view{});
  site->look_css_ = LookStylesheet(settings.look);
  if (!site->look_css_.empty())
    site->look_css_url_ = "/look.css?v=" + ContentVersion(site->look_css_);
  site->footer_links_ = view::MakeList();
  for (const FooterLink& link : settings.footer_links) {
    view::Data item;
    item.set("label", link.label);
    item.set("url", link.url);
    site->footer_links_.push_back(item);
  }
  for (const std::string& key : site->catalog_->Keys(locale)) {
    const std::string& text = site->catalog_->Get(locale, key);
    // Plural messages are not plain strings; Keys() lists only the string ones usable here.
    site->translations_.set(key, text);
  }
  view::Data menu;
  menu.set("t", site->translations_);
  auto login_menu = site->templates_->Render("account_menu", menu);
  if (!login_menu.ok()) return login_menu.error();
  site->login_menu_ = std::move(login_menu).value();
  return site;
}

Result<std::shared_ptr<const Site>> Site::Create(SiteSettings settings) {
  auto catalog = i18n::Catalog::LoadEmbedded();
  if (!catalog.ok()) return catalog.error();
  auto templates = view::Templates::LoadEmbedded();
  if (!templates.ok()) return templates.error();
  if (settings.locales.empty()) settings.locales.push_back(settings.locale);

  auto root = CreateOne(settings, settings.locale, *catalog, *templates);
  if (!root.ok()) return root.error();
  std::unique_ptr<Site> site = std::move(root).value();
  site->root_ = site.get();
  for (const std::string& locale : settings.locales) {
    if (locale == settings.locale) continue;
    auto other = CreateOne(settings, locale, *catalog, *templates);
    if (!other.ok()) return other.error();
    other.value()->root_ = site.get();
    site->others_.push_back(std::move(other).value());
  }
  return std::shared_ptr<const Site>(std::move(site));
}

const Site& Site::For(std::string_view locale) const {
  const Site& root = *root_;
  if (locale == root.locale_) return root;
  for (const auto& other : root.others_) {
    if (other->locale_ == locale) return *other;
  }
  return root;
}

bool Site::Offers(std::string_view locale) const {
  const auto& offered = settings_.locales;
  return std::find(offered.begin(), offered.end(), locale) != offered.end();
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
  data.set("lang", locale_);
  data.set("site_name", settings_.name);
  data.set("page_title", page_title);
  data.set("meta_description", description);
  data.set("canonical_url", settings_.base_url + path);
  data.set("search_canonical_url", settings_.base_url + path);
  data.set("og_image", DefaultShareImageUrl());
  data.set("css_url", css_url_);
  data.set("look_css_url", look_css_url_);
  if (!settings_.look.logo_url.empty()) {
    view::Data logo;
    logo.set("url", settings_.look.logo_url);
    logo.set("width", std::to_string(settings_.look.logo_width));
    logo.set("height", std::to_string(settings_.look.logo_height));
    data.set("logo", logo);
  }
  data.set("csrf_token", csrf_token);
  data.set("t", translations_);
  // Per reader: filled per request (web/request/account_menu.h).
  data.set("account_menu", RawSlotMarker(RawSlot::kAccountMenu));
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  data.set("year", std::to_string(utc.tm_year + 1900));
  data.set("site_tagline", settings_.tagline);
  data.set("footer_links", footer_links_);
  data.set("has_footer_links", !settings_.footer_links.empty());
  if (settings_.locales.size() > 1) LanguageLinks(path, data);
  if (settings_.section_bar) SectionLinks(*settings_.section_bar, path, data);
  return data;
}

// The header's section bar; the section whose page (or a page of it) this is is marked
// current.
void Site::SectionLinks(const SectionBar& bar, const std::string& path, view::Data& data) {
  auto sections = bar.Current();
  view::Data links = view::MakeList();
  std::size_t shown = 0;
  for (const model::Section& section : *sections) {
    if (shown++ == kMaxBarSections) break;
    view::Data link;
    const std::string url = SectionPath(section.slug);
    link.set("name", section.name.empty() ? section.slug : section.name);
    link.set("url", url);
    const bool current = path.compare(0, url.size(), url) == 0 &&
                         (path.size() == url.size() || path[url.size()] == '?');
    link.set("current", current);
    links.push_back(link);
  }
  data.set("sections", links);
  data.set("has_sections", shown > 0);
}

void Site::LanguageLinks(const std::string& path, view::Data& data) const {
  // hreflang alternates name each language's own URL (?lang= beats the reader's cookie and
  // browser), plus x-default: the URL that negotiates.
  const std::string with_lang =
      settings_.base_url + path + (path.find('?') == std::string::npos ? "?" : "&") + "lang=";
  const std::string next = PercentEncode(path);
  view::Data links = view::MakeList();
  view::Data alternates = view::MakeList();
  for (const std::string& code : settings_.locales) {
    view::Data link;
    link.set("code", code);
    link.set("name", catalog_->Get(code, "language_self_name"));
    std::string url = "/lang?set=" + code;
    url += "&next=";
    url += next;
    link.set("url", url);
    link.set("current", code == locale_);
    links.push_back(link);
    view::Data alternate;
    alternate.set("hreflang", code);
    alternate.set("url", with_lang + code);
    alternates.push_back(alternate);
  }
  view::Data fallback;
  fallback.set("hreflang", std::string("x-default"));
  fallback.set("url", settings_.base_url + path);
  alternates.push_back(fallback);
  data.set("locale_links", links);
  data.set("has_locale_links", true);
  data.set("alternates", alternates);
}

std::string Site::DefaultShareImageUrl() const {
  if (!settings_.look.share_image_url.empty()) {
    return settings_.base_url + settings_.look.share_image_url;
  }
  return settings_.base_url + "/static/share.png";
}

std::string VersionedStaticUrl(std::string_view name) {
  const std::string path = "static/" + std::string(name);
  auto data = resources::Find(path);
  return "/" + path + "?v=" + ContentVersion(data ? *data : std::string_view{});
}

}  // namespace warta::web
