#!/usr/bin/env bash
# Counts passed and failed tests in test logs (cargo test, wasm-bindgen-test,
# Playwright's list reporter).
#   test-summary.sh --require LOG   fail when LOG shows no passing test or any failure
#   test-summary.sh DIR             print one closing line for every log in DIR
set -euo pipefail

count() {
  # cargo / wasm-bindgen-test: "test result: ok. 3 passed; 0 failed; ..."
  # Playwright: "  12 passed (9.1s)" and "  1 failed"
  awk '
    /test result:/ { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed/) p += $(i-1); if ($(i) ~ /^failed/) f += $(i-1) } next }
    /^ +[0-9]+ passed( \(|$)/ { p += $1 }
    /^ +[0-9]+ failed$/ { f += $1 }
    END { printf "%d %d\n", p, f }
  ' "$@"
}

if [ "${1:-}" = "--require" ]; then
  read -r passed failed < <(count "$2")
  if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
    echo "$(basename "$2" .log): $passed passed, $failed failed: this layer must run tests and pass them" >&2
    exit 1
  fi
  exit 0
fi

dir=$1
for layer in host browser e2e; do
  read -r p f < <(count "$dir/$layer.log")
  echo "  $layer: $p passed, $f failed"
done
read -r passed failed < <(count "$dir"/host.log "$dir"/browser.log "$dir"/e2e.log)
echo "all layers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
