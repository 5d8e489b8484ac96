# The commands of README "Quick start". Everything else is CMake presets (CMakePresets.json).
SHELL := /bin/bash
JOBS ?= $(shell nproc)
DB ?= sqlite:data/warta.db
LISTEN ?= 127.0.0.1:8080
WERROR ?= $(if $(CI),ON,OFF)

.PHONY: all build run test bench soak deps deps-test deps-bench format lint asan fuzz clean package

all: build

deps:
	@scripts/install-deps.sh build
deps-test:
	@scripts/install-deps.sh test
deps-bench:
	@scripts/install-deps.sh bench

# Configuring prints what CMake finds; the build prints ninja's [n/N] progress.
configure = @echo "== configure: cmake --preset release $(1)" && cmake --preset release -DWARTA_WERROR=$(WERROR) $(1)

# The program alone: `make build` and `make run` compile only what the warta binary needs,
# never the test binaries, and need only the build packages.
build: deps
	$(call configure,)
	@echo "== build: build/release/warta"
	@cmake --build --preset release -j $(JOBS) --target warta

# Serves the demo site; the database is created and filled on first run only.
run: build
	@mkdir -p data
	@if [ ! -f data/warta.db ]; then build/release/warta demo --db $(DB); fi
	@echo "== serving http://$(LISTEN) (Ctrl-C stops; port taken? make run LISTEN=127.0.0.1:8081)"
	build/release/warta serve --db $(DB) --listen $(LISTEN)

# Tests turn on WARTA_BUILD_TESTS (GoogleTest binaries, CTest registration) in the same tree.
test: deps-test
	$(call configure,-DWARTA_BUILD_TESTS=ON)
	@echo "== build: warta and the test binaries"
	@cmake --build --preset release -j $(JOBS)
	@cd build/release && ctest --output-on-failure -j $(JOBS) --timeout 900

bench: deps-bench build
	@bench/run.sh

# The crash test for long (issue 16): kill -9 at random moments under likes, comments and
# views for SOAK_SECONDS (default 600); tests/integration/crash_load.py. `make test` runs it
# for seconds (integration.test_crash).
SOAK_SECONDS ?= 600
soak: build
	@cd tests/integration && SOAK_SECONDS=$(SOAK_SECONDS) WARTA_BIN=$(CURDIR)/build/release/warta \
		python3 crash_load.py

# The Debian package, checked (lintian, the systemd unit): build/package/warta_*.deb
# (docs/deploy.md).
package:
	@scripts/install-deps.sh package
	@JOBS=$(JOBS) scripts/package.sh

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

lint: build
	@scripts/lint.sh

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer (build/asan; CI runs it):
# what it skips and why, in scripts/sanitizer-suite.sh and docs/testing.md.
asan: deps-test
	@JOBS=$(JOBS) scripts/sanitizer-suite.sh

# libFuzzer targets (fuzz/): each runs FUZZ_SECONDS; crashes in build/fuzz-crashes/ fail it.
FUZZ_SECONDS ?= 300
fuzz:
	@scripts/install-deps.sh fuzz
	@JOBS=$(JOBS) FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh

clean:
	@rm -rf build
