//! The text argument of every export: a JS string of at most
//! [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES) bytes of UTF-8.
//!
//! The text arrives as a `JsValue` rather than `&str` so that the length
//! can be checked before the string is copied into wasm memory: a JS
//! string of `n` UTF-16 units is at least `n` and at most `3n` UTF-8
//! bytes, so `n > MAX` is refused without copying anything, and only a
//! string that may fit is copied and measured exactly. A value that is
//! not a string is an error rather than an empty or garbled text.

use js_sys::JsString;
use wasm_bindgen::{JsCast, JsError, JsValue};

use crate::MAX_INPUT_BYTES;

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
    let Some(text) = js.as_string() else {
        return Err(JsError::new("text could not be read as a string"));
    };
    if text.len() > MAX_INPUT_BYTES {
        return Err(too_long("", text.len()));
    }
    Ok(text)
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
