// Typed values of options: parsing text (environment, flags), checking and storing, formatting.
#include <algorithm>
#include <charconv>
#include <string>
#include <type_traits>

#include "config/options.h"
#include "core/ascii.h"

namespace warta::config::internal {
namespace {

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

template <typename T>
constexpr bool kIsInteger = std::is_same_v<T, int> || std::is_same_v<T, std::int64_t>;

}  // namespace

Kind KindOf(const Option& option) {
  switch (option.field.index()) {
    case 0:
      return Kind::kString;
    case 1:
    case 2:
      return Kind::kInteger;
    case 3:
      return Kind::kBoolean;
    default:
      return Kind::kStringList;
  }
}

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kString:
      return "string";
    case Kind::kInteger:
      return "integer";
    case Kind::kBoolean:
      return "boolean";
    case Kind::kStringList:
      return "string list";
  }
  return "value";
}

std::string ParseText(const Option& option, std::string_view text, Value& out) {
  switch (KindOf(option)) {
    case Kind::kString:
      out = std::string(text);
      return "";
    case Kind::kInteger: {
      const std::string_view t = ascii::Trim(text);
      std::int64_t n = 0;
      const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
      if (t.empty() || ec != std::errc() || end != t.data() + t.size()) {
        return "not an integer: " + Quote(text);
      }
      out = n;
      return "";
    }
    case Kind::kBoolean: {
      const std::string t = ascii::Lower(ascii::Trim(text));
      if (t == "true" || t == "1" || t == "yes" || t == "on") {
        out = true;
      } else if (t == "false" || t == "0" || t == "no" || t == "off") {
        out = false;
      } else {
        return "not a boolean (true/false, 1/0, yes/no, on/off): " + Quote(text);
      }
      return "";
    }
    case Kind::kStringList: {
      // Comma-separated; blanks around items and empty items are dropped, so "" is no items.
      std::vector<std::string> items;
      std::size_t start = 0;
      while (start <= text.size()) {
        const auto comma = std::min(text.find(',', start), text.size());
        const std::string_view item = ascii::Trim(text.substr(start, comma - start));
        if (!item.empty()) items.emplace_back(item);
        start = comma + 1;
      }
      out = std::move(items);
      return "";
    }
  }
  return "unsupported option type";
}

std::string Store(const Option& option, Value value, Config& config) {
  return std::visit(
      [&](auto field) -> std::string {
        using T = std::remove_reference_t<decltype(field(config))>;
        if constexpr (kIsInteger<T>) {
          const std::int64_t n = std::get<std::int64_t>(value);
          if (n < option.min || n > option.max) {
            return "out of range " + std::to_string(option.min) + ".." +
                   std::to_string(option.max) + ": " + std::to_string(n);
          }
          field(config) = static_cast<T>(n);
        } else if constexpr (std::is_same_v<T, bool>) {
          field(config) = std::get<bool>(value);
        } else if constexpr (std::is_same_v<T, std::string>) {
          auto& text = std::get<std::string>(value);
          if (option.check != nullptr) {
            if (std::string problem = option.check(text); !problem.empty()) return problem;
          }
          field(config) = std::move(text);
        } else {
          auto& items = std::get<std::vector<std::string>>(value);
          for (auto& item : items) {
            if (option.check == nullptr) continue;
            if (std::string problem = option.check(item); !problem.empty()) return problem;
          }
          // A list with a fixed size (max > 0) may still be empty: "not set".
          if (option.max > 0 && !items.empty() &&
              (items.size() < static_cast<std::size_t>(option.min) ||
               items.size() > static_cast<std::size_t>(option.max))) {
            const std::string wanted =
                option.min == option.max
                    ? std::to_string(option.max)
                    : std::to_string(option.min) + ".." + std::to_string(option.max);
            return "expected " + wanted + " items, got " + std::to_string(items.size());
          }
          field(config) = std::move(items);
        }
        return "";
      },
      option.field);
}

std::string FormatValue(const Option& option, const Config& config) {
  // The table's accessors take a mutable Config; a copy keeps this function honest.
  Config copy = config;
  return std::visit(
      [&](auto field) -> std::string {
        const auto& v = field(copy);
        using T = std::remove_cvref_t<decltype(v)>;
        if constexpr (kIsInteger<T>) {
          return std::to_string(v);
        } else if constexpr (std::is_same_v<T, bool>) {
          return v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else {
          std::string joined;
          for (const auto& item : v) joined += (joined.empty() ? "" : ",") + item;
          return joined;
        }
      },
      option.field);
}

}  // namespace warta::config::internal
