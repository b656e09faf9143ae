#!/usr/bin/env bash
# Installs what is missing, builds chiso and serves it on http://127.0.0.1:8080 (Ctrl+C stops).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash tools/install.sh
source tools/lib.sh
# No autoreload: its injected script would break the Content-Security-Policy.
exec trunk serve --release --no-autoreload
