// The storage edge of model/'s typed states: the one place a backend turns a state into the
// word its column holds and back. Unknown words read back are Corrupt (the schema or another
// program wrote something this binary does not know); values outside an enum (a cast from a
// bad integer) are refused before they reach a row. Internal to src/storage/.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace warta::storage {

// model::ToText(value), after checking that `parse` reads it back as `value`.
// `what` names the column for the message ("comment status").
template <typename Enum, typename Parse>
Result<std::string_view> WordToStore(Enum value, Parse parse, std::string_view what) {
  const std::string_view word = ToText(value);
  if (parse(word) == value) return word;
  return Error::InvalidArgument("storage: not a " + std::string(what) + ": " +
                                std::to_string(static_cast<int>(value)));
}

// The value of a stored word; Corrupt for a word `parse` does not know.
template <typename Parse>
auto StoredWord(std::string_view word, Parse parse, std::string_view what)
    -> Result<typename decltype(parse(word))::value_type> {
  if (auto value = parse(word)) return *value;
  return Error::Corrupt("storage: unknown " + std::string(what) + " '" + std::string(word) +
                        "' in the database");
}

}  // namespace warta::storage
