#include "web/admin/account_link_issue.h"

#include "auth/account_links.h"
#include "storage/account_link_store.h"

namespace warta::web {

Result<IssuedLink> IssueAccountLink(Context& context, std::int64_t created_by,
                                    model::AccountLinkKind kind, model::Role role,
                                    std::int64_t user_id, const model::AuditEntry& audit) {
  const std::int64_t now = context.clock.NowUnix();
  auth::MintedLink minted = auth::MintLinkToken();
  model::AccountLink link;
  link.token_hash = minted.hash;
  link.kind = kind;
  link.user_id = user_id;
  link.role = role;
  link.created_by = created_by;
  link.created_at = now;
  link.expires_at = now + auth::LinkLifetime(kind);
  WARTA_RETURN_IF_ERROR(context.store.account_links().Create(link, audit));
  IssuedLink issued;
  issued.path = auth::LinkPath(kind, minted.token);
  issued.url = context.site->settings().base_url + issued.path;
  issued.expires_at = link.expires_at;
  return issued;
}

}  // namespace warta::web
