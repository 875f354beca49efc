#!/usr/bin/env bash
# Trunk's post_build hook (see Trunk.toml): builds the app's wasm and splits
# it into a shell plus one lazily loaded chunk per page, so the first load
# carries only the shell and the page it opens on.
#
#   cargo build --features split   (linked with --emit-relocs, .cargo/config.toml)
#   wasm-split-cli                 shell + split_<page>.wasm + __wasm_split.js
#   wasm-bindgen --target web      JS glue for the shell
#   wasm-opt -Oz                   every wasm file (release builds)
#
# The files land in $TRUNK_STAGING_DIR/pkg-<content hash>/, and index.html's
# "__PKG__" placeholders are pointed there, so a new version never mixes
# with files a browser cached from an older one.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

staging=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
profile=${TRUNK_PROFILE:-release}
work=target/wasm-split
wasm_opt_flags=(-Oz --converge --strip-debug --strip-producers
  --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue)

lock_wb=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
# (The version is read whole: `| grep -q` could close the pipe early and,
# under pipefail, fail the check.)
installed_wb=$(wasm-bindgen --version 2>/dev/null || true)
if [ "${installed_wb##* }" != "$lock_wb" ]; then
  echo "build-wasm: wasm-bindgen-cli $lock_wb (the version in Cargo.lock) is needed; run 'make setup'" >&2
  exit 1
fi
command -v wasm-split-cli >/dev/null || { echo "build-wasm: wasm-split-cli is missing; run 'make setup'" >&2; exit 1; }

cargo_flags=(--target wasm32-unknown-unknown --bin showplan --features split)
[ "$profile" = release ] && cargo_flags+=(--release)
cargo build "${cargo_flags[@]}"

input="target/wasm32-unknown-unknown/$profile/showplan.wasm"
# The same wasm gives the same pieces: a second build of it (the sub-path
# bundle, a CSS-only change under trunk serve) reuses them.
key=$(sha256sum "$input" | cut -c1-16)-$profile
if [ "$(cat "$work/out/.key" 2>/dev/null)" != "$key" ]; then
  rm -rf "$work" && mkdir -p "$work/out"
  wasm-split-cli "$input" "$work" --out-name showplan
  wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$work/out" --out-name showplan "$work/showplan.wasm"
  cp "$work"/__wasm_split.js "$work/out/"
  for chunk in "$work"/split_*.wasm "$work"/chunk_*.wasm; do
    if [ -e "$chunk" ]; then cp "$chunk" "$work/out/"; fi
  done
  # Starts the app; a file, since the Content-Security-Policy allows no inline script.
  printf 'import init from "./showplan.js";\ninit();\n' >"$work/out/boot.js"
  if [ "$profile" = release ]; then
    for f in "$work"/out/*.wasm; do
      # wasm-opt warns about the split tool's name subsection; it is stripped here.
      wasm-opt "${wasm_opt_flags[@]}" "$f" -o "$f" 2> >(grep -v 'unknown name subsection' >&2)
    done
  fi
  echo "$key" >"$work/out/.key"
fi

hash=$(cat "$work"/out/*.js "$work"/out/*.wasm | sha256sum | cut -c1-16)
pkg="pkg-$hash"
rm -rf "$staging"/pkg-*
cp -r "$work/out" "$staging/$pkg"
rm -f "$staging/$pkg/.key"
sed -i -e "s#__PKG__#$pkg#g" -e '/<link data-trunk rel="rust"/d' "$staging/index.html"
echo "build-wasm: $pkg ($(ls "$staging/$pkg" | wc -l) files)"
