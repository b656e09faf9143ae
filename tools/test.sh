#!/usr/bin/env bash
# Installs what is missing, then runs every test: native (cargo test), browser (wasm-bindgen-test
# in headless Chromium), end to end (the release build in headless Chromium via playwright-core),
# and every fuzz target for a bounded time (CHISO_FUZZ_SECONDS, default 60 each).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
total_start=$SECONDS
bash tools/install.sh --tests
source tools/lib.sh

step "native tests (cargo test)" cargo test --locked

export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$root/tests/browser/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT=120
step "browser tests (wasm-bindgen-test, headless Chromium)" \
    cargo test --locked --target wasm32-unknown-unknown --features browser --test browser

step "release build (trunk build --release)" trunk build --release
step "end-to-end tests (playwright-core, headless Chromium)" node --test --test-concurrency=1 tests/e2e/
step "fuzzing (cargo-fuzz, ${CHISO_FUZZ_SECONDS:-60} s per target)" bash tools/fuzz.sh "${CHISO_FUZZ_SECONDS:-60}"

echo "All tests passed in $((SECONDS - total_start)) s."
