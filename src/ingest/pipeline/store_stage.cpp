#include <vector>

#include "ingest/dedup/near_duplicate.h"
#include "ingest/pipeline/stages.h"

namespace warta::ingest::pipeline {
namespace {

// Enough recent fingerprints for a busy site's window; beyond it only the newest count.
constexpr int kMaxCandidates = 20'000;

Result<bool> Cluster(storage::ArticleStore& articles, std::int64_t id,
                     const model::NewArticle& article, std::int64_t window, int max_distance) {
  if (!article.simhash) return false;
  WARTA_ASSIGN_OR_RETURN(std::vector<storage::SimhashCandidate> recent,
                         articles.RecentSimhashes(article.published_at - window,
                                                  article.published_at + window, kMaxCandidates));
  std::vector<dedup::Fingerprint> candidates;
  candidates.reserve(recent.size());
  for (const storage::SimhashCandidate& c : recent) {
    if (c.article_id != id) candidates.push_back({c.article_id, c.simhash});
  }
  auto match = dedup::FindNearDuplicate(*article.simhash, candidates, max_distance);
  if (!match) return false;
  WARTA_RETURN_IF_ERROR(articles.JoinStory(id, match->article_id));
  return true;
}

}  // namespace

Result<Stored> StoreArticle(storage::ArticleStore& articles, const model::NewArticle& article,
                            std::int64_t cluster_window_seconds, int cluster_max_distance) {
  Stored stored;
  if (!article.content_hash.empty() && article.source_id != 0) {
    // The same text again from the same source under a new guid or URL (a re-post, a
    // changed tracking link): a duplicate. From another source it is a report of the story.
    WARTA_ASSIGN_OR_RETURN(std::optional<std::int64_t> same,
                           articles.FindIdByContentHash(article.source_id, article.content_hash));
    if (same.has_value()) {
      stored.outcome = StoreOutcome::kDuplicate;
      stored.article_id = *same;
      return stored;
    }
  }
  auto id = articles.Insert(article);
  if (!id.ok()) {
    if (id.error().code == ErrorCode::kAlreadyExists) {
      stored.outcome = StoreOutcome::kDuplicate;
      return stored;
    }
    return id.error();
  }
  stored.article_id = *id;
  auto clustered = Cluster(articles, *id, article, cluster_window_seconds, cluster_max_distance);
  if (clustered.ok()) {
    stored.clustered = *clustered;
  } else {
    stored.cluster_error = clustered.error();
  }
  return stored;
}

}  // namespace warta::ingest::pipeline
