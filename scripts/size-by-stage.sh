#!/usr/bin/env bash
# What each stage of the analysis costs in the wasm module, gzipped:
# `bash scripts/size-by-stage.sh` (BENCHMARKS.md, "What 100 KB would take").
#
# The page's budget is 100 KB gzipped (issue #8) and the module alone is
# about twice that. To see which features a budget leaves room for, this
# builds a throwaway cdylib per row (in target/size-by-stage/, outside
# the repository's crates) that links the core without the bindings and
# calls only some stages, exactly as the package's module is built
# (wasm32, opt-level 2, fat LTO, one codegen unit, wasm-opt with the
# flags of Cargo.toml), so that the linker keeps only the code those
# stages reach. Prints the bytes and gzip -9 bytes of each module.
#
# Each row's input arrives through an exported `push(byte)` and its result
# leaves as a number, so nothing can be folded away at compile time and
# the crate needs no `unsafe`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/target/size-by-stage"
mkdir -p "$dir"
export PATH="$root/node_modules/.bin:$PATH"
command -v wasm-opt >/dev/null || { echo "wasm-opt missing: run scripts/setup.sh (npm binaryen)" >&2; exit 1; }

cat >"$dir/Cargo.toml" <<EOF
[package]
name = "size-by-stage"
version = "0.0.0"
edition = "2021"
publish = false

[lib]
crate-type = ["cdylib"]
path = "lib.rs"

[features]
tokenize = []
sentences = []
quotations = []
analyze = []

[dependencies]
quotelens = { path = "$root", default-features = false }

[profile.release]
opt-level = 2
lto = true
codegen-units = 1

[workspace]
EOF

cat >"$dir/lib.rs" <<'EOF'
//! One stage set of quotelens per feature; see scripts/size-by-stage.sh.
use std::sync::Mutex;

static INPUT: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// Appends one byte of the input.
#[no_mangle]
pub extern "C" fn push(byte: u8) {
    if let Ok(mut v) = INPUT.lock() {
        v.push(byte);
    }
}

/// Runs the chosen stages on the input; returns a count of what they found.
#[no_mangle]
pub extern "C" fn run() -> usize {
    let bytes = INPUT.lock().map(|v| v.clone()).unwrap_or_default();
    let hay = String::from_utf8_lossy(&bytes);
    let hay: &str = &hay;
    #[allow(unused_mut)]
    let mut n = 0;
    #[cfg(feature = "tokenize")]
    {
        n += quotelens::stages::token_triples(hay).len();
    }
    #[cfg(feature = "sentences")]
    {
        n += quotelens::sentences(hay, quotelens::Lang::Auto).len();
        n += quotelens::paragraphs(hay).len();
    }
    #[cfg(feature = "quotations")]
    {
        n += quotelens::stages::quotations(hay, quotelens::Lang::Auto).len();
    }
    #[cfg(feature = "analyze")]
    {
        let analysis = quotelens::analyze(hay);
        n += quotelens::Report::new(hay, &analysis).quotes.len();
    }
    n
}
EOF

# The package's wasm-opt flags (Cargo.toml, package.metadata.wasm-pack).
flags=$(sed -n '/^\[package.metadata.wasm-pack.profile.release\]/,/^\]/p' "$root/Cargo.toml" |
    grep -o '"[^"]*"' | tr -d '"' | tr '\n' ' ')

printf '%-46s %10s %10s\n' "stages linked" "bytes" "gzip -9"
for features in tokenize sentences quotations "tokenize sentences quotations" analyze "analyze tokenize"; do
    CARGO_TARGET_DIR="$dir/target" cargo build --quiet --release \
        --manifest-path "$dir/Cargo.toml" --target wasm32-unknown-unknown \
        --features "$features"
    # shellcheck disable=SC2086
    wasm-opt $flags --strip-debug --strip-producers \
        "$dir/target/wasm32-unknown-unknown/release/size_by_stage.wasm" -o "$dir/out.wasm"
    printf '%-46s %10d %10d\n' "$features" "$(stat -c %s "$dir/out.wasm")" \
        "$(gzip -9c "$dir/out.wasm" | wc -c)"
done
if [[ -f "$root/pkg/quotelens_bg.wasm" ]]; then
    printf '%-46s %10d %10d\n' "the package's module (analyze + bindings)" \
        "$(stat -c %s "$root/pkg/quotelens_bg.wasm")" "$(gzip -9c "$root/pkg/quotelens_bg.wasm" | wc -c)"
fi
