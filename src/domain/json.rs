//! JSON values field by field: what the saved document is written and read
//! with (`document_json`).
//!
//! Reading is miniserde's: one JSON parser, not generic, into a value whose
//! parts each record then takes (no copies); writing builds such a value for
//! miniserde's writer (a writer straight into the text was about three
//! times faster, and 1 KB more of the first load). serde_json's
//! typed code, monomorphised for each record type, was a third of the code
//! of opening the app; this keeps each field to one call. Empty values
//! (null, "", [], {}, false) are left out of what is written, and a field
//! that is missing reads as its empty value.
use miniserde::json::{self, Array, Number, Object, Value};

/// What was wrong, for a message: which field, and what it held.
pub type Result<T> = std::result::Result<T, String>;

/// A JSON text read into a value.
pub fn parse(text: &str) -> Result<Value> {
    json::from_str(text).map_err(|_| "not valid JSON".to_string())
}

/// A value written as JSON text.
pub fn to_text(value: &(impl ToJson + ?Sized)) -> String {
    json::to_string(&value.to_json())
}

/// Read from one JSON value, taking what it holds (no copies).
pub trait FromJson: Sized {
    fn from_json(value: Value) -> Result<Self>;
}

/// Written as one JSON value.
pub trait ToJson {
    fn to_json(&self) -> Value;
}

/// The fields of one object, taken by name.
pub struct Fields(Object);

impl Fields {
    pub fn of(value: Value) -> Result<Self> {
        match value {
            Value::Object(object) => Ok(Fields(object)),
            _ => Err("expected an object".to_string()),
        }
    }

    // One copy of each reader per type, called from every field, rather
    // than the same code inlined into each of them: the document's reader
    // is most of what it costs the first load.
    #[inline(never)]
    fn take(&mut self, key: &str) -> Option<Value> {
        // Taken in place (null left behind): removing keys one by one would
        // rebalance the map at every field.
        self.0
            .get_mut(key)
            .map(std::mem::take)
            .filter(|v| !matches!(v, Value::Null))
    }

    /// A field that must be there.
    #[inline(never)]
    pub fn need<T: FromJson>(&mut self, key: &str) -> Result<T> {
        match self.take(key) {
            Some(value) => T::from_json(value).map_err(|e| in_field(key, e)),
            None => Err(missing(key)),
        }
    }

    /// A field that may be left out (or null).
    #[inline(never)]
    pub fn opt<T: FromJson>(&mut self, key: &str) -> Result<Option<T>> {
        match self.take(key) {
            Some(value) => T::from_json(value).map(Some).map_err(|e| in_field(key, e)),
            None => Ok(None),
        }
    }

    /// A field whose absence means its default (empty) value.
    #[inline(never)]
    pub fn or_default<T: FromJson + Default>(&mut self, key: &str) -> Result<T> {
        Ok(self.opt(key)?.unwrap_or_default())
    }
}

#[cold]
#[inline(never)]
fn missing(key: &str) -> String {
    format!("\"{key}\" is missing")
}

#[cold]
#[inline(never)]
fn in_field(key: &str, e: String) -> String {
    format!("\"{key}\": {e}")
}

/// An object being written (miniserde writes its fields in name order),
/// empty ones left out.
#[derive(Default)]
pub struct Out(Object);

impl Out {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `key` unless its value is empty (null, "", [], {} or false).
    #[inline(never)]
    pub fn put(mut self, key: &str, value: &impl ToJson) -> Self {
        self.insert(key, value.to_json());
        self
    }

    #[inline(never)]
    fn insert(&mut self, key: &str, value: Value) {
        let empty = match &value {
            Value::Null | Value::Bool(false) => true,
            Value::String(s) => s.is_empty(),
            Value::Array(a) => a.is_empty(),
            Value::Object(o) => o.is_empty(),
            Value::Number(_) | Value::Bool(true) => false,
        };
        if !empty {
            self.0.insert(key.to_string(), value);
        }
    }

    pub fn done(self) -> Value {
        Value::Object(self.0)
    }
}

/// A record type read from its fields, and written as them when `write` is given.
macro_rules! record_json {
    ($t:ty, |$f:ident| $read:expr) => {
        impl $crate::domain::json::FromJson for $t {
            #[inline(never)]
            fn from_json(value: miniserde::json::Value) -> $crate::domain::json::Result<Self> {
                #[allow(unused_mut)]
                let mut $f = $crate::domain::json::Fields::of(value)?;
                Ok($read)
            }
        }
    };
    ($t:ty, |$f:ident| $read:expr, |$s:ident| $write:expr) => {
        $crate::domain::json::record_json!($t, |$f| $read);

        impl $crate::domain::json::ToJson for $t {
            #[inline(never)]
            fn to_json(&self) -> miniserde::json::Value {
                let $s = self;
                $write.done()
            }
        }
    };
}
pub(crate) use record_json;

impl FromJson for String {
    fn from_json(value: Value) -> Result<Self> {
        match value {
            Value::String(s) => Ok(s),
            _ => Err("expected text".to_string()),
        }
    }
}

impl ToJson for String {
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
}

impl ToJson for str {
    fn to_json(&self) -> Value {
        Value::String(self.to_string())
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self) -> Value {
        (**self).to_json()
    }
}

impl FromJson for bool {
    fn from_json(value: Value) -> Result<Self> {
        match value {
            Value::Bool(b) => Ok(b),
            _ => Err("expected true or false".to_string()),
        }
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
}

/// A number as f64, whichever form it was written in.
fn number(value: &Value) -> Result<f64> {
    match value {
        Value::Number(Number::U64(n)) => Ok(*n as f64),
        Value::Number(Number::I64(n)) => Ok(*n as f64),
        Value::Number(Number::F64(n)) => Ok(*n),
        _ => Err("expected a number".to_string()),
    }
}

/// A whole number, in range for the field.
fn whole(value: &Value, min: i64, max: u64) -> Result<i128> {
    let n = match value {
        Value::Number(Number::U64(n)) => i128::from(*n),
        Value::Number(Number::I64(n)) => i128::from(*n),
        _ => return Err("expected a whole number".to_string()),
    };
    if n < i128::from(min) || n > i128::from(max) {
        return Err(format!("{n} is out of range"));
    }
    Ok(n)
}

macro_rules! whole_numbers {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(value: Value) -> Result<Self> {
                // In range: checked against the type's own bounds.
                Ok(whole(&value, <$t>::MIN as i64, <$t>::MAX as u64)? as $t)
            }
        }

        impl ToJson for $t {
            #[allow(unused_comparisons)]
            fn to_json(&self) -> Value {
                Value::Number(if *self >= 0 { Number::U64(*self as u64) } else { Number::I64(*self as i64) })
            }
        }
    )*};
}

whole_numbers!(u8, u16, u32, u64, i64);

impl FromJson for f64 {
    fn from_json(value: Value) -> Result<Self> {
        number(&value)
    }
}

impl ToJson for f64 {
    fn to_json(&self) -> Value {
        Value::Number(Number::F64(*self))
    }
}

impl FromJson for f32 {
    fn from_json(value: Value) -> Result<Self> {
        Ok(number(&value)? as f32)
    }
}

impl ToJson for f32 {
    /// The shortest of six decimals that reads back as the same f32 (2.5,
    /// 1.1), rather than the f32's exact binary value (1.100000023841858).
    fn to_json(&self) -> Value {
        let exact = f64::from(*self);
        let short = (exact * 1e6).round() / 1e6;
        Value::Number(Number::F64(if short as f32 == *self {
            short
        } else {
            exact
        }))
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: Value) -> Result<Self> {
        match value {
            Value::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, item)| T::from_json(item).map_err(|e| format!("entry {}: {e}", i + 1)))
                .collect(),
            _ => Err("expected a list".to_string()),
        }
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Value {
        let mut array = Array::new();
        array.extend(self.iter().map(ToJson::to_json));
        Value::Array(array)
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToJson::to_json)
    }
}

/// A list of exactly `N` values (coordinates, a price range).
impl<T: FromJson + Copy + Default, const N: usize> FromJson for [T; N] {
    fn from_json(value: Value) -> Result<Self> {
        let items = Vec::<T>::from_json(value)?;
        <[T; N]>::try_from(items)
            .map_err(|items| format!("expected {N} values, not {}", items.len()))
    }
}
