#include "model/field_error.h"

#include <string>

namespace warta::model {

Error FieldError(std::string_view record, ErrorCode code, std::string_view field,
                 std::string_view what) {
  std::string message(record);
  message += ": '";
  message += field;
  message += "' ";
  message += what;
  return MakeError(code, std::move(message));
}

Result<void> CheckFieldLength(std::string_view record, std::string_view field,
                              std::string_view value, std::size_t max_bytes) {
  if (value.size() <= max_bytes) return Ok();
  return FieldError(record, ErrorCode::kTooLarge, field,
                    "is longer than " + std::to_string(max_bytes) + " bytes");
}

}  // namespace warta::model
