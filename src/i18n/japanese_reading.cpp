#include "i18n/japanese_reading.h"

#include <mecab.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/icu_util.h"

namespace warta::i18n {
namespace {

// Debian's UTF-8 IPA dictionary (mecab-ipadic-utf8), named directly so a system mecabrc that
// points at the EUC-JP build (mecab-ipadic) cannot hand us readings in another encoding; the
// system's default comes second. WARTA_MECAB_DICDIR replaces both (odd installs, and the test
// that the fallback to ICU works).
constexpr const char* kDebianDictionary = "/var/lib/mecab/dic/ipadic-utf8";

struct Reader {
  mecab_model_t* model = nullptr;  // shared by every thread; never freed (lives as the process)
  JapaneseReaderStatus status;
};

bool IsUtf8(const char* charset) {
  std::string c = charset != nullptr ? charset : "";
  for (char& ch : c) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  return c == "utf-8" || c == "utf8";
}

Reader Load() {
  std::vector<std::pair<std::string, std::string>> tries;  // (mecab arguments, dictionary)
  if (const char* dir = std::getenv("WARTA_MECAB_DICDIR"); dir != nullptr && *dir != '\0') {
    tries.emplace_back(std::string("-r /dev/null -d ") + dir, dir);
  } else {
    tries.emplace_back(std::string("-r /dev/null -d ") + kDebianDictionary, kDebianDictionary);
    tries.emplace_back("", "the system's mecabrc");
  }
  Reader reader;
  std::string why;
  for (const auto& [args, name] : tries) {
    mecab_model_t* model = mecab_model_new2(args.c_str());
    if (model == nullptr) {
      const char* error = mecab_strerror(nullptr);
      why += (why.empty() ? "" : "; ") + name + ": " + (error != nullptr ? error : "not loaded");
      continue;
    }
    const mecab_dictionary_info_t* info = mecab_model_dictionary_info(model);
    if (info == nullptr || !IsUtf8(info->charset)) {
      why += (why.empty() ? "" : "; ") + name + ": not a UTF-8 dictionary";
      mecab_model_destroy(model);
      continue;
    }
    reader.model = model;
    reader.status = {true, std::string("MeCab ") + mecab_version() + ", " + info->filename};
    return reader;
  }
  reader.status = {false, why};
  return reader;
}

const Reader& Get() {
  static const Reader reader = Load();
  return reader;
}

std::vector<std::string_view> Fields(std::string_view feature) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = feature.find(',', start);
    fields.push_back(
        feature.substr(start, comma == std::string_view::npos ? comma : comma - start));
    if (comma == std::string_view::npos) return fields;
    start = comma + 1;
  }
}

// The reading as Hepburn writes it: the dictionary's reading (センセイ keeps its "ei"), but
// where the pronunciation lengthens an o with ー (トウキョウ, pronounced トーキョー) the ウ goes,
// so ICU makes "tokyo", not "toukyou".
std::string Pronounced(std::string_view reading, std::string_view pronunciation) {
  const icu::UnicodeString r = internal::FromUtf8(reading);
  const icu::UnicodeString p = internal::FromUtf8(pronunciation);
  if (r.length() != p.length()) return std::string(reading);
  icu::UnicodeString out;
  for (int32_t i = 0; i < r.length(); ++i) {
    if (p.charAt(i) == u'\u30FC' && r.charAt(i) == u'\u30A6') continue;  // ー over ウ
    out.append(r.charAt(i));
  }
  return internal::ToUtf8(out);
}

// Endings that belong to the word before them: auxiliary verbs (ました), suffixes (年 in
// 2024年, さん) and dependent verbs, so a verb stays one word in the slug.
bool Attaches(const std::vector<std::string_view>& f) {
  if (f[0] == "助動詞") return true;
  if (f.size() < 2) return false;
  return (f[0] == "名詞" && f[1] == "接尾") ||
         (f[0] == "動詞" && (f[1] == "接尾" || f[1] == "非自立"));
}

struct TaggerDeleter {
  void operator()(mecab_t* t) const { mecab_destroy(t); }
};
struct LatticeDeleter {
  void operator()(mecab_lattice_t* l) const { mecab_lattice_destroy(l); }
};

}  // namespace

bool HasJapanese(std::string_view utf8) {
  const icu::UnicodeString text = internal::FromUtf8(utf8);
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(text.char32At(i), &status);
    if (U_SUCCESS(status) &&
        (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA || script == USCRIPT_HAN)) {
      return true;
    }
  }
  return false;
}

const JapaneseReaderStatus& JapaneseReader() { return Get().status; }

std::optional<std::string> JapaneseReading(std::string_view utf8) {
  const Reader& reader = Get();
  if (reader.model == nullptr) return std::nullopt;
  // A tagger and lattice per call: MeCab's model is thread-safe, its taggers are not; both are
  // small next to the model they point into.
  std::unique_ptr<mecab_t, TaggerDeleter> tagger(mecab_model_new_tagger(reader.model));
  std::unique_ptr<mecab_lattice_t, LatticeDeleter> lattice(mecab_model_new_lattice(reader.model));
  if (!tagger || !lattice) return std::nullopt;
  const std::string sentence(utf8);
  mecab_lattice_set_sentence2(lattice.get(), sentence.data(), sentence.size());
  if (mecab_parse_lattice(tagger.get(), lattice.get()) == 0) return std::nullopt;

  std::string out;
  for (const mecab_node_t* node = mecab_lattice_get_bos_node(lattice.get()); node != nullptr;
       node = node->next) {
    if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE) continue;
    const std::string_view surface(node->surface, node->length);
    const std::vector<std::string_view> f = Fields(node->feature != nullptr ? node->feature : "");
    std::string word(surface);
    // IPA dictionary features: POS, 3 sub-POS, conjugation type and form, base, reading,
    // pronunciation. Unknown words (Latin, digits) stop at the base: keep their surface.
    if (f.size() >= 9 && f[7] != "*") {
      // Particles as pronounced: は wa, へ e (the IPA dictionary keeps を as ヲ: "wo").
      word = f[0] == "助詞" ? std::string(f[8]) : Pronounced(f[7], f[8]);
    }
    const bool attach = !out.empty() && Attaches(f) && node->rlength == node->length;
    if (!out.empty() && !attach) out += ' ';
    out += word;
  }
  return out;
}

}  // namespace warta::i18n
