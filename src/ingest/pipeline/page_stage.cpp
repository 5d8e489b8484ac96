#include "core/ascii.h"
#include "ingest/feed/encoding/charset.h"
#include "ingest/fetcher/http_headers.h"
#include "ingest/pipeline/stages.h"

namespace warta::ingest::pipeline {
namespace {

// <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">
// in the first 1024 bytes, as the HTML prescan does (simplified: no full tokenizer).
std::string MetaCharset(std::string_view bytes) {
  const std::string head = ascii::Lower(bytes.substr(0, 1024));
  std::size_t pos = 0;
  while ((pos = head.find("charset", pos)) != std::string::npos) {
    std::size_t i = pos + 7;
    pos = i;
    while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
    if (i >= head.size() || head[i] != '=') continue;
    ++i;
    while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
    std::size_t end = i;
    while (end < head.size() && (ascii::IsAlnum(head[end]) || head[end] == '-' ||
                                 head[end] == '_' || head[end] == ':' || head[end] == '.')) {
      ++end;
    }
    if (end > i) return std::string(bytes.substr(i, end - i));
  }
  return "";
}

bool IsHtml(const std::string& media_type) {
  return media_type.empty() || media_type == "text/html" || media_type == "application/xhtml+xml" ||
         media_type == "text/plain";
}

}  // namespace

std::string DecodePage(std::string_view bytes, std::string_view content_type) {
  std::string charset = fetcher::Charset(content_type);
  if (charset.empty()) charset = MetaCharset(bytes);
  // The feed parser's decoder also serves HTML: without an XML declaration it follows the
  // label, then falls back to UTF-8 / Windows-1252 like browsers do.
  return feed::encoding::DecodeXml(bytes, charset).utf8;
}

Result<extractor::Extraction> ExtractPage(const fetcher::FetchResponse& response,
                                          const std::vector<std::string>& iframe_hosts) {
  if (!response.ok()) return *response.error;
  if (response.status < 200 || response.status > 299) {
    return Error::Unavailable("page: HTTP " + std::to_string(response.status) + " for " +
                              response.url);
  }
  const std::string media_type = fetcher::MediaType(response.content_type);
  if (!IsHtml(media_type)) {
    return Error::InvalidArgument("page: not HTML (" + media_type + ") at " + response.url);
  }
  const std::string html = DecodePage(response.body, response.content_type);
  extractor::ExtractOptions options;
  options.url = response.final_url.empty() ? response.url : response.final_url;
  options.iframe_hosts = iframe_hosts;
  WARTA_ASSIGN_OR_RETURN(extractor::Extraction extraction, extractor::Extract(html, options));
  if (!extraction.acceptable) {
    return Error::InvalidArgument("page: no acceptable article text (" + extraction.reason + ")");
  }
  return extraction;
}

}  // namespace warta::ingest::pipeline
