// `warta feed parse FILE…` (docs/cli.md): parses saved feeds and prints the normalized JSON,
// one object per line (with "file" when there are several files). Titles are plain text and
// links absolute; summary and content are the feed's HTML unless --sanitize is given. A file that
// cannot be read or is not a feed at all gets a one-line error on stderr (and, with several files,
// a
// {"file", "error"} line on stdout so every file has its line); the exit code is then 1.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/cli.h"
#include "core/ascii.h"
#include "core/clock.h"
#include "core/rfc3339.h"
#include "ingest/feed/feed.h"

namespace warta::app {
namespace {

namespace feed = ingest::feed;

struct FdCloser {
  int fd;
  ~FdCloser() { ::close(fd); }
};

Error ReadError() {
  return MakeError(ErrorCode::kIo, std::string("cannot read: ") + std::strerror(errno));
}

// The whole file, or an error; reads at most one byte over the feed limit. A regular file is read
// with one read() of the size fstat reports plus one byte (so a short read shows its end) into
// the string itself: with stdio every file cost a buffer, a copy and two more system calls.
Result<std::string> ReadFeedFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ReadError();
  const FdCloser closer{fd};
  constexpr std::size_t kChunk = 65536;  // for pipes and files whose size is not known
  struct stat info {};
  const bool regular = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0;
  std::size_t want =
      regular ? std::min(static_cast<std::size_t>(info.st_size), feed::kMaxFeedBytes) + 1 : kChunk;
  std::string data;
  std::size_t used = 0;
  for (;;) {
    data.resize(used + want);
    const ssize_t n = ::read(fd, data.data() + used, want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return ReadError();
    used += static_cast<std::size_t>(n);
    if (n == 0 || used > feed::kMaxFeedBytes) break;
    if (regular && static_cast<std::size_t>(n) < want) break;
    want = kChunk;
  }
  data.resize(used);
  return data;
}

// Printable ASCII that a JSON string carries as it is.
constexpr bool IsPlainJsonByte(unsigned char c) {
  return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
}

// Length of the well-formed UTF-8 sequence at text[i] (RFC 3629: no overlong forms, surrogates
// or code points past U+10FFFF), or 0 if there is none.
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i) {
  auto in = [&](std::size_t k, unsigned char lo, unsigned char hi) {
    if (k >= text.size()) return false;
    const auto b = static_cast<unsigned char>(text[k]);
    return b >= lo && b <= hi;
  };
  const auto c = static_cast<unsigned char>(text[i]);
  if (c >= 0xC2 && c <= 0xDF) return in(i + 1, 0x80, 0xBF) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
    const unsigned char hi = c == 0xED ? 0x9F : 0xBF;
    return in(i + 1, lo, hi) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
    return in(i + 1, lo, hi) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

// JSON output written by hand: nlohmann's serializer was a third of the command's time over
// the corpus, and this output has one fixed shape. Runs of plain bytes are copied at once and
// UTF-8 is checked as it is met (bench/feedparse.sh times it: docs/decisions/0003-ingest.md).
void AppendJsonString(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->reserve(out->size() + text.size() + 2);
  out->push_back('"');
  std::size_t i = 0;
  while (i < text.size()) {
    // One append per run of bytes that go out as they are: plain ASCII and well-formed UTF-8.
    const std::size_t run = i;
    for (;;) {
      i += ascii::JsonPlainRun(text.substr(i), /*high_bytes_plain=*/false);
      while (i < text.size() && IsPlainJsonByte(static_cast<unsigned char>(text[i]))) ++i;
      if (i == text.size() || static_cast<unsigned char>(text[i]) < 0x80) break;
      const std::size_t length = Utf8SequenceLength(text, i);
      if (length == 0) break;
      i += length;
    }
    out->append(text.data() + run, i - run);
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      // Only paths from the command line can be invalid UTF-8; the parser's text is valid.
      out->append("\\ufffd");
      ++i;
      continue;
    }
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(static_cast<char>(c));
    } else if (c == '\n') {
      out->append("\\n");
    } else if (c == '\t') {
      out->append("\\t");
    } else {
      out->append("\\u00");
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 0xF]);
    }
    ++i;
  }
  out->push_back('"');
}

// One JSON object written member by member, with the commas between them.
class JsonObjectWriter {
 public:
  explicit JsonObjectWriter(std::string* out) : out_(out) { out_->push_back('{'); }

  // Starts a member; the caller appends its value.
  void Key(std::string_view key) {
    if (!first_) out_->push_back(',');
    first_ = false;
    out_->push_back('"');
    out_->append(key);
    out_->append("\":");
  }
  void String(std::string_view key, std::string_view text) {
    Key(key);
    AppendJsonString(text, out_);
  }
  // docs/cli.md "Feed JSON": a text the feed did not give is null, not "".
  void Text(std::string_view key, const std::string& text) {
    Key(key);
    if (text.empty()) {
      out_->append("null");
    } else {
      AppendJsonString(text, out_);
    }
  }
  void Date(std::string_view key, const std::optional<std::int64_t>& when) {
    Text(key, when ? FormatRfc3339Utc(*when) : std::string());
  }
  void Bool(std::string_view key, bool value) {
    Key(key);
    out_->append(value ? "true" : "false");
  }
  void Close() { out_->push_back('}'); }

 private:
  std::string* out_;
  bool first_ = true;
};

void AppendEntry(const feed::Entry& e, std::string* out) {
  JsonObjectWriter entry(out);
  entry.Text("id", e.id);
  entry.Text("title", e.title);
  entry.Text("link", e.link);
  entry.Date("published", e.published);
  entry.Date("updated", e.updated);
  entry.Text("author", e.author);
  entry.Text("summary", e.summary);
  entry.Text("content", e.content);
  entry.Close();
}

// docs/cli.md "Feed JSON", members in the documented order.
std::string ToJson(const feed::Feed& parsed, const std::string* file) {
  std::string out;
  JsonObjectWriter object(&out);
  if (file != nullptr) object.String("file", *file);
  object.Bool("bozo", parsed.bozo);
  object.Text("title", parsed.title);
  object.Text("link", parsed.link);
  object.Text("language", parsed.language);
  object.Key("entries");
  out.push_back('[');
  for (std::size_t i = 0; i < parsed.entries.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendEntry(parsed.entries[i], &out);
  }
  out.push_back(']');
  object.Close();
  return out;
}

std::string ErrorJson(const std::string& file, const std::string& message) {
  std::string out;
  JsonObjectWriter object(&out);
  object.String("file", file);
  object.String("error", message);
  object.Close();
  return out;
}

struct FeedParseArgs {
  std::vector<std::string> files;
  std::string base_url;
  std::string time_zone;
  std::string charset;
  bool no_clamp = false;
  bool sanitize = false;
};

int RunFeedParse(const FeedParseArgs& args) {
  feed::ParseOptions options;
  options.base_url = args.base_url;
  options.default_time_zone = args.time_zone;
  options.content_type_charset = args.charset;
  options.now_unix = args.no_clamp ? 0 : UnixNow();
  // As the ingest pipeline parses: the feed's own HTML, since the sanitizer runs last there
  // (on the body it chooses). --sanitize shows what that HTML becomes.
  options.sanitize = args.sanitize;
  bool several = args.files.size() > 1;
  int exit_code = 0;
  for (const std::string& path : args.files) {
    auto bytes = ReadFeedFile(path);
    Result<feed::Feed> parsed =
        bytes.ok() ? feed::ParseFeed(bytes.value(), options) : Result<feed::Feed>(bytes.error());
    if (!parsed.ok()) {
      std::cerr << "warta: " << path << ": " << parsed.error().message << "\n";
      if (several) std::cout << ErrorJson(path, parsed.error().message) << "\n";
      exit_code = 1;
      continue;
    }
    std::cout << ToJson(parsed.value(), several ? &path : nullptr) << "\n";
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
  parse->add_flag("--sanitize", args->sanitize,
                  "print summary and content as the sanitizer leaves them (absolute URLs, no "
                  "scripts) instead of the feed's own HTML");
  line.OnRun(parse, [args] { return RunFeedParse(*args); });
}

}  // namespace warta::app
