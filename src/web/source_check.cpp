#include "web/source_check.h"

#include "storage/source_store.h"

namespace warta::web {

Result<std::int64_t> AddCheckedSource(Context& context, const model::NewSource& source) {
  if (context.check_source_url) {
    if (auto checked = context.check_source_url(source.url); !checked.ok()) {
      return checked.error();
    }
  }
  return context.store.sources().Add(source);
}

}  // namespace warta::web
