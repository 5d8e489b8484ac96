// Page bytes to UTF-8, for the pipeline's page stage and for `warta extract`. Its own header
// because stages.h is internal to the pipeline and exposes its private dependencies.
#pragma once

#include <string>
#include <string_view>

namespace warta::ingest::pipeline {

// Page bytes as UTF-8: charset from the Content-Type, else from <meta charset> or
// <meta http-equiv=Content-Type> in the first 1024 bytes, else UTF-8 (Windows-1252 when
// the bytes are not valid UTF-8).
std::string DecodePage(std::string_view bytes, std::string_view content_type);

}  // namespace warta::ingest::pipeline
