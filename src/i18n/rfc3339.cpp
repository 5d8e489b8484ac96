#include "core/rfc3339.h"

#include "i18n/formatter.h"

namespace warta::i18n {

std::string Formatter::Iso8601Utc(std::int64_t unix_seconds) {
  return FormatRfc3339Utc(unix_seconds);
}

}  // namespace warta::i18n
