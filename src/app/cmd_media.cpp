// `warta media add FILE [--alt TEXT]`: takes a picture in as an upload would (for scripts and
// tests) and prints the upload's JSON {"id", "url", "width", "height", "srcset"}.
#include <iostream>

#include "app/cli.h"
#include "app/commands.h"
#include "app/media_setup.h"
#include "media/media_json.h"

namespace warta::app {

int RunMediaAdd(const CommonOptions& options, const std::string& file, const std::string& alt) {
  auto configured = OpenConfiguredStore(options);
  if (!configured.ok()) return Fail(configured.error().ToString());
  // One byte over the limit is enough to refuse; a larger file is not read whole.
  auto bytes = ReadInputFile(
      file, static_cast<std::size_t>(configured->config.media.max_upload_bytes), "media add");
  if (!bytes.ok()) return Fail(bytes.error().ToString());
  auto library = OpenMediaLibrary(configured->config, *configured->store);
  if (!library.ok()) return Fail(library.error().ToString());
  media::PictureInfo info;
  info.alt = alt;
  auto stored = (*library)->Add(*bytes, info);
  if (!stored.ok()) return Fail(file + ": " + stored.error().ToString());
  std::cout << media::UploadJson(*stored) << "\n";
  return 0;
}

void RegisterMedia(CommandLine& line) {
  CLI::App* media = line.cli().add_subcommand("media", "Manage pictures");
  media->require_subcommand(1);
  CLI::App* add = media->add_subcommand(
      "add", "Take a picture in (JPEG, PNG, GIF, WebP, HEIC) and make its renditions");
  line.AddStoreOptions(add);
  std::string* file = &line.NewValue();
  std::string* alt = &line.NewValue();
  add->add_option("FILE", *file, "The picture ('-' for stdin)")->required();
  add->add_option("--alt", *alt, "Text alternative for readers who cannot see it");
  line.OnRun(add, [&line, file, alt] { return RunMediaAdd(line.options(), *file, *alt); });
}

}  // namespace warta::app
