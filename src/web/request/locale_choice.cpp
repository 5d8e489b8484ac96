#include "web/request/locale_choice.h"

#include "i18n/accept_language.h"
#include "i18n/catalog.h"

namespace warta::web {

std::string OfferedLocale(const Site& site, std::string_view value) {
  if (value.empty() || value.size() > 35) return {};  // BCP 47 tags fit in 35 characters
  std::string locale = i18n::NormalizeLocale(value);
  return site.Offers(locale) ? locale : std::string();
}

const std::string& ResolveLocale(const Site& site, const http::Request& request,
                                 LangParam lang_param) {
  const Site& root = site.For(site.settings().locale);
  const auto& offered = root.settings().locales;
  if (offered.size() <= 1) return root.locale();
  auto pick = [&](const std::string& locale) -> const std::string& {
    return root.For(locale).locale();
  };
  if (lang_param == LangParam::kChoosesLocale && !request.query.empty()) {
    std::string chosen = OfferedLocale(root, request.QueryParam(kLangParam));
    if (!chosen.empty()) return pick(chosen);
  }
  std::string remembered = OfferedLocale(root, request.Cookie(kLangCookie));
  if (!remembered.empty()) return pick(remembered);
  const std::string_view accept = request.Header("Accept-Language");
  if (!accept.empty()) {
    std::string negotiated = i18n::NegotiateLanguage(accept, offered);
    if (!negotiated.empty()) return pick(negotiated);
  }
  return root.locale();
}

const Site& SiteFor(const Context& context, const http::Request& request, LangParam lang_param) {
  return context.site->For(ResolveLocale(*context.site, request, lang_param));
}

void MarkLocalized(http::Response& response, const Site& site) {
  response.SetHeader("Content-Language", site.locale());
  if (site.settings().locales.size() > 1) response.SetHeader("Vary", "Accept-Language, Cookie");
}

std::string WithoutLangParam(std::string_view target) {
  const std::size_t hash = target.find('#');
  const std::string_view fragment =
      hash == std::string_view::npos ? std::string_view{} : target.substr(hash);
  target = target.substr(0, hash);
  const std::size_t question = target.find('?');
  if (question == std::string_view::npos) return std::string(target) + std::string(fragment);
  std::string out(target.substr(0, question));
  std::string_view query = target.substr(question + 1);
  char separator = '?';
  while (true) {
    const std::size_t amp = query.find('&');
    const std::string_view param = query.substr(0, amp);
    const std::string_view name = param.substr(0, param.find('='));
    if (!param.empty() && name != kLangParam) {
      out += separator;
      out += param;
      separator = '&';
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return out + std::string(fragment);
}

}  // namespace warta::web
