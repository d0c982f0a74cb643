//! The CSS Custom Highlight API, which web-sys does not bind: `Highlight`
//! and the registry `CSS.highlights`, found at run time.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Range;

#[wasm_bindgen]
extern "C" {
    /// `Highlight` of the CSS Custom Highlight API (not in web-sys).
    pub(super) type JsHighlight;
    #[wasm_bindgen(method)]
    pub(super) fn add(this: &JsHighlight, range: &Range);
    #[wasm_bindgen(method)]
    pub(super) fn delete(this: &JsHighlight, range: &Range) -> bool;
    #[wasm_bindgen(method, getter)]
    pub(super) fn size(this: &JsHighlight) -> u32;

    /// `CSS.highlights`.
    pub(super) type HighlightRegistry;
    #[wasm_bindgen(method, js_name = get)]
    pub(super) fn get_highlight(this: &HighlightRegistry, name: &str) -> JsValue;
    #[wasm_bindgen(method, js_name = set)]
    pub(super) fn set_highlight(this: &HighlightRegistry, name: &str, highlight: &JsHighlight);
    #[wasm_bindgen(method, js_name = delete)]
    pub(super) fn delete_highlight(this: &HighlightRegistry, name: &str) -> bool;
}

/// The highlight registry and the `Highlight` constructor, if the browser
/// has the CSS Custom Highlight API.
pub(super) fn highlight_api() -> Option<(HighlightRegistry, js_sys::Function)> {
    let global = js_sys::global();
    let css = Reflect::get(&global, &"CSS".into()).ok()?;
    if css.is_undefined() || css.is_null() {
        return None;
    }
    let registry = Reflect::get(&css, &"highlights".into()).ok()?;
    let ctor = Reflect::get(&global, &"Highlight".into()).ok()?;
    if registry.is_undefined() || registry.is_null() || !ctor.is_function() {
        return None;
    }
    Some((registry.unchecked_into(), ctor.unchecked_into()))
}

/// The registry's highlight called `name`, created if missing. Highlights
/// are shared: every widget on the page adds its ranges to the same ones.
pub(super) fn highlight_named(
    registry: &HighlightRegistry,
    ctor: &js_sys::Function,
    name: &str,
) -> Result<JsHighlight, JsValue> {
    let found = registry.get_highlight(name);
    if !found.is_undefined() {
        return Ok(found.unchecked_into());
    }
    let created: JsHighlight = Reflect::construct(ctor, &Array::new())?.unchecked_into();
    // Scare quotes nest inside speech; paint them on top.
    let priority = if name.ends_with("-other") { 1.0 } else { 0.0 };
    Reflect::set(&created, &"priority".into(), &priority.into())?;
    registry.set_highlight(name, &created);
    Ok(created)
}
