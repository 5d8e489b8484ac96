#include <string>

#include "model/article.h"

namespace warta::model {

std::string ArticlePath(std::int64_t id, const std::string& slug) {
  std::string path = "/artikel/" + std::to_string(id);
  if (!slug.empty()) {
    path += '/';
    path += slug;
  }
  return path;
}

}  // namespace warta::model
