// Pictures and their renditions on a real SQLite file.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/limits.h"
#include "storage/media_store.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/write_transaction.h"
#include "storage/testing/migrated_sqlite_store.h"
#include "storage/user_store.h"

namespace warta::storage::sqlite {
namespace {

using model::ImageFormat;

class SqliteMediaStoreTest : public test_util::MigratedSqliteStore {
 protected:
  static model::NewMedia Picture(char digit = 'a') {
    model::NewMedia m;
    m.sha256 = std::string(64, digit);
    m.format = ImageFormat::kPng;
    m.width = 700;
    m.height = 500;
    m.bytes = 123'456;
    m.alt = "Gunung Fuji saat senja";
    m.variants = {{320, 229, ImageFormat::kJpeg, 20'000},
                  {320, 229, ImageFormat::kWebp, 15'000},
                  {640, 457, ImageFormat::kWebp, 40'000},
                  {640, 457, ImageFormat::kJpeg, 50'000}};
    return m;
  }

  std::int64_t CountRows(const char* table) {
    auto rows =
        QueryOneInt64(store_->pool(), std::string("SELECT count(*) FROM ") + table, NoParams);
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? *rows : -1;
  }
};

TEST_F(SqliteMediaStoreTest, InsertsAndReadsBackWithVariantsInOrder) {
  model::NewMedia m = Picture();
  m.caption = "Fuji";
  m.credit = "Kyodo";
  m.frames = 3;
  auto id = store_->media().Insert(m);
  ASSERT_TRUE(id.ok()) << id.error().ToString();
  auto found = store_->media().FindById(*id);
  ASSERT_TRUE(found.ok()) << found.error().ToString();
  EXPECT_EQ(found->id, *id);
  EXPECT_EQ(found->sha256, m.sha256);
  EXPECT_EQ(found->format, ImageFormat::kPng);
  EXPECT_EQ(found->width, 700);
  EXPECT_EQ(found->height, 500);
  EXPECT_EQ(found->frames, 3);
  EXPECT_TRUE(found->animated());
  EXPECT_EQ(found->bytes, 123'456);
  EXPECT_EQ(found->alt, "Gunung Fuji saat senja");
  EXPECT_EQ(found->caption, "Fuji");
  EXPECT_EQ(found->credit, "Kyodo");
  EXPECT_FALSE(found->created_by.has_value());
  EXPECT_GT(found->created_at, 0);
  ASSERT_EQ(found->variants.size(), 4u);
  EXPECT_EQ(found->variants[0].width, 320);
  EXPECT_EQ(found->variants[0].format, ImageFormat::kWebp);
  EXPECT_EQ(found->variants[1].format, ImageFormat::kJpeg);
  EXPECT_EQ(found->variants[1].height, 229);
  EXPECT_EQ(found->variants[1].bytes, 20'000);
  EXPECT_EQ(found->variants[3].width, 640);

  auto by_sha = store_->media().FindBySha256(m.sha256);
  ASSERT_TRUE(by_sha.ok());
  ASSERT_TRUE(by_sha->has_value());
  EXPECT_EQ((*by_sha)->id, *id);
  EXPECT_FALSE(store_->media().FindBySha256(std::string(64, 'b'))->has_value());
  EXPECT_EQ(store_->media().FindById(*id + 1).error().code, ErrorCode::kNotFound);
}

TEST_F(SqliteMediaStoreTest, TheSameBytesAreOnePicture) {
  ASSERT_TRUE(store_->media().Insert(Picture()).ok());
  auto again = store_->media().Insert(Picture());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(CountRows("media"), 1);
  EXPECT_EQ(CountRows("media_variants"), 4);
}

TEST_F(SqliteMediaStoreTest, CreditsTheUploaderWhoMustExist) {
  model::NewUser user;
  user.name = "editor";
  user.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  user.role = model::Role::kEditor;
  auto user_id = store_->users().Create(user);
  ASSERT_TRUE(user_id.ok());
  model::NewMedia m = Picture();
  m.created_by = *user_id;
  auto id = store_->media().Insert(m);
  ASSERT_TRUE(id.ok()) << id.error().ToString();
  EXPECT_EQ(store_->media().FindById(*id)->created_by, *user_id);

  model::NewMedia nobody = Picture('c');
  nobody.created_by = *user_id + 100;
  auto refused = store_->media().Insert(nobody);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(CountRows("media"), 1);
}

TEST_F(SqliteMediaStoreTest, RefusesBadRowsAndWritesNothing) {
  auto refuse = [&](const char* what, auto change) {
    model::NewMedia m = Picture();
    change(m);
    auto id = store_->media().Insert(m);
    ASSERT_FALSE(id.ok()) << what;
    EXPECT_EQ(id.error().code, ErrorCode::kInvalidArgument) << what;
  };
  refuse("short sha", [](model::NewMedia& m) { m.sha256 = "abc"; });
  refuse("upper-case sha", [](model::NewMedia& m) { m.sha256 = std::string(64, 'A'); });
  refuse("no width", [](model::NewMedia& m) { m.width = 0; });
  refuse("no frames", [](model::NewMedia& m) { m.frames = 0; });
  refuse("no bytes", [](model::NewMedia& m) { m.bytes = 0; });
  refuse("bad format", [](model::NewMedia& m) { m.format = static_cast<ImageFormat>(42); });
  refuse("long alt", [](model::NewMedia& m) { m.alt = std::string(3000, 'x'); });
  refuse("alt not UTF-8", [](model::NewMedia& m) { m.alt = "\xC3"; });
  refuse("no variants", [](model::NewMedia& m) { m.variants.clear(); });
  refuse("png variant", [](model::NewMedia& m) { m.variants[0].format = ImageFormat::kPng; });
  refuse("twice the same variant", [](model::NewMedia& m) { m.variants[1] = m.variants[0]; });
  refuse("empty variant", [](model::NewMedia& m) { m.variants[0].bytes = 0; });
  EXPECT_EQ(CountRows("media"), 0);
  EXPECT_EQ(CountRows("media_variants"), 0);
}

TEST_F(SqliteMediaStoreTest, ListsNewestFirst) {
  std::vector<std::int64_t> ids;
  for (char c : {'1', '2', '3'}) ids.push_back(*store_->media().Insert(Picture(c)));
  auto list = store_->media().ListNewest(2, 0);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, ids[2]);  // same second: the higher id is newer
  EXPECT_EQ((*list)[1].id, ids[1]);
  EXPECT_EQ((*list)[0].variants.size(), 4u);
  EXPECT_EQ(store_->media().ListNewest(2, 2)->size(), 1u);
  EXPECT_FALSE(store_->media().ListNewest(0, 0).ok());
  EXPECT_FALSE(store_->media().ListNewest(101, 0).ok());
}

TEST_F(SqliteMediaStoreTest, AnUnknownStoredFormatIsCorrupt) {
  auto id = store_->media().Insert(Picture());
  ASSERT_TRUE(id.ok());
  // Another program wrote a word the schema allows but this reader would not: simulate with
  // the CHECK bypassed.
  auto written = InWriteTransaction<void>(store_->pool(), [&](Connection& c) -> Result<void> {
    WARTA_RETURN_IF_ERROR(c.Exec("PRAGMA ignore_check_constraints = ON"));
    WARTA_RETURN_IF_ERROR(c.Exec("UPDATE media SET format = 'tiff'"));
    return c.Exec("PRAGMA ignore_check_constraints = OFF");
  });
  ASSERT_TRUE(written.ok()) << written.error().ToString();
  EXPECT_EQ(store_->media().FindById(*id).error().code, ErrorCode::kCorrupt);
}

TEST_F(SqliteMediaStoreTest, ListBeforePagesByIdNewestFirst) {
  std::vector<std::int64_t> ids;
  for (char digit : std::string("abcde")) {
    auto id = store_->media().Insert(Picture(digit));
    ASSERT_TRUE(id.ok()) << id.error().ToString();
    ids.push_back(*id);
  }
  auto first = store_->media().ListBefore(0, 2);
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  ASSERT_EQ(first->size(), 2U);
  EXPECT_EQ((*first)[0].id, ids[4]);
  EXPECT_EQ((*first)[1].id, ids[3]);
  EXPECT_EQ((*first)[0].variants.size(), 4U);
  auto rest = store_->media().ListBefore((*first)[1].id, 10);
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->size(), 3U);
  EXPECT_EQ(rest->back().id, ids[0]);
  EXPECT_FALSE(store_->media().ListBefore(0, 0).ok());
  EXPECT_FALSE(store_->media().ListBefore(0, 101).ok());
  EXPECT_FALSE(store_->media().ListBefore(-1, 10).ok());
}

TEST_F(SqliteMediaStoreTest, UpdateTextWritesTheTextsWithTheirAuditEntryOrNothing) {
  auto id = store_->media().Insert(Picture());
  ASSERT_TRUE(id.ok());
  model::AuditEntry audit;
  audit.created_at = 1000;
  audit.action = "media.update";
  audit.target_type = "media";
  audit.target_id = *id;
  auto updated = store_->media().UpdateText(*id, {"Fuji di musim dingin", "Salju", "Kyodo"}, audit);
  ASSERT_TRUE(updated.ok()) << updated.error().ToString();
  auto found = store_->media().FindById(*id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->alt, "Fuji di musim dingin");
  EXPECT_EQ(found->caption, "Salju");
  EXPECT_EQ(found->credit, "Kyodo");
  EXPECT_EQ(CountRows("audit_log"), 1);
  // Refused: nothing written, no audit line.
  auto unknown = store_->media().UpdateText(*id + 100, {"x", "", ""}, audit);
  ASSERT_FALSE(unknown.ok());
  EXPECT_TRUE(unknown.error().is(ErrorCode::kNotFound));
  auto long_alt = store_->media().UpdateText(
      *id, {std::string(limits::kMaxMediaTextBytes + 1, 'a'), "", ""}, audit);
  ASSERT_FALSE(long_alt.ok());
  EXPECT_TRUE(long_alt.error().is(ErrorCode::kInvalidArgument));
  EXPECT_EQ(CountRows("audit_log"), 1);
  EXPECT_EQ(store_->media().FindById(*id)->alt, "Fuji di musim dingin");
}

}  // namespace
}  // namespace warta::storage::sqlite
