# Showplan: the two commands are `make serve` and `make test` (see README).
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
PUBLIC_URL ?= /
DIST ?= dist
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER := wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT ?= 120
LOGS := target/test-logs

.PHONY: setup setup-test serve dist dist-subpath test test-host test-browser test-e2e size lint bench bench-roads bench-peers bench-sync share-lengths fuzz audit

setup:
	bash scripts/setup.sh

setup-test:
	bash scripts/setup.sh --test

## Build and serve the app on http://127.0.0.1:8080 (rebuilds on change).
## It builds into target/serve/, never dist/: what it serves has no 404.html
## and no service worker, so it is not a bundle to deploy (make dist is).
serve: setup
	trunk serve --offline --release --address 127.0.0.1 --port 8080 --dist target/serve

## Release bundle in $(DIST)/ for static hosting; PUBLIC_URL=/sub/path/ for a sub-path.
dist: setup
	RUST_BACKTRACE=0 trunk build --offline --release --public-url "$(PUBLIC_URL)" --dist "$(DIST)"
	cp "$(DIST)/index.html" "$(DIST)/404.html"
	DIST="$(DIST)" workbox generateSW workbox-config.cjs

## The same bundle built for /showplan/, used by the end-to-end tests.
dist-subpath:
	$(MAKE) --no-print-directory dist PUBLIC_URL=/showplan/ DIST=dist-subpath

## Every test layer; fails if any layer fails or runs no test.
test: setup-test lint test-host test-browser test-e2e
	@bash scripts/test-summary.sh $(LOGS)

lint:
	cargo fmt --check
	cargo clippy --workspace --all-targets -- -D warnings

test-host:
	@mkdir -p $(LOGS)
	cargo test --workspace 2>&1 | tee $(LOGS)/host.log
	@bash scripts/test-summary.sh --require $(LOGS)/host.log

test-browser:
	@mkdir -p $(LOGS)
	cargo test --target wasm32-unknown-unknown --test web --test media_web --test sync_web 2>&1 | tee $(LOGS)/browser.log
	@bash scripts/test-summary.sh --require $(LOGS)/browser.log

## The e2e bundle may reach the test's routing engine, geocoder stand-in and
## sync server on loopback (e2e/tests/road-times.spec.mjs, street-map.spec.mjs,
## sync.spec.mjs); any other build only what CONNECT_SRC says.
test-e2e: export CONNECT_SRC = http://127.0.0.1:5011 http://127.0.0.1:5012 http://127.0.0.1:5013 http://127.0.0.1:5014
test-e2e: dist dist-subpath
	@mkdir -p $(LOGS)
	bash scripts/map-fixture.sh build
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test 2>&1 | tee $(LOGS)/e2e.log
	@bash scripts/test-summary.sh --require $(LOGS)/e2e.log

## First-load size of $(DIST)/ (raw, gzip, brotli); fails above the budget.
size:
	node scripts/size.mjs "$(DIST)"

## Lighthouse (mobile preset) on the built app, and the installable-app checks.
audit: dist
	node scripts/audit.mjs "$(DIST)"

## Benchmarks that print numbers (not part of make test).
bench: dist
	cargo run --release --example bench_document
	cargo run --release --example bench_planner
	cargo test --release --target wasm32-unknown-unknown --test planner_bench_web -- --include-ignored --nocapture
	node scripts/bench-load.mjs dist target/bench/document-2000.json
	node scripts/bench-ui.mjs dist target/bench/document-2000.json
	node scripts/bench-edit.mjs dist target/bench/document-2000.json
	node scripts/bench-import.mjs dist 1000
	node scripts/bench-photos.mjs dist 200

## Road times from the test's real OSRM: fetch-and-apply time and the
## optimiser's order and total, by the estimate and by road (12 and 25 stops).
## Sync's times against pouchdb-server (which the bundle must be allowed to reach).
bench-sync: export CONNECT_SRC = http://127.0.0.1:5013
bench-sync: dist
	cargo run --release --example bench_document
	node scripts/bench-sync.mjs dist target/bench/document-2000.json

bench-roads: export CONNECT_SRC = http://127.0.0.1:5011
bench-roads: setup-test dist
	node scripts/bench-roads.mjs dist

## The planner against LKH-3 and OR-Tools on the same matrices (a Python
## venv for the peers, .venv-peers, is made on first use).
bench-peers:
	bash scripts/bench-peers.sh

## Buyer link lengths and QR versions for 5-, 10- and 20-stop tours.
share-lengths:
	cargo run --release --example share_lengths

## Fuzzes the link, reply and document decoders (FUZZ_SECONDS, default 60).
fuzz:
	bash scripts/fuzz.sh $${FUZZ_SECONDS:-60}
