// Files embedded into the binary at build time (templates/, static/, locales/), by path
// relative to the repository root, e.g. "templates/article.mustache".
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace warta::resources {

struct Resource {
  std::string_view path;
  std::string_view data;
};

std::span<const Resource> All();
std::optional<std::string_view> Find(std::string_view path);

}  // namespace warta::resources
