#include <unistd.h>

#include <fstream>
#include <iostream>

#include "app/commands.h"
#include "core/random.h"
#include "i18n/formatter.h"
#include "ingest/sanitizer/sanitizer.h"
#include "model/article_json.h"
#include "web/site.h"

extern char** environ;

namespace warta::app {

int Fail(const std::string& message) {
  std::cerr << "warta: " << message << "\n";
  return 1;
}

Result<config::Config> LoadConfig(const CommonOptions& options) {
  return config::Load(options.config_file, environ, options.overrides);
}

Result<std::unique_ptr<storage::Store>> OpenMigratedStore(const config::Config& config) {
  auto store = storage::OpenStore(config.db.url);
  if (!store.ok()) return store.error();
  auto version = store.value()->Migrate();
  if (!version.ok()) return version.error();
  return std::move(store).value();
}

Result<ConfiguredStore> OpenConfiguredStore(const CommonOptions& options) {
  auto config = LoadConfig(options);
  if (!config.ok()) return config.error();
  auto store = OpenMigratedStore(config.value());
  if (!store.ok()) return store.error();
  return ConfiguredStore{std::move(config).value(), std::move(store).value()};
}

Result<std::string> ReadAtMost(std::istream& in, std::size_t max_bytes, std::string_view module,
                               const std::string& name) {
  std::string data(max_bytes + 1, '\0');
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  data.resize(static_cast<std::size_t>(in.gcount()));
  if (data.size() > max_bytes) {
    return MakeError(ErrorCode::kTooLarge, std::string(module) + ": " + name + " is larger than " +
                                               std::to_string(max_bytes) + " bytes");
  }
  return data;
}

Result<std::string> ReadInputFile(const std::string& path, std::size_t max_bytes,
                                  std::string_view module) {
  if (path == "-") return ReadAtMost(std::cin, max_bytes, module, "'-'");
  std::ifstream file(path, std::ios::binary);
  if (!file) return MakeError(ErrorCode::kIo, std::string(module) + ": cannot read '" + path + "'");
  return ReadAtMost(file, max_bytes, module, "'" + path + "'");
}

Result<std::string> SigningSecret(storage::SettingsStore& settings) {
  auto existing = settings.Get(web::kSettingSecret);
  if (!existing.ok()) return existing.error();
  if (existing.value().has_value() && existing.value()->size() >= 32) return *existing.value();
  WARTA_RETURN_IF_ERROR(settings.Set(web::kSettingSecret, RandomHex(32)));
  auto created = settings.Get(web::kSettingSecret);
  if (!created.ok()) return created.error();
  if (!created.value().has_value()) {
    return MakeError(ErrorCode::kInternal, "settings: the signing secret was not stored");
  }
  return *created.value();
}

Result<std::int64_t> AddArticle(storage::Store& store, model::NewArticle article,
                                const std::string& base_url) {
  ingest::sanitizer::SanitizeOptions options;
  options.base_url = article.url.empty() ? base_url : article.url;
  article.body_html = ingest::sanitizer::Sanitize(article.body_html, options);
  if (article.body_html.empty()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "article: the body is empty once unsafe or unsupported HTML is removed");
  }
  article.slug = i18n::Slugify(article.title);
  if (article.published_at == 0) article.published_at = UnixNow();
  WARTA_RETURN_IF_ERROR(model::ValidateNewArticle(article));
  return store.articles().Insert(article);
}

}  // namespace warta::app
