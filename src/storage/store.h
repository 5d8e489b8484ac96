// Storage interfaces, one per aggregate. Two backends implement them: SQLite (embedded,
// default) and PostgreSQL (scale-out, later). SQL lives only under src/storage/.
//
// Thread safety: every method may be called from any thread concurrently; backends keep a
// pool of connections internally. Methods block on database I/O: never call them on a
// request's hot path when a cache can answer.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "model/article.h"
#include "model/source.h"
#include "storage/listing_store.h"
#include "storage/trending_store.h"

namespace warta::storage {

// One article's near-duplicate fingerprint, for clustering (ArticleStore::RecentSimhashes).
struct SimhashCandidate {
  std::int64_t article_id = 0;
  std::int64_t source_id = 0;  // 0 when not from a feed
  std::int64_t story_id = 0;   // 0 when in no story yet
  std::uint64_t simhash = 0;
};

// An ingested article as `source reextract` needs it.
struct ArticleRef {
  std::int64_t id = 0;
  std::string url;
  std::string title;
};

class ArticleStore {
 public:
  virtual ~ArticleStore() = default;

  // Inserts the article with its tags in one transaction, committed before returning, and
  // returns the new id. Validates with model::ValidateNewArticle first (InvalidArgument or
  // TooLarge, nothing written). published_at 0 means "now". initial.comments is ignored:
  // the comments counter follows the stored comments.
  virtual Result<std::int64_t> Insert(const model::NewArticle& article) = 0;
  // The article with its tags (in the order given at insert). NotFound when there is no
  // such id.
  virtual Result<model::Article> FindById(std::int64_t id) = 0;
  // Newest first by published_at, then id; excerpt is ~280 bytes of the body's plain text.
  // InvalidArgument when limit is outside [0, 1000] or offset is negative.
  virtual Result<std::vector<model::ArticleSummary>> ListNewest(int limit, int offset) = 0;
  virtual Result<std::int64_t> Count() = 0;
  // Current stored counters of one article.
  virtual Result<model::Counters> GetCounters(std::int64_t id) = 0;
  // Adds buffered view deltas (article id, delta) in one transaction and returns the new
  // stored totals in the same order. Ids that no longer exist are skipped (total -1).
  // InvalidArgument (nothing written) for a negative delta.
  virtual Result<std::vector<std::int64_t>> AddViews(
      const std::vector<std::pair<std::int64_t, std::int64_t>>& deltas) = 0;

  // --- ingest ---
  // Ids of an already stored article with the same key, or nullopt. Empty keys match nothing.
  virtual Result<std::optional<std::int64_t>> FindIdByGuid(std::int64_t source_id,
                                                           const std::string& guid) = 0;
  virtual Result<std::optional<std::int64_t>> FindIdByCanonicalUrl(
      const std::string& canonical_url) = 0;
  virtual Result<std::optional<std::int64_t>> FindIdByContentHash(
      std::int64_t source_id, const std::string& content_hash) = 0;
  // Fingerprints of articles published in [from, to] (unix seconds), newest first, at most
  // `limit` (InvalidArgument outside [1, 100000]).
  virtual Result<std::vector<SimhashCandidate>> RecentSimhashes(std::int64_t from, std::int64_t to,
                                                                int limit) = 0;
  // Puts `article_id` into the story of `member_id` (creating the story when the member has
  // none; merging when both have one) in one transaction, and bumps the version of every
  // article of the story, since their pages list each other. Returns the story id.
  // NotFound when either article does not exist.
  virtual Result<std::int64_t> JoinStory(std::int64_t article_id, std::int64_t member_id) = 0;
  // The other sources' articles in the article's story, one per source name, oldest first;
  // empty when it is in no story.
  virtual Result<std::vector<model::RelatedReport>> AlsoReportedBy(std::int64_t article_id) = 0;
  // The newest articles of one source (by published_at), at most `limit` (1..1000).
  virtual Result<std::vector<ArticleRef>> ListBySource(std::int64_t source_id, int limit) = 0;
  // Replaces the (sanitized) body and bumps the version. NotFound for an unknown id;
  // InvalidArgument/TooLarge under the same rules as Insert.
  virtual Result<void> UpdateBody(std::int64_t id, const std::string& body_html) = 0;
};

// Feed sources and their fetch state.
class SourceStore {
 public:
  virtual ~SourceStore() = default;

  // Validates (model::ValidateNewSource) and inserts; the source is due at once.
  // AlreadyExists when a source with that URL exists.
  virtual Result<std::int64_t> Add(const model::NewSource& source) = 0;
  // NotFound when there is no such id.
  virtual Result<model::Source> FindById(std::int64_t id) = 0;
  virtual Result<std::optional<model::Source>> FindByUrl(const std::string& url) = 0;
  // Every source by id, with items_last_week counted over the 7 days before `now`.
  virtual Result<std::vector<model::Source>> List(std::int64_t now) = 0;
  // Enabled sources with next_fetch_at <= now, longest overdue first, at most `limit`.
  virtual Result<std::vector<model::Source>> ListDue(std::int64_t now, int limit) = 0;
  // Writes the outcome of one fetch. A new_url already taken by another source is ignored
  // (the source keeps its URL). NotFound when there is no such id.
  virtual Result<void> RecordFetch(std::int64_t id, const model::FetchRecord& record) = 0;
  // Replaces the operator's settings (name, site_url, lang, time_zone, category,
  // refresh_minutes, full_text, enabled, canonical) from `settings`; the fetch state is kept.
  virtual Result<void> UpdateSettings(std::int64_t id, const model::NewSource& settings) = 0;
};

// Site-wide key/value settings that the demo and the admin set (site.name, site.locale, ...).
class SettingsStore {
 public:
  virtual ~SettingsStore() = default;
  virtual Result<std::optional<std::string>> Get(const std::string& key) = 0;
  // Inserts or replaces; committed before returning. Keys and values are UTF-8.
  virtual Result<void> Set(const std::string& key, const std::string& value) = 0;
};

// --- Readers: accounts, sessions, likes, shares ---

// An account. Names are unique ignoring ASCII case ("Budi" and "budi" are one account); the
// name rules themselves (auth/username.h) are checked by auth, not here.
struct User {
  std::int64_t id = 0;
  std::string name;           // as registered
  std::string password_hash;  // argon2id, in libsodium's crypto_pwhash_str format
  std::string role;           // "reader", "moderator", "editor" or "admin"
  std::int64_t created_at = 0;
};

struct NewUser {
  std::string name;
  std::string password_hash;
  std::string role = "reader";
};

class UserStore {
 public:
  virtual ~UserStore() = default;
  // Inserts and returns the new id, committed before returning. AlreadyExists when the name
  // is taken (ignoring ASCII case); InvalidArgument for an empty or over-long name or hash,
  // or an unknown role.
  virtual Result<std::int64_t> Create(const NewUser& user) = 0;
  // nullopt when there is no such account.
  virtual Result<std::optional<User>> FindByName(const std::string& name) = 0;
  virtual Result<std::optional<User>> FindById(std::int64_t id) = 0;
  // NotFound when there is no such account.
  virtual Result<void> SetPasswordHash(std::int64_t id, const std::string& password_hash) = 0;
  virtual Result<void> SetRole(std::int64_t id, const std::string& role) = 0;
  virtual Result<std::int64_t> Count() = 0;
};

// A login session. Only a hash of the session token is stored, so a copy of the database
// does not let anyone log in as a reader.
struct SessionRecord {
  std::string id_hash;  // hex digest of the token (auth/sessions.h)
  std::int64_t user_id = 0;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::int64_t last_seen_at = 0;
};

struct SessionWithUser {
  SessionRecord session;
  User user;
};

class SessionStore {
 public:
  virtual ~SessionStore() = default;
  // Committed before returning. NotFound when the user does not exist; AlreadyExists when
  // the id is taken (a random 256-bit token: never in practice).
  virtual Result<void> Create(const SessionRecord& session) = 0;
  // The session and its account; nullopt when absent or expired (expires_at <= now).
  virtual Result<std::optional<SessionWithUser>> Find(const std::string& id_hash,
                                                      std::int64_t now) = 0;
  // Slides the expiry. Absent sessions are ignored.
  virtual Result<void> Touch(const std::string& id_hash, std::int64_t last_seen_at,
                             std::int64_t expires_at) = 0;
  // Ends one session (logout); absent sessions are ignored.
  virtual Result<void> Delete(const std::string& id_hash) = 0;
  // Ends every session of an account (password change, ban); returns how many.
  virtual Result<std::int64_t> DeleteForUser(std::int64_t user_id) = 0;
  // Removes sessions with expires_at <= now; returns how many.
  virtual Result<std::int64_t> DeleteExpired(std::int64_t now) = 0;
  // Ends every session of an account but one (password change: the reader's own browser
  // stays logged in); returns how many.
  virtual Result<std::int64_t> DeleteForUserExcept(std::int64_t user_id,
                                                   const std::string& keep_id_hash) = 0;
};

// The outcome of a like or unlike: whether a like row was added or removed, and the article's
// stored counters after it (views: the stored total, without views not yet flushed).
struct LikeChange {
  bool changed = false;
  model::Counters counters;
};

// Likes are rows keyed by (article, liker), the liker being "u:<user id>" or
// "v:<visitor id>", so repeats and retries from any node are idempotent. articles.likes is
// changed in the same transaction only when a row was added or removed, so it stays exact
// under any concurrency. Writes are committed and synced to disk before returning: an
// acknowledged like survives a crash.
class LikeStore {
 public:
  virtual ~LikeStore() = default;
  // NotFound for an unknown article; InvalidArgument for an empty or over-long liker.
  virtual Result<LikeChange> Like(std::int64_t article_id, const std::string& liker,
                                  std::int64_t now) = 0;
  virtual Result<LikeChange> Unlike(std::int64_t article_id, const std::string& liker) = 0;
  virtual Result<bool> IsLiked(std::int64_t article_id, const std::string& liker) = 0;
};

// Shares counted per article and network (whatsapp, facebook, x, ...); articles.shares is
// the sum, changed in the same transaction. Durable like likes.
class ShareStore {
 public:
  virtual ~ShareStore() = default;
  // Counts one share and returns the article's stored counters. NotFound for an unknown
  // article; InvalidArgument for a network name that is not 1..32 of [a-z0-9_-].
  virtual Result<model::Counters> Add(std::int64_t article_id, const std::string& network) = 0;
  // (network, count) of one article, by network name.
  virtual Result<std::vector<std::pair<std::string, std::int64_t>>> ByNetwork(
      std::int64_t article_id) = 0;
};

// --- Spam classifier (spam/classifier.h): what moderators taught it ---

// How many messages the classifier was taught of each class.
struct SpamTotals {
  std::int64_t spam_messages = 0;
  std::int64_t ham_messages = 0;
};

// In how many taught spam and ham messages one token occurred.
struct SpamTokenCounts {
  std::int64_t spam = 0;
  std::int64_t ham = 0;
};

// The totals and the counts of some tokens, read together so they agree.
struct SpamSnapshot {
  SpamTotals totals;
  std::vector<std::pair<std::string, SpamTokenCounts>> tokens;  // only tokens ever taught
};

class SpamStore {
 public:
  virtual ~SpamStore() = default;
  // Adds (delta +1) or takes back (delta -1) messages of one class, each given as its
  // distinct tokens: the class's message total and every token's count change by delta, all
  // in one transaction. Counts never go below 0; token rows left at 0/0 are removed.
  // InvalidArgument (nothing written) for another delta, an empty or over-long
  // (limits::kSpamMaxTokenBytes) token, or more than limits::kSpamMaxMessagesPerBatch
  // messages or limits::kSpamMaxTokensPerText tokens in one message.
  virtual Result<void> Train(const std::vector<std::vector<std::string>>& messages, bool is_spam,
                             int delta) = 0;
  virtual Result<SpamTotals> Totals() = 0;
  // The totals and the counts of those of `tokens` that were ever taught (at most
  // limits::kSpamMaxTokensPerText, else InvalidArgument), in one read.
  virtual Result<SpamSnapshot> Lookup(const std::vector<std::string>& tokens) = 0;
};

// --- Full-text search ---

// Narrows a search; empty strings and nullopt mean "any".
struct SearchFilters {
  std::string source;                          // the outlet, ignoring ASCII case ("MAINICHI")
  std::string tag;                             // one tag, exactly
  std::string lang;                            // the article's language tag ("id", "en", "ja")
  std::optional<std::int64_t> published_from;  // unix seconds, inclusive
  std::optional<std::int64_t> published_to;    // unix seconds, inclusive
};

struct SearchRequest {
  // Each term is a word or a phrase as search::ParseQuery makes them: normalized words joined
  // by single spaces. Plain text: the backend quotes it, so it never acts as query syntax.
  std::vector<std::string> terms;
  bool match_any = false;  // any term instead of every term
  SearchFilters filters;
  int limit = 20;             // 1..100
  int offset = 0;             // 0..100000
  std::int64_t now_unix = 0;  // the "now" of the recency boost; 0: the current time
};

// One match. title_marked and snippet are plain text with each matching word wrapped in
// search::kMatchBegin / kMatchEnd (search/highlight.h turns them into <mark>).
struct SearchHit {
  model::ArticleSummary article;  // excerpt left empty
  std::string title_marked;
  std::string snippet;  // ~32 words of the body around the best matches
  double score = 0;     // higher is better
};

struct SearchResults {
  std::int64_t total = 0;  // matches over all pages
  std::vector<SearchHit> hits;
};

// Full-text search over the title, body, source and tags of every article. The index follows
// the articles by itself: inserts, edits (title, body, source, language, tags) and deletes
// from any writer are indexed in the same transaction, so nobody indexes by hand.
//
// Ranking: BM25 (columns weighted title 4, tags 3, source 2, body 1) times a recency boost
// 1 + H / (H + age in days) with H = 14: a new article counts double, a two-week-old one 1.5
// times, a year-old one 1.04 times (docs/decisions/0004-search.md).
class SearchStore {
 public:
  virtual ~SearchStore() = default;
  // Best first. No terms: no results. InvalidArgument for limit or offset out of range.
  virtual Result<SearchResults> Search(const SearchRequest& request) = 0;
  // Rebuilds the whole index from the articles (after a change of the text analysis) and
  // returns the number of articles indexed.
  virtual Result<std::int64_t> Rebuild() = 0;
  // "Did you mean": for terms that found nothing, the terms with each misspelled word (ASCII
  // letters, 4..40 bytes) replaced by the nearest word the articles use (edit distance 1, or
  // 2 for words over 5 letters; same first letter; the most common on ties), or an empty list
  // when no word changes. Phrases and other scripts are kept as they are.
  virtual Result<std::vector<std::string>> Suggest(const std::vector<std::string>& terms) = 0;
};

// --- Comments and moderation (comments/ builds the rules; this stores them) ---

// A reader's comment. status is one of "published", "pending", "rejected", "spam",
// "deleted"; only published ones count in articles.comments.
struct Comment {
  std::int64_t id = 0;
  std::int64_t article_id = 0;
  std::int64_t parent_id = 0;  // 0: top level
  std::int64_t user_id = 0;    // 0: anonymous visitor
  std::string author;          // the account's name, or "" when anonymous
  int depth = 0;               // 0 for top level, parent's depth + 1 for replies
  std::string body_source;     // Markdown as written ("" once deleted)
  std::string body_html;       // rendered and sanitized ("" once deleted)
  std::string status;
  std::string reason;  // why pending: "first", "link", "reports", "spam?", "honeypot"
  std::int64_t created_at = 0;
  std::int64_t edited_at = 0;  // 0: never edited
  std::int64_t reports = 0;
};

struct NewComment {
  std::int64_t article_id = 0;
  std::int64_t parent_id = 0;
  std::int64_t user_id = 0;
  int depth = 0;
  std::string body_source;
  std::string body_html;
  std::string status = "published";
  std::string reason;
  std::int64_t created_at = 0;
};

// A committed comment change: the comment as stored after it and the article's counters.
struct CommentChange {
  Comment comment;
  model::Counters counters;
};

// One line of the moderation log.
struct ModerationEntry {
  std::int64_t id = 0;
  std::int64_t comment_id = 0;    // 0 for actions on accounts or articles
  std::int64_t article_id = 0;    // 0 when not about an article
  std::int64_t target_user = 0;   // the comment's author or the banned account
  std::string target_name;        // that account's name
  std::int64_t moderator_id = 0;  // 0: the system (automatic queueing)
  std::string moderator_name;
  std::string action;  // "approve", "reject", "spam", "delete", "ban", "unban", "close", "open"
  std::string note;
  std::int64_t created_at = 0;
};

// Writes are committed and synced to disk before returning (acknowledged comments survive a
// crash); articles.comments changes in the same transaction by the published delta, and
// articles.version is bumped so every page cache re-renders the thread. Every write that
// names an unknown comment or article is NotFound; bad status names are InvalidArgument.
class CommentStore {
 public:
  virtual ~CommentStore() = default;
  virtual Result<CommentChange> Create(const NewComment& comment) = 0;
  virtual Result<std::optional<Comment>> FindById(std::int64_t id) = 0;
  // Every comment of the article by id (oldest first), hidden ones too when include_hidden;
  // at most `limit` (1..100000).
  virtual Result<std::vector<Comment>> ListForArticle(std::int64_t article_id, bool include_hidden,
                                                      int limit) = 0;
  // Replaces the body (edit) and sets status/reason; edited_at = now.
  virtual Result<CommentChange> UpdateBody(std::int64_t id, const std::string& body_source,
                                           const std::string& body_html, const std::string& status,
                                           const std::string& reason, std::int64_t now) = 0;
  // Sets the status; when `log` has an action it is appended to the moderation log in the
  // same transaction. "deleted" also clears the body.
  virtual Result<CommentChange> SetStatus(std::int64_t id, const std::string& status,
                                          const std::string& reason,
                                          const ModerationEntry& log) = 0;
  // Records one report by `reporter` ("u:<id>"); a repeat is ignored (first = false). When
  // the comment is published and reaches `threshold` reports it becomes pending ("reports").
  struct ReportResult {
    bool first = false;
    CommentChange change;
  };
  virtual Result<ReportResult> Report(std::int64_t id, const std::string& reporter,
                                      std::int64_t threshold, std::int64_t now) = 0;
  // Pending comments (and published ones with reports), oldest first, at most `limit`.
  virtual Result<std::vector<Comment>> ListQueue(int limit) = 0;
  virtual Result<std::vector<ModerationEntry>> ListLog(int limit) = 0;
  // Published comments written by the account (for "first comment" moderation).
  virtual Result<std::int64_t> CountPublishedBy(std::int64_t user_id) = 0;
  // Bans stop an account from commenting; logged with `log`.
  virtual Result<void> SetBanned(std::int64_t user_id, bool banned, const ModerationEntry& log) = 0;
  virtual Result<bool> IsBanned(std::int64_t user_id) = 0;
  // Per-article switch; logged with `log`.
  virtual Result<void> SetClosed(std::int64_t article_id, bool closed,
                                 const ModerationEntry& log) = 0;
  virtual Result<bool> IsClosed(std::int64_t article_id) = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Applies pending forward-only migrations; idempotent. Returns the schema version.
  // Corrupt when the database has a newer schema than this binary knows.
  virtual Result<int> Migrate() = 0;
  // The schema version of the database, 0 for an empty one.
  virtual Result<int> SchemaVersion() = 0;

  virtual ArticleStore& articles() = 0;
  virtual SettingsStore& settings() = 0;
  virtual SourceStore& sources() = 0;
  virtual SearchStore& search() = 0;
  virtual UserStore& users() = 0;
  virtual SessionStore& sessions() = 0;
  virtual LikeStore& likes() = 0;
  virtual ShareStore& shares() = 0;
  virtual SpamStore& spam() = 0;
  virtual CommentStore& comments() = 0;
  // Feeds out and sitemaps (storage/listing_store.h).
  virtual ListingStore& listings() = 0;
  virtual TrendingStore& trending() = 0;
  virtual TagStore& tags() = 0;

  // "sqlite" or "postgresql", for logs and /metrics.
  virtual const char* backend_name() const = 0;
};

// Opens a store from a URL: "sqlite:PATH" (file created if absent, parent directory must
// exist and be writable) or "postgresql://..." (not yet built: returns InvalidArgument).
// Does not migrate: callers run Migrate() (serve does, at start). The database is opened at
// once, so a bad path fails here with Io and a message naming it; nothing is created
// elsewhere. Unknown schemes give InvalidArgument naming the accepted forms.
Result<std::unique_ptr<Store>> OpenStore(const std::string& url);

}  // namespace warta::storage
