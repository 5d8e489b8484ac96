// Checks shared by the sanitizer's tests: parse HTML (ours or anyone's) the way a browser would
// and list what in it could run script or load active content.
#pragma once

#include <gumbo.h>

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/ascii.h"

namespace warta::ingest::sanitizer::testing {

// Problems found in `html` (empty: safe). `iframe_ok` allows iframes (host checks are tested
// separately).
inline std::vector<std::string> SafetyProblems(std::string_view html, bool iframe_ok = false) {
  static const std::set<std::string, std::less<>> kBanned = {
      "script", "style", "object",   "embed",  "form",     "svg",   "math",   "meta",     "base",
      "link",   "frame", "frameset", "applet", "template", "input", "button", "textarea", "select"};
  static const std::set<std::string, std::less<>> kUrlAttributes = {
      "href",   "src",    "action",     "formaction", "xlink:href",
      "srcset", "poster", "background", "cite",       "data"};
  std::vector<std::string> problems;
  GumboOptions options = kGumboDefaultOptions;
  options.fragment_context = GUMBO_TAG_DIV;
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&options, html.data(), html.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  std::vector<const GumboNode*> stack{output->root};
  bool root = true;
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) continue;
    const GumboElement& e = node->v.element;
    std::string name =
        e.tag == GUMBO_TAG_UNKNOWN
            ? ascii::Lower(std::string_view(e.original_tag.data, e.original_tag.length))
            : gumbo_normalized_tagname(e.tag);
    if (!root) {
      if (kBanned.count(name) != 0 || (name == "iframe" && !iframe_ok)) {
        problems.push_back("element " + name);
      }
      if (e.tag_namespace != GUMBO_NAMESPACE_HTML) problems.push_back("foreign " + name);
    }
    root = false;
    for (unsigned i = 0; i < e.attributes.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
      const std::string attr = ascii::Lower(a->name);
      if (attr.rfind("on", 0) == 0) problems.push_back("handler " + attr);
      if (attr == "style" || attr == "id" || attr == "class") problems.push_back("attr " + attr);
      if (kUrlAttributes.count(attr) != 0) {
        std::string v;
        for (char c : std::string_view(a->value)) {
          if (static_cast<unsigned char>(c) > 0x20 && c != 0x7f) v += c;
        }
        v = ascii::Lower(v);
        for (const char* scheme : {"javascript:", "vbscript:", "data:"}) {
          if (v.rfind(scheme, 0) == 0) problems.push_back(attr + "=" + a->value);
        }
      }
    }
    for (unsigned i = 0; i < e.children.length; ++i) {
      stack.push_back(static_cast<const GumboNode*>(e.children.data[i]));
    }
  }
  return problems;
}

}  // namespace warta::ingest::sanitizer::testing
