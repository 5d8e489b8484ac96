#include "web/admin/form.h"

#include "web/context.h"
#include "web/request/reader.h"

namespace warta::web {

Result<AdminForm> AdminForm::Parse(const http::Request& request) {
  AdminForm form;
  if (IsFormPost(request)) {
    std::string_view body = request.body;
    while (!body.empty()) {
      const std::size_t amp = body.find('&');
      const std::string_view pair = body.substr(0, amp);
      const std::size_t eq = pair.find('=');
      if (!pair.empty()) {
        std::string value = eq == std::string_view::npos
                                ? std::string()
                                : http::PercentDecode(pair.substr(eq + 1), true);
        form.fields_[http::PercentDecode(pair.substr(0, eq), true)].push_back(std::move(value));
      }
      if (amp == std::string_view::npos) break;
      body.remove_prefix(amp + 1);
    }
    return form;
  }
  auto boundary = http::MultipartBoundary(request.Header("content-type"));
  if (!boundary.ok()) {
    return Error::InvalidArgument("admin: expected a form (urlencoded or multipart/form-data)");
  }
  http::MultipartLimits limits;
  limits.max_parts = kMaxFormParts;
  WARTA_ASSIGN_OR_RETURN(auto parts, http::ParseMultipart(request.body, *boundary, limits));
  for (http::MultipartPart& part : parts) {
    if (!part.filename.empty()) {
      if (!part.body.empty()) form.files_.push_back(std::move(part));
      continue;
    }
    form.fields_[part.name].emplace_back(part.body);
  }
  return form;
}

std::optional<std::string> AdminForm::Get(std::string_view name) const {
  auto it = fields_.find(name);
  if (it == fields_.end() || it->second.empty()) return std::nullopt;
  return it->second.front();
}

const std::vector<std::string>& AdminForm::All(std::string_view name) const {
  static const std::vector<std::string> kNone;
  auto it = fields_.find(name);
  return it == fields_.end() ? kNone : it->second;
}

bool AdminForm::Checked(std::string_view name) const {
  auto value = Get(name);
  return value && !value->empty() && *value != "0";
}

std::optional<std::int64_t> AdminForm::Id(std::string_view name) const {
  auto value = Get(name);
  return value ? ParseId(*value) : std::nullopt;
}

const http::MultipartPart* AdminForm::File(std::string_view name) const {
  for (const http::MultipartPart& part : files_) {
    if (part.name == name) return &part;
  }
  return nullptr;
}

}  // namespace warta::web
