// Page templates: logic-less Mustache (kainjow), HTML-escaping by default. Templates are
// files in templates/ embedded into the binary; partials ({{> header}}) resolve by name.
// Raw output ({{{x}}}) is used only for HTML that has passed the sanitizer.
// Partials are pasted in when templates load, so each page is parsed once; a partial must use
// the default {{ }} delimiters. Templates is immutable after loading and thread-safe.
#pragma once

#include <kainjow/mustache.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace warta::view {

using Data = kainjow::mustache::data;
using List = kainjow::mustache::data;  // construct with kainjow::mustache::data::type::list

Data MakeList();

class Templates {
 public:
  // Parses every embedded template once; fails (naming the template) on a syntax error.
  static Result<std::shared_ptr<const Templates>> LoadEmbedded();

  // Templates from (name, source) pairs instead of the embedded files: for tests and themes.
  static Result<std::shared_ptr<const Templates>> FromSources(
      const std::vector<std::pair<std::string, std::string>>& sources);

  // Renders "name" (file templates/<name>.mustache). Thread-safe. NotFound for an unknown
  // name. An empty string counts as false in sections ({{#x}}…{{/x}} is skipped for x = ""),
  // as in JavaScript Mustache; kainjow alone would render it.
  Result<std::string> Render(std::string_view name, const Data& data) const;

  ~Templates();

 private:
  Templates();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace warta::view
