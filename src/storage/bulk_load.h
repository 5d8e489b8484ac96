// Bulk loading of generated sites (`warta demo --articles N`, app/cmd_demo_generate.cpp): many
// published articles with their tags, bylines, likes and comments written in big transactions
// through one connection, the search index filled in the same pass. Not for serving traffic:
// it bypasses the per-article checks of ArticleStore::Insert (the generator's rows are valid
// by construction) and the audit log.
//
// The result is a normal database: the same schema, every counter equal to its rows
// (articles.likes and .comments), every published article in the search index, foreign keys
// checked before Finish returns.
//
// Thread safety: one thread owns a BulkLoader; BulkPreparers (below) do part of Add's work on
// other threads. Run it while no server writes to the database: it holds the write lock for
// each batch.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

namespace warta::storage {

// Work Add would do for an article besides writing its rows (analyzing its text for the search
// index), done ahead of time by a BulkPreparer, possibly on another thread. Opaque.
class BulkPrepared {
 public:
  virtual ~BulkPrepared() = default;
};

struct BulkComment {
  std::string body_source;  // Markdown as a reader typed it
  std::string body_html;    // what the renderer made of it (already safe)
  std::int64_t created_at = 0;
};

struct BulkArticle {
  std::string title;
  std::string source;  // the wire service named on the page
  std::string url;
  std::string lang;
  std::string body_html;  // safe HTML (the generator writes only <p> and <h2>)
  std::string slug;
  std::int64_t published_at = 0;
  std::int64_t section_id = 0;     // 0: none
  std::int64_t lead_media_id = 0;  // 0: no picture
  std::vector<std::string> tags;
  std::vector<std::int64_t> author_ids;
  std::int64_t views = 0;
  std::int64_t shares = 0;
  int likes = 0;  // this many like rows, from distinct generated visitors
  std::vector<BulkComment> comments;
  // Set by BulkPreparer::Prepare from this article's fields (null: Add does the work itself).
  // Changing a field after preparing wastes the preparation, it never changes the result.
  std::shared_ptr<const BulkPrepared> prepared;
};

struct BulkNamed {
  std::string slug;
  std::string name;
  std::string text;  // a section's description, an author's bio, a source's feed URL
};

struct BulkLoadReport {
  std::int64_t articles = 0;
  std::int64_t tags = 0;
  std::int64_t likes = 0;
  std::int64_t comments = 0;
  // Indexed values whose analysis a BulkPreparer did (4 per prepared article when all went well).
  std::int64_t prepared_values = 0;
};

// Prepares articles for a BulkLoader: thread-compatible, so a producer thread can prepare the
// next articles while the loader's thread writes. One thread at a time per preparer.
class BulkPreparer {
 public:
  virtual ~BulkPreparer() = default;
  // Sets article.prepared.
  virtual void Prepare(BulkArticle& article) = 0;
};

class BulkLoader {
 public:
  virtual ~BulkLoader() = default;

  // A preparer for this loader's articles; it may outlive the loader's Finish but not the
  // loader.
  virtual Result<std::unique_ptr<BulkPreparer>> NewPreparer() = 0;

  // Sections and authors by slug, created when absent; their ids in the order given.
  virtual Result<std::vector<std::int64_t>> EnsureSections(const std::vector<BulkNamed>& s) = 0;
  virtual Result<std::vector<std::int64_t>> EnsureAuthors(const std::vector<BulkNamed>& a) = 0;
  // Feed sources (text: the feed URL), created disabled when absent: they are never fetched.
  virtual Result<void> EnsureSources(const std::vector<BulkNamed>& sources) = 0;

  // Queues one published article; written in the current batch. Returns its id.
  virtual Result<std::int64_t> Add(const BulkArticle& article) = 0;

  // Commits the last batch, checks foreign keys, and leaves the file as a server expects it
  // (WAL checkpointed, normal durability). Nothing may be added after.
  virtual Result<BulkLoadReport> Finish() = 0;
};

// For a database URL as OpenStore takes it (the schema must be migrated already). SQLite only:
// InvalidArgument for postgresql:// (generate into SQLite, then `warta db copy`).
Result<std::unique_ptr<BulkLoader>> OpenBulkLoader(const std::string& url);

}  // namespace warta::storage
