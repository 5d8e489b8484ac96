#include <unicode/translit.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "i18n/formatter.h"
#include "i18n/icu_util.h"
#include "i18n/japanese_reading.h"

namespace warta::i18n {
namespace {

constexpr std::size_t kMaxSlugBytes = 80;
// A title longer than this cannot add to an 80-byte slug; bounds the transliteration work.
constexpr int32_t kMaxTitleChars = 400;

class SlugTransliterator {
 public:
  // Creating the transliterator parses rule sets (tens of milliseconds): once per process.
  static SlugTransliterator& Get() {
    static SlugTransliterator instance;
    return instance;
  }

  // Falls back to the text unchanged when ICU could not build the transliterator; the ASCII
  // filter that follows still gives a usable (if poorer) slug.
  // japanese: read kana and kanji as Japanese first (MeCab), when its dictionary is there.
  std::string ToAscii(std::string_view title, bool japanese) {
    icu::UnicodeString text = internal::FromUtf8(title);
    if (text.length() > kMaxTitleChars) text.truncate(kMaxTitleChars);
    if (japanese) {
      const std::string bounded = internal::ToUtf8(text);
      // Kanji alone are read as Japanese too: the titles of a portal about Japan; a Chinese
      // title gets Japanese readings, still a readable ASCII slug.
      if (HasJapanese(bounded)) {
        if (std::optional<std::string> reading = JapaneseReading(bounded)) {
          text = internal::FromUtf8(*reading);
        }
      }
    }
    if (transliterator_) {
      // Transliterator is not thread-safe.
      std::lock_guard lock(mu_);
      transliterator_->transliterate(text);
    }
    return internal::ToUtf8(text);
  }

 private:
  SlugTransliterator() {
    UErrorCode status = U_ZERO_ERROR;
    transliterator_.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower",
                                                              UTRANS_FORWARD, status));
    if (U_FAILURE(status)) transliterator_.reset();
  }

  std::mutex mu_;
  std::unique_ptr<icu::Transliterator> transliterator_;
};

bool IsApostrophe(std::string_view text, std::size_t i) {
  return text[i] == '\'' || text.substr(i, 3) == "\xE2\x80\x99";  // ' or U+2019
}

std::string SlugFromAscii(const std::string& ascii);

}  // namespace

std::string Slugify(std::string_view title) {
  return SlugFromAscii(SlugTransliterator::Get().ToAscii(title, true));
}

std::string SlugifyWithoutJapaneseReader(std::string_view title) {
  return SlugFromAscii(SlugTransliterator::Get().ToAscii(title, false));
}

namespace {

std::string SlugFromAscii(const std::string& ascii) {
  std::string slug;
  bool pending_dash = false;
  for (std::size_t i = 0; i < ascii.size() && slug.size() <= kMaxSlugBytes; ++i) {
    char c = ascii[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (pending_dash && !slug.empty()) slug += '-';
      pending_dash = false;
      slug += c;
    } else if (IsApostrophe(ascii, i)) {
      // "China's" -> "chinas", not "china-s".
    } else {
      pending_dash = true;
    }
  }
  if (slug.size() > kMaxSlugBytes) {
    // Cut on a word boundary unless that would throw away more than half the slug.
    const std::size_t dash = slug.rfind('-', kMaxSlugBytes);
    slug.resize(dash != std::string::npos && dash >= kMaxSlugBytes / 2 ? dash : kMaxSlugBytes);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
  }
  return slug;
}

}  // namespace
}  // namespace warta::i18n
