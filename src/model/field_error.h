// How validation errors name what is wrong: "<record>: '<field>' <what>", for example
// "article: 'title' is longer than 1000 bytes". The CLI prints these and tests match them.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/result.h"

namespace warta::model {

Error FieldError(std::string_view record, ErrorCode code, std::string_view field,
                 std::string_view what);

// TooLarge "<record>: '<field>' is longer than <max_bytes> bytes" when `value` is longer.
Result<void> CheckFieldLength(std::string_view record, std::string_view field,
                              std::string_view value, std::size_t max_bytes);

}  // namespace warta::model
