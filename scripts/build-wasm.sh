#!/usr/bin/env bash
# Trunk's post_build hook (see Trunk.toml): builds the app's wasm and splits
# it into a shell plus one lazily loaded chunk per page, so the first load
# carries only the shell and the page it opens on.
#
#   cargo build --features split   (linked with --emit-relocs, .cargo/config.toml)
#   wasm-split-cli                 shell + split_<page>.wasm + __wasm_split.js
#   patch-split-loader.mjs         a chunk that fails to load asks the app, never aborts it
#   wasm-bindgen --target web      JS glue for the shell, and for the viewer
#                                  (the buyer's link: one wasm, not split)
#   slim-shell.mjs                 short import names; no unused wasm-streams classes
#   wasm-opt -Oz (+ rereloop)      every wasm file (release builds)
#   esbuild --minify               the JS glue and loader (release builds)
#   esbuild --bundle js/map.js     the street map's module and styles (map.js, map.css)
#   esbuild style/media.css        photos' and voice notes' styles (media.css, on demand)
#
# The files land in $TRUNK_STAGING_DIR/pkg-<content hash>/, and index.html's
# "__PKG__" placeholders are pointed there, so a new version never mixes
# with files a browser cached from an older one.
set -euo pipefail
cd "$(dirname "$0")/.."
# Trunk reports only "hook call to bash returned a bad status": say which
# step failed, and how much disk was left (a full disk fails the link).
trap 'echo "build-wasm: FAILED (exit $?) at line $LINENO: $BASH_COMMAND; free disk: $(df -h . | awk "NR==2 {print \$4}")" >&2' ERR
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

staging=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
profile=${TRUNK_PROFILE:-release}
work=target/wasm-split
# -Oz, then flatten and re-loop the control flow and -Oz again until it
# stops shrinking: about 2 KB brotli less than -Oz alone.
wasm_opt_flags=(-Oz --flatten --rereloop -Oz --converge --strip-debug --strip-producers
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
command -v esbuild >/dev/null || { echo "build-wasm: esbuild (npm) is missing; run 'make setup'" >&2; exit 1; }

cargo_flags=(--target wasm32-unknown-unknown)
if [ "$profile" = release ]; then
  cargo_flags+=(--release)
  # Release builds abort on panic and print nothing, so what a panic would
  # say is bytes no one reads. Measured in session 8 on the shell (opening
  # the app), in brotli:
  #   -Cpanic=immediate-abort with the standard library rebuilt for it
  #     (-Zbuild-std, needs rust-src): no panic formatting at all, 11.8 KB;
  #   -Zlocation-detail=none: no file names and lines: 5.1 KB in session 7;
  #     0.6 KB on top of immediate-abort (session 8, measured the same way).
  # (-Zfmt-debug=shallow was dropped: it bought 0.3 KB and changed Debug.)
  # They are not yet stable; RUSTC_BOOTSTRAP lets the stable toolchain take
  # them. The same flags as .cargo/config.toml, plus those.
  export RUSTC_BOOTSTRAP=1
  export RUSTFLAGS="--cfg erase_components -C link-arg=--emit-relocs -Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort"
  cargo_flags+=(-Zbuild-std=std,panic_abort)
  # Its own target folder: these flags rebuild every crate, and the browser
  # tests build with the plain ones.
  export CARGO_TARGET_DIR=target/wasm-release
fi
cargo build "${cargo_flags[@]}" --bin showplan --features split
# The buyer's viewer without the `split` feature: with it, every page of the
# agent's app would be exported for wasm-split, and so kept in the viewer.
cargo build "${cargo_flags[@]}" --bin viewer --features language-files

input="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile/showplan.wasm"
viewer="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile/viewer.wasm"
# The same wasm gives the same pieces: a second build of it (the sub-path
# bundle, a CSS-only change under trunk serve) reuses them.
key=$(cat "$input" "$viewer" "$0" scripts/boot.js scripts/patch-split-loader.mjs scripts/slim-shell.mjs scripts/strip-relocs.mjs | sha256sum | cut -c1-16)-$profile
if [ "$(cat "$work/out/.key" 2>/dev/null)" != "$key" ]; then
  rm -rf "$work" && mkdir -p "$work/out"
  wasm-split-cli "$input" "$work" --out-name showplan
  wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$work/out" --out-name showplan "$work/showplan.wasm"
  # Short names for the shell's imports (wasm and glue), and no wasm-streams
  # classes (unused, but exported): about 6 KB brotli together.
  node scripts/slim-shell.mjs "$work/out/showplan_bg.wasm" "$work/out/showplan.js"
  # The buyer's view (src/viewer.rs) is one wasm of its own, not split:
  # what a share link opens, with nothing of the agent's app.
  node scripts/strip-relocs.mjs "$viewer" "$work/viewer.wasm"
  wasm-bindgen --target web --no-typescript --out-dir "$work/out" --out-name viewer "$work/viewer.wasm"
  node scripts/slim-shell.mjs "$work/out/viewer_bg.wasm" "$work/out/viewer.js"
  cp "$work"/__wasm_split.js "$work/out/"
  # A chunk that cannot load shows a message with Try again instead of
  # aborting the app (src/components/chunk_problem.rs).
  node scripts/patch-split-loader.mjs "$work/out/__wasm_split.js"
  for chunk in "$work"/split_*.wasm "$work"/chunk_*.wasm; do
    if [ -e "$chunk" ]; then cp "$chunk" "$work/out/"; fi
  done
  # Starts the app: compiles the wasm, then runs it in a later task.
  cp scripts/boot.js "$work/out/boot.js"
  if [ "$profile" = release ]; then
    # The JS glue is read by the browser before anything shows: minified
    # (names of the wasm's imports are properties, which esbuild keeps).
    # The loader is minified too; what it says (which files each chunk
    # needs) is written down first, for scripts/size.mjs.
    node scripts/split-pages.mjs "$work/out/__wasm_split.js" >"$work/out/split-pages.json"
    for js in showplan.js viewer.js __wasm_split.js boot.js; do
      esbuild "$work/out/$js" --minify --format=esm --log-level=warning --log-override:duplicate-object-key=silent \
        --allow-overwrite --outfile="$work/out/$js"
    done
    for f in "$work"/out/*.wasm; do
      # wasm-opt warns about the split tool's name subsection; it is stripped here.
      wasm-opt "${wasm_opt_flags[@]}" "$f" -o "$f" 2> >(grep -v 'unknown name subsection' >&2)
    done
  fi
  echo "$key" >"$work/out/.key"
fi

# The street map (js/map.js: Leaflet, protomaps-leaflet, pmtiles and its
# styles) as one module and one stylesheet, fetched only when a page shows a
# map (boot.js's showplanMap). Small and fast: bundled on every build.
map_out=target/map-bundle
rm -rf "$map_out"
map_flags=(--bundle --format=esm --loader:.png=empty --loader:.svg=empty --log-level=warning)
if [ "$profile" = release ]; then map_flags+=(--minify); fi
esbuild js/map.js "${map_flags[@]}" --outdir="$map_out" --entry-names=map
# The styles of photos and voice notes, fetched the first time a page shows
# them (src/components/media_styles.rs), not with the app.
media_flags=(--log-level=warning)
if [ "$profile" = release ]; then media_flags+=(--minify); fi
esbuild style/media.css "${media_flags[@]}" --outfile="$map_out/media.css"

# Every language but English (compiled in) is a file beside the wasm, written
# by build.rs; they belong to this build (same keys), so they share its folder.
languages=(target/i18n/*.json)
[ -e "${languages[0]}" ] || { echo "build-wasm: no target/i18n/*.json (build.rs writes them)" >&2; exit 1; }
hash=$(cat "$work"/out/*.js "$work"/out/*.wasm "${languages[@]}" "$map_out"/* | sha256sum | cut -c1-16)
pkg="pkg-$hash"
rm -rf "$staging"/pkg-*
cp -r "$work/out" "$staging/$pkg"
rm -f "$staging/$pkg/.key"
cp "$map_out"/map.js "$map_out"/map.css "$map_out"/media.css "$staging/$pkg/"
for file in "${languages[@]}"; do
  cp "$file" "$staging/$pkg/i18n-$(basename "$file")"
done
sed -i -e "s#__PKG__#$pkg#g" -E -e 's#<link data-trunk[^>]*rel="?rust"?[^>]*>##' "$staging/index.html"

# Servers the app may fetch from beyond its own origin (a routing engine, a
# sync server): CONNECT_SRC="https://osrm.example.org https://couch.example.org"
# adds them to the Content-Security-Policy's connect-src. Empty: own origin only.
connect_src=${CONNECT_SRC:-}
if [ -n "$connect_src" ]; then
  allowed='^[][A-Za-z0-9:/.* -]+$'
  if ! [[ "$connect_src" =~ $allowed ]]; then
    echo "build-wasm: CONNECT_SRC may hold only origins (https://host:port), schemes (https:) and spaces" >&2
    exit 1
  fi
  grep -q "connect-src 'self'" "$staging/index.html" || { echo "build-wasm: no connect-src in index.html" >&2; exit 1; }
  sed -i "s#connect-src 'self'#connect-src 'self' $connect_src#" "$staging/index.html"
  echo "build-wasm: connect-src 'self' $connect_src"
fi
echo "build-wasm: $pkg ($(ls "$staging/$pkg" | wc -l) files)"
