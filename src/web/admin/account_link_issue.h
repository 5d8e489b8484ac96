// One-time account links (auth/account_links.h) as the admin issues them: an invitation with a
// role, or a password reset for an account. Shared by the Admin API (POST
// /api/v1/admin/invitations, /users/{id}/reset) and the /admin/people page's buttons.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "model/newsroom.h"
#include "model/role.h"
#include "web/context.h"

namespace warta::web {

struct IssuedLink {
  std::string url;   // absolute, on the site's base URL: what the admin hands over
  std::string path;  // /undangan/{token} or /reset/{token}
  std::int64_t expires_at = 0;
};

// Mints a token, stores only its hash with `audit` in one transaction, and returns the link.
// user_id: 0 for an invitation. The token is never stored or logged: this is its one showing.
Result<IssuedLink> IssueAccountLink(Context& context, std::int64_t created_by,
                                    model::AccountLinkKind kind, model::Role role,
                                    std::int64_t user_id, const model::AuditEntry& audit);

}  // namespace warta::web
