# slaclock: the Rust core, its WebAssembly build and the npm package `slaclock` (pkg/).
#
#   make setup   install what the builds and tests need (skips what is already there)
#   make pkg     build the npm package into pkg/
#   make test    every suite: native cargo test, wasm-bindgen tests (Node, Chromium),
#                pkg-tests (Node, workerd, Deno, Chromium); a summary line per suite
#   make demo    build pkg/, copy it to www/pkg/ and serve www/ on 127.0.0.1:$(PORT)
#   make size    raw/gzip/brotli sizes of the wasm and JS glue, full and zone-filtered
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

WASM_BINDGEN_VERSION := 0.2.130
PORT ?= 8080
# Zones of the filtered build that `make size` measures (a JS regex over zone ids; see
# `--tz-filter` in scripts/build-pkg.mjs: UTC, GMT and the aliases of kept zones are kept).
TZ_FILTER ?= (Europe/.*|America/New_York|America/Chicago|America/Denver|America/Los_Angeles|UTC)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup setup-rust setup-browser setup-npm pkg test demo size bench fuzz

setup: setup-rust setup-browser setup-npm

setup-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $(WASM_BINDGEN_VERSION)' \
	  || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --debug

setup-browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null \
	  || { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver; }

# npm installs are reproducible from the committed package-lock.json files.
setup-npm: scripts/node_modules/.package-lock.json

scripts/node_modules/.package-lock.json: scripts/package.json scripts/package-lock.json
	cd scripts && npm ci --no-audit --no-fund

# pkg-tests depends on the built package (`"slaclock": "file:../pkg"`), so it installs after pkg/.
pkg-tests/node_modules/.package-lock.json: pkg-tests/package.json pkg-tests/package-lock.json | pkg
	cd pkg-tests && npm ci --no-audit --no-fund

pkg: setup-rust setup-npm
	node scripts/build-pkg.mjs

www/node_modules/.package-lock.json: www/package.json www/package-lock.json
	cd www && npm ci --no-audit --no-fund

test: setup pkg pkg-tests/node_modules/.package-lock.json www/node_modules/.package-lock.json
	rm -rf www/pkg && cp -r pkg www/pkg
	bash scripts/test-all.sh

demo: pkg
	rm -rf www/pkg && cp -r pkg www/pkg
	PORT=$(PORT) node scripts/serve.mjs www

size: pkg
	node scripts/build-pkg.mjs --out target/pkg-tz-filter --tz-filter '$(TZ_FILTER)' > /dev/null
	node scripts/size.mjs pkg target/pkg-tz-filter

# Benchmarks against the peers (not part of `make test`); figures and method in BENCHMARKS.md.
#   make bench CRITERION_ARGS='--sample-size 10 utc_10hol' JS_BENCH_ARGS='--quick'
CRITERION_ARGS ?=
JS_BENCH_ARGS ?=
bench: pkg bench/js/node_modules/.package-lock.json
	cd bench/native && cargo run --release --bin compare
	cd bench/native && cargo bench --bench core -- $(CRITERION_ARGS)
	cd bench/js && TZ=UTC node bench.mjs $(JS_BENCH_ARGS)
	node bench/js/report.mjs

bench/js/node_modules/.package-lock.json: bench/js/package.json bench/js/package-lock.json
	cd bench/js && npm ci --no-audit --no-fund

# Ten minutes of cargo-fuzz over calendar JSON and random operations (nightly toolchain).
FUZZ_SECONDS ?= 600
# calendar_ops: calendar JSON + operations; report_text: the report's ticket scanner
# against the careful JSON path (same report, byte for byte).
FUZZ_TARGET ?= calendar_ops
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	cd fuzz && cargo +nightly fuzz run $(FUZZ_TARGET) -- -max_total_time=$(FUZZ_SECONDS) -timeout=30 -rss_limit_mb=4096
