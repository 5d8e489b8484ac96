#include <string>

#include "core/ascii.h"
#include "core/limits.h"
#include "model/liker.h"
#include "web/context.h"
#include "web/request/reader.h"

namespace warta::web {

Visitor IdentifyAnonymousVisitor(const Context& context, const http::Request& request,
                                 std::int64_t now_unix) {
  Visitor visitor;
  std::string_view agent = request.Header("user-agent");
  visitor.crawler = engagement::IsCrawler(agent);
  visitor.id = context.visitors.Identify(request.Cookie(kVisitorCookie), request.remote_address,
                                         agent, now_unix);
  if (!visitor.id.from_cookie && !visitor.crawler) {
    // This request still acts as the address hash (its view, its like, its CSRF token), as a
    // client that refuses cookies always will; the cookie holds a random id, so two readers
    // behind one address with one browser become two visitors (issue 16, finding 5).
    visitor.new_cookie_id = engagement::VisitorIdentifier::NewVisitor();
    visitor.set_cookie = std::string(kVisitorCookie) + "=" +
                         context.visitors.MakeCookie(visitor.new_cookie_id) +
                         "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax";
    if (request.secure) visitor.set_cookie += "; Secure";
  }
  // The subject Reader::CsrfSubject verifies for a visitor.
  visitor.csrf_token = context.csrf.Issue(model::ToText(model::Liker::Visitor(visitor.id.value)));
  return visitor;
}

std::optional<std::int64_t> ParseId(std::string_view text) {
  if (text.empty() || text.size() > limits::kMaxIdDigits) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (!ascii::IsDigit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value <= 0) return std::nullopt;
  return value;
}

}  // namespace warta::web
