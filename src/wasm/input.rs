//! The text argument of every export: a JS string of at most
//! [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES) bytes of UTF-8.
//!
//! The text arrives as a `JsValue` rather than `&str` so that the length
//! can be checked before the string is copied into wasm memory: a JS
//! string of `n` UTF-16 units is at least `n` and at most `3n` UTF-8
//! bytes, so `n > MAX` is refused without copying anything, and only a
//! string that may fit is copied and measured exactly. A value that is
//! not a string is an error rather than an empty or garbled text.
//!
//! The copy is `TextEncoder.encodeInto` of the whole string straight
//! into a buffer here (`encodeText` in `js/objects.js`; see [`utf8_of`]),
//! not wasm-bindgen's string conversion: that one copies the string's
//! ASCII prefix a character at a time in JS (about 40 machine
//! instructions each, in V8's optimized code) before it hands the rest
//! to `encodeInto`, which for a text with no curly quotes or other
//! non-ASCII characters early on is the whole text: 8 % of `analyze()`
//! on the 3 KB article (BENCHMARKS.md, "Session 9"). `encodeInto` puts
//! U+FFFD where the string has a lone surrogate, as wasm-bindgen did (one
//! UTF-16 unit too, so offsets agree).

use js_sys::JsString;
use wasm_bindgen::prelude::*;

use super::to_u32;
use crate::MAX_INPUT_BYTES;

#[wasm_bindgen(module = "/js/objects.js")]
extern "C" {
    /// `TextEncoder.encodeInto` of `text` from UTF-16 unit `from` on into
    /// `into`, which stops before the first character that does not fit:
    /// the number of bytes written.
    #[wasm_bindgen(js_name = encodeText)]
    fn encode_text(text: &JsString, from: u32, into: &mut [u8]) -> u32;
}

/// Copies `text` out of JS after checking its type and size.
pub(crate) fn text_arg(text: &JsValue) -> Result<String, JsError> {
    let Some(js) = text.dyn_ref::<JsString>() else {
        return Err(JsError::new(&format!(
            "text must be a string, not {}",
            type_name(text)
        )));
    };
    let units = usize::try_from(js.length()).unwrap_or(usize::MAX);
    if units > MAX_INPUT_BYTES {
        return Err(too_long("at least ", units));
    }
    let text = String::from_utf8(utf8_of(js, units)?)
        .map_err(|_| JsError::new("text could not be read as a string"))?;
    if text.len() > MAX_INPUT_BYTES {
        return Err(too_long("", text.len()));
    }
    Ok(text)
}

/// The UTF-8 bytes of `js` (`units` UTF-16 units long).
///
/// First into room for the text plus an eighth: news in a Latin script
/// needs about 1 % more bytes than units. What did not fit goes on into
/// room for three bytes a unit, the most UTF-8 needs (a surrogate pair,
/// two units, is four bytes). The buffer is zeroed (safe Rust cannot
/// hand JS uninitialized memory), so sizing it for the worst case up
/// front, as wasm-bindgen does, would clear three bytes a unit.
fn utf8_of(js: &JsString, units: usize) -> Result<Vec<u8>, JsError> {
    let mut utf8 = vec![0u8; units + units / 8 + 16];
    let mut written = usize::try_from(encode_text(js, 0, &mut utf8)).unwrap_or(usize::MAX);
    // With room for four more bytes left, any next character would have
    // fitted: the text is all there. Otherwise count what was read.
    let read = if written.saturating_add(4) <= utf8.len() {
        units
    } else {
        utf16_len(utf8.get(..written).unwrap_or_default())
    };
    if read < units {
        // Room for the worst case of the rest, which the second call fills.
        utf8.resize(written.saturating_add((units - read).saturating_mul(3)), 0);
        let rest = utf8.get_mut(written..).unwrap_or_default();
        written = written.saturating_add(
            usize::try_from(encode_text(js, to_u32(read), rest)).unwrap_or(usize::MAX),
        );
    }
    if written > utf8.len() {
        return Err(JsError::new("text could not be read as a string"));
    }
    utf8.truncate(written);
    // The slack back to the allocator (a shrink in place).
    utf8.shrink_to_fit();
    Ok(utf8)
}

/// The UTF-16 length of whole characters of UTF-8: one unit for each
/// byte that starts a character, one more for a four-byte one.
fn utf16_len(utf8: &[u8]) -> usize {
    utf8.iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// The error for an over-long text, naming its size and the limit.
fn too_long(qualifier: &str, bytes: usize) -> JsError {
    JsError::new(&format!(
        "text too long: {qualifier}{bytes} bytes of UTF-8, over the limit of \
         {MAX_INPUT_BYTES} bytes (20 MiB); split it and analyze the parts"
    ))
}

/// `typeof value`, with `null` and arrays told apart, for error messages.
fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_owned()
    } else if js_sys::Array::is_array(value) {
        "an array".to_owned()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}
