#include "web/site_look.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>

#include "core/ascii.h"
#include "core/utf8.h"
#include "media/names.h"

namespace warta::web {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// WCAG 2's relative luminance of one sRGB channel (0..255).
double Linear(int channel) {
  const double c = channel / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// The CSS as the browser reads it after escapes: "\75 rl(" is "url(". Lower-cased, so the
// checks below see every spelling of a keyword.
std::string Unescaped(std::string_view css) {
  std::string out;
  out.reserve(css.size());
  for (std::size_t i = 0; i < css.size(); ++i) {
    if (css[i] != '\\' || i + 1 == css.size()) {
      out += ascii::ToLower(css[i]);
      continue;
    }
    ++i;
    if (HexValue(css[i]) < 0) {
      if (css[i] != '\n') out += ascii::ToLower(css[i]);
      continue;
    }
    char32_t code = 0;
    std::size_t digits = 0;
    for (; digits < 6 && i < css.size() && HexValue(css[i]) >= 0; ++digits, ++i) {
      code = code * 16 + static_cast<char32_t>(HexValue(css[i]));
    }
    // One white space after the digits belongs to the escape.
    if (i < css.size() && ascii::IsSpace(css[i])) ++i;
    --i;
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
    std::string decoded;
    utf8::Append(decoded, code);
    out += ascii::Lower(decoded);
  }
  return out;
}

// The target of the url( at `open` (just after the parenthesis): quoted or bare.
std::string_view UrlArgument(std::string_view css, std::size_t open) {
  std::size_t i = open;
  while (i < css.size() && ascii::IsSpace(css[i])) ++i;
  if (i < css.size() && (css[i] == '"' || css[i] == '\'')) {
    const char quote = css[i];
    const std::size_t end = css.find(quote, i + 1);
    return css.substr(i + 1, end == std::string_view::npos ? css.npos : end - i - 1);
  }
  std::size_t end = i;
  while (end < css.size() && css[end] != ')' && !ascii::IsSpace(css[end])) ++end;
  return css.substr(i, end - i);
}

bool IsLocalTarget(std::string_view url) {
  if (url.rfind("data:image/", 0) == 0) return true;
  if (!url.empty() && url[0] == '#') return true;  // a fragment of the same document
  return url.size() >= 2 && url[0] == '/' && url[1] != '/' && url[1] != '\\';
}

Error CssProblem(const std::string& problem) {
  return Error::InvalidArgument(problem, "settings_error_custom_css");
}

}  // namespace

Result<void> CheckAccentColor(std::string_view value) {
  auto bad = [](const std::string& problem) {
    return Error::InvalidArgument(problem, "settings_error_accent_color");
  };
  if (value.size() != 7 || value[0] != '#' ||
      !std::all_of(value.begin() + 1, value.end(), [](char c) { return HexValue(c) >= 0; })) {
    return bad("expected #rrggbb, e.g. #a4161a");
  }
  auto channel = [&value](std::size_t at) {
    return HexValue(value[at]) * 16 + HexValue(value[at + 1]);
  };
  const double luminance =
      0.2126 * Linear(channel(1)) + 0.7152 * Linear(channel(3)) + 0.0722 * Linear(channel(5));
  const double contrast = 1.05 / (luminance + 0.05);
  if (contrast < 4.5) {
    char ratio[16];
    std::snprintf(ratio, sizeof ratio, "%.1f", contrast);
    return bad(std::string("too light: white text on it has a contrast of ") + ratio +
               ":1, at least 4.5:1 is needed to be readable");
  }
  return Ok();
}

Result<void> CheckCustomCss(std::string_view css) {
  if (css.size() > kMaxCustomCssBytes) {
    return CssProblem("larger than " + std::to_string(kMaxCustomCssBytes / 1024) + " KB");
  }
  std::size_t bad_offset = 0;
  if (!utf8::IsValid(css, &bad_offset)) {
    return CssProblem("not UTF-8 (byte " + std::to_string(bad_offset) + ")");
  }
  const auto control = std::find_if(css.begin(), css.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || u == 0x7f;
  });
  if (control != css.end()) {
    return CssProblem("a control character at byte " + std::to_string(control - css.begin()));
  }
  const std::string plain = Unescaped(css);
  if (plain.find("@import") != std::string::npos) {
    return CssProblem("@import is not allowed: put the rules here instead");
  }
  if (plain.find("image-set(") != std::string::npos) {
    return CssProblem("image-set() is not allowed: use url() with a local path");
  }
  for (std::size_t at = plain.find("url("); at != std::string::npos;
       at = plain.find("url(", at + 4)) {
    const std::string_view target = UrlArgument(plain, at + 4);
    if (!IsLocalTarget(target)) {
      return CssProblem("url(" + std::string(target.substr(0, 80)) +
                        ") leaves the site: only local paths (/media/…, /static/…) and data: "
                        "images are allowed, so readers' browsers never contact another host");
    }
  }
  return Ok();
}

std::string LookStylesheet(const SiteLook& look) {
  std::string out;
  if (!look.accent_color.empty()) {
    out += "@media not all and (prefers-color-scheme:dark){:root{--accent:" +
           ascii::Lower(look.accent_color) + "}}\n";
  }
  if (!look.custom_css.empty()) {
    out += "/* the site's custom CSS (admin settings) */\n";
    out += look.custom_css;
    if (out.back() != '\n') out += '\n';
  }
  return out;
}

Result<void> ResolveLookPictures(SiteLook& look, storage::MediaStore& media) {
  look.logo_url.clear();
  look.share_image_url.clear();
  if (look.logo_media_id > 0) {
    auto logo = media.FindById(look.logo_media_id);
    if (logo.ok()) {
      // The narrowest JPEG: a logo is shown small (the header caps its height).
      const model::MediaVariant* chosen = nullptr;
      for (const model::MediaVariant& v : logo->variants) {
        if (v.format == model::ImageFormat::kJpeg && (chosen == nullptr || v.width < chosen->width))
          chosen = &v;
      }
      if (chosen != nullptr) {
        look.logo_url = media::RenditionUrl(logo->sha256, chosen->width, chosen->format);
        look.logo_width = chosen->width;
        look.logo_height = chosen->height;
      }
    } else if (logo.error().code == ErrorCode::kNotFound) {
      spdlog::warn("settings: the logo (picture {}) is not in the media library; no logo shown",
                   look.logo_media_id);
    } else {
      return logo.error();
    }
  }
  if (look.share_image_media_id > 0) {
    auto share = media.FindById(look.share_image_media_id);
    if (share.ok()) {
      if (const model::MediaVariant* widest = media::FallbackVariant(*share)) {
        look.share_image_url = media::RenditionUrl(share->sha256, widest->width, widest->format);
      }
    } else if (share.error().code == ErrorCode::kNotFound) {
      spdlog::warn(
          "settings: the share image (picture {}) is not in the media library; the built-in one "
          "is used",
          look.share_image_media_id);
    } else {
      return share.error();
    }
  }
  return Ok();
}

}  // namespace warta::web
