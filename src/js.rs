//! Rust values as plain JS values and back: the one place the app turns what the core returns into objects for a host
//! page (`crate::api`) and for `sessionStorage` (`crate::storage`), and reads a host's objects, size-checked first.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// Plain objects, arrays and `null`s (serde-wasm-bindgen's JSON-compatible form: maps as objects, `None` as `null`),
/// so `JSON.stringify` keeps everything. The core writes nothing it can refuse; an error carries serde-wasm-bindgen's
/// message, which names a type, never a value.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(Into::into)
}

/// The most a host's value may weigh as JSON (UTF-16 units), checked before any of it is copied into the wasm: facts
/// with a hundred cards are about 20 K; anything near this is not a person's answers.
pub const MAX_INPUT_CHARS: u32 = 256 * 1024;

/// Why a host's value was not read. Neither carries any part of the value (it may hold a gift card code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not plain data of the expected shape (or a getter threw, or it has a cycle).
    Shape,
    /// Over [`MAX_INPUT_CHARS`] as JSON.
    TooLarge,
}

/// Reads a host's value with serde-wasm-bindgen, after taking it as plain data in JS: `JSON.stringify` first (a
/// throwing getter or a cycle is caught there, before any part of the value is copied into the wasm — read in place,
/// an exception would cross the wasm and skip the destructors that wipe what was read), its length checked against
/// [`MAX_INPUT_CHARS`], then `JSON.parse` back into getter-free objects for serde-wasm-bindgen.
pub fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T, Refused> {
    let text = js_sys::JSON::stringify(value).map_err(|_| Refused::Shape)?;
    let text: &JsValue = text.as_ref();
    let Some(json) = text.dyn_ref::<js_sys::JsString>() else {
        return Err(Refused::Shape);
    };
    if json.length() > MAX_INPUT_CHARS {
        return Err(Refused::TooLarge);
    }
    let parse = js_sys::Reflect::get(&js_sys::global(), &"JSON".into())
        .and_then(|json| js_sys::Reflect::get(&json, &"parse".into()))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or(Refused::Shape)?;
    let plain = parse
        .call1(&JsValue::NULL, json)
        .map_err(|_| Refused::Shape)?;
    serde_wasm_bindgen::from_value(plain).map_err(|_| Refused::Shape)
}
