//! Writes the core's serde types as plain JS values: the JS API's results and the tab's saved state.
//!
//! It stands in for serde-wasm-bindgen's serializer with its `json_compatible` settings, the reading of which
//! [`crate::js_de`] already replaced: structs and maps are plain objects, sequences and tuples arrays, `None` and
//! unit `null`, a unit variant its name, any other variant an object with the variant's name as its one key, and
//! integers numbers (a 64-bit one only while it is a safe integer: larger is an error, as there). Its error carries
//! no message, like the reader's ([`Invalid`]); nothing the core writes can fail. A component test holds its output
//! to serde-wasm-bindgen's, compared as JSON text, on generated values of every type the app writes
//! (`tests/components.rs`).

use crate::js_de::Invalid;
use js_sys::{Array, Object};
use serde::ser::{self, Serialize};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE: u64 = (1 << 53) - 1;

impl ser::Error for Invalid {
    fn custom<T: std::fmt::Display>(_message: T) -> Self {
        Invalid
    }
}

/// Writes `value` as a plain JS value.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Invalid> {
    value.serialize(Writer)
}

struct Writer;

fn number(n: f64) -> Result<JsValue, Invalid> {
    Ok(JsValue::from_f64(n))
}

thread_local! {
    /// The JS strings of the field and variant names written so far. A history report names the same few fields
    /// on each of its rows, and making each name anew is a trip through the glue's UTF-8 decoder; serde-wasm-bindgen
    /// kept such a cache too. A few dozen names, for the page's life.
    static NAMES: RefCell<Vec<(&'static str, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// `name` as a JS string, made once.
fn name(name: &'static str) -> JsValue {
    NAMES.with_borrow_mut(|names| {
        if let Some((_, value)) = names.iter().find(|(known, _)| std::ptr::eq(*known, name)) {
            return value.clone();
        }
        let value = JsValue::from_str(name);
        names.push((name, value.clone()));
        value
    })
}

#[wasm_bindgen]
extern "C" {
    /// A plain object written to by key (`target[key] = value`), without `Reflect.set`'s caught call: the writer only
    /// sets own data properties of objects it has just made, which cannot throw. serde-wasm-bindgen wrote the same
    /// way; through `Reflect.set` (and with names made anew) the JS API took 52–62 ms for a 9,000-row history report
    /// where serde-wasm-bindgen had taken 37.
    type Target;
    #[wasm_bindgen(method, indexing_setter)]
    fn set(this: &Target, key: &JsValue, value: &JsValue);
}

fn set(target: &Object, key: &JsValue, value: &JsValue) {
    target.unchecked_ref::<Target>().set(key, value);
}

/// `{ [variant]: value }`.
fn tagged(variant: &'static str, value: &JsValue) -> Result<JsValue, Invalid> {
    let object = Object::new();
    set(&object, &name(variant), value);
    Ok(object.into())
}

/// A finished list or object, or the payload of the variant named.
fn close(value: JsValue, variant: Option<&'static str>) -> Result<JsValue, Invalid> {
    match variant {
        Some(variant) => tagged(variant, &value),
        None => Ok(value),
    }
}

/// A sequence, tuple or the payload of a tuple variant (with its name).
struct Items(Array, Option<&'static str>);

/// A struct, a map or the payload of a struct variant (with its name), and the key a map's entry is waiting on.
struct Fields(Object, Option<&'static str>, JsValue);

impl ser::Serializer for Writer {
    type Ok = JsValue;
    type Error = Invalid;
    type SerializeSeq = Items;
    type SerializeTuple = Items;
    type SerializeTupleStruct = Items;
    type SerializeTupleVariant = Items;
    type SerializeMap = Fields;
    type SerializeStruct = Fields;
    type SerializeStructVariant = Fields;

    fn serialize_bool(self, v: bool) -> Result<JsValue, Invalid> {
        Ok(JsValue::from_bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<JsValue, Invalid> {
        number(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<JsValue, Invalid> {
        number(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<JsValue, Invalid> {
        number(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<JsValue, Invalid> {
        if v.unsigned_abs() <= MAX_SAFE {
            number(v as f64)
        } else {
            Err(Invalid)
        }
    }
    fn serialize_u8(self, v: u8) -> Result<JsValue, Invalid> {
        number(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<JsValue, Invalid> {
        number(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<JsValue, Invalid> {
        number(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<JsValue, Invalid> {
        if v <= MAX_SAFE {
            number(v as f64)
        } else {
            Err(Invalid)
        }
    }
    fn serialize_f32(self, v: f32) -> Result<JsValue, Invalid> {
        number(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<JsValue, Invalid> {
        number(v)
    }
    fn serialize_char(self, v: char) -> Result<JsValue, Invalid> {
        Ok(JsValue::from_str(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Result<JsValue, Invalid> {
        Ok(JsValue::from_str(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<JsValue, Invalid> {
        Ok(js_sys::Uint8Array::from(v).into())
    }
    fn serialize_none(self) -> Result<JsValue, Invalid> {
        Ok(JsValue::NULL)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<JsValue, Invalid> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<JsValue, Invalid> {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<JsValue, Invalid> {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<JsValue, Invalid> {
        Ok(name(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<JsValue, Invalid> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<JsValue, Invalid> {
        tagged(variant, &value.serialize(self)?)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Items, Invalid> {
        Ok(Items(Array::new(), None))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Items, Invalid> {
        Ok(Items(Array::new(), None))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Items, Invalid> {
        Ok(Items(Array::new(), None))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Items, Invalid> {
        Ok(Items(Array::new(), Some(variant)))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Fields, Invalid> {
        Ok(Fields(Object::new(), None, JsValue::UNDEFINED))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Fields, Invalid> {
        Ok(Fields(Object::new(), None, JsValue::UNDEFINED))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Fields, Invalid> {
        Ok(Fields(Object::new(), Some(variant), JsValue::UNDEFINED))
    }
}

impl Items {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Invalid> {
        self.0.push(&value.serialize(Writer)?);
        Ok(())
    }
    fn finish(self) -> Result<JsValue, Invalid> {
        close(self.0.into(), self.1)
    }
}

/// The four `Serialize*` traits of a list: each element is pushed, the end writes the list (or its variant).
macro_rules! items {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Items {
            type Ok = JsValue;
            type Error = Invalid;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Invalid> {
                self.push(value)
            }
            fn end(self) -> Result<JsValue, Invalid> {
                self.finish()
            }
        }
    )*};
}

items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl Fields {
    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Invalid> {
        set(&self.0, &name(key), &value.serialize(Writer)?);
        Ok(())
    }
    fn finish(self) -> Result<JsValue, Invalid> {
        close(self.0.into(), self.1)
    }
}

impl ser::SerializeMap for Fields {
    type Ok = JsValue;
    type Error = Invalid;
    /// Only a key written as a JS string (a string, a char, a unit variant's name) is taken; a number or anything
    /// else is refused, as serde-wasm-bindgen refuses it.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Invalid> {
        let key = key.serialize(Writer)?;
        if !key.is_string() {
            return Err(Invalid);
        }
        self.2 = key;
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Invalid> {
        let key = std::mem::replace(&mut self.2, JsValue::UNDEFINED);
        set(&self.0, &key, &value.serialize(Writer)?);
        Ok(())
    }
    fn end(self) -> Result<JsValue, Invalid> {
        self.finish()
    }
}

/// The two `Serialize*` traits of a struct: each field is set by name, the end writes the object (or its variant).
macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Fields {
            type Ok = JsValue;
            type Error = Invalid;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Invalid> {
                self.field(key, value)
            }
            fn end(self) -> Result<JsValue, Invalid> {
                self.finish()
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);
