// /api/v1/admin/tokens: the caller's own Admin API tokens (auth/api_tokens.h). The token
// itself is answered once, at creation; only its hash is stored. Revoking is for good.
#include <algorithm>
#include <utility>

#include "auth/api_tokens.h"
#include "storage/token_store.h"
#include "web/api/admin/admin_api.h"
#include "web/api/admin/admin_support.h"

namespace warta::web::admin_api {
namespace {

constexpr std::size_t kMaxLabelChars = 100;  // the store takes 200 bytes

Json TokenJson(const model::ApiToken& t) {
  return {{"id", t.id},
          {"label", t.label},
          {"created", TimeJson(t.created_at)},
          {"last_used", TimeJson(t.last_used_at)},
          {"revoked", TimeJson(t.revoked_at)}};
}

}  // namespace

Response ListTokens(Context& context, const Request& /*request*/, const RouteParams& /*params*/,
                    const Staff& staff) {
  auto tokens = context.store.tokens().ListForUser(staff.principal.user_id);
  if (!tokens.ok()) return ErrorReply(tokens.error());
  Json list = Json::array();
  for (const model::ApiToken& t : *tokens) list.push_back(TokenJson(t));
  return JsonReply(200, {{"tokens", std::move(list)}});
}

Response CreateToken(Context& context, const Request& request, const RouteParams& /*params*/,
                     const Staff& staff) {
  JsonBody body = ReadJsonObject(request);
  if (body.refusal) return std::move(*body.refusal);
  Fields fields(body.object, "token_error_");
  const std::string label = fields.Text("label", kMaxLabelChars, false).value_or("");
  if (!fields.ok()) return fields.Refusal();
  const std::int64_t now = context.clock.NowUnix();
  auth::MintedToken minted = auth::MintApiToken();
  auto id = context.store.tokens().Create(
      staff.principal.user_id, minted.hash, label, now,
      Audit(context, staff, "token.create", "token", 0,
            "for " + staff.principal.name + (label.empty() ? "" : " (" + label + ")")));
  if (!id.ok()) return ErrorReply(id.error());
  model::ApiToken token{*id, staff.principal.user_id, label, now, 0, 0};
  Json answer = TokenJson(token);
  answer["token"] = minted.token;  // shown this once
  return JsonReply(201, answer);
}

Response RevokeToken(Context& context, const Request& /*request*/, const RouteParams& params,
                     const Staff& staff) {
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such token");
  // Only one's own: another account's token is not found, whoever asks.
  auto tokens = context.store.tokens().ListForUser(staff.principal.user_id);
  if (!tokens.ok()) return ErrorReply(tokens.error());
  auto own = std::find_if(tokens->begin(), tokens->end(),
                          [&](const model::ApiToken& t) { return t.id == *id; });
  if (own == tokens->end()) return ErrorReply(404, "no such token of yours");
  const std::int64_t now = context.clock.NowUnix();
  auto revoked = context.store.tokens().Revoke(
      *id, now,
      Audit(context, staff, "token.revoke", "token", *id,
            "of " + staff.principal.name + (own->label.empty() ? "" : " (" + own->label + ")")));
  if (!revoked.ok()) return ErrorReply(revoked.error());
  own->revoked_at = own->revoked_at != 0 ? own->revoked_at : now;
  return JsonReply(200, TokenJson(*own));
}

}  // namespace warta::web::admin_api
