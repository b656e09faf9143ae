#!/usr/bin/env bash
# Installs what chiso needs and is missing; a second run installs nothing.
#   bash tools/install.sh          build tools (to run the app)
#   bash tools/install.sh --gates  only what the fast gates need (the wasm32 target, rustfmt, clippy)
#   bash tools/install.sh --tests  build tools and test tools (Chromium, chromedriver, playwright-core,
#                                  cargo-fuzz)
# Every tool comes from a registry by name and at a pinned version: crates.io, npm, Debian.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source tools/lib.sh

TRUNK_VERSION=0.21.14
CARGO_FUZZ_VERSION=0.13.2
# wasm-bindgen-cli must equal the wasm-bindgen crate that Cargo.lock resolved.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)

with_tests=false
gates_only=false
[ "${1:-}" = "--tests" ] && with_tests=true
[ "${1:-}" = "--gates" ] && gates_only=true

if ! command -v cargo >/dev/null; then
    echo "chiso needs Rust (rustup, cargo): see https://rustup.rs" >&2
    exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "rustup target add wasm32-unknown-unknown" rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
        step "rustup component add $component" rustup component add "$component"
    fi
done
$gates_only && exit 0

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    step "cargo install trunk $TRUNK_VERSION" cargo install --locked "trunk@$TRUNK_VERSION"
fi

# Without --locked: the CLI's own lockfile pins a yanked webpki-roots release.
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION" cargo install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi

npm_ci_if_needed tools

if $with_tests; then
    # LibreOffice Writer converts the exported DOCX to PDF in the e2e tests.
    if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! command -v soffice >/dev/null \
        || ! dpkg -s libreoffice-writer >/dev/null 2>&1; then
        as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
        step "apt-get update" as_root apt-get update -qq
        step "apt-get install chromium chromium-driver libreoffice-writer" as_root env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq --no-install-recommends chromium chromium-driver libreoffice-writer
    fi
    npm_ci_if_needed tests
    if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
        step "cargo install cargo-fuzz $CARGO_FUZZ_VERSION" cargo install --locked "cargo-fuzz@$CARGO_FUZZ_VERSION"
    fi
fi
