// `warta article status ID STATUS [--publish-at RFC3339]`: moves an article through the
// newsroom's life cycle from the shell (docs/decisions/0009-newsroom.md "Transitions"), as an
// editor would in /admin: through newsroom::EditorialService, so the rules, the revision and
// the audit entry are the same. A running serve follows within its cache refresh (a few
// seconds); changes made in the admin apply at once.
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli.h"
#include "app/commands.h"
#include "core/rfc3339.h"
#include "newsroom/service.h"

namespace warta::app {
namespace {

int RunArticleStatus(const CommonOptions& options, const std::string& id_text,
                     const std::string& status, const std::string& publish_at) {
  std::int64_t id = 0;
  try {
    id = std::stoll(id_text);
  } catch (const std::exception&) {
    return Fail("article status: '" + id_text + "' is not an article id");
  }
  auto opened = OpenConfiguredStore(options);
  if (!opened.ok()) return Fail(opened.error().ToString());
  newsroom::EditorialService editorial(*opened->store, SystemClock::Get(),
                                       newsroom::NewsroomOptions{});
  const newsroom::Principal system = newsroom::System();
  Result<model::EditorialArticle> done = Error::Internal("unreachable");
  if (status == "unpublished") {
    done = editorial.Unpublish(system, id);
  } else {
    auto current = editorial.Get(system, id);
    if (!current.ok()) return Fail("article status: " + current.error().message);
    newsroom::ArticleInput input;
    input.version = current->revision;
    input.status = status;
    if (!publish_at.empty()) {
      auto at = ParseRfc3339(publish_at);
      if (!at.ok())
        return Fail("article status: --publish-at '" + publish_at + "' is not RFC 3339");
      input.publish_at = *at;
    }
    auto saved = editorial.Update(system, id, input);
    if (!saved.ok()) return Fail("article status: " + saved.error().message);
    if (saved->kind == newsroom::SaveOutcome::Kind::kConflict) {
      return Fail("article status: the article changed meanwhile; try again");
    }
    done = saved->article;
  }
  if (!done.ok()) return Fail("article status: " + done.error().message);
  nlohmann::json out = {{"id", id}, {"status", std::string(model::ToText(done->status))}};
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace

// Declared where `article` is registered (app/cmd_article_add.cpp).
void RegisterArticleStatus(CommandLine& line, CLI::App* article) {
  CLI::App* command = article->add_subcommand(
      "status", "Move an article to draft, scheduled, published or unpublished");
  line.AddStoreOptions(command);
  std::string* id = &line.NewValue();
  std::string* status = &line.NewValue();
  std::string* publish_at = &line.NewValue();
  command->add_option("ID", *id, "The article's id")->required();
  command->add_option("STATUS", *status, "draft, scheduled, published or unpublished")
      ->required()
      ->check(CLI::IsMember({"draft", "scheduled", "published", "unpublished"}));
  command->add_option("--publish-at", *publish_at, "When a scheduled article goes live (RFC 3339)");
  line.OnRun(command, [&line, id, status, publish_at] {
    return RunArticleStatus(line.options(), *id, *status, *publish_at);
  });
}

}  // namespace warta::app
