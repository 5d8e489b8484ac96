// `warta db ...` (cmd_db.cpp). Apart from cli.h's list, so adding it rebuilt only main.cpp.
#pragma once

#include "app/cli.h"

namespace warta::app {

void RegisterDb(CommandLine& line);

}  // namespace warta::app
