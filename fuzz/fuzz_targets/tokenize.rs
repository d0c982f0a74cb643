//! Tokenizer: any text gives ordered, non-overlapping tokens on `char`
//! boundaries that leave out only whitespace.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let hay = String::from_utf8_lossy(data);
    invariants::check_tokens(&hay);
    // Raw word bounds join back to the text.
    let joined: String = quotelens::word_bounds(&hay).map(|s| s.text(&hay)).collect();
    assert_eq!(joined, hay);
});
