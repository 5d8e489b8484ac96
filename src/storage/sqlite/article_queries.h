// Queries shared by the SQLite article store's files. Internal to src/storage/sqlite/.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "model/article.h"
#include "storage/sqlite/database.h"

namespace warta::storage::sqlite {

// The other sources' articles in the story of `article_id` (see ArticleStore::AlsoReportedBy).
Result<std::vector<model::RelatedReport>> ReadAlsoReportedBy(Connection& connection,
                                                             std::int64_t article_id);

}  // namespace warta::storage::sqlite
