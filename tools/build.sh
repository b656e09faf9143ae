#!/usr/bin/env bash
# Installs what is missing and builds the static site into dist/ (release, wasm-opt applied).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash tools/install.sh
source tools/lib.sh
step "trunk build --release" trunk build --release
