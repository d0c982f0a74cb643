# quotelens: the two commands are `make demo` and `make test`.
# Both install what is missing first (scripts/setup.sh), so they work on a
# fresh Debian machine with only the package registries reachable.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
# Suites run in the order listed, one at a time, with readable output.
.NOTPARALLEL:

CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
# node_modules/.bin first: wasm-pack must find wasm-opt from npm `binaryen`
# (Debian's older wasm-opt produces modules that break in Chromium).
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)

PORT ?= 8080
CHROMEDRIVER ?= /usr/bin/chromedriver
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM

WASM_FEATURES := --no-default-features --features wasm
# The widget's module: the bindings plus the DOM highlighter (feature dom).
DOM_FEATURES := --no-default-features --features dom
# The wasm modules are built at opt-level 2, not the release profile's 3
# (which the native CLI and benchmarks keep): 3.8 KB gzipped smaller for
# 1.4 % more instructions per analysis (BENCHMARKS.md, "Size").
WASM_PACK := CARGO_PROFILE_RELEASE_OPT_LEVEL=2 wasm-pack
WASM := pkg/quotelens_bg.wasm
WASM_DOM := pkg/quotelens_dom_bg.wasm
NODE_TEST := node --test --test-reporter=spec

.PHONY: help setup setup-browser build build-native build-wasm build-wasm-panic size demo serve \
	test lint test-native test-wasm test-wasm-node test-wasm-chrome test-js test-e2e \
	bench build-bench-pkg test-bench fuzz fuzz-setup fuzz-seed clean

help:
	@echo "make demo    set up, build pkg/ and serve the page on http://127.0.0.1:$(PORT)"
	@echo "make test    set up (incl. Chromium), then every suite: fmt, clippy, cargo test,"
	@echo "             wasm tests in Node and headless Chromium, JS package tests, Playwright"
	@echo "make build   native release CLI (target/release/quotelens) and pkg/ (npm package)"
	@echo "make bench   benchmarks: native (criterion, linear time, callgrind), wasm in Node"
	@echo "             and Chromium against compromise and wink-nlp, memory, page load (BENCHMARKS.md)"
	@echo "make fuzz    cargo-fuzz each target FUZZ_SECONDS (600) one after another (not in make test)"
	@echo "parts: setup lint test-native test-wasm-node test-wasm-chrome test-js test-e2e serve size clean"

setup:
	bash scripts/setup.sh

setup-browser:
	bash scripts/setup.sh --browser

# --- build -----------------------------------------------------------------

build: setup build-native build-wasm

build-native:
	cargo build --release

# Two modules: pkg/quotelens_bg.wasm (analyze() and the rest of the API,
# what a page or app loads) and, for the <quote-lens> widget only,
# pkg/quotelens_dom_bg.wasm (the same plus highlightElement(), built into
# target/pkg-dom/ and copied into pkg/ by scripts/package.mjs). The second
# build has a target directory of its own: both write quotelens.wasm, so
# sharing one would rebuild each module every time.
build-wasm:
	$(WASM_PACK) build --mode no-install --target web --release --out-name quotelens . $(WASM_FEATURES)
	CARGO_TARGET_DIR=$(CURDIR)/target/dom $(WASM_PACK) build --mode no-install --target web --release --no-pack \
		--out-dir target/pkg-dom --out-name quotelens_dom . $(DOM_FEATURES)
	node scripts/package.mjs
	@$(MAKE) --no-print-directory size

# The bindings with the hidden `__testPanic` export (feature test-panic),
# for js-tests/panic.test.mjs only; never the package. No wasm-opt: the
# glue, which the test is about, is the same either way.
build-wasm-panic:
	$(WASM_PACK) build --mode no-install --target web --release --no-opt --no-pack \
		--out-dir target/pkg-panic --out-name quotelens . --no-default-features --features wasm,test-panic
	cp js/index.js target/pkg-panic/

# Both modules (gzip -9, the figures BENCHMARKS.md quotes), then the main
# one by section with its glue (scripts/wasm-size.py: what a page that
# calls analyze() downloads; BENCHMARKS.md, "Size and page load").
size:
	@for f in $(WASM) $(WASM_DOM); do \
		printf '%s: %s bytes, %s gzipped\n' $$f $$(wc -c < $$f) $$(gzip -9c $$f | wc -c); \
	done
	@python3 scripts/wasm-size.py $(WASM) pkg/quotelens.js $$(find pkg/snippets -name '*.js' 2>/dev/null | sort)

# --- demo ------------------------------------------------------------------

demo: setup build-wasm serve

serve:
	python3 scripts/serve.py $(PORT)

# --- test ------------------------------------------------------------------

test: setup-browser lint test-native test-wasm test-js test-e2e test-bench

lint:
	cargo fmt --all --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --all-features -- -D warnings
	cargo clippy --target wasm32-unknown-unknown $(WASM_FEATURES) --lib --test web -- -D warnings
	cargo clippy --target wasm32-unknown-unknown $(DOM_FEATURES) --lib --test web --test dom -- -D warnings

test-native:
	cargo test --all-targets
	cargo test --doc

test-wasm: test-wasm-node test-wasm-chrome

# Plus feature serde (not in the shipped module), so that tests/web.rs can
# compare analyze() and quotes() with the Report's JSON.
test-wasm-node:
	$(WASM_PACK) test --mode no-install --node . $(WASM_FEATURES),serde --test web

test-wasm-chrome:
	CHROMEDRIVER=$(CHROMEDRIVER) WASM_BINDGEN_USE_BROWSER=1 \
		$(WASM_PACK) test --mode no-install --headless --chrome --chromedriver $(CHROMEDRIVER) \
		. $(DOM_FEATURES) --test web --test dom

# pkg.test.mjs: the glue in pkg/; consumer.test.mjs: the packed tarball
# installed offline (shared suite, README examples, tsc --strict);
# panic.test.mjs: panic recovery; limit.test.mjs: a 20 MiB input.
# e2e/package.spec.mjs runs the shared suite in Chromium.
test-js: build-wasm build-wasm-panic
	tsc -p js-tests/tsconfig.json
	$(NODE_TEST) js-tests/*.test.mjs

test-e2e: build-wasm
	$(NODE_TEST) e2e/*.spec.mjs

# --- fuzz (not part of `make test`) -----------------------------------------
# `make fuzz` runs each cargo-fuzz target in fuzz/ for FUZZ_SECONDS, one
# after another. Run long with e.g. `FUZZ_SECONDS=28800 make fuzz` or one
# target: `make fuzz FUZZ_TARGETS=analyze`. Crashes land in
# fuzz/artifacts/<target>/; see fuzz/README.md.

FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= tokenize analyze render_html
# libFuzzer flags: a slow input (timeout, seconds) is a linear-time finding.
FUZZ_FLAGS ?= -dict=fuzz/quotelens.dict -timeout=5 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1

fuzz: fuzz-setup fuzz-seed
	for t in $(FUZZ_TARGETS); do \
		cargo +nightly fuzz run -O $$t fuzz/corpus/$$t -- \
			-max_total_time=$(FUZZ_SECONDS) $(FUZZ_FLAGS) || exit 1; \
	done

fuzz-setup:
	rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz

# Seeds fuzz/corpus/ from testdata/*.json and fuzz/seeds/ (idempotent).
fuzz-seed:
	python3 scripts/fuzz-seed.py $(FUZZ_TARGETS)

# The benchmark scripts once each on small inputs, so they cannot rot
# (asserts nothing about time; `make bench` measures).
test-bench: build-wasm
	node benches/wasm.mjs --smoke
	node benches/memory.mjs --smoke
	node benches/chromium.mjs --smoke

# --- misc ------------------------------------------------------------------

# Everything BENCHMARKS.md reports, in a few minutes (longer on a loaded
# machine). Each part also runs alone: see BENCHMARKS.md.
bench: build-wasm build-bench-pkg
	cargo bench --bench core
	cargo bench --bench linear
	bash benches/callgrind.sh
	node benches/wasm.mjs
	node benches/memory.mjs
	node benches/chromium.mjs
	bash scripts/size-by-stage.sh

# The measurement-only wasm build (feature bench-boundary: analyzeJson and
# friends) that benches/wasm.mjs uses to time the boundary; never shipped.
build-bench-pkg:
	$(WASM_PACK) build --mode no-install --target web --release --out-dir target/bench-pkg \
		--out-name quotelens . --no-default-features --features bench-boundary
	@printf 'target/bench-pkg/quotelens_bg.wasm: %s bytes, %s gzipped\n' \
		$$(wc -c < target/bench-pkg/quotelens_bg.wasm) $$(gzip -9c target/bench-pkg/quotelens_bg.wasm | wc -c)

clean:
	cargo clean
	rm -rf pkg e2e/artifacts test-results
