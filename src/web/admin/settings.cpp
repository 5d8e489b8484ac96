// GET and POST /admin/settings (admins): the site's settings as the database keeps them
// (web/site.h "site settings"): name, tagline, languages, time zone, date spelling, footer
// links, and the site's own look (accent colour, logo, share image, custom CSS:
// web/site_look.h). The same checks as the Admin API's PATCH (web/settings_change.h); a bad
// value shows its message next to its field and stores nothing; a good post stores what
// changed, audits it and reloads the site, so readers see it at once.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/ascii.h"
#include "i18n/formatter.h"
#include "storage/media_store.h"
#include "storage/settings_store.h"
#include "web/admin/admin_handlers.h"
#include "web/admin/admin_page.h"
#include "web/admin/form.h"
#include "web/handlers.h"
#include "web/request/locale_choice.h"
#include "web/settings_change.h"

namespace warta::web {
namespace {

// How many pictures the logo and share image pickers offer (the newest).
constexpr int kPickerPictures = 100;
constexpr const char* kLocales[] = {"id", "en", "ja"};

std::string FieldOf(std::string_view key) { return std::string(key.substr(key.find('.') + 1)); }

// The form's text of each setting: what the database stores, except the arrays, which the
// form shows one item per line ("Label | URL" for footer links).
std::map<std::string, std::string> FormValues(const SiteSettings& s) {
  std::map<std::string, std::string> out;
  out["name"] = s.name;
  out["tagline"] = s.tagline;
  out["locale"] = s.locale;
  out["time_zone"] = s.time_zone;
  out["date_pattern"] = s.date_overrides.date_pattern;
  std::string months;
  for (const std::string& m : s.date_overrides.month_names) months += m + "\n";
  out["month_names"] = months;
  std::string links;
  for (const FooterLink& l : s.footer_links) links += l.label + " | " + l.url + "\n";
  out["footer_links"] = links;
  out["accent_color"] = s.look.accent_color;
  out["logo"] = s.look.logo_media_id > 0 ? std::to_string(s.look.logo_media_id) : "";
  out["share_image"] =
      s.look.share_image_media_id > 0 ? std::to_string(s.look.share_image_media_id) : "";
  out["custom_css"] = s.look.custom_css;
  return out;
}

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = ascii::Trim(text.substr(0, end));
    if (!line.empty()) out.emplace_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

// The stored text of `key` from the form, in the formats CheckSiteSetting reads.
std::string StoredFromForm(std::string_view key, const AdminForm& form) {
  const std::string field = FieldOf(key);
  if (key == kSettingSiteLocales) {
    std::vector<std::string> locales;
    for (const char* code : kLocales) {
      if (std::find(form.All("locales").begin(), form.All("locales").end(), code) !=
          form.All("locales").end()) {
        locales.emplace_back(code);
      }
    }
    return StoredLocales(locales);
  }
  if (key == kSettingSiteMonthNames) return StoredMonthNames(Lines(form.Value(field)));
  if (key == kSettingSiteFooterLinks) {
    std::vector<FooterLink> links;
    for (const std::string& line : Lines(form.Value(field))) {
      const std::size_t bar = line.find('|');
      links.push_back(FooterLink{
          std::string(ascii::Trim(std::string_view(line).substr(0, bar))),
          bar == std::string::npos ? "" : std::string(ascii::Trim(line.substr(bar + 1)))});
    }
    return StoredFooterLinks(links);
  }
  // Text fields keep inner white space (custom CSS); single-line ones lose the edges.
  const std::string value = form.Value(field);
  return key == kSettingSiteCustomCss ? value : std::string(ascii::Trim(value));
}

// Whether two stored locale lists offer readers the same languages: the default locale is
// always offered, listed or not, so ["en"] and ["id","en"] are the same offer on an "id" site.
bool SameOffer(const std::string& stored, const std::string& posted,
               const std::string& default_locale) {
  auto offer = [&default_locale](const std::string& text) {
    std::set<std::string> out = {default_locale};
    auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (json.is_array()) {
      for (const auto& item : json) {
        if (item.is_string()) out.insert(item.get<std::string>());
      }
    }
    return out;
  };
  return offer(stored) == offer(posted);
}

view::Data PictureChoices(Context& context, const std::string& selected) {
  view::Data list = view::MakeList();
  auto pictures = context.store.media().ListNewest(kPickerPictures, 0);
  bool found = selected.empty();
  if (pictures.ok()) {
    for (const model::Media& picture : *pictures) {
      view::Data item;
      const std::string id = std::to_string(picture.id);
      item.set("value", id);
      std::string label =
          "#" + id + " " + std::to_string(picture.width) + "×" + std::to_string(picture.height);
      if (!picture.alt.empty()) label += " — " + picture.alt.substr(0, 80);
      item.set("label", label);
      item.set("selected", id == selected);
      found = found || id == selected;
      list.push_back(item);
    }
  }
  if (!found) {  // older than the newest hundred, or gone: still shown as chosen
    view::Data item;
    item.set("value", selected);
    item.set("label", "#" + selected);
    item.set("selected", true);
    list.push_back(item);
  }
  return list;
}

http::Response Page(Context& context, const http::Request& request, const Staff& staff,
                    const std::map<std::string, std::string>& values,
                    const std::vector<std::string>& locales, const std::vector<FieldError>& errors,
                    int status) {
  AdminPage page = StartAdminPage(context, request, staff, "admin_nav_settings", "settings");
  for (const auto& [field, value] : values) page.data.set("value_" + field, value);
  view::Data locale_choices = view::MakeList();
  for (const char* code : kLocales) {
    view::Data item;
    item.set("code", std::string(code));
    item.set("name", page.site.catalog().Get(code, "language_self_name"));
    item.set("default", values.at("locale") == code);
    item.set("offered", std::find(locales.begin(), locales.end(), code) != locales.end());
    locale_choices.push_back(item);
  }
  page.data.set("locale_choices", locale_choices);
  page.data.set("logo_choices", PictureChoices(context, values.at("logo")));
  page.data.set("share_image_choices", PictureChoices(context, values.at("share_image")));
  page.data.set("look_css_url", page.site.look_css_url());
  SetFieldErrors(page, errors);
  return RenderAdminPage(context, request, page, "settings", status);
}

}  // namespace

http::Response AdminSettings(Context& context, const http::Request& request,
                             const http::RouteParams& /*params*/, const Staff& staff) {
  const SiteSettings& settings = SiteFor(context, request).settings();
  return Page(context, request, staff, FormValues(settings), settings.locales, {}, 200);
}

http::Response AdminSettingsSave(Context& context, const http::Request& request,
                                 const http::RouteParams& /*params*/, const Staff& staff) {
  auto form = AdminForm::Parse(request);
  if (!form.ok()) return ErrorPage(context, request, 400);
  const Site& site = SiteFor(context, request);
  std::vector<SettingWrite> writes;
  std::vector<FieldError> errors;
  for (std::string_view key : SiteSettingKeys()) {
    std::string text = StoredFromForm(key, *form);
    auto stored = context.store.settings().Get(std::string(key));
    if (!stored.ok()) return AdminErrorPage(context, request, stored.error(), "settings");
    // Unchanged values are neither stored nor audited.
    if (stored->value_or("") == text) continue;
    if (key == kSettingSiteLocales &&
        SameOffer(stored->value_or(""), text, std::string(ascii::Trim(form->Value("locale"))))) {
      continue;
    }
    if (auto checked = CheckSiteSettingInStore(context, key, text); !checked.ok()) {
      if (checked.error().code != ErrorCode::kInvalidArgument) {
        return AdminErrorPage(context, request, checked.error(), "settings");
      }
      std::string message = site.T(checked.error().user_key);
      // The CSS check names the rule at fault, which no general message can.
      if (key == kSettingSiteCustomCss) message += " (" + checked.error().message + ")";
      errors.push_back({FieldOf(key), message});
      continue;
    }
    writes.emplace_back(std::string(key), std::move(text));
  }
  if (!errors.empty()) {
    std::map<std::string, std::string> values;
    for (std::string_view key : SiteSettingKeys()) values[FieldOf(key)] = form->Value(FieldOf(key));
    return Page(context, request, staff, values, form->All("locales"), errors, 400);
  }
  if (writes.empty()) return AdminSeeOther("/admin/settings?done=settings_unchanged");
  if (auto stored = StoreSiteSettings(context, writes, staff); !stored.ok()) {
    return AdminErrorPage(context, request, stored.error(), "settings");
  }
  if (context.reload_site) {
    if (auto reloaded = context.reload_site(); !reloaded.ok()) {
      return AdminErrorPage(context, request, reloaded.error(), "settings reload");
    }
  }
  return AdminSeeOther("/admin/settings?done=settings_saved");
}

}  // namespace warta::web
