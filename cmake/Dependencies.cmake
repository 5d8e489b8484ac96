# Every third-party library is found here once; each module links only what it owns.
# Third-party headers are SYSTEM includes so their warnings do not fail our -Werror build.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(Boost 1.74 REQUIRED)            # Beast + Asio are header-only
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(CLI11 REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(ZLIB REQUIRED)
find_package(CURL REQUIRED)               # headers only: the fetcher dlopen()s libcurl.so.4 (multi interface)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
find_package(LibXml2 REQUIRED)           # LibXml2::LibXml2, the feed parser's XML reader
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
# libpq (libpq-dev; libpq5 at run time): the PostgreSQL backend (src/storage/postgres/).
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# libvips (libvips-dev): headers only for the media module, which dlopen()s libvips.so.42 on
# the first picture (docs/decisions/0010-pictures.md); the media tests link it to make pictures.
pkg_check_modules(VIPS REQUIRED IMPORTED_TARGET vips)
if(NOT TARGET kainjow::mustache)
  add_library(kainjow::mustache INTERFACE IMPORTED)
  # Debian installs it as /usr/include/kainjow/mustache.hpp
endif()
# cmark-gfm (libcmark-gfm-dev, libcmark-gfm-extensions-dev): Markdown of comments. Debian
# ships no CMake package for it, so the libraries are found by name.
find_library(CMARK_GFM_LIBRARY cmark-gfm REQUIRED)
find_library(CMARK_GFM_EXTENSIONS_LIBRARY cmark-gfm-extensions REQUIRED)
