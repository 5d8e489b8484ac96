#include "ingest/feed/xml/document.h"

#include <libxml/dict.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <cstddef>
#include <mutex>

namespace warta::ingest::feed::xml {
namespace {

// warta never loads anything an XML document points to: no DTDs, no external entities, no
// XIncludes. Installed process-wide because libxml2 only has a global loader hook; every
// XML reader in warta reads untrusted input, so none of them wants another policy.
xmlParserInputPtr RefuseExternal(const char* /*url*/, const char* /*id*/,
                                 xmlParserCtxtPtr /*ctxt*/) {
  return nullptr;
}

void InitOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSetExternalEntityLoader(RefuseExternal);
  });
}

struct CtxtFree {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};

struct ErrorSink {
  std::string first;
  bool any = false;
};

void OnError(void* data, xmlErrorPtr error) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(data);
  auto* sink = ctxt != nullptr ? static_cast<ErrorSink*>(ctxt->_private) : nullptr;
  if (sink == nullptr || error == nullptr || error->level < XML_ERR_ERROR) return;
  sink->any = true;
  if (!sink->first.empty()) return;
  std::string message = error->message != nullptr ? error->message : "error";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  sink->first = std::to_string(error->line) + ":" + std::to_string(error->int2) + ": " + message;
}

// A copy of `utf8` for libxml2 to read. libxml2 gives a memory buffer a read callback that
// reads nothing, and then, whenever fewer than 250 bytes remain to parse (all of a small
// feed), calls it to grow the buffer: a fifth of libxml2's time over the corpus. Without the
// callback the buffer is simply what it is. Above libxml2's lookup limit its "huge input"
// check exempts only memory buffers that keep the callback, so those keep it.
bool PushInput(xmlParserCtxt* ctxt, std::string_view utf8) {
  xmlParserInputBuffer* buffer = xmlParserInputBufferCreateMem(
      utf8.data(), static_cast<int>(utf8.size()), XML_CHAR_ENCODING_NONE);
  if (buffer == nullptr) return false;
  if (utf8.size() < XML_MAX_LOOKUP_LIMIT) buffer->readcallback = nullptr;
  xmlParserInput* input = xmlNewIOInputStream(ctxt, buffer, XML_CHAR_ENCODING_NONE);
  if (input == nullptr) {
    xmlFreeParserInputBuffer(buffer);
    return false;
  }
  return inputPush(ctxt, input) >= 0;
}

// Each thread keeps one parser context and resets it between documents: creating and
// freeing the context and its name dictionary was a third of libxml2's work on a small feed,
// and most feeds are small. The dictionary keeps the names of earlier documents (documents
// hold a reference to it, so it lives as long as the last of them); once it holds more than
// kMaxCachedNames, or has served kMaxCachedUses documents, the context is replaced, so what a
// thread keeps stays small whatever it has parsed.
constexpr std::size_t kMaxCachedNames = 20000;
constexpr int kMaxCachedUses = 1000;

struct CachedContext {
  std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt;
  int uses = 0;
};

xmlParserCtxt* ResetContext() {
  thread_local CachedContext cached;
  if (cached.ctxt && (cached.uses >= kMaxCachedUses || cached.ctxt->dict == nullptr ||
                      xmlDictSize(cached.ctxt->dict) > static_cast<int>(kMaxCachedNames))) {
    cached.ctxt.reset();
  }
  if (cached.ctxt) {
    xmlCtxtReset(cached.ctxt.get());
  } else {
    cached.ctxt.reset(xmlNewParserCtxt());
    cached.uses = 0;
  }
  ++cached.uses;
  return cached.ctxt.get();
}

constexpr int kOptions = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOWARNING |
                         XML_PARSE_NOERROR | XML_PARSE_IGNORE_ENC | XML_PARSE_NOCDATA |
                         XML_PARSE_COMPACT;

}  // namespace

Document Document::Parse(std::string_view utf8, const std::string& url) {
  InitOnce();
  Document out;
  if (utf8.size() > static_cast<std::size_t>(INT_MAX)) {
    out.well_formed_ = false;
    out.first_error_ = "document too large";
    return out;
  }
  xmlParserCtxt* ctxt = ResetContext();
  if (ctxt == nullptr || !PushInput(ctxt, utf8)) {
    out.well_formed_ = false;
    out.first_error_ = "libxml2: cannot create a parser";
    return out;
  }
  xmlCtxtUseOptions(ctxt, kOptions);
  ErrorSink sink;
  ctxt->_private = &sink;
  ctxt->userData = ctxt;
  ctxt->sax->serror = OnError;
  xmlParseDocument(ctxt);
  ctxt->_private = nullptr;  // the sink ends here; the context lives on
  out.doc_.reset(ctxt->myDoc);
  ctxt->myDoc = nullptr;
  out.well_formed_ = ctxt->wellFormed != 0 && ctxt->nsWellFormed != 0 && !sink.any;
  out.first_error_ = sink.first;
  if (!out.well_formed_ && out.first_error_.empty()) out.first_error_ = "not well-formed";
  if (out.doc_ && !url.empty()) {
    if (out.doc_->URL != nullptr) xmlFree(const_cast<xmlChar*>(out.doc_->URL));
    out.doc_->URL = xmlStrdup(reinterpret_cast<const xmlChar*>(url.c_str()));
  }
  return out;
}

}  // namespace warta::ingest::feed::xml
