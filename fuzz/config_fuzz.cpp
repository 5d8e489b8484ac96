// warta.toml: the configuration loader (toml++ and the option table) on any file. An
// operator's typo must end in a clear error, never a crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "config/config.h"
#include "fuzz/fuzz_check.h"

namespace {

// One file per process, rewritten for every input (Load reads a path).
const std::string& ConfigPath() {
  static const std::string path = [] {
    const char* dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    return std::string(dir) + "/warta-fuzz-config-" + std::to_string(getpid()) + ".toml";
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::FILE* file = std::fopen(ConfigPath().c_str(), "wb");
  WARTA_FUZZ_CHECK(file != nullptr);
  WARTA_FUZZ_CHECK(std::fwrite(data, 1, size, file) == size);
  std::fclose(file);
  char* no_env[] = {nullptr};
  auto config = warta::config::Load(ConfigPath(), no_env, {});
  if (!config.ok()) WARTA_FUZZ_CHECK(!config.error().message.empty());
  // The listen address is parsed again when serving: any string must be safe there too.
  const std::string listen(warta::fuzz::Bytes(data, size).substr(0, 256));
  (void)warta::config::ParseListen(listen);
  return 0;
}
