//! JSON values field by field: what the saved document is written and read
//! with (`document_json`).
//!
//! Reading is miniserde's: one JSON parser, not generic, into a value each
//! record reads its fields from. Writing goes straight into the text (JSON
//! escapes for strings, itoa and zmij for numbers, as miniserde writes
//! them): about three times faster than building a value for miniserde's
//! writer, for the same size. serde_json's
//! typed code, monomorphised for each record type, was a third of the code
//! of opening the app; this keeps each field to one call. Empty values
//! (null, "", [], {}, false) are left out of what is written, and a field
//! that is missing reads as its empty value.
use miniserde::json::{self, Number, Object, Value};

/// What was wrong, for a message: which field, and what it held.
pub type Result<T> = std::result::Result<T, String>;

/// A JSON text read into a value.
pub fn parse(text: &str) -> Result<Value> {
    json::from_str(text).map_err(|_| "not valid JSON".to_string())
}

/// A value written as JSON text.
pub fn to_text(value: &(impl ToJson + ?Sized)) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// Read from one JSON value.
pub trait FromJson: Sized {
    fn from_json(value: &Value) -> Result<Self>;
}

/// Written as one JSON value, straight into the text.
pub trait ToJson {
    fn write_json(&self, out: &mut String);
}

/// The fields of one object, read by name.
pub struct Fields<'a>(&'a Object);

impl<'a> Fields<'a> {
    pub fn of(value: &'a Value) -> Result<Self> {
        match value {
            Value::Object(object) => Ok(Fields(object)),
            _ => Err("expected an object".to_string()),
        }
    }

    // One copy of each reader per type, called from every field, rather
    // than the same code inlined into each of them: the document's reader
    // is most of what it costs the first load.
    #[inline(never)]
    fn present(&self, key: &str) -> Option<&'a Value> {
        self.0.get(key).filter(|v| !matches!(v, Value::Null))
    }

    /// A field that must be there.
    #[inline(never)]
    pub fn need<T: FromJson>(&self, key: &str) -> Result<T> {
        match self.present(key) {
            Some(value) => T::from_json(value).map_err(|e| in_field(key, e)),
            None => Err(missing(key)),
        }
    }

    /// A field that may be left out (or null).
    #[inline(never)]
    pub fn opt<T: FromJson>(&self, key: &str) -> Result<Option<T>> {
        match self.present(key) {
            Some(value) => T::from_json(value).map(Some).map_err(|e| in_field(key, e)),
            None => Ok(None),
        }
    }

    /// A field whose absence means its default (empty) value.
    #[inline(never)]
    pub fn or_default<T: FromJson + Default>(&self, key: &str) -> Result<T> {
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

/// An object being written, empty fields left out.
pub struct Out(String);

impl Default for Out {
    fn default() -> Self {
        Out(String::from("{"))
    }
}

impl Out {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `key` unless its value is empty (null, "", [], {} or false).
    #[inline(never)]
    pub fn put(mut self, key: &str, value: &impl ToJson) -> Self {
        let before = self.0.len();
        if before > 1 {
            self.0.push(',');
        }
        write_text(key, &mut self.0);
        self.0.push(':');
        let start = self.0.len();
        value.write_json(&mut self.0);
        if matches!(&self.0[start..], "null" | "\"\"" | "[]" | "{}" | "false") {
            self.0.truncate(before);
        }
        self
    }

    /// The object's text.
    pub fn done(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

/// A record type read from its fields, and written as them when `write` is given.
macro_rules! record_json {
    ($t:ty, |$f:ident| $read:expr) => {
        impl $crate::domain::json::FromJson for $t {
            #[inline(never)]
            fn from_json(value: &miniserde::json::Value) -> $crate::domain::json::Result<Self> {
                let $f = $crate::domain::json::Fields::of(value)?;
                Ok($read)
            }
        }
    };
    ($t:ty, |$f:ident| $read:expr, |$s:ident| $write:expr) => {
        $crate::domain::json::record_json!($t, |$f| $read);

        impl $crate::domain::json::ToJson for $t {
            #[inline(never)]
            fn write_json(&self, out: &mut String) {
                let $s = self;
                out.push_str(&$write.done());
            }
        }
    };
}
pub(crate) use record_json;

/// A JSON string: quoted, with `"`, `\` and control characters escaped.
#[inline(never)]
pub fn write_text(text: &str, out: &mut String) {
    out.push('"');
    let mut plain = 0;
    for (i, byte) in text.bytes().enumerate() {
        let escaped = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[plain..i]);
        if escaped.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 15)] as char);
        } else {
            out.push_str(escaped);
        }
        plain = i + 1;
    }
    out.push_str(&text[plain..]);
    out.push('"');
}

impl FromJson for String {
    fn from_json(value: &Value) -> Result<Self> {
        match value {
            Value::String(s) => Ok(s.clone()),
            _ => Err("expected text".to_string()),
        }
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_text(self, out);
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_text(self, out);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl FromJson for bool {
    fn from_json(value: &Value) -> Result<Self> {
        match value {
            Value::Bool(b) => Ok(*b),
            _ => Err("expected true or false".to_string()),
        }
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
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
            fn from_json(value: &Value) -> Result<Self> {
                // In range: checked against the type's own bounds.
                Ok(whole(value, <$t>::MIN as i64, <$t>::MAX as u64)? as $t)
            }
        }

        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                out.push_str(itoa::Buffer::new().format(*self));
            }
        }
    )*};
}

whole_numbers!(u8, u16, u32, u64, i64);

/// A float as the shortest text that reads back the same; a value JSON
/// cannot hold (infinite, not a number) as null.
fn write_f64(value: f64, out: &mut String) {
    if value.is_finite() {
        out.push_str(zmij::Buffer::new().format_finite(value));
    } else {
        out.push_str("null");
    }
}

impl FromJson for f64 {
    fn from_json(value: &Value) -> Result<Self> {
        number(value)
    }
}

impl ToJson for f64 {
    fn write_json(&self, out: &mut String) {
        write_f64(*self, out);
    }
}

impl FromJson for f32 {
    fn from_json(value: &Value) -> Result<Self> {
        Ok(number(value)? as f32)
    }
}

impl ToJson for f32 {
    /// The shortest of six decimals that reads back as the same f32 (2.5,
    /// 1.1), rather than the f32's exact binary value (1.100000023841858).
    fn write_json(&self, out: &mut String) {
        let exact = f64::from(*self);
        let short = (exact * 1e6).round() / 1e6;
        write_f64(if short as f32 == *self { short } else { exact }, out);
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Result<Self> {
        match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| T::from_json(item).map_err(|e| format!("entry {}: {e}", i + 1)))
                .collect(),
            _ => Err("expected a list".to_string()),
        }
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

/// A list of exactly `N` values (coordinates, a price range).
impl<T: FromJson + Copy + Default, const N: usize> FromJson for [T; N] {
    fn from_json(value: &Value) -> Result<Self> {
        let items = Vec::<T>::from_json(value)?;
        <[T; N]>::try_from(items)
            .map_err(|items| format!("expected {N} values, not {}", items.len()))
    }
}
