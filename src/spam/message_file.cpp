#include "spam/message_file.h"

#include <algorithm>

#include "core/ascii.h"

namespace warta::spam {
namespace {

using ascii::Trim;

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace

std::vector<std::string> SplitMessages(std::string_view file_text) {
  const std::vector<std::string_view> lines = Lines(file_text);
  // Blocks when a blank line sits between two lines of text (blank lines before the first or
  // after the last message do not count).
  std::size_t first = lines.size();
  std::size_t last = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (Trim(lines[i]).empty()) continue;
    first = std::min(first, i);
    last = i;
  }
  bool blocks = false;
  for (std::size_t i = first; i < last; ++i) blocks = blocks || Trim(lines[i]).empty();

  std::vector<std::string> messages;
  std::string current;
  for (std::string_view line : lines) {
    const std::string_view text = Trim(line);
    if (text.empty() || !blocks) {
      if (!blocks && !text.empty()) messages.emplace_back(text);
      if (blocks && !current.empty()) messages.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (!current.empty()) current += '\n';
    current += text;
  }
  if (!current.empty()) messages.push_back(std::move(current));
  return messages;
}

}  // namespace warta::spam
