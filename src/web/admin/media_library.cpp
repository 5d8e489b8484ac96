// GET /admin/media: the media library, newest first (?page=N), with the upload form; POST
// /admin/media (multipart: file, alt, caption, credit) stores a picture and returns to the
// library. Editors and admins (CONTRACT §6: media is an editor's). A refused file shows the
// library again (400/413/422/503) with the reason next to the file field.
#include <spdlog/spdlog.h>

#include "core/ascii.h"
#include "storage/media_store.h"
#include "web/admin/admin_handlers.h"
#include "web/admin/admin_page.h"
#include "web/admin/form.h"
#include "web/admin/media_view.h"
#include "web/handlers.h"
#include "web/request/locale_choice.h"

namespace warta::web {
namespace {

constexpr int kMediaPerPage = 48;
constexpr int kMaxPage = 10'000;

int StatusOf(const Error& error) {
  switch (error.code) {
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kInvalidArgument:
      return 422;
    default:
      return 503;
  }
}

http::Response Library(Context& context, const http::Request& request, const Staff& staff,
                       const PictureTexts& typed, const std::string& file_error, int status) {
  int page_number = 1;
  if (auto n = ParseId(request.QueryParam("page")); n && *n <= kMaxPage) {
    page_number = static_cast<int>(*n);
  }
  auto media =
      context.store.media().ListNewest(kMediaPerPage + 1, (page_number - 1) * kMediaPerPage);
  if (!media.ok()) return AdminErrorPage(context, request, media.error(), "media library");
  AdminPage page = StartAdminPage(context, request, staff, "admin_nav_media", "media");
  view::Data items = view::MakeList();
  for (std::size_t i = 0; i < media->size() && i < kMediaPerPage; ++i) {
    items.push_back(MediaItemData((*media)[i]));
  }
  page.data.set("items", items);
  page.data.set("has_items", !media->empty());
  if (media->size() > static_cast<std::size_t>(kMediaPerPage)) {
    page.data.set("next_path", "/admin/media?page=" + std::to_string(page_number + 1));
  }
  if (page_number > 1) {
    page.data.set("prev_path", "/admin/media?page=" + std::to_string(page_number - 1));
  }
  page.data.set("alt", typed.alt);
  page.data.set("caption", typed.caption);
  page.data.set("credit", typed.credit);
  page.data.set("enabled", context.media != nullptr);
  if (!file_error.empty()) SetFieldErrors(page, {{"file", file_error}});
  return RenderAdminPage(context, request, page, "media", status);
}

}  // namespace

http::Response AdminMedia(Context& context, const http::Request& request,
                          const http::RouteParams& /*params*/, const Staff& staff) {
  return Library(context, request, staff, {}, "", 200);
}

http::Response AdminMediaUpload(Context& context, const http::Request& request,
                                const http::RouteParams& /*params*/, const Staff& staff) {
  auto form = AdminForm::Parse(request);
  if (!form.ok()) return ErrorPage(context, request, 400);
  const Site& site = SiteFor(context, request);
  PictureTexts texts{std::string(ascii::Trim(form->Value("alt"))),
                     std::string(ascii::Trim(form->Value("caption"))),
                     std::string(ascii::Trim(form->Value("credit")))};
  const http::MultipartPart* file = form->File("file");
  if (file == nullptr) {
    return Library(context, request, staff, texts, site.T("admin_media_error_none"), 400);
  }
  auto stored = StorePicture(context, staff, *file, texts);
  if (!stored.ok()) {
    return Library(context, request, staff, texts, PictureErrorText(site, stored.error()),
                   StatusOf(stored.error()));
  }
  return AdminSeeOther("/admin/media?done=uploaded#media-" + std::to_string(stored->id));
}

}  // namespace warta::web
