#!/usr/bin/env bash
# Benchmarks, natively then in headless Chromium: reading a 100,000-row × 15-column xlsx, and
# scoring (10,000 units natively; a 5,000-unit workbook from drop to results in the browser); a
# 200,000-row dossier list, in chiso's template and as a one-stop system exports it (natively
# against calamine, in the browser against SheetJS, with memory). Last, tests/bench/lean.mjs
# prints issue 16's four figures (payload, longest task, the 200,000-row list against SheetJS and
# the CLI, offline first paint at 4× throttle) and issue 28's (the bytes a first result needs, the
# writer's bytes, a cold visit to the sample's results, the writers' first-export delay), each as a
# ratio against its yardstick; then a 1,000,000-dossier year (issue 28): drop to results against
# the CLI, with memory and longest task.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash tools/install.sh --tests
source tools/lib.sh
step "native read" cargo run --quiet --release --example bench-read
step "native score" cargo run --quiet --release --example bench-score
step "native dossiers" cargo run --quiet --release --example bench-dossiers
step "native CLI" cargo build --quiet --release --bin chiso
step "release build" trunk build --release
step "browser read" node tests/bench/browser.mjs target/bench/rows-100k.xlsx
step "browser score" node tests/bench/browser.mjs target/bench/units-5000.xlsx
step "browser dossiers vs SheetJS" node tests/bench/dossiers.mjs target/bench/dossiers-200k.xlsx
step "browser one-stop export vs SheetJS" node tests/bench/dossiers.mjs target/bench/dossiers-200k-mot-cua.xlsx
step "issue 16's figures" node tests/bench/lean.mjs target/bench/units-5000.xlsx \
    target/bench/dossiers-200k.xlsx target/bench/dossiers-200k-mot-cua.xlsx target/release/chiso
step "native year" cargo run --quiet --release --example bench-dossiers year
step "a big province's year" node tests/bench/year.mjs target/bench/dossiers-1m-mot-cua.xlsx \
    target/release/chiso
