// `warta feed parse FILE…` (CONTRACT §2): parses saved feeds and prints the normalized JSON,
// one object per line (with "file" when there are several files). A file that cannot be
// read or is not a feed at all gets a one-line error on stderr (and, with several files, a
// {"file", "error"} line on stdout so every file has its line); the exit code is then 1.
#include <cstdio>
#include <ctime>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/cli.h"
#include "core/rfc3339.h"
#include "ingest/feed/feed.h"

namespace warta::app {
namespace {

using Json = nlohmann::ordered_json;
namespace feed = ingest::feed;

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

// The whole file, or an error; reads at most one byte over the feed limit.
Result<std::string> ReadFeedFile(const std::string& path) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) return MakeError(ErrorCode::kIo, "cannot read '" + path + "'");
  std::string data;
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
    data.append(buffer, n);
    if (data.size() > feed::kMaxFeedBytes) break;
  }
  if (std::ferror(file.get())) return MakeError(ErrorCode::kIo, "cannot read '" + path + "'");
  return data;
}

Json OrNull(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json DateOrNull(const std::optional<std::int64_t>& when) {
  return when ? Json(FormatRfc3339Utc(*when)) : Json(nullptr);
}

Json ToJson(const feed::Feed& parsed) {
  Json entries = Json::array();
  for (const feed::Entry& e : parsed.entries) {
    entries.push_back(Json{{"id", OrNull(e.id)},
                           {"title", OrNull(e.title)},
                           {"link", OrNull(e.link)},
                           {"published", DateOrNull(e.published)},
                           {"updated", DateOrNull(e.updated)},
                           {"author", OrNull(e.author)},
                           {"summary", OrNull(e.summary)},
                           {"content", OrNull(e.content)}});
  }
  return Json{{"bozo", parsed.bozo},
              {"title", OrNull(parsed.title)},
              {"link", OrNull(parsed.link)},
              {"language", OrNull(parsed.language)},
              {"entries", std::move(entries)}};
}

struct FeedParseArgs {
  std::vector<std::string> files;
  std::string base_url;
  std::string time_zone;
  std::string charset;
  bool no_clamp = false;
};

int RunFeedParse(const FeedParseArgs& args) {
  feed::ParseOptions options;
  options.base_url = args.base_url;
  options.default_time_zone = args.time_zone;
  options.content_type_charset = args.charset;
  options.now_unix = args.no_clamp ? 0 : static_cast<std::int64_t>(std::time(nullptr));
  bool several = args.files.size() > 1;
  int exit_code = 0;
  for (const std::string& path : args.files) {
    auto bytes = ReadFeedFile(path);
    Result<feed::Feed> parsed =
        bytes.ok() ? feed::ParseFeed(bytes.value(), options) : Result<feed::Feed>(bytes.error());
    if (!parsed.ok()) {
      std::cerr << "warta: " << path << ": " << parsed.error().message << "\n";
      if (several)
        std::cout << Json{{"file", path}, {"error", parsed.error().message}}.dump() << "\n";
      exit_code = 1;
      continue;
    }
    Json out = ToJson(parsed.value());
    if (several) {
      Json with_file = {{"file", path}};
      with_file.update(out);
      out = std::move(with_file);
    }
    std::cout << out.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
  }
  std::cout.flush();
  return exit_code;
}

}  // namespace

void RegisterFeed(CommandLine& line) {
  CLI::App* feed_cmd = line.cli().add_subcommand("feed", "Work with feed files");
  feed_cmd->require_subcommand(1);
  CLI::App* parse = feed_cmd->add_subcommand(
      "parse", "Parse RSS, RDF, Atom or JSON Feed files and print normalized JSON lines");
  auto args = std::make_shared<FeedParseArgs>();
  parse->add_option("files", args->files, "Feed files")->required();
  parse->add_option("--base-url", args->base_url, "URL the feed came from (for relative links)");
  parse->add_option("--time-zone", args->time_zone,
                    "IANA zone for dates without one (default UTC)");
  parse->add_option("--charset", args->charset, "charset from the HTTP Content-Type header");
  parse->add_flag("--no-clamp", args->no_clamp, "keep dates that lie in the future");
  line.OnRun(parse, [args] { return RunFeedParse(*args); });
}

}  // namespace warta::app
