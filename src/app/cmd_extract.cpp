// warta extract FILE... [--url URL]: the article of saved HTML pages, one JSON object per line
// (docs/cli.md).
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/cli.h"
#include "app/commands.h"
#include "core/rfc3339.h"
#include "ingest/extractor/extractor.h"
#include "ingest/pipeline/page_decode.h"

namespace warta::app {
namespace {

namespace extractor = warta::ingest::extractor;

// Reads at most `limit` bytes (+1 to detect a larger file) from a file or "-" (stdin).
Result<std::string> ReadPage(const std::string& path, std::size_t limit) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return MakeError(ErrorCode::kIo, "cannot read the file");
    in = &file;
  }
  std::string data(limit + 1, '\0');
  in->read(data.data(), static_cast<std::streamsize>(data.size()));
  if (in->bad()) return MakeError(ErrorCode::kIo, "read error");
  data.resize(static_cast<std::size_t>(in->gcount()));
  if (data.size() > limit) {
    return MakeError(ErrorCode::kTooLarge, "larger than " + std::to_string(limit) + " bytes");
  }
  return data;
}

nlohmann::ordered_json StringOrNull(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

nlohmann::ordered_json ToJson(const std::string& file, const extractor::Extraction& e) {
  nlohmann::ordered_json out;
  out["file"] = file;
  out["title"] = e.title;
  out["byline"] = StringOrNull(e.byline);
  out["published"] = e.published ? nlohmann::ordered_json(FormatRfc3339Utc(*e.published))
                                 : nlohmann::ordered_json(nullptr);
  out["published_raw"] = StringOrNull(e.published_raw);
  out["lang"] = StringOrNull(e.lang);
  out["dir"] = StringOrNull(e.dir);
  out["site_name"] = StringOrNull(e.site_name);
  out["excerpt"] = StringOrNull(e.excerpt);
  out["lead_image"] = StringOrNull(e.lead_image);
  out["canonical_url"] = StringOrNull(e.canonical_url);
  out["content_html"] = e.content_html;
  out["text"] = e.text;
  out["text_chars"] = e.text_chars;
  out["link_density"] = e.link_density;
  out["acceptable"] = e.acceptable;
  out["reason"] = StringOrNull(e.reason);
  return out;
}

int RunExtract(const std::vector<std::string>& files, const std::string& url) {
  extractor::ExtractOptions options;
  options.url = url;
  int status = 0;
  for (const std::string& file : files) {
    auto page = ReadPage(file, options.max_input_bytes);
    // Saved pages keep their charset: decode as the pipeline decodes fetched pages (<meta
    // charset>, else UTF-8 or Windows-1252).
    Result<extractor::Extraction> extraction =
        page.ok() ? extractor::Extract(ingest::pipeline::DecodePage(page.value(), ""), options)
                  : Result<extractor::Extraction>(page.error());
    if (!extraction.ok()) {
      status = Fail("extract: " + file + ": " + extraction.error().message);
      continue;
    }
    std::cout << ToJson(file, extraction.value())
                     .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
              << "\n";
  }
  std::cout.flush();
  return status;
}

}  // namespace

void RegisterExtract(CommandLine& line) {
  CLI::App* extract = line.cli().add_subcommand(
      "extract", "Extract the article (text and metadata) of saved HTML pages, one JSON per line");
  auto files = std::make_shared<std::vector<std::string>>();
  extract->add_option("files", *files, "HTML files ('-' for stdin)")->required();
  std::string* url = &line.NewValue();
  extract->add_option("--url", *url, "The pages' address, for relative links");
  line.OnRun(extract, [files, url] { return RunExtract(*files, *url); });
}

}  // namespace warta::app
