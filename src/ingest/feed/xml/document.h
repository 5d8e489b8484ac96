// The one place that calls libxml2's parser, with the options that make untrusted input safe:
// recover mode (keep what can be read), no network (XML_PARSE_NONET), no entity substitution
// (no XML_PARSE_NOENT), no DTD loading or validation, libxml2's default size limits (no
// XML_PARSE_HUGE), and an external entity loader that refuses everything, so neither a
// billion-laughs nor an XXE document can make us expand or read anything.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace warta::ingest::feed::xml {

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

class Document {
 public:
  // Parses UTF-8 text (any encoding declaration inside is ignored). `url` becomes the
  // document's base URI for xml:base resolution; it may be empty. Never fails: an
  // unreadable input gives a document without a root.
  static Document Parse(std::string_view utf8, const std::string& url);

  const xmlNode* root() const { return doc_ ? xmlDocGetRootElement(doc_.get()) : nullptr; }
  const xmlDoc* doc() const { return doc_.get(); }
  // False when libxml2 had to recover from an error (including namespace errors).
  bool well_formed() const { return well_formed_; }
  // "7:4: Namespace prefix atom on link is not defined", or empty.
  const std::string& first_error() const { return first_error_; }

 private:
  std::unique_ptr<xmlDoc, DocFree> doc_;
  bool well_formed_ = true;
  std::string first_error_;
};

}  // namespace warta::ingest::feed::xml
