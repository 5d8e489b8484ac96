// The newsroom's article as editors see it: its editable content, its revisions, its
// corrections and, for a wire item, what the source sent (docs/decisions/0009-newsroom.md).
// newsroom/ makes the rules; storage/editorial_store.h keeps the rows. No I/O here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/article.h"
#include "model/article_status.h"
#include "model/newsroom.h"

namespace warta::model {

// What an article's body is written in: Markdown for articles written here (body_html is
// rendered from it), sanitized HTML for wire items and imports.
enum class BodyFormat { kMarkdown, kHtml };
std::string_view ToText(BodyFormat format);  // "markdown", "html"
std::optional<BodyFormat> ParseBodyFormat(std::string_view text);

// Why a revision was written.
enum class RevisionKind {
  kCreate,      // the first one
  kSave,        // an editor saved
  kPublish,     // saved while publishing
  kRestore,     // an older revision made current again (history is never rewritten)
  kCorrection,  // a save with a public correction note
  kWire,        // the source's text (the first revision of an ingested article)
};
// "create", "save", "publish", "restore", "correction", "wire".
std::string_view ToText(RevisionKind kind);
std::optional<RevisionKind> ParseRevisionKind(std::string_view text);

// A section or a byline as an editor names it: found by slug, created with `name` when no
// such slug exists yet (CONTRACT §6).
struct NamedRef {
  std::string slug;
  std::string name;

  friend bool operator==(const NamedRef&, const NamedRef&) = default;
};

// What a content save writes: every editable field of an article.
struct ArticleContent {
  std::string title;
  std::string dek;  // summary, plain text
  std::string lang;
  std::string source;  // the outlet named as attribution; "" for the site's own
  std::string url;     // the original article, "" for the site's own
  BodyFormat body_format = BodyFormat::kMarkdown;
  std::string body_markdown;  // the source when kMarkdown; "" otherwise
  std::string body_html;      // sanitized; rendered from body_markdown when kMarkdown
  std::string slug;
  std::vector<std::string> tags;
  std::optional<NamedRef> section;  // none: in no section
  std::vector<NamedRef> authors;    // bylines, in order
  std::int64_t lead_media_id = 0;   // 0: no lead image

  // The text a revision stores as its body: the Markdown, or the HTML.
  const std::string& body() const {
    return body_format == BodyFormat::kMarkdown ? body_markdown : body_html;
  }
};

// An article as the admin shows and edits it.
struct EditorialArticle {
  std::int64_t id = 0;
  ArticleStatus status = ArticleStatus::kDraft;
  std::int64_t revision = 1;  // the latest revision's number: the API's `version`
  std::int64_t version = 1;   // the cache version (model::Article::version)
  ArticleContent content;
  std::int64_t section_id = 0;
  std::vector<std::int64_t> author_ids;  // in the order of content.authors
  std::int64_t featured_at = 0;          // 0: not featured
  std::int64_t publish_at = 0;           // kScheduled: when it goes public
  std::int64_t unpublish_at = 0;         // 0: never withdrawn by the clock
  std::int64_t published_at = 0;         // the public date
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::int64_t created_by = 0;  // user id; 0 for the CLI and ingest
  std::int64_t source_id = 0;   // the feed of a wire item
  std::int64_t revisions = 0;   // revision rows stored (0 for articles from before them)
  Counters counters;
};

// A revision's body as storage keeps it: newsroom/revision_codec.h encodes and decodes.
struct RevisionBody {
  std::string bytes;             // encoded
  std::int64_t plain_bytes = 0;  // the body's size decoded
  bool keyframe = false;         // decodes alone (no previous body needed)
};

// A revision row without its body.
struct RevisionMeta {
  std::int64_t article_id = 0;
  std::int64_t number = 0;
  std::int64_t created_at = 0;
  std::int64_t user_id = 0;  // 0: the system (CLI, ingest, publisher)
  std::string user_name;     // "" for the system or a removed account
  RevisionKind kind = RevisionKind::kSave;
  std::string title;
  std::int64_t plain_bytes = 0;
  std::int64_t stored_bytes = 0;
  bool keyframe = false;
};

// A revision as stored: the snapshot of the content, the body still encoded. Sections and
// bylines are kept as they were named (slug and name), so history outlives them.
struct StoredRevision {
  RevisionMeta meta;
  ArticleContent content;  // body_markdown / body_html empty: see body
  RevisionBody body;
};

// A public correction: the note and the revisions before and after the fix.
struct Correction {
  std::int64_t id = 0;
  std::int64_t article_id = 0;
  std::int64_t revision_before = 0;
  std::int64_t revision_after = 0;
  std::string note;  // plain text
  std::int64_t created_at = 0;
  std::int64_t user_id = 0;
  // For lists of all corrections (/koreksi): the article's title and slug.
  std::string article_title;
  std::string article_slug;
};

// An ingested item as the source sent it: the first version (never changed) and the
// source's latest one when it differs (empty until then).
struct ArticleWire {
  std::int64_t article_id = 0;
  std::int64_t source_id = 0;
  std::string guid;
  std::string original_title;
  std::string original_body_html;
  std::string original_hash;
  std::string update_title;
  std::string update_body_html;
  std::string update_hash;
  std::int64_t updated_at = 0;
};

}  // namespace warta::model
