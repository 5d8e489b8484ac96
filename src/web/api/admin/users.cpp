// /api/v1/admin/users: accounts, for admins. List; change a role or ban (the account's
// sessions end at once, so the change holds on the next request); one-time links to invite
// a person with a role or to reset a password (auth/account_links.h), shown to the admin.
#include <spdlog/spdlog.h>

#include <utility>

#include "core/limits.h"
#include "storage/user_store.h"
#include "web/admin/account_link_issue.h"
#include "web/api/admin/admin_api.h"
#include "web/api/admin/admin_support.h"

namespace warta::web::admin_api {
namespace {

Json UserJson(const model::User& u) {
  return {{"id", u.id},
          {"name", u.name},
          {"role", model::ToText(u.role)},
          {"created", TimeJson(u.created_at)},
          {"banned", u.banned_at != 0},
          {"banned_at", TimeJson(u.banned_at)}};
}

// Mints a link of `kind`, stores its hash and answers 201 {"url", "path", "expires", ...}.
Response IssueLink(Context& context, const Staff& staff, model::AccountLinkKind kind,
                   model::Role role, std::int64_t user_id, const std::string& summary) {
  const bool invite = kind == model::AccountLinkKind::kInvite;
  auto issued = IssueAccountLink(
      context, staff.principal.user_id, kind, role, user_id,
      Audit(context, staff, invite ? "user.invite" : "user.reset_link", "user", user_id, summary));
  if (!issued.ok()) return ErrorReply(issued.error());
  Json body = {{"url", issued->url},
               {"path", issued->path},
               {"kind", model::ToText(kind)},
               {"expires", TimeJson(issued->expires_at)}};
  if (invite) body["role"] = model::ToText(role);
  if (!invite) body["user_id"] = user_id;
  return JsonReply(201, body);
}

}  // namespace

Response ListUsers(Context& context, const Request& request, const RouteParams& /*params*/,
                   const Staff& /*staff*/) {
  ListParams page = ReadLimitAndIdCursor(request, 100, limits::kMaxAdminPageRows);
  if (page.refusal) return std::move(*page.refusal);
  auto users = context.store.users().List(page.cursor, page.limit);
  if (!users.ok()) return ErrorReply(users.error());
  return IdPageReply("users", *users, page.limit, UserJson);
}

Response UpdateUser(Context& context, const Request& request, const RouteParams& params,
                    const Staff& staff) {
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such account");
  auto found = context.store.users().FindById(*id);
  if (!found.ok()) return ErrorReply(found.error());
  if (!*found) return ErrorReply(404, "no such account");
  model::User user = **found;
  JsonBody body = ReadJsonObject(request);
  if (body.refusal) return std::move(*body.refusal);
  Fields fields(body.object, "user_error_");
  std::optional<model::Role> role;
  if (auto text = fields.String("role")) {
    role = model::ParseRole(*text);
    if (!role) fields.Problem("role", "is not one of reader, author, moderator, editor, admin");
  }
  const std::optional<bool> banned = fields.Bool("banned");
  // An admin who demotes or bans themselves could leave the site without one.
  if (*id == staff.principal.user_id && ((role && *role != user.role) || banned.value_or(false))) {
    fields.Problem(role ? "role" : "banned", "cannot be changed on your own account");
  }
  if (!fields.ok()) return fields.Refusal();
  bool changed = false;
  if (role && *role != user.role) {
    if (auto set = context.store.users().SetRole(*id, *role); !set.ok()) {
      return ErrorReply(set.error());
    }
    // The user store takes no audit entry of its own (storage/audit_store.h).
    AppendAudit(context, Audit(context, staff, "user.role", "user", *id,
                               user.name + ": " + std::string(model::ToText(user.role)) + " -> " +
                                   std::string(model::ToText(*role))));
    user.role = *role;
    changed = true;
  }
  if (banned && *banned != (user.banned_at != 0)) {
    const std::int64_t at = *banned ? context.clock.NowUnix() : 0;
    if (auto set = context.store.users().SetBanned(*id, at); !set.ok()) {
      return ErrorReply(set.error());
    }
    AppendAudit(context,
                Audit(context, staff, *banned ? "user.ban" : "user.unban", "user", *id, user.name));
    user.banned_at = at;
    changed = true;
  }
  // Sessions are cached per node: without this a demoted or banned account keeps its old
  // powers until the cache forgets it.
  if (changed) {
    if (auto ended = context.readers.sessions.EndAllFor(*id); !ended.ok()) {
      spdlog::error("web: sessions of account {} not ended after a role change: {}", *id,
                    ended.error().ToString());
    }
  }
  return JsonReply(200, UserJson(user));
}

Response InviteUser(Context& context, const Request& request, const RouteParams& /*params*/,
                    const Staff& staff) {
  JsonBody body = ReadJsonObject(request);
  if (body.refusal) return std::move(*body.refusal);
  Fields fields(body.object, "user_error_");
  std::optional<model::Role> role = model::Role::kReader;
  if (auto text = fields.String("role")) {
    role = model::ParseRole(*text);
    if (!role) fields.Problem("role", "is not one of reader, author, moderator, editor, admin");
  }
  if (!fields.ok()) return fields.Refusal();
  return IssueLink(context, staff, model::AccountLinkKind::kInvite, *role, 0,
                   "an invitation as " + std::string(model::ToText(*role)));
}

Response ResetPassword(Context& context, const Request& /*request*/, const RouteParams& params,
                       const Staff& staff) {
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such account");
  auto found = context.store.users().FindById(*id);
  if (!found.ok()) return ErrorReply(found.error());
  if (!*found) return ErrorReply(404, "no such account");
  if ((*found)->banned_at != 0) {
    return ErrorReply(409, "the account is banned: lift the ban before resetting its password");
  }
  return IssueLink(context, staff, model::AccountLinkKind::kReset, (*found)->role, *id,
                   "a password reset link for " + (*found)->name);
}

}  // namespace warta::web::admin_api
