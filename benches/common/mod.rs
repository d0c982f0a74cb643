//! The benchmark texts, shared by `benches/core.rs` and `benches/linear.rs`
//! and built exactly as `benches/texts.mjs` builds them for the wasm
//! benchmarks, so native and wasm figures are on the same bytes.

#![allow(dead_code)] // each bench uses a part

use std::path::PathBuf;

/// The `*.txt` articles of `benches/texts/news/`, in name order.
pub fn articles() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/texts/news");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|t| t.trim_end().to_owned())
        .collect()
}

/// The news corpus: every article, separated by a blank line, repeated
/// until the text holds at least `bytes` bytes.
pub fn news(bytes: usize) -> String {
    let arts = articles();
    let mut out = String::with_capacity(bytes + 8192);
    if arts.is_empty() {
        return out;
    }
    while out.len() < bytes {
        for a in &arts {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(a);
        }
    }
    out
}

/// The 3 KB article (`benches/texts/article-3k.txt`).
pub fn article() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/texts/article-3k.txt");
    std::fs::read_to_string(path).unwrap_or_default()
}

/// The adversarial kinds, by name.
pub const ADVERSARIAL: [&str; 5] = [
    "unbalanced-marks",
    "one-token",
    "deep-nesting",
    "names-and-cues",
    "dialogue-lines",
];

/// An adversarial input of `kind` with at least `bytes` bytes (a unit
/// repeated; `one-token` is a single run of letters without a space).
pub fn adversarial(kind: &str, bytes: usize) -> String {
    let unit = match kind {
        // Marks of every kind that never pair up.
        "unbalanced-marks" => "“ „ « ' \" ‘ word » ” ",
        "one-token" => "x",
        // Openers only: each one nests inside the last.
        "deep-nesting" => "“a ‘b « c „d ‹e ",
        // Every sentence a quotation with a name and a cue to resolve.
        "names-and-cues" => "Mr Ann Lee said “yes,” he said. ",
        // One-line paragraphs of dialogue: turn-taking over many turns.
        "dialogue-lines" => "\n\n“Yes.”\n\n“No,” said Bo.",
        _ => "",
    };
    if unit.is_empty() {
        return String::new();
    }
    unit.repeat(bytes / unit.len() + 1)
}
