// GET /admin/people: the accounts (by id, ?after=ID pages), each with its role, a role
// change form and a ban switch; admins only (CONTRACT §6). POST /admin/people/{id}/role
// (role; the account's sessions end, so it logs in again with the new role) and POST
// /admin/people/{id}/ban (ban=1 bans and ends the account's sessions, ban=0 lifts it). An admin
// cannot change or ban their own account here: the last admin could otherwise lock everyone out.
// Every change takes an audit entry (the user store writes none of its own). POST
// /admin/people/invite (role) and POST /admin/people/{id}/reset make a one-time link (an
// invitation with that role, 7 days; a password reset, 1 day) and answer the list with the link
// shown once in a panel at its top: never in a redirect's URL, where history and logs keep it.
#include <spdlog/spdlog.h>

#include <optional>
#include <string>

#include "storage/audit_store.h"
#include "storage/user_store.h"
#include "web/admin/account_link_issue.h"
#include "web/admin/admin_handlers.h"
#include "web/admin/admin_page.h"
#include "web/admin/form.h"
#include "web/handlers.h"

namespace warta::web {
namespace {

constexpr int kPeoplePage = 100;
constexpr model::Role kRoles[] = {model::Role::kReader, model::Role::kAuthor, model::Role::kEditor,
                                  model::Role::kModerator, model::Role::kAdmin};

void Audit(Context& context, const Staff& staff, std::string action, std::int64_t user_id,
           std::string summary) {
  model::AuditEntry entry;
  entry.created_at = context.clock.NowUnix();
  entry.user_id = staff.principal.user_id;
  entry.action = std::move(action);
  entry.target_type = "user";
  entry.target_id = user_id;
  entry.summary = std::move(summary);
  // The change is made; a lost audit line is logged rather than undoing it.
  if (auto r = context.store.audit().Append(entry); !r.ok()) {
    spdlog::error("web: audit of {} on account {}: {}", entry.action, user_id,
                  r.error().ToString());
  }
}

// The target account, refused when it is the caller's own.
Result<model::User> Target(Context& context, const http::RouteParams& params, const Staff& staff) {
  auto id = ParseId(params.Get("id"));
  if (!id) return Error::NotFound("admin: no such account");
  if (*id == staff.principal.user_id) {
    return Error::PermissionDenied("admin: an admin does not change their own account here");
  }
  WARTA_ASSIGN_OR_RETURN(auto user, context.store.users().FindById(*id));
  if (!user) return Error::NotFound("admin: no such account");
  return *user;
}

// A link just made, shown once at the top of the list: its heading's catalog key, what follows
// the heading (the role, the account) and the link.
struct Issued {
  std::string title_key;
  std::string title_suffix;
  IssuedLink link;
  std::optional<model::Role> role = std::nullopt;  // an invitation's, shown in the page's locale
};

// The list, with `issued` at the top when there is one.
http::Response PeoplePage(Context& context, const http::Request& request, const Staff& staff,
                          const Issued* issued) {
  const std::int64_t after = ParseId(request.QueryParam("after")).value_or(0);
  auto users = context.store.users().List(after, kPeoplePage + 1);
  if (!users.ok()) return AdminErrorPage(context, request, users.error(), "people");
  AdminPage page = StartAdminPage(context, request, staff, "admin_nav_people", "people");
  view::Data rows = view::MakeList();
  for (std::size_t i = 0; i < users->size() && i < kPeoplePage; ++i) {
    const model::User& u = (*users)[i];
    view::Data row;
    row.set("id", std::to_string(u.id));
    row.set("name", u.name);
    row.set("role_text", RoleText(page.site, u.role));
    row.set("created", AdminDateTime(page.site, u.created_at));
    row.set("banned", u.banned_at != 0);
    row.set("banned_at", AdminDateTime(page.site, u.banned_at));
    row.set("is_self", u.id == staff.principal.user_id);
    view::Data roles = view::MakeList();
    for (model::Role r : kRoles) {
      view::Data option;
      option.set("value", std::string(model::ToText(r)));
      option.set("label", RoleText(page.site, r));
      option.set("selected", r == u.role);
      roles.push_back(option);
    }
    row.set("roles", roles);
    rows.push_back(row);
  }
  page.data.set("rows", rows);
  if (users->size() > static_cast<std::size_t>(kPeoplePage)) {
    page.data.set("next_path",
                  "/admin/people?after=" + std::to_string((*users)[kPeoplePage - 1].id));
  }
  view::Data invite_roles = view::MakeList();
  for (model::Role r : kRoles) {
    view::Data option;
    option.set("value", std::string(model::ToText(r)));
    option.set("label", RoleText(page.site, r));
    option.set("selected", r == model::Role::kReader);
    invite_roles.push_back(option);
  }
  page.data.set("invite_roles", invite_roles);
  if (issued != nullptr) {
    view::Data panel;
    panel.set("title", page.site.T(issued->title_key) + issued->title_suffix +
                           (issued->role ? " (" + RoleText(page.site, *issued->role) + ")" : ""));
    panel.set("url", issued->link.url);
    panel.set("expires", AdminDateTime(page.site, issued->link.expires_at));
    page.data.set("issued", panel);
  }
  return RenderAdminPage(context, request, page, "people");
}

}  // namespace

http::Response AdminPeople(Context& context, const http::Request& request,
                           const http::RouteParams& /*params*/, const Staff& staff) {
  return PeoplePage(context, request, staff, nullptr);
}

http::Response AdminPeopleInvite(Context& context, const http::Request& request,
                                 const http::RouteParams& /*params*/, const Staff& staff) {
  auto form = AdminForm::Parse(request);
  if (!form.ok()) return ErrorPage(context, request, 400);
  auto role = model::ParseRole(form->Value("role"));
  if (!role) return ErrorPage(context, request, 400);
  model::AuditEntry audit;
  audit.created_at = context.clock.NowUnix();
  audit.user_id = staff.principal.user_id;
  audit.action = "user.invite";
  audit.target_type = "user";
  audit.summary = "an invitation as " + std::string(model::ToText(*role));
  auto issued = IssueAccountLink(context, staff.principal.user_id, model::AccountLinkKind::kInvite,
                                 *role, 0, audit);
  if (!issued.ok()) return AdminErrorPage(context, request, issued.error(), "invite");
  const Issued shown{"admin_link_invite_title", "", std::move(issued).value(), *role};
  return PeoplePage(context, request, staff, &shown);
}

http::Response AdminUserResetLink(Context& context, const http::Request& request,
                                  const http::RouteParams& params, const Staff& staff) {
  auto user = Target(context, params, staff);
  if (!user.ok()) return AdminErrorPage(context, request, user.error(), "reset link");
  // A banned account keeps no way in: lift the ban first (as the API answers 409).
  if (user->banned_at != 0) return ErrorPage(context, request, 409);
  model::AuditEntry audit;
  audit.created_at = context.clock.NowUnix();
  audit.user_id = staff.principal.user_id;
  audit.action = "user.reset_link";
  audit.target_type = "user";
  audit.target_id = user->id;
  audit.summary = "a password reset link for " + user->name;
  auto issued = IssueAccountLink(context, staff.principal.user_id, model::AccountLinkKind::kReset,
                                 user->role, user->id, audit);
  if (!issued.ok()) return AdminErrorPage(context, request, issued.error(), "reset link");
  const Issued shown{"admin_link_reset_title", ": " + user->name, std::move(issued).value(),
                     std::nullopt};
  return PeoplePage(context, request, staff, &shown);
}

http::Response AdminUserRole(Context& context, const http::Request& request,
                             const http::RouteParams& params, const Staff& staff) {
  auto user = Target(context, params, staff);
  if (!user.ok()) return AdminErrorPage(context, request, user.error(), "role change");
  auto form = AdminForm::Parse(request);
  if (!form.ok()) return ErrorPage(context, request, 400);
  auto role = model::ParseRole(form->Value("role"));
  if (!role) return ErrorPage(context, request, 400);
  if (*role != user->role) {
    auto set = context.store.users().SetRole(user->id, *role);
    if (!set.ok()) return AdminErrorPage(context, request, set.error(), "role change");
    // The account's sessions carry its role (and are cached): it logs in again with the new one.
    if (auto ended = context.readers.sessions.EndAllFor(user->id); !ended.ok()) {
      spdlog::error("web: sessions of account {}: {}", user->id, ended.error().ToString());
    }
    Audit(context, staff, "user.role", user->id,
          user->name + ": " + std::string(model::ToText(user->role)) + " -> " +
              std::string(model::ToText(*role)));
  }
  return AdminSeeOther("/admin/people?done=role_changed#user-" + std::to_string(user->id));
}

http::Response AdminUserBan(Context& context, const http::Request& request,
                            const http::RouteParams& params, const Staff& staff) {
  auto user = Target(context, params, staff);
  if (!user.ok()) return AdminErrorPage(context, request, user.error(), "ban");
  auto form = AdminForm::Parse(request);
  if (!form.ok()) return ErrorPage(context, request, 400);
  const std::string ban = form->Value("ban");
  if (ban != "1" && ban != "0") return ErrorPage(context, request, 400);
  const std::int64_t at = ban == "1" ? context.clock.NowUnix() : 0;
  auto ended = context.store.users().SetBanned(user->id, at);
  if (!ended.ok()) return AdminErrorPage(context, request, ended.error(), "ban");
  // The store ended the sessions; this drops them from this node's cache too.
  if (auto dropped = context.readers.sessions.EndAllFor(user->id); !dropped.ok()) {
    spdlog::error("web: sessions of account {}: {}", user->id, dropped.error().ToString());
  }
  Audit(context, staff, ban == "1" ? "user.ban" : "user.unban", user->id,
        user->name + (ban == "1" ? ": banned, sessions ended " + std::to_string(*ended) : ""));
  return AdminSeeOther(std::string("/admin/people?done=") + (ban == "1" ? "banned" : "unbanned") +
                       "#user-" + std::to_string(user->id));
}

}  // namespace warta::web
