#!/usr/bin/env bash
# Runs every fuzz target (tests/fuzz) for a bounded time, from its committed seed corpus.
#   bash tools/fuzz.sh [SECONDS]   (default 60 per target)
# cargo-fuzz needs the compiler's unstable flags (sanitizers, coverage); RUSTC_BOOTSTRAP lets the
# one stable toolchain accept them, so no nightly toolchain is fetched. New inputs go to a scratch
# directory, not into the committed corpus; a crash is saved under tests/fuzz/artifacts/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${1:-60}"
export RUSTC_BOOTSTRAP=1
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
for target in read_file units values; do
    mkdir -p "$scratch/$target"
    echo "fuzzing $target for $seconds s"
    cargo fuzz run --fuzz-dir tests/fuzz "$target" "$scratch/$target" "tests/fuzz/corpus/$target" -- \
        -max_total_time="$seconds" -rss_limit_mb=4096 -print_final_stats=1 2>&1 | grep -E "^(#|Done|stat::number_of_executed_units|stat::peak_rss|==|SUMMARY|thread|panicked|Failing)" | tail -8
done
