// Which of the site's locales a request is served in. In order: an explicit choice in the
// URL (?lang=xx, what hreflang links and shared links carry), the reader's remembered choice
// (the warta_lang cookie set by the language switcher, GET /lang), the browser's
// Accept-Language, then the site's default locale. Values the site does not offer are
// ignored at each step, so nothing a client sends can fail the request.
#pragma once

#include <string>
#include <string_view>

#include "http/message.h"
#include "web/context.h"
#include "web/site.h"

namespace warta::web {

inline constexpr std::string_view kLangCookie = "warta_lang";
inline constexpr std::string_view kLangParam = "lang";

// Whether ?lang= chooses the page's locale. The search page uses that parameter as its
// article-language filter, so there the cookie and the browser decide.
enum class LangParam { kChoosesLocale, kIgnored };

// The offered locale the request asks for, or the default.
const std::string& ResolveLocale(const Site& site, const http::Request& request,
                                 LangParam lang_param = LangParam::kChoosesLocale);
// context.site rendered in the request's locale.
const Site& SiteFor(const Context& context, const http::Request& request,
                    LangParam lang_param = LangParam::kChoosesLocale);
// The offered locale a value names ("en", "en-US", "EN"), or "" when it names none.
std::string OfferedLocale(const Site& site, std::string_view value);

// Content-Language of a localized page and, when the site offers more than one locale, the
// Vary that tells caches the page depends on the browser's language and the cookie.
void MarkLocalized(http::Response& response, const Site& site);

// The local target without its lang= query parameters (so a link back to a page does not
// pin the language the reader is switching away from).
std::string WithoutLangParam(std::string_view target);

}  // namespace warta::web
