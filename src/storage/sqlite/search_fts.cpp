#include "storage/sqlite/search_fts.h"

#include <sqlite3.h>

#include <memory>
#include <new>

#include "search/analyzer.h"
#include "storage/excerpt.h"

namespace warta::storage::sqlite {
namespace {

constexpr std::size_t kMaxLangBytes = 16;
constexpr std::size_t kMaxLanguages = 32;
constexpr std::size_t kMaxMarkerBytes = 2 + kMaxLanguages * (kMaxLangBytes + 1);

bool IsLangTag(std::string_view tag) {
  if (tag.empty() || tag.size() > kMaxLangBytes) return false;
  for (char c : tag) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

// Splits a leading marker off `text`: its languages (possibly none) and the rest.
bool SplitMarker(std::string_view text, std::vector<std::string>& languages,
                 std::size_t& body_offset) {
  languages.clear();
  body_offset = 0;
  if (text.empty() || text[0] != kLangMarker) return false;
  std::size_t end = text.find(kLangMarker, 1);
  if (end == std::string_view::npos || end > kMaxMarkerBytes) return false;
  std::string_view list = text.substr(1, end - 1);
  while (!list.empty()) {
    std::size_t comma = list.find(',');
    std::string_view tag = list.substr(0, comma);
    if (IsLangTag(tag) && languages.size() < kMaxLanguages) languages.emplace_back(tag);
    list.remove_prefix(comma == std::string_view::npos ? list.size() : comma + 1);
  }
  body_offset = end + 1;
  return true;
}

// Which forms to index or search for. A document in a known language is indexed with its
// stems only; one of unknown language with the plain words and the default languages' stems.
// A query asks for every form a document might have been indexed with.
search::Forms FormsFor(bool query, const std::vector<std::string>& languages) {
  search::Forms forms;
  if (!query && !languages.empty()) {
    forms.languages.push_back(languages.front());
    return forms;
  }
  if (query) forms.languages = languages;
  for (std::string_view fallback : search::kDefaultLanguages) {
    bool have = false;
    for (const std::string& l : forms.languages) have = have || l == fallback;
    if (!have) forms.languages.emplace_back(fallback);
  }
  forms.plain = true;
  return forms;
}

// --- the FTS5 tokenizer ---

// Per connection, shared by its "warta" tokenizers (FTS5 hands it to each one it creates) and
// its two SQL functions (their user data points at `text` and `html`).
struct SearchHooks {
  struct Function {
    SearchHooks* hooks = nullptr;
    bool html = false;
  };
  const PreparedDocuments* documents = nullptr;
  Function text{this, false};
  Function html{this, true};
};

void DestroyHooks(void* hooks) { delete static_cast<SearchHooks*>(hooks); }

struct Tokenizer {
  std::unique_ptr<search::Analyzer> analyzer;
  SearchHooks* hooks = nullptr;
  std::vector<std::string> languages;  // scratch
};

// The terms of one value (language marker first) as FTS5 receives them: emit(term, begin,
// end, colocated) with offsets into `all`. Returns false when emit did.
template <typename Emit>
bool AnalyzeValue(search::Analyzer& analyzer, std::vector<std::string>& languages,
                  std::string_view all, int flags, Emit&& emit) {
  std::size_t offset = 0;
  SplitMarker(all, languages, offset);
  const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  // highlight() and snippet() need only each word's position and offsets, which do not
  // depend on its forms: skip stemming for them.
  search::Forms forms =
      (flags & FTS5_TOKENIZE_AUX) != 0 ? search::Forms{} : FormsFor(query, languages);
  return analyzer.Tokenize(
      all.substr(offset), forms,
      [&](std::string_view term, std::size_t begin, std::size_t end, bool colocated) {
        return emit(term, begin + offset, end + offset, colocated);
      });
}

int CreateTokenizer(void* user_data, const char** /*args*/, int /*arg_count*/,
                    Fts5Tokenizer** out) {
  // No exception may cross into SQLite's C code.
  try {
    auto analyzer = search::Analyzer::Create();
    if (!analyzer.ok()) return SQLITE_ERROR;
    auto* tokenizer =
        new Tokenizer{std::move(analyzer).value(), static_cast<SearchHooks*>(user_data), {}};
    *out = reinterpret_cast<Fts5Tokenizer*>(tokenizer);
    return SQLITE_OK;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

void DeleteTokenizer(Fts5Tokenizer* tokenizer) { delete reinterpret_cast<Tokenizer*>(tokenizer); }

int Replay(const PreparedDocument& document, void* context,
           int (*on_token)(void*, int, const char*, int, int, int)) {
  for (const PreparedDocument::Term& t : document.terms) {
    int rc =
        on_token(context, t.colocated ? FTS5_TOKEN_COLOCATED : 0, document.bytes.data() + t.offset,
                 static_cast<int>(t.size), static_cast<int>(t.begin), static_cast<int>(t.end));
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

int Tokenize(Fts5Tokenizer* handle, void* context, int flags, const char* text, int size,
             int (*on_token)(void*, int, const char*, int, int, int)) {
  try {
    auto& tokenizer = *reinterpret_cast<Tokenizer*>(handle);
    std::string_view all(text, size > 0 ? static_cast<std::size_t>(size) : 0);
    const PreparedDocuments* prepared =
        tokenizer.hooks != nullptr ? tokenizer.hooks->documents : nullptr;
    if (prepared != nullptr && flags == FTS5_TOKENIZE_DOCUMENT) {
      if (const PreparedDocument* document = prepared->Find(all)) {
        prepared->CountReplay();
        return Replay(*document, context, on_token);
      }
    }
    int rc = SQLITE_OK;
    AnalyzeValue(*tokenizer.analyzer, tokenizer.languages, all, flags,
                 [&](std::string_view term, std::size_t begin, std::size_t end, bool colocated) {
                   rc = on_token(context, colocated ? FTS5_TOKEN_COLOCATED : 0, term.data(),
                                 static_cast<int>(term.size()), static_cast<int>(begin),
                                 static_cast<int>(end));
                   return rc == SQLITE_OK;
                 });
    return rc;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &raw, nullptr) != SQLITE_OK) return nullptr;
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
  sqlite3_bind_pointer(raw, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(raw);
  return api;
}

// --- the SQL functions ---

// Control characters would clash with the language and match markers: they become spaces.
void AppendClean(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  out.append(text);
  for (std::size_t i = start; i < out.size(); ++i) {
    const auto u = static_cast<unsigned char>(out[i]);
    if ((u < 0x20 && u != '\t' && u != '\n') || u == 0x7F) out[i] = ' ';
  }
}

std::string_view ValueText(sqlite3_value* value) {
  const unsigned char* text = sqlite3_value_text(value);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<std::size_t>(sqlite3_value_bytes(value))};
}

void SearchText(sqlite3_context* context, int /*argc*/, sqlite3_value** argv) {
  try {
    const auto& function = *static_cast<SearchHooks::Function*>(sqlite3_user_data(context));
    const std::string_view lang = ValueText(argv[0]);
    const std::string_view input = ValueText(argv[1]);
    if (const PreparedDocuments* prepared = function.hooks->documents) {
      if (const PreparedDocument* document = prepared->FindValue(lang, input, function.html)) {
        sqlite3_result_text64(context, document->text.data(), document->text.size(),
                              SQLITE_TRANSIENT, SQLITE_UTF8);
        return;
      }
    }
    std::string out = SearchValue(lang, input, function.html);
    sqlite3_result_text64(context, out.data(), out.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  } catch (const std::bad_alloc&) {
    sqlite3_result_error_nomem(context);
  } catch (...) {
    sqlite3_result_error(context, "warta_search_text failed", -1);
  }
}

Error RegisterError(sqlite3* db, std::string_view what) {
  return Error::Internal("sqlite: cannot register " + std::string(what) + ": " +
                         sqlite3_errmsg(db));
}

}  // namespace

std::string LangMarker(const std::vector<std::string>& languages) {
  std::string marker(1, kLangMarker);
  std::size_t kept = 0;
  for (const std::string& tag : languages) {
    if (!IsLangTag(tag) || kept == kMaxLanguages) continue;
    if (kept++ > 0) marker += ',';
    marker += tag;
  }
  marker += kLangMarker;
  return marker;
}

std::string_view StripLangMarker(std::string_view text) {
  std::vector<std::string> languages;
  std::size_t offset = 0;
  SplitMarker(text, languages, offset);
  return text.substr(offset);
}

std::string SearchValue(std::string_view lang, std::string_view text, bool html) {
  std::string out = LangMarker({std::string(lang)});
  if (html) {
    AppendClean(out, HtmlToText(text));
  } else {
    AppendClean(out, text);
  }
  return out;
}

std::string ValueKey(std::string_view lang, std::string_view input, bool html) {
  // The length first, so no language and input run into each other.
  std::string key = (html ? "h" : "t") + std::to_string(lang.size()) + ":";
  key += lang;
  key += input;
  return key;
}

PreparedDocument PrepareDocument(search::Analyzer& analyzer, std::string_view lang,
                                 std::string_view input, bool html) {
  PreparedDocument document;
  document.key = ValueKey(lang, input, html);
  document.text = SearchValue(lang, input, html);
  std::vector<std::string> languages;
  AnalyzeValue(analyzer, languages, document.text, FTS5_TOKENIZE_DOCUMENT,
               [&](std::string_view term, std::size_t begin, std::size_t end, bool colocated) {
                 document.terms.push_back({static_cast<std::uint32_t>(document.bytes.size()),
                                           static_cast<std::uint32_t>(term.size()),
                                           static_cast<std::uint32_t>(begin),
                                           static_cast<std::uint32_t>(end), colocated});
                 document.bytes += term;
                 return true;
               });
  return document;
}

void PreparedDocuments::Add(std::shared_ptr<const PreparedDocument> document) {
  // The key views the text of the document it maps to: a second document with the same text
  // (the same value analyzed the same way) is dropped, not swapped in under the first's key.
  const PreparedDocument* raw = document.get();
  if (by_text_.try_emplace(raw->text, std::move(document)).second) {
    by_key_.try_emplace(raw->key, raw);
  }
}

const PreparedDocument* PreparedDocuments::Find(std::string_view text) const {
  auto it = by_text_.find(text);
  return it == by_text_.end() ? nullptr : it->second.get();
}

const PreparedDocument* PreparedDocuments::FindValue(std::string_view lang, std::string_view input,
                                                     bool html) const {
  if (by_key_.empty()) return nullptr;
  scratch_key_ = ValueKey(lang, input, html);
  auto it = by_key_.find(scratch_key_);
  return it == by_key_.end() ? nullptr : it->second;
}

Result<void> AttachPreparedDocuments(sqlite3* db, const PreparedDocuments* documents) {
  fts5_api* api = Fts5Api(db);
  void* hooks = nullptr;
  fts5_tokenizer tokenizer{};
  if (api == nullptr || api->xFindTokenizer(api, "warta", &hooks, &tokenizer) != SQLITE_OK ||
      hooks == nullptr) {
    return Error::Internal("sqlite: the search tokenizer is not registered on this connection");
  }
  static_cast<SearchHooks*>(hooks)->documents = documents;
  return Ok();
}

Result<void> RegisterSearch(sqlite3* db) {
  fts5_api* api = Fts5Api(db);
  if (api == nullptr || api->iVersion < 2) {
    return Error::Internal("sqlite: this SQLite library has no FTS5");
  }
  static fts5_tokenizer tokenizer = {CreateTokenizer, DeleteTokenizer, Tokenize};
  auto* hooks = new SearchHooks;
  if (api->xCreateTokenizer(api, "warta", hooks, &tokenizer, DestroyHooks) != SQLITE_OK) {
    delete hooks;  // FTS5 calls DestroyHooks only for a registered tokenizer
    return RegisterError(db, "the FTS5 tokenizer");
  }
  // Deterministic and innocuous, so triggers may call them even with trusted_schema off.
  constexpr int kFlags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  if (sqlite3_create_function_v2(db, "warta_search_text", 2, kFlags, &hooks->text, SearchText,
                                 nullptr, nullptr, nullptr) != SQLITE_OK ||
      sqlite3_create_function_v2(db, "warta_search_html", 2, kFlags, &hooks->html, SearchText,
                                 nullptr, nullptr, nullptr) != SQLITE_OK) {
    return RegisterError(db, "the search functions");
  }
  return Ok();
}

}  // namespace warta::storage::sqlite
