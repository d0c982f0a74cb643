#!/usr/bin/env bash
# Installs what building and testing quotelens needs, each piece only when
# it is missing, so a second run takes a second or two.
#
#   scripts/setup.sh            Rust wasm target, wasm-pack, wasm-bindgen CLI
#                               (same version as the crate's wasm-bindgen),
#                               rustfmt/clippy, npm dev dependencies (wasm-opt
#                               from npm `binaryen`, playwright-core, tsc;
#                               compromise, wink-nlp, esbuild for benches/)
#   scripts/setup.sh --browser  the above plus Debian's chromium and
#                               chromium-driver (for `make test`)
#
# Works without a terminal (CI=true, no stdin). Only package registries are
# needed: crates.io, npm, Debian.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD

browser=0
for arg in "$@"; do
    case "$arg" in
    --browser) browser=1 ;;
    -h | --help)
        sed -n '2,13p' "$0"
        exit 0
        ;;
    *)
        echo "setup: unknown argument: $arg" >&2
        exit 2
        ;;
    esac
done

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$ROOT/node_modules/.bin:$CARGO_BIN:$PATH"

say() { printf 'setup: %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif have sudo; then
        sudo "$@"
    else
        echo "setup: need root (or sudo) to run: $*" >&2
        exit 1
    fi
}

apt_updated=0
apt_install() {
    if ! have apt-get; then
        echo "setup: apt-get not found; install these yourself: $*" >&2
        exit 1
    fi
    if [ "$apt_updated" -eq 0 ]; then
        say "apt-get update"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
        apt_updated=1
    fi
    say "apt-get install $*"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" </dev/null
}

# --- Rust ------------------------------------------------------------------
if ! have cargo || ! have rustup; then
    echo "setup: cargo and rustup are required (https://rustup.rs); not found on PATH" >&2
    exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
fi

for component in rustfmt clippy; do
    probe=$([ "$component" = rustfmt ] && echo fmt || echo clippy)
    if ! cargo "$probe" --version >/dev/null 2>&1; then
        say "rustup component add $component"
        rustup component add "$component"
    fi
done

if ! have wasm-pack; then
    say "cargo install wasm-pack --locked (a few minutes)"
    cargo install wasm-pack --locked
fi

# The wasm-bindgen CLI must match the crate's wasm-bindgen exactly, which
# Cargo.toml pins as `wasm-bindgen = { version = "=X.Y.Z", ... }`.
wbg_version=$(sed -nE 's/^wasm-bindgen[[:space:]]*=.*"=([0-9]+\.[0-9]+\.[0-9]+)".*/\1/p' Cargo.toml | head -n1)
if [ -z "$wbg_version" ]; then
    echo "setup: cannot read the pinned wasm-bindgen version (\"=X.Y.Z\") from Cargo.toml" >&2
    exit 1
fi
installed_wbg=$( (wasm-bindgen --version 2>/dev/null || true) | awk '{print $2}')
if [ "$installed_wbg" != "$wbg_version" ]; then
    say "cargo install wasm-bindgen-cli --version $wbg_version (found: ${installed_wbg:-none}; a few minutes)"
    # No --locked: one of its locked dependencies is missing from the registry mirror.
    cargo install wasm-bindgen-cli --version "$wbg_version" --force
fi

# --- Node ------------------------------------------------------------------
if ! have node || ! have npm; then
    apt_install nodejs npm
fi

# npm ci only when node_modules is missing or older than the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] ||
    [ ! -x node_modules/.bin/wasm-opt ]; then
    say "npm ci"
    npm ci --no-audit --no-fund </dev/null
fi

if ! have python3; then
    apt_install python3
fi

# --- Browser (make test) -------------------------------------------------------
if [ "$browser" -eq 1 ]; then
    if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
        apt_install chromium chromium-driver
    fi
fi

say "ok (wasm-bindgen $wbg_version, $(wasm-pack --version), wasm-opt $(wasm-opt --version | awk '{print $3}'))"
