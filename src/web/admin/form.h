// The fields of an admin form post, whichever way the browser encoded them:
// application/x-www-form-urlencoded (most forms) or multipart/form-data (forms with a file,
// and the article editor, whose long non-Latin bodies would triple in size percent-encoded).
// Values are copied out of the request; file parts are views into its body, valid during
// the handler call only.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "http/message.h"
#include "http/multipart.h"

namespace warta::web {

// Fields of the largest admin form (the editor has ~20); CsrfRefusal reads as many.
inline constexpr std::size_t kMaxFormParts = 64;

class AdminForm {
 public:
  // InvalidArgument for a multipart body that does not parse, or a body of another type
  // (JSON is the Admin API's, not a form's).
  static Result<AdminForm> Parse(const http::Request& request);

  bool Has(std::string_view name) const { return fields_.count(name) != 0; }
  // The first value of the field; nullopt when absent.
  std::optional<std::string> Get(std::string_view name) const;
  // The first value, or "" when absent.
  std::string Value(std::string_view name) const { return Get(name).value_or(""); }
  // Every value of a repeated field (checkboxes of one name), in order.
  const std::vector<std::string>& All(std::string_view name) const;
  // A checkbox: present with any value but "0" or "".
  bool Checked(std::string_view name) const;
  // A positive id field (ParseId); nullopt when absent or malformed.
  std::optional<std::int64_t> Id(std::string_view name) const;
  // A file part (with a filename) of a multipart post; null when absent or empty.
  const http::MultipartPart* File(std::string_view name) const;

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> fields_;
  std::vector<http::MultipartPart> files_;
};

}  // namespace warta::web
