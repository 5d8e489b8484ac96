// Page templates: logic-less Mustache (kainjow), HTML-escaping by default. Templates are
// files in templates/ embedded into the binary; partials ({{> header}}) resolve by name.
// Raw output ({{{x}}}) is used only for HTML that has passed the sanitizer.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <kainjow/mustache.hpp>

#include "core/result.h"

namespace warta::view {

using Data = kainjow::mustache::data;
using List = kainjow::mustache::data;  // construct with kainjow::mustache::data::type::list

Data MakeList();

class Templates {
 public:
  // Parses every embedded template once; fails (naming the template) on a syntax error.
  static Result<std::shared_ptr<const Templates>> LoadEmbedded();

  // Renders "name" (file templates/<name>.mustache). Thread-safe.
  Result<std::string> Render(std::string_view name, const Data& data) const;

  ~Templates();

 private:
  Templates();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace warta::view
