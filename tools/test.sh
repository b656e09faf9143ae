#!/usr/bin/env bash
# Installs what is missing, then runs every test: the fast gates (rustfmt; clippy natively and for
# wasm32), native (cargo test), browser (wasm-bindgen-test in headless Chromium), end to end (the
# release build in headless Chromium via playwright-core), and every fuzz target for a bounded time
# (CHISO_FUZZ_SECONDS, default 60 each).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
total_start=$SECONDS
source tools/lib.sh

# Fast gates first, before any browser or tool is installed: a broken build fails in a minute.
bash tools/install.sh --gates
step "format (cargo fmt --check)" cargo fmt --all --check
step "format of the fuzz targets" cargo fmt --all --check --manifest-path tests/fuzz/Cargo.toml
step "lint, native (cargo clippy --all-targets)" cargo clippy --locked --all-targets -- -D warnings
step "lint, web binaries (cargo clippy, wasm32)" \
    cargo clippy --locked --target wasm32-unknown-unknown --features web --lib --bins -- -D warnings
step "lint, browser tests (cargo clippy, wasm32)" \
    cargo clippy --locked --target wasm32-unknown-unknown --features browser --test browser -- -D warnings

bash tools/install.sh --tests
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
