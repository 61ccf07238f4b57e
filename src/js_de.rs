//! Reads plain JS values (a host's facts and cards, the tab's saved state) into the core's serde types.
//!
//! It stands in for serde-wasm-bindgen's deserializer (and `js_ser` for its serializer). Every caller
//! already answers bad input with a fixed message naming only the field or shape (serde's own message can quote
//! the value, a gift card code typed in the wrong place), so the reader's error carries no message at all. That is
//! also what makes it small: with no message to write, none of serde's error formatting (which prints floats, and
//! with them Rust's float-to-text tables) reaches the wasm: 7.2 KB less after xz, 18 KB less code (issue 13; release
//! builds with the product's flags, `xtask/scripts/size-probe.sh`, before and after; see ARCHITECTURE.md).
//!
//! The reading is serde-wasm-bindgen's for the shapes the app takes: `null` and `undefined` are "none" / unit,
//! numbers that are safe integers are integers and other numbers floats, arrays are sequences, a struct's fields are
//! read by name (a class instance's getters too), other objects are maps of their own enumerable string keys, and a
//! string is an enum's unit variant. A host's getter that throws makes the input invalid; it never unwinds through
//! the wasm. A component test holds the two readers to the same results on generated plain objects and on class
//! instances, hidden properties and a throwing getter (`tests/components.rs`).

use js_sys::{Array, Number, Reflect};
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
use std::fmt;
use wasm_bindgen::prelude::*;

// `Array.from` and `Object.entries` run a host's getters and proxy traps, which may throw. js-sys's bindings let the
// exception unwind through the wasm, past the destructors of what was read so far (a card's code, say), which the
// wiping allocator then never zeroes; these catch it instead.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Array, js_name = from, catch)]
    fn array_from(value: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(js_namespace = Object, js_name = entries, catch)]
    fn object_entries(value: &JsValue) -> Result<Array, JsValue>;
}

/// The input did not have the expected shape. Deliberately without details: see the module's documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invalid;

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid input")
    }
}

impl std::error::Error for Invalid {}

impl de::Error for Invalid {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        Invalid
    }
}

/// Reads `value` as a `T`.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, Invalid> {
    T::deserialize(Reader(value))
}

struct Reader(JsValue);

impl Reader {
    fn is_nullish(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }
}

impl<'de> de::Deserializer<'de> for Reader {
    type Error = Invalid;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Invalid> {
        let v = &self.0;
        if self.is_nullish() {
            visitor.visit_unit()
        } else if let Some(b) = v.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(n) = v.as_f64() {
            if Number::is_safe_integer(v) {
                visitor.visit_i64(n as i64)
            } else {
                visitor.visit_f64(n)
            }
        } else if let Some(s) = v.as_string() {
            visitor.visit_string(s)
        } else if Array::is_array(v) {
            visitor.visit_seq(Items::new(array_from(v).map_err(|_| Invalid)?))
        } else if v.is_object() {
            visitor.visit_map(Entries {
                entries: Items::new(object_entries(v).map_err(|_| Invalid)?),
                value: None,
            })
        } else {
            // A function, a symbol, a BigInt: no shape the app takes.
            Err(Invalid)
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Invalid> {
        if self.is_nullish() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Invalid> {
        match self.0.as_string() {
            Some(name) => visitor.visit_enum(UnitVariant(name)),
            None => Err(Invalid),
        }
    }

    /// A struct reads each of its fields by name (`Reflect.get`: own or inherited, enumerable or not, so a class
    /// instance's getters count), skipping `undefined`, as serde-wasm-bindgen did.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Invalid> {
        // Not through `deserialize_any`: each struct's visitor would then be built for both map readers (+1.2 KB).
        if Array::is_array(&self.0) {
            visitor.visit_seq(Items::new(array_from(&self.0).map_err(|_| Invalid)?))
        } else if self.0.is_object() {
            visitor.visit_map(Fields {
                object: self.0,
                fields: fields.iter(),
                value: None,
            })
        } else {
            Err(Invalid)
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Invalid> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit unit_struct
        newtype_struct seq tuple tuple_struct map identifier
    }
}

/// An array's elements, in order.
struct Items {
    array: Array,
    next: u32,
}

impl Items {
    fn new(array: Array) -> Self {
        Items { array, next: 0 }
    }
}

impl Iterator for Items {
    type Item = JsValue;

    fn next(&mut self) -> Option<JsValue> {
        (self.next < self.array.length()).then(|| {
            self.next += 1;
            self.array.get(self.next - 1)
        })
    }
}

impl<'de> de::SeqAccess<'de> for Items {
    type Error = Invalid;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Invalid> {
        self.next().map(|v| seed.deserialize(Reader(v))).transpose()
    }
}

/// An object's `[key, value]` entries (`Object.entries`: its own enumerable string keys, in property order).
struct Entries {
    entries: Items,
    value: Option<JsValue>,
}

impl<'de> de::MapAccess<'de> for Entries {
    type Error = Invalid;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Invalid> {
        let Some(entry) = self.entries.next() else {
            return Ok(None);
        };
        // A `[key, value]` pair that `Object.entries` made: a plain array.
        let entry: Array = entry.unchecked_into();
        self.value = Some(entry.get(1));
        let key = entry.get(0).as_string().ok_or(Invalid)?;
        seed.deserialize(IntoDeserializer::<Invalid>::into_deserializer(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Invalid> {
        seed.deserialize(Reader(self.value.take().ok_or(Invalid)?))
    }
}

/// A struct's declared fields, read one by one.
struct Fields {
    object: JsValue,
    fields: std::slice::Iter<'static, &'static str>,
    value: Option<JsValue>,
}

impl<'de> de::MapAccess<'de> for Fields {
    type Error = Invalid;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Invalid> {
        for name in self.fields.by_ref() {
            // A throwing getter ends the reading as bad input (see `array_from`).
            let value =
                Reflect::get(&self.object, &JsValue::from_str(name)).map_err(|_| Invalid)?;
            if !value.is_undefined() {
                self.value = Some(value);
                return seed
                    .deserialize(IntoDeserializer::<Invalid>::into_deserializer(*name))
                    .map(Some);
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Invalid> {
        seed.deserialize(Reader(self.value.take().ok_or(Invalid)?))
    }
}

/// An enum given as its variant's name, which must be a unit variant.
struct UnitVariant(String);

impl<'de> de::EnumAccess<'de> for UnitVariant {
    type Error = Invalid;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Invalid> {
        let value = seed.deserialize(IntoDeserializer::<Invalid>::into_deserializer(
            self.0.as_str(),
        ))?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitVariant {
    type Error = Invalid;

    fn unit_variant(self) -> Result<(), Invalid> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value, Invalid> {
        Err(Invalid)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value, Invalid> {
        Err(Invalid)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Invalid> {
        Err(Invalid)
    }
}
