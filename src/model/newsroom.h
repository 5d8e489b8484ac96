// The newsroom's other records: sections, authors, static pages, the audit log, API tokens,
// one-time account links, edit presence and the dashboard's per-day totals
// (docs/decisions/0009-newsroom.md). No I/O here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/article.h"
#include "model/role.h"

namespace warta::model {

// A first-class navigation item (/rubrik/{slug}), ordered by position.
struct Section {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
  std::string description;
  std::int64_t position = 0;
  std::int64_t created_at = 0;
};

// A byline (/penulis/{slug}); user_id links it to an account (0: none).
struct Author {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
  std::string bio;
  std::int64_t user_id = 0;
  std::int64_t created_at = 0;
};

// A static page (/halaman/{slug}): About, Contact, the editorial guidelines.
struct Page {
  std::int64_t id = 0;
  std::string slug;
  std::string title;
  std::string body_markdown;
  std::string body_html;  // rendered and sanitized
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  bool published = true;
};

// One line of the audit log: who did what to which row, when. user_id 0 is the system
// (the publisher, the CLI, ingest). action is "<target>.<verb>" ("article.publish").
struct AuditEntry {
  std::int64_t id = 0;
  std::int64_t created_at = 0;
  std::int64_t user_id = 0;
  std::string user_name;  // read only: the account's name, "" for the system
  std::string action;
  std::string target_type;  // "article", "section", "page", "token", "user", ...
  std::int64_t target_id = 0;
  std::string summary;  // one line for people
};

// An Admin API token (auth/api_tokens.h). The token itself is never stored: only its hash.
struct ApiToken {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string label;
  std::int64_t created_at = 0;
  std::int64_t last_used_at = 0;
  std::int64_t revoked_at = 0;  // 0: valid
};

enum class AccountLinkKind { kInvite, kReset };
std::string_view ToText(AccountLinkKind kind);  // "invite", "reset"
std::optional<AccountLinkKind> ParseAccountLinkKind(std::string_view text);

// A one-time link shown to an admin: an invitation to create an account with `role`, or a
// password reset of `user_id`. Only the hash of its token is stored.
struct AccountLink {
  std::string token_hash;
  AccountLinkKind kind = AccountLinkKind::kInvite;
  std::int64_t user_id = 0;  // kReset: the account; kInvite: 0
  Role role = Role::kReader;
  std::int64_t created_by = 0;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::int64_t used_at = 0;  // 0: not used yet
};

// Someone with an article open in the editor, as last seen.
struct EditPresence {
  std::int64_t article_id = 0;
  std::int64_t user_id = 0;
  std::string user_name;
  std::int64_t seen_at = 0;
};

// Engagement over days, from engagement_days. day: days since 1970 in the site's time zone
// (core/day.h).
struct DayTotals {
  std::int64_t day = 0;
  Counters totals;
};

// Engagement of one article, or of a section or source, over a range of days.
struct RankedTotals {
  std::int64_t id = 0;  // article, section or source id (0: none)
  std::string name;     // title, section name or source name
  std::string slug;     // article or section slug
  Counters totals;
};

}  // namespace warta::model
