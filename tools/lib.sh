# Shared by the tools/ scripts: timed steps and idempotent npm installs.

# step NAME COMMAND...: runs COMMAND and prints how long it took.
step() {
    local name="$1"; shift
    local start=$SECONDS
    echo "==> $name"
    "$@"
    echo "<== $name: $((SECONDS - start)) s"
}

# npm_ci_if_needed DIR: installs DIR's locked npm packages unless they are already installed at
# exactly the lockfile's versions.
npm_ci_if_needed() {
    local dir="$1"
    if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.chiso-lock" 2>/dev/null; then
        step "npm ci ($dir)" npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
        cp "$dir/package-lock.json" "$dir/node_modules/.chiso-lock"
    fi
}

# The build tools Trunk must find: wasm-opt from npm's binaryen before anything else on PATH.
export PATH="$root/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
