// The one way model/ turns its enums into their stored text and back: a table of texts in
// the order of the enum's values. Internal to model/*.cpp.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace warta::model::enum_text {

// "?" for a value outside the enum (a cast from a bad integer): never a stored word, so the
// store refuses it instead of writing a wrong one.
template <typename Enum, std::size_t N>
constexpr std::string_view ToText(const std::array<std::string_view, N>& texts, Enum value) {
  const auto i = static_cast<std::size_t>(value);
  return i < N ? texts[i] : std::string_view("?");
}

// Exact match only: case and surrounding space matter.
template <typename Enum, std::size_t N>
constexpr std::optional<Enum> Parse(const std::array<std::string_view, N>& texts,
                                    std::string_view text) {
  for (std::size_t i = 0; i < N; ++i) {
    if (texts[i] == text) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace warta::model::enum_text
