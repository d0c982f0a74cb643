//! What a Rust panic becomes in JS: a clear `Error`, after which the next
//! call works again.
//!
//! Wasm32 builds abort on panic (`panic=abort`): the instance traps with an
//! opaque `RuntimeError: unreachable` and its memory may be left
//! half-updated (the stack pointer, the allocator, `RefCell` flags), so it
//! must not be used again. The panic hook therefore
//!
//! 1. asks wasm-bindgen's generated glue to re-instantiate the module
//!    before the next call (`schedule_reinit`: the glue keeps the compiled
//!    `WebAssembly.Module` and makes a fresh `WebAssembly.Instance` from it,
//!    synchronously, at the start of the next export call);
//! 2. throws a JS `Error` with the panic message and location, which
//!    unwinds straight through the wasm frames to the caller instead of the
//!    trap (its `stack` shows those frames, for bug reports).
//!
//! The hook never returns, so std's "panicking" state is never cleared in
//! the old instance; a second panic there would abort without the hook.
//! The fresh instance starts clean, which is also why a test that panics
//! twice in a row proves the reset happened.
//!
//! The hook must not call any import whose glue runs the call guard (such
//! as `console.error` with a Rust string) after `schedule_reinit`: the
//! guard would swap the instance in the middle of the call.
//!
//! All of this lives in the glue (`quotelens.js`), so every consumer gets
//! it, whichever entry point it imports. The package never hands out
//! objects that point into wasm memory (its `Analyzer` is a JS class that
//! holds only options), so nothing goes stale when the instance is
//! replaced.

/// Installs the hook; called once per instance by the `start` function.
pub(crate) fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        wasm_bindgen::handler::schedule_reinit();
        wasm_bindgen::throw_str(&format!(
            "quotelens: internal error ({message}); this is a bug, please report it. \
             The module has been reset and the next call works as usual."
        ));
    }));
}

/// Panics with `message`: the only way to test the hook above from JS.
/// Exported only by builds with the `test-panic` feature (never the
/// package), as `__testPanic`.
#[cfg(feature = "test-panic")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = __testPanic, skip_typescript)]
#[allow(clippy::panic)] // Panicking is its whole purpose.
pub fn test_panic(message: &str) {
    panic!("{message}");
}
