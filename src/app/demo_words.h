// Word lists for generated sites (`warta demo --articles N`, app/demo_generator.h), written for
// the project: the parts of news sentences in Indonesian, English and Japanese, tag topics,
// places, wire services and bylines. All people and organisations named are FICTIONAL.
//
// Lists are ordered most common first: the generator picks early entries more often
// (Zipf-like), as real text and real tag use do.
#pragma once

#include <span>
#include <string_view>

namespace warta::app {

// The pieces of one language's sentences: subject + verb + object [+ place] [+ time] and
// joiners between two clauses. Japanese sentences are built as
// subject は object を verb (so `verbs` there end in the past tense and `places` take で).
struct LanguageWords {
  std::span<const std::string_view> subjects;
  std::span<const std::string_view> verbs;
  std::span<const std::string_view> objects;
  std::span<const std::string_view> places;    // "di Osaka" / "in Osaka" / "大阪で"
  std::span<const std::string_view> times;     // "pada Senin" / "on Monday" / "月曜日に"
  std::span<const std::string_view> joiners;   // ", sementara" / ", while" / "一方、"
  std::span<const std::string_view> comments;  // whole short reader comments
};

const LanguageWords& IndonesianWords();
const LanguageWords& EnglishWords();
const LanguageWords& JapaneseWords();

// Tag topics (most used first) and place names; tags are topics, places, and for the long
// tail "topic place" pairs.
std::span<const std::string_view> TagTopics();
std::span<const std::string_view> Places();

// 20 wire services and newspapers named as article sources; 40 fictional bylines.
std::span<const std::string_view> SourceNames();
std::span<const std::string_view> AuthorNames();

}  // namespace warta::app
