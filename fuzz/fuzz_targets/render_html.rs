//! HTML rendering: only our tags, everything else escaped, and the text
//! of the HTML is the input again.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let hay = String::from_utf8_lossy(data);
    let a = quotelens::analyze(&hay);
    let html = quotelens::render_html(&hay, &a);
    invariants::check_html(&hay, &html);
});
