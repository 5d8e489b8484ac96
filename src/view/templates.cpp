#include "view/templates.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "resources/resources.h"

namespace warta::view {
namespace {

using Mustache = kainjow::mustache::mustache;

constexpr std::string_view kPrefix = "templates/";
constexpr std::string_view kSuffix = ".mustache";
constexpr int kMaxPartialDepth = 8;
// Idle copies kept per template; more concurrent renders than this copy and discard.
constexpr std::size_t kMaxPooled = 64;

// kainjow treats an empty string as true in sections; we want the JavaScript Mustache
// behaviour, so that {{#source_url}}…{{/source_url}} hides for "" as well as for a missing
// key. Partials are resolved at load time, never from data.
class Context : public kainjow::mustache::context<std::string> {
 public:
  explicit Context(const Data* data) : kainjow::mustache::context<std::string>(data) {}

  const Data* get(const std::string& name) const override {
    static const Data kFalse(false);
    const Data* value = kainjow::mustache::context<std::string>::get(name);
    if (value != nullptr && value->is_string() && value->string_value().empty()) return &kFalse;
    return value;
  }
  const Data* get_partial(const std::string&) const override { return nullptr; }
};

struct Sink {
  std::string out;
  Sink& operator<<(const std::string& text) {
    out += text;
    return *this;
  }
};

// kainjow keeps the line of a standalone comment, which would leave a blank line before
// <!DOCTYPE html>; comments are documentation only, so they go before parsing, together with
// their line when nothing else is on it.
std::string StripComments(const std::string& source) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t open = source.find("{{!", pos);
    const std::size_t close = open == std::string::npos ? open : source.find("}}", open);
    if (close == std::string::npos) break;  // an unclosed comment is the parser's to report
    std::size_t begin = open;
    std::size_t end = close + 2;
    const std::size_t newline = source.rfind('\n', open);
    const std::size_t line_start = newline == std::string::npos ? 0 : newline + 1;
    const bool alone = source.find_first_not_of(" \t", line_start) == open &&
                       (end == source.size() || source[end] == '\n');
    if (alone) {
      begin = std::max(line_start, pos);
      if (end < source.size()) ++end;
    }
    out.append(source, pos, begin - pos);
    pos = end;
  }
  out.append(source, pos, std::string::npos);
  return out;
}

// Partials are pasted into the including template before parsing, so a page is parsed once
// at start-up; kainjow would otherwise parse every partial again on every render.
Result<std::string> Expand(const std::map<std::string, std::string, std::less<>>& sources,
                           const std::string& name, int depth) {
  if (depth > kMaxPartialDepth) {
    return Error::InvalidArgument("view: template '" + name +
                                  "': partials nested too deeply (a cycle?)");
  }
  const std::string& source = sources.find(name)->second;
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t open = source.find("{{>", pos);
    if (open == std::string::npos) break;
    const std::size_t close = source.find("}}", open);
    if (close == std::string::npos) break;  // the parser reports the unclosed tag
    std::string_view partial(source.data() + open + 3, close - open - 3);
    while (!partial.empty() && partial.front() == ' ') partial.remove_prefix(1);
    while (!partial.empty() && partial.back() == ' ') partial.remove_suffix(1);
    if (sources.find(partial) == sources.end()) {
      return Error::InvalidArgument("view: template '" + name + "': unknown partial '" +
                                    std::string(partial) + "'");
    }
    WARTA_ASSIGN_OR_RETURN(const std::string expanded,
                           Expand(sources, std::string(partial), depth + 1));
    out.append(source, pos, open - pos);
    out += expanded;
    pos = close + 2;
    // The tag's own line break ends the pasted text; keep one, not two.
    if (!out.empty() && out.back() == '\n' && pos < source.size() && source[pos] == '\n') ++pos;
  }
  out.append(source, pos, std::string::npos);
  return out;
}

}  // namespace

Data MakeList() { return Data(Data::type::list); }

struct Templates::Impl {
  struct Compiled {
    explicit Compiled(Mustache parsed) : master(std::move(parsed)) {}
    const Mustache master;
    // kainjow's render() is not const (it records errors in the object), so each render
    // works on its own copy; copies are recycled rather than made per call.
    std::mutex mu;
    std::vector<std::unique_ptr<Mustache>> idle;  // guarded by mu
  };
  std::map<std::string, std::unique_ptr<Compiled>, std::less<>> compiled;
};

Templates::Templates() : impl_(std::make_unique<Impl>()) {}
Templates::~Templates() = default;

Result<std::shared_ptr<const Templates>> Templates::LoadEmbedded() {
  std::vector<std::pair<std::string, std::string>> sources;
  for (const auto& resource : resources::All()) {
    const std::string_view path = resource.path;
    if (path.substr(0, kPrefix.size()) != kPrefix ||
        path.size() <= kPrefix.size() + kSuffix.size() ||
        path.substr(path.size() - kSuffix.size()) != kSuffix) {
      continue;
    }
    std::string name(path.substr(kPrefix.size(), path.size() - kPrefix.size() - kSuffix.size()));
    // One level of folders ("admin/articles"): a part of the site keeps its templates
    // together; the folder is part of the name, for Render and for partials alike.
    const std::size_t slash = name.find('/');
    if (slash != std::string::npos && name.find('/', slash + 1) != std::string::npos) continue;
    sources.emplace_back(std::move(name), std::string(resource.data));
  }
  return FromSources(sources);
}

Result<std::shared_ptr<const Templates>> Templates::FromSources(
    const std::vector<std::pair<std::string, std::string>>& sources) {
  std::map<std::string, std::string, std::less<>> by_name;
  for (const auto& [name, source] : sources) by_name[name] = StripComments(source);
  std::shared_ptr<Templates> templates(new Templates());
  for (const auto& [name, source] : by_name) {
    WARTA_ASSIGN_OR_RETURN(const std::string expanded, Expand(by_name, name, 0));
    Mustache parsed(expanded);
    if (!parsed.is_valid()) {
      return Error::InvalidArgument("view: template '" + name + "': " + parsed.error_message());
    }
    templates->impl_->compiled.emplace(name, std::make_unique<Impl::Compiled>(std::move(parsed)));
  }
  return std::shared_ptr<const Templates>(std::move(templates));
}

Result<std::string> Templates::Render(std::string_view name, const Data& data) const {
  auto it = impl_->compiled.find(name);
  if (it == impl_->compiled.end()) {
    return Error::NotFound("view: no template '" + std::string(name) + "'");
  }
  Impl::Compiled& compiled = *it->second;
  std::unique_ptr<Mustache> copy;
  {
    std::lock_guard lock(compiled.mu);
    if (!compiled.idle.empty()) {
      copy = std::move(compiled.idle.back());
      compiled.idle.pop_back();
    }
  }
  if (!copy) copy = std::make_unique<Mustache>(compiled.master);

  Context context(&data);
  Sink sink;
  copy->render(context, sink);
  if (!copy->is_valid()) {
    // The copy now carries the error; drop it instead of returning it to the pool.
    return Error::Internal("view: template '" + std::string(name) + "': " + copy->error_message());
  }
  std::lock_guard lock(compiled.mu);
  if (compiled.idle.size() < kMaxPooled) compiled.idle.push_back(std::move(copy));
  return std::move(sink.out);
}

}  // namespace warta::view
