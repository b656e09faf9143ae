#!/usr/bin/env bash
# Benchmarks reading a 100,000-row × 15-column xlsx: natively, then in headless Chromium.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash tools/install.sh --tests
source tools/lib.sh
step "native" cargo run --quiet --release --example bench-read
step "release build" trunk build --release
step "browser" node tests/bench/browser.mjs
