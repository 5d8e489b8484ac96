// Training files for `warta spam train`: one message per line, or, when the file has blank
// lines, one message per block of lines between blank lines (so multi-line comments fit).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace warta::spam {

// The messages of a training file's text, each trimmed of surrounding white space; empty
// messages are skipped. "\r\n" line ends are accepted.
std::vector<std::string> SplitMessages(std::string_view file_text);

}  // namespace warta::spam
