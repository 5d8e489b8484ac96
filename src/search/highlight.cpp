#include "search/highlight.h"

#include "core/html_escape.h"

namespace warta::search {
namespace {

bool IsDroppedControl(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u < 0x20 && c != '\t' && c != '\n') || u == 0x7F;
}

}  // namespace

std::string MarkedToHtml(std::string_view marked) {
  std::string html;
  html.reserve(marked.size() + 32);
  bool open = false;
  std::size_t run = 0;  // start of the current run of ordinary text
  auto flush = [&](std::size_t end) {
    if (end > run) AppendEscapedHtml(html, marked.substr(run, end - run));
  };
  for (std::size_t i = 0; i < marked.size(); ++i) {
    char c = marked[i];
    if (c != kMatchBegin && c != kMatchEnd && !IsDroppedControl(c)) continue;
    flush(i);
    run = i + 1;
    if (c == kMatchBegin && !open) {
      html += "<mark>";
      open = true;
    } else if (c == kMatchEnd && open) {
      html += "</mark>";
      open = false;
    }
  }
  flush(marked.size());
  if (open) html += "</mark>";
  return html;
}

std::vector<MarkedPart> SplitMarked(std::string_view marked) {
  std::vector<MarkedPart> parts;
  MarkedPart current;
  auto flush = [&] {
    if (!current.text.empty()) parts.push_back(current);
    current.text.clear();
  };
  for (char c : marked) {
    if (c == kMatchBegin || c == kMatchEnd) {
      if ((c == kMatchBegin) != current.match) {
        flush();
        current.match = c == kMatchBegin;
      }
    } else if (!IsDroppedControl(c)) {
      current.text += c;
    }
  }
  flush();
  return parts;
}

std::string MarkedToText(std::string_view marked) {
  std::string text;
  text.reserve(marked.size());
  for (char c : marked) {
    if (c != kMatchBegin && c != kMatchEnd && !IsDroppedControl(c)) text += c;
  }
  return text;
}

}  // namespace warta::search
