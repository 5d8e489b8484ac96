# The commands of CONTRACT §1. Everything else is CMake presets (CMakePresets.json).
SHELL := /bin/bash
JOBS ?= $(shell nproc)
DB ?= sqlite:data/warta.db
WERROR ?= $(if $(CI),ON,OFF)

.PHONY: all build run test bench deps deps-test deps-bench format lint asan clean

all: build

deps:
	@scripts/install-deps.sh build
deps-test:
	@scripts/install-deps.sh test
deps-bench:
	@scripts/install-deps.sh bench

build/release/build.ninja: CMakeLists.txt CMakePresets.json
	@cmake --preset release -DWARTA_WERROR=$(WERROR) >/dev/null

build: deps build/release/build.ninja
	@cmake --build --preset release -j $(JOBS)

# Serves the demo site; the database is created and filled on first run only.
run: build
	@mkdir -p data
	@if [ ! -f data/warta.db ]; then build/release/warta demo --db $(DB); fi
	build/release/warta serve --db $(DB)

test: deps-test build
	@cd build/release && ctest --output-on-failure -j $(JOBS) --timeout 900

bench: deps-bench build
	@bench/run.sh

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

lint: build
	@scripts/lint.sh

asan: deps-test
	@cmake --preset asan >/dev/null && cmake --build --preset asan -j $(JOBS)
	@cd build/asan && ctest --output-on-failure -j $(JOBS) -L unit

clean:
	@rm -rf build
