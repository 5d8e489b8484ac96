#include "model/fetch_schedule.h"

#include <gtest/gtest.h>

#include "model/source.h"

namespace warta::model {
namespace {

constexpr std::int64_t kNow = 1'700'000'000;  // 2023-11-14T22:13:20Z, a Tuesday

SchedulePolicy Policy() {
  SchedulePolicy p;
  p.default_minutes = 60;
  p.floor_minutes = 15;
  p.max_backoff_minutes = 24 * 60;
  p.max_hint_minutes = 24 * 60;
  return p;
}

TEST(FetchScheduleTest, SuccessUsesTheSourceIntervalOrTheDefault) {
  auto d = Schedule(Policy(), 0, 0, FetchOutcome::kOk, {}, kNow);
  EXPECT_EQ(d.next_fetch_at, kNow + 3600);
  EXPECT_EQ(d.consecutive_errors, 0);
  EXPECT_FALSE(d.disable);
  d = Schedule(Policy(), 30, 0, FetchOutcome::kNotModified, {}, kNow);
  EXPECT_EQ(d.next_fetch_at, kNow + 1800);
}

TEST(FetchScheduleTest, TheFloorWinsOverAShortInterval) {
  auto d = Schedule(Policy(), 1, 0, FetchOutcome::kOk, {}, kNow);
  EXPECT_EQ(d.next_fetch_at, kNow + 15 * 60);
}

TEST(FetchScheduleTest, TtlAndMaxAgeOnlyLengthenTheInterval) {
  FetchHints hints;
  hints.ttl_minutes = 120;
  EXPECT_EQ(Schedule(Policy(), 0, 0, FetchOutcome::kOk, hints, kNow).next_fetch_at, kNow + 7200);
  hints.ttl_minutes = 5;  // asks for more polling than we do: ignored
  EXPECT_EQ(Schedule(Policy(), 0, 0, FetchOutcome::kOk, hints, kNow).next_fetch_at, kNow + 3600);
  FetchHints age;
  age.max_age_seconds = 3 * 3600;
  EXPECT_EQ(Schedule(Policy(), 0, 0, FetchOutcome::kOk, age, kNow).next_fetch_at, kNow + 3 * 3600);
}

TEST(FetchScheduleTest, HintsAreCappedSoASourceIsNeverSilencedForLong) {
  FetchHints hints;
  hints.ttl_minutes = 60 * 24 * 365;
  hints.max_age_seconds = std::int64_t{1} << 40;
  EXPECT_EQ(Schedule(Policy(), 0, 0, FetchOutcome::kOk, hints, kNow).next_fetch_at,
            kNow + 24 * 3600);
}

TEST(FetchScheduleTest, ErrorsBackOffExponentiallyUpToTheCapAndKeepPolling) {
  std::int64_t previous_wait = 0;
  int errors = 0;
  for (int i = 0; i < 40; ++i) {
    auto d = Schedule(Policy(), 0, errors, FetchOutcome::kError, {}, kNow);
    EXPECT_EQ(d.consecutive_errors, errors + 1);
    EXPECT_FALSE(d.disable) << "errors must never stop polling";
    const std::int64_t wait = d.next_fetch_at - kNow;
    EXPECT_GE(wait, previous_wait);
    EXPECT_LE(wait, 24 * 3600);
    previous_wait = wait;
    errors = d.consecutive_errors;
  }
  EXPECT_EQ(previous_wait, 24 * 3600);
  EXPECT_EQ(BackoffSeconds(Policy(), 3600, 1), 3600);
  EXPECT_EQ(BackoffSeconds(Policy(), 3600, 2), 7200);
  EXPECT_EQ(BackoffSeconds(Policy(), 3600, 3), 4 * 3600);
  EXPECT_EQ(BackoffSeconds(Policy(), 3600, 1000), 24 * 3600);
}

TEST(FetchScheduleTest, TheCapIsNeverShorterThanTheRegularInterval) {
  EXPECT_EQ(BackoffSeconds(Policy(), 48 * 3600, 5), 48 * 3600);
}

TEST(FetchScheduleTest, SuccessResetsTheErrorCount) {
  auto d = Schedule(Policy(), 0, 7, FetchOutcome::kOk, {}, kNow);
  EXPECT_EQ(d.consecutive_errors, 0);
  EXPECT_EQ(d.next_fetch_at, kNow + 3600);
}

TEST(FetchScheduleTest, GoneDisablesTheSource) {
  auto d = Schedule(Policy(), 0, 0, FetchOutcome::kGone, {}, kNow);
  EXPECT_TRUE(d.disable);
  EXPECT_EQ(d.consecutive_errors, 1);
}

TEST(FetchScheduleTest, RetryAfterDelaysUpToTheHintCap) {
  FetchHints hints;
  hints.retry_after_at = kNow + 5 * 3600;
  EXPECT_EQ(Schedule(Policy(), 0, 0, FetchOutcome::kError, hints, kNow).next_fetch_at,
            kNow + 5 * 3600);
  hints.retry_after_at = kNow + 100 * 24 * 3600;
  EXPECT_EQ(Schedule(Policy(), 0, 0, FetchOutcome::kError, hints, kNow).next_fetch_at,
            kNow + 24 * 3600);
  hints.retry_after_at = kNow + 60;  // sooner than our own wait: ours wins
  EXPECT_EQ(Schedule(Policy(), 0, 0, FetchOutcome::kError, hints, kNow).next_fetch_at, kNow + 3600);
}

TEST(FetchScheduleTest, SkipHoursMovesToTheNextAllowedHour) {
  // kNow + 3600 is 23:13:20 UTC; skipping 23 and 0 moves to 01:00 the next day.
  FetchHints hints;
  hints.skip_hours = (1U << 23) | (1U << 0);
  auto d = Schedule(Policy(), 0, 0, FetchOutcome::kOk, hints, kNow);
  EXPECT_EQ(d.next_fetch_at % 86400, 3600);
  EXPECT_GT(d.next_fetch_at, kNow + 3600);
  EXPECT_LT(d.next_fetch_at, kNow + 4 * 3600);
}

TEST(FetchScheduleTest, SkipDaysAndAllSkippedAreHandled) {
  const std::int64_t tuesday = kNow;
  EXPECT_EQ(SkipForward(tuesday, 0, 0), tuesday);
  // Skip Tuesday: the next allowed moment is Wednesday 00:00 UTC.
  const std::int64_t next = SkipForward(tuesday, 0, 1U << 2);
  EXPECT_EQ(next % 86400, 0);
  EXPECT_EQ(next - tuesday, 86400 - tuesday % 86400);
  EXPECT_EQ(SkipForward(tuesday, (1U << 24) - 1, 0), tuesday);
  EXPECT_EQ(SkipForward(tuesday, 0, 0x7f), tuesday);
}

TEST(SourceTest, DisplayNameFallsBackToTheHost) {
  Source s;
  s.url = "https://user@feeds.example.org:8443/rss?x=1";
  EXPECT_EQ(s.DisplayName(), "feeds.example.org:8443");
  s.name = "Kyodo";
  EXPECT_EQ(s.DisplayName(), "Kyodo");
  s.items_last_week = 14;
  EXPECT_DOUBLE_EQ(s.ItemsPerDay(), 2.0);
}

}  // namespace
}  // namespace warta::model

namespace warta::model {
namespace {

TEST(SourceTest, ValidateNewSourceChecksEveryField) {
  NewSource s;
  s.url = "https://example.org/feed.xml";
  EXPECT_TRUE(ValidateNewSource(s).ok());
  s.url = "ftp://example.org/feed";
  EXPECT_FALSE(ValidateNewSource(s).ok());
  s.url = "https:///feed";
  EXPECT_FALSE(ValidateNewSource(s).ok());
  s.url = "https://example.org/a b";
  EXPECT_FALSE(ValidateNewSource(s).ok());
  s.url = "https://example.org/feed.xml";
  s.lang = "english";
  EXPECT_EQ(ValidateNewSource(s).error().code, ErrorCode::kInvalidArgument);
  s.lang = "pt-BR";
  EXPECT_TRUE(ValidateNewSource(s).ok());
  s.refresh_minutes = -1;
  EXPECT_FALSE(ValidateNewSource(s).ok());
  s.refresh_minutes = 30;
  s.name = std::string(5000, 'x');
  EXPECT_EQ(ValidateNewSource(s).error().code, ErrorCode::kTooLarge);
  s.name = "\xff";
  EXPECT_FALSE(ValidateNewSource(s).ok());
}

TEST(SourceTest, PrimaryLanguage) {
  EXPECT_EQ(PrimaryLanguage("en-US"), "en");
  EXPECT_EQ(PrimaryLanguage("JA"), "ja");
  EXPECT_EQ(PrimaryLanguage("id_ID"), "id");
  EXPECT_EQ(PrimaryLanguage("english"), "");
  EXPECT_EQ(PrimaryLanguage(""), "");
}

}  // namespace
}  // namespace warta::model
