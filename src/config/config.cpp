// Load: defaults < TOML file < environment < flags, each value checked as it is applied so an
// error names the exact source (file:line, variable, or flag).
#include "config/config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "config/options.h"

namespace warta::config {
namespace {

using internal::Kind;
using internal::Option;
using internal::Value;

// A config file is a few kilobytes; a bigger one is a mistake (or a device file).
constexpr std::size_t kMaxConfigFileBytes = std::size_t{1} << 20;

struct State {
  Config config;
  std::set<std::string> explicit_keys;
};

Error Invalid(std::initializer_list<std::string_view> parts) {
  std::string message = "config: ";
  for (std::string_view part : parts) message += part;
  return Error::InvalidArgument(std::move(message));
}

std::string UnknownKey(const std::string& key) {
  std::string message = "unknown key '" + key + "'";
  if (std::string guess = internal::SuggestKey(key); !guess.empty()) {
    message += " (did you mean '" + guess + "'?)";
  }
  return message;
}

bool IsSection(const std::string& name) {
  const std::string prefix = name + ".";
  for (const Option& option : internal::Options()) {
    if (option.key.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

const char* TomlTypeName(toml::node_type type) {
  switch (type) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

std::string FromToml(const Option& option, const toml::node& node, Value& out) {
  const char* expected = "";
  switch (internal::KindOf(option)) {
    case Kind::kString:
      if (const auto* s = node.as_string()) {
        out = s->get();
        return "";
      }
      expected = "a string";
      break;
    case Kind::kInteger:
      if (const auto* i = node.as_integer()) {
        out = i->get();
        return "";
      }
      expected = "an integer";
      break;
    case Kind::kBoolean:
      if (const auto* b = node.as_boolean()) {
        out = b->get();
        return "";
      }
      expected = "a boolean (true or false)";
      break;
    case Kind::kStringList:
      if (const auto* array = node.as_array()) {
        std::vector<std::string> items;
        for (const toml::node& element : *array) {
          const auto* s = element.as_string();
          if (s == nullptr) {
            return std::string("expected an array of strings, found ") +
                   TomlTypeName(element.type()) + " in it";
          }
          items.push_back(s->get());
        }
        out = std::move(items);
        return "";
      }
      expected = "an array of strings";
      break;
  }
  return std::string("expected ") + expected + ", got " + TomlTypeName(node.type());
}

Result<void> ApplyTable(const toml::table& table, const std::string& prefix,
                        const std::string& path, State& state) {
  for (auto&& [name, node] : table) {
    const std::string key =
        prefix.empty() ? std::string(name.str()) : prefix + "." + std::string(name.str());
    const std::string where = path + ":" + std::to_string(node.source().begin.line) + ": ";
    const auto* section = node.as_table();
    if (const Option* option = internal::FindOption(key)) {
      Value value;
      std::string problem = FromToml(*option, node, value);
      if (problem.empty()) problem = internal::Store(*option, std::move(value), state.config);
      if (!problem.empty()) return Invalid({where, key, ": ", problem});
      state.explicit_keys.insert(key);
    } else if (section == nullptr) {
      return Invalid({where, UnknownKey(key)});
    } else if (section->empty() && !IsSection(key)) {
      return Invalid({where, "unknown section [", key, "]"});
    } else {
      // An unknown section reports its first key, so "[sever] threads" suggests server.threads.
      WARTA_RETURN_IF_ERROR(ApplyTable(*section, key, path, state));
    }
  }
  return Ok();
}

Result<std::string> ReadFile(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) {
    return Error::NotFound("config: " + path + ": no such file");
  }
  if (std::filesystem::is_directory(status)) {
    return Error::Io("config: " + path + ": is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error::Io("config: " + path + ": cannot open: " + std::strerror(errno));
  }
  // In chunks, not into a buffer of the limit's size: a config file is a few KiB, and the
  // fuzzer (fuzz/config_fuzz.cpp) reads one per execution.
  std::string data;
  char chunk[16 * 1024];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    data.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (data.size() > kMaxConfigFileBytes) {
      return Error::TooLarge("config: " + path + ": larger than 1 MiB");
    }
  }
  if (in.bad()) return Error::Io("config: " + path + ": read error");
  return data;
}

Result<void> ApplyFile(const std::string& path, State& state) {
  WARTA_ASSIGN_OR_RETURN(const std::string text, ReadFile(path));
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    return Invalid({path, ":", std::to_string(begin.line), ":", std::to_string(begin.column), ": ",
                    e.description()});
  }
  return ApplyTable(root, "", path, state);
}

const Option* FindByEnvVar(std::string_view name) {
  for (const Option& option : internal::Options()) {
    if (internal::EnvVarName(option.key) == name) return &option;
  }
  return nullptr;
}

// Unknown WARTA_* variables are ignored: environments are noisy (test harnesses, wrappers and
// older deployments set their own), and a typo here is less likely than in a file.
Result<void> ApplyEnv(char** env, State& state) {
  if (env == nullptr) return Ok();
  std::set<std::string_view> seen;
  for (char** entry = env; *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    const auto eq = text.find('=');
    if (text.substr(0, 6) != "WARTA_" || eq == std::string_view::npos) continue;
    const std::string_view name = text.substr(0, eq);
    const Option* option = FindByEnvVar(name);
    // Like getenv, the first of duplicated names wins.
    if (option == nullptr || !seen.insert(name).second) continue;
    Value value;
    std::string problem = internal::ParseText(*option, text.substr(eq + 1), value);
    if (problem.empty()) problem = internal::Store(*option, std::move(value), state.config);
    if (!problem.empty()) return Invalid({name, ": ", problem});
    state.explicit_keys.insert(std::string(option->key));
  }
  return Ok();
}

Result<void> ApplyFlags(const Overrides& flags, State& state) {
  for (const auto& [key, text] : flags) {
    const Option* option = internal::FindOption(key);
    if (option == nullptr) return Invalid({UnknownKey(key), " (command line)"});
    Value value;
    std::string problem = internal::ParseText(*option, text, value);
    if (problem.empty()) problem = internal::Store(*option, std::move(value), state.config);
    if (!problem.empty()) return Invalid({key, " (command line): ", problem});
    state.explicit_keys.insert(key);
  }
  return Ok();
}

}  // namespace

bool Config::IsExplicit(const std::string& key) const {
  return std::find(explicit_keys.begin(), explicit_keys.end(), key) != explicit_keys.end();
}

Result<Config> Load(const std::string& config_file, char** env, const Overrides& flags) {
  State state;
  if (!config_file.empty()) WARTA_RETURN_IF_ERROR(ApplyFile(config_file, state));
  WARTA_RETURN_IF_ERROR(ApplyEnv(env, state));
  WARTA_RETURN_IF_ERROR(ApplyFlags(flags, state));
  state.config.explicit_keys.assign(state.explicit_keys.begin(), state.explicit_keys.end());
  return std::move(state.config);
}

std::vector<OptionInfo> ListOptions() {
  const Config defaults;
  std::vector<OptionInfo> out;
  for (const Option& option : internal::Options()) {
    OptionInfo info;
    info.key = std::string(option.key);
    info.env_var = internal::EnvVarName(option.key);
    info.type = internal::KindName(internal::KindOf(option));
    info.default_value = internal::FormatValue(option, defaults);
    info.description = std::string(option.description);
    if (internal::KindOf(option) == Kind::kInteger) {
      info.description +=
          " (" + std::to_string(option.min) + ".." + std::to_string(option.max) + ")";
    }
    out.push_back(std::move(info));
  }
  return out;
}

std::string DescribeOptions() {
  std::string out;
  for (const OptionInfo& info : ListOptions()) {
    out += info.key + " (" + info.env_var + ", " + info.type + ", default \"" + info.default_value +
           "\"): " + info.description + "\n";
  }
  return out;
}

}  // namespace warta::config
