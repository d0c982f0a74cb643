//! Inputs the fuzzers (`fuzz/`) found, minimized, each with its cause.
//! Every one is checked against all the invariants of `tests/invariants/`
//! plus the specific expectation it broke.

#![cfg(not(target_arch = "wasm32"))]

mod invariants;

/// fuzz target `analyze`, 2026-11-26: `quoted_words` (6) above `words`
/// (5), so `quotedShare` 1.2. Cause: `count_words` lets an apostrophe
/// run join letters into one word, so the whole text counted `w'''''a`
/// once, while the two quotations `'''a C w''` and `'''a C.i''` split it
/// and each counted its half. Fixed in `stats::compute`: quoted words are
/// the text's words that start inside a quotation, counted in one pass.
#[test]
fn quoted_words_never_outnumber_words() {
    let hay = " '''a C w'''''a C.i''\u{fffd}";
    invariants::check_all(hay);
    let st = quotelens::analyze(hay).stats;
    assert!(st.quoted_words <= st.words, "{st:?}");
}
