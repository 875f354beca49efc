#!/usr/bin/env bash
# Fuzzes the decoders of untrusted text (share links, replies, documents)
# with libFuzzer for a set time, and prints how many runs and crashes.
#   scripts/fuzz.sh [seconds]   (default 60)
# cargo-fuzz needs nightly compiler flags; RUSTC_BOOTSTRAP lets the stable
# toolchain (the only one on these machines) accept them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${1:-60}
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
mkdir -p fuzz/corpus/decoders
log=$(mktemp)
set +e
RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz decoders fuzz/corpus/decoders -- \
  -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 2>&1 | tee "$log" | grep -E "^(#[0-9]+ +DONE|==|SUMMARY|stat::number_of_executed_units)" 
status=${PIPESTATUS[0]}
set -e
runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
crashes=$(ls fuzz/artifacts/decoders/ 2>/dev/null | grep -c '^crash-' || true)
echo "fuzz: ${seconds}s, ${runs:-0} runs, ${crashes} crashes (status $status)"
rm -f "$log"
exit "$status"
