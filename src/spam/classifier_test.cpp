// The classifier against a real SQLite file.
#include "spam/classifier.h"

#include <gtest/gtest.h>

#include <atomic>
#include <ctime>
#include <iostream>
#include <thread>

#include "spam/demo_corpus.h"
#include "storage/store.h"
#include "storage/testing/temp_dir.h"

namespace warta::spam {
namespace {

class ClassifierTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(); }

  void Open() {
    store_.reset();
    auto store = storage::OpenStore("sqlite:" + dir_.File("spam.db"));
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store).value();
    auto migrated = store_->Migrate();
    ASSERT_TRUE(migrated.ok()) << migrated.error().message;
    classifier_ = std::make_unique<Classifier>(store_->spam());
  }

  double P(std::string_view text) {
    auto p = classifier_->SpamProbability(text);
    EXPECT_TRUE(p.ok()) << p.error().message;
    return p.ok() ? *p : -1.0;
  }

  void TeachHandful() {
    for (const char* spam : {
             "Slot gacor deposit 10rb maxwin hari ini https://gacor.example",
             "Bonus deposit slot online, daftar sekarang https://slot.example",
             "Pinjaman online cair cepat tanpa jaminan, WA 081234567890",
             "Cheap followers, buy now at https://likes.example",
             "EARN MONEY FROM HOME NOW, CLICK THE LINK https://earn.example",
             "在宅ワークで簡単に稼げる！今すぐ登録 https://kasegu.example",
         }) {
      ASSERT_TRUE(classifier_->Learn(spam, true).ok());
    }
    for (const char* ham : {
             "Semoga korban gempa segera mendapat bantuan.",
             "Terima kasih beritanya, kereta memang sering terlambat saat salju.",
             "Harga beras di Jepang naik, kasihan warga.",
             "I visited Kyoto last year and the article matches what I saw.",
             "Does the new visa rule apply to students too?",
             "地震の被害に遭われた方々が早く元の生活に戻れますように。",
         }) {
      ASSERT_TRUE(classifier_->Learn(ham, false).ok());
    }
  }

  storage::test_util::TempDir dir_;
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<Classifier> classifier_;
};

TEST_F(ClassifierTest, UntrainedSaysOneHalfAndUnknown) {
  EXPECT_EQ(P("Slot gacor deposit 10rb https://gacor.example"), 0.5);
  auto verdict = classifier_->Check("anything");
  ASSERT_TRUE(verdict.ok());
  EXPECT_FALSE(verdict->trained);
  EXPECT_FALSE(verdict->likely_spam);
  // Spam alone is not enough: without ham it still has no opinion.
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(classifier_->Learn("slot gacor maxwin", true).ok());
  EXPECT_EQ(P("slot gacor maxwin"), 0.5);
}

TEST_F(ClassifierTest, ClassifiesUnseenTextsAfterAHandfulOfExamples) {
  TeachHandful();
  EXPECT_GT(P("Deposit slot 50rb dapat bonus, daftar di https://gacor.example"), 0.9);
  EXPECT_GT(P("今すぐ登録して稼げる https://kasegu.example"), 0.9);
  EXPECT_GT(P("Buy followers now, click https://likes.example"), 0.9);
  EXPECT_LT(P("Semoga bantuan untuk korban gempa cepat datang."), 0.1);
  EXPECT_LT(P("Kereta di Jepang terlambat karena salju, terima kasih infonya."), 0.1);
  EXPECT_LT(P("地震の被害が早く収まりますように。"), 0.1);
  auto verdict = classifier_->Check("Slot gacor maxwin, deposit 10rb https://slot.example");
  ASSERT_TRUE(verdict.ok());
  EXPECT_TRUE(verdict->trained);
  EXPECT_TRUE(verdict->likely_spam);
}

TEST_F(ClassifierTest, DemoCorpusGivesUsefulVerdictsOnTextsItDidNotSee) {
  std::vector<std::string> spam(Demo().spam.begin(), Demo().spam.end());
  std::vector<std::string> ham(Demo().ham.begin(), Demo().ham.end());
  ASSERT_TRUE(classifier_->LearnMany(spam, true).ok());
  ASSERT_TRUE(classifier_->LearnMany(ham, false).ok());
  EXPECT_GT(P("Slot online gacor, bonus deposit 100%! Daftar https://slot-baru.example"), 0.9);
  EXPECT_GT(P("Pinjaman cepat cair, hubungi WA 081377778888"), 0.9);
  EXPECT_GT(P("副業で月収50万円！今すぐ登録 https://new-job.example"), 0.9);
  EXPECT_LT(P("Semoga korban banjir di Jepang segera mendapat bantuan."), 0.1);
  EXPECT_LT(P("Thanks for the report, does anyone know if the trains are running again?"), 0.1);
  EXPECT_LT(P("物価の上昇で生活が大変です。"), 0.1);
}

TEST_F(ClassifierTest, UnlearnTakesADecisionBack) {
  TeachHandful();
  const std::string text = "Promo pulsa murah meriah https://pulsa.example";
  const double before = P(text);
  ASSERT_TRUE(classifier_->Learn(text, true).ok());
  EXPECT_GT(P(text), before);
  ASSERT_TRUE(classifier_->Unlearn(text, true).ok());
  EXPECT_DOUBLE_EQ(P(text), before);
  auto totals = store_->spam().Totals();
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->spam_messages, 6);
  // Taking back what was never taught cannot drive counts below zero.
  ASSERT_TRUE(classifier_->Unlearn("never taught words", false).ok());
  ASSERT_TRUE(classifier_->Unlearn("never taught words", false).ok());
  totals = store_->spam().Totals();
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->ham_messages, 4);
}

TEST_F(ClassifierTest, WhatWasTaughtSurvivesReopeningTheFile) {
  TeachHandful();
  const std::string text = "Bonus slot deposit, daftar https://gacor.example";
  const double before = P(text);
  EXPECT_GT(before, 0.9);
  Open();  // a new store and classifier on the same file
  EXPECT_DOUBLE_EQ(P(text), before);
  auto totals = store_->spam().Totals();
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->spam_messages, 6);
  EXPECT_EQ(totals->ham_messages, 6);
}

TEST_F(ClassifierTest, BadInputToTheStoreIsRefusedAndWritesNothing) {
  auto& store = store_->spam();
  EXPECT_EQ(store.Train({{"ok"}}, true, 2).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(store.Train({{"ok", ""}}, true, 1).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(store.Train({{"ok", std::string(200, 'x')}}, true, 1).error().code,
            ErrorCode::kInvalidArgument);
  auto totals = store.Totals();
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->spam_messages, 0);
  auto snapshot = store.Lookup({"ok"});
  ASSERT_TRUE(snapshot.ok());
  EXPECT_TRUE(snapshot->tokens.empty());
}

TEST_F(ClassifierTest, ConcurrentLearnAndClassifyKeepExactCounts) {
  TeachHandful();
  constexpr int kWriters = 4;
  constexpr int kPerWriter = 25;
  std::atomic<int> failures{0};
  std::atomic<bool> done{false};
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < kPerWriter; ++i) {
        const bool is_spam = (w % 2) == 0;
        const std::string text =
            is_spam ? "slot gacor bonus https://gacor.example" : "semoga korban gempa cepat pulih";
        if (!classifier_->Learn(text, is_spam).ok()) ++failures;
      }
    });
  }
  for (int r = 0; r < 2; ++r) {
    threads.emplace_back([&] {
      while (!done.load()) {
        auto p = classifier_->SpamProbability("slot gacor bonus https://gacor.example");
        if (!p.ok() || *p < 0.5) ++failures;  // spam stays spam whatever the interleaving
      }
    });
  }
  for (int w = 0; w < kWriters; ++w) threads[static_cast<std::size_t>(w)].join();
  done = true;
  for (std::size_t i = kWriters; i < threads.size(); ++i) threads[i].join();
  EXPECT_EQ(failures.load(), 0);
  auto totals = store_->spam().Totals();
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->spam_messages, 6 + 2 * kPerWriter);
  EXPECT_EQ(totals->ham_messages, 6 + 2 * kPerWriter);
  auto snapshot = store_->spam().Lookup({"gacor", "gempa"});
  ASSERT_TRUE(snapshot.ok());
  ASSERT_EQ(snapshot->tokens.size(), 2u);
  EXPECT_EQ(snapshot->tokens[0].second.spam, 1 + 2 * kPerWriter);  // once in TeachHandful
  EXPECT_EQ(snapshot->tokens[1].second.ham, 1 + 2 * kPerWriter);
}

// No cache: each classification reads the store (docs/decisions/0007-spam.md). This shows
// what that costs for a long comment with the most tokens a text can have.
TEST_F(ClassifierTest, ClassifyingALongCommentIsCheapEnoughForEveryComment) {
  ASSERT_TRUE(TeachDemo(*classifier_).ok());
  std::string comment;
  for (int i = 0; comment.size() < 4000; ++i) {
    comment += std::string(Demo().ham[static_cast<std::size_t>(i) % Demo().ham.size()]) + " ";
    comment += "kata" + std::to_string(i) + " ";
  }
  constexpr int kRounds = 200;
  // CPU time, not wall time: the test machine is shared and a busy neighbour must not fail it.
  const std::clock_t start = std::clock();
  for (int i = 0; i < kRounds; ++i) ASSERT_TRUE(classifier_->SpamProbability(comment).ok());
  const double micros = 1e6 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC / kRounds;
  std::cout << "spam: classify of a " << comment.size() << "-byte comment: " << micros
            << " us of CPU on average\n";
  RecordProperty("classify_cpu_micros", static_cast<int>(micros));
  EXPECT_LT(micros, 5'000.0);
}

}  // namespace
}  // namespace warta::spam
