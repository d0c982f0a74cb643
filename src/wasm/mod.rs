//! WebAssembly bindings (feature `wasm`): conversions only.
