//! Rust values as plain JS values: the one place the app turns what the core returns into objects for a host page
//! (`crate::api`) and for `sessionStorage` (`crate::storage`).

use serde::Serialize;
use wasm_bindgen::JsValue;

/// Plain objects, arrays and `null`s (serde-wasm-bindgen's JSON-compatible form: maps as objects, `None` as `null`),
/// so `JSON.stringify` keeps everything. The core writes nothing it can refuse; an error carries serde-wasm-bindgen's
/// message, which names a type, never a value.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(Into::into)
}
