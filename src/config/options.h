// Internal to the config module: the option table and the typed values that flow into it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "config/config.h"

namespace warta::config::internal {

// Where an option lives inside Config: a function returning a reference to the member, so one
// table row both reads defaults and stores values, for any nesting depth.
using StringField = std::string& (*)(Config&);
using IntField = int& (*)(Config&);
using Int64Field = std::int64_t& (*)(Config&);
using BoolField = bool& (*)(Config&);
using ListField = std::vector<std::string>& (*)(Config&);
using Field = std::variant<StringField, IntField, Int64Field, BoolField, ListField>;

template <auto kSection, auto kMember>
auto& Member(Config& config) {
  return (config.*kSection).*kMember;
}

// Checks (and may normalize) a string value or one list item. Returns what is wrong with
// it, or an empty string when it is acceptable.
using TextCheck = std::string (*)(std::string& value);

struct Option {
  std::string_view key;  // "section.key"; the env var is derived from it
  Field field;
  std::string_view description;
  std::int64_t min = 0;  // integers: the accepted range, inclusive; string lists: the
                         // accepted item count when max > 0 (an empty list always passes)
  std::int64_t max = 0;
  TextCheck check = nullptr;  // strings: the whole value; string lists: each item
};

enum class Kind { kString, kInteger, kBoolean, kStringList };

// A parsed value before it is checked and stored; integers of both widths travel as int64.
using Value = std::variant<std::string, std::int64_t, bool, std::vector<std::string>>;

std::span<const Option> Options();
const Option* FindOption(std::string_view key);
// Nearest known key to a misspelled one, or empty when nothing is close.
std::string SuggestKey(std::string_view key);
std::string EnvVarName(std::string_view key);  // "server.threads" -> "WARTA_SERVER_THREADS"

Kind KindOf(const Option& option);
const char* KindName(Kind kind);

// Parses text from an environment variable or a flag. Returns the problem, or "" on success.
std::string ParseText(const Option& option, std::string_view text, Value& out);
// Range-checks / validates the value and stores it. Returns the problem, or "" on success.
std::string Store(const Option& option, Value value, Config& config);
// The option's value in `config`, written as it would be in an environment variable.
std::string FormatValue(const Option& option, const Config& config);

// Parses "HOST:PORT" into host and port; returns the problem, or "" on success.
std::string SplitListen(std::string_view listen, std::string& host, std::uint16_t& port);

}  // namespace warta::config::internal
