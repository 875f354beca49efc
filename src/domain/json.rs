//! JSON values field by field: what the saved document is written and read
//! with (`document_json`).
//!
//! Reading is one pass over the text that notes where each value starts and
//! ends (a "tape", as simdjson calls it): no value tree, no copy of a key,
//! and a container knows where it ends, so a record finds its fields by
//! jumping over the others. Each record then reads its fields by name,
//! copying only the text it keeps. Writing goes straight into the text (JSON
//! escapes for strings, itoa and zmij for numbers). One reader, not generic:
//! serde_json's typed code, monomorphised for each record type, was a third
//! of the code of opening the app; this keeps each field to one call. Empty
//! values (null, "", [], {}, false) are left out of what is written, and a
//! field that is missing reads as its empty value.
use std::borrow::Cow;
use std::cell::Cell;

/// What was wrong, for a message: which field, and what it held.
pub type Result<T> = std::result::Result<T, String>;

const NULL: u8 = 0;
const TRUE: u8 = 1;
const FALSE: u8 = 2;
const NUMBER: u8 = 3;
const TEXT: u8 = 4;
/// Text with backslash escapes, decoded when read.
const ESCAPED: u8 = 5;
const ARRAY: u8 = 6;
const OBJECT: u8 = 7;

/// One value of the text: its kind and where it is. A text's `start..end`
/// are byte offsets inside the quotes, a number's its digits; an array's
/// or object's `start` is the offset of its bracket, and its `end` the
/// index of the first token after it.
#[derive(Clone, Copy)]
struct Token {
    kind: u8,
    start: u32,
    end: u32,
}

/// A JSON text read into tokens; its values are read with [`Tape::root`].
pub struct Tape<'a> {
    text: &'a str,
    tokens: Vec<Token>,
}

/// One value of a [`Tape`].
#[derive(Clone, Copy)]
pub struct Json<'a> {
    text: &'a str,
    tokens: &'a [Token],
    at: usize,
}

/// A JSON text read into tokens (checked to be JSON, nothing more).
pub fn parse(text: &str) -> Result<Tape<'_>> {
    if text.len() >= u32::MAX as usize {
        return Err(not_json());
    }
    tokenize(text.as_bytes())
        .map(|tokens| Tape { text, tokens })
        .ok_or_else(not_json)
}

/// A value of type `T` read from JSON text.
pub fn read<T: FromJson>(text: &str) -> Result<T> {
    T::from_json(parse(text)?.root())
}

impl<'a> Tape<'a> {
    /// The text's one value.
    pub fn root(&self) -> Json<'_> {
        Json {
            text: self.text,
            tokens: &self.tokens,
            at: 0,
        }
    }
}

#[cold]
fn not_json() -> String {
    "not valid JSON".to_string()
}

fn skip_space(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// The end of the text starting at the quote `b[i]`, after its closing
/// quote, and whether it holds escapes.
fn scan_text(b: &[u8], mut i: usize) -> Option<(usize, bool)> {
    let mut escaped = false;
    i += 1;
    loop {
        match *b.get(i)? {
            b'"' => return Some((i + 1, escaped)),
            b'\\' => {
                escaped = true;
                i += 2;
            }
            0..=0x1f => return None,
            _ => i += 1,
        }
    }
}

fn digits(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

/// The end of the number starting at `b[i]`: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?
fn scan_number(b: &[u8], mut i: usize) -> Option<usize> {
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    let whole = digits(b, i);
    if whole == i || (b[i] == b'0' && whole > i + 1) {
        return None;
    }
    i = whole;
    if b.get(i) == Some(&b'.') {
        let end = digits(b, i + 1);
        if end == i + 1 {
            return None;
        }
        i = end;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let end = digits(b, i);
        if end == i {
            return None;
        }
        i = end;
    }
    Some(i)
}

/// Reads a key and its colon at `b[i]` into `tokens`; the position after.
fn key(b: &[u8], i: usize, tokens: &mut Vec<Token>) -> Option<usize> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let (end, escaped) = scan_text(b, i)?;
    tokens.push(Token {
        kind: if escaped { ESCAPED } else { TEXT },
        start: i as u32 + 1,
        end: end as u32 - 1,
    });
    let i = skip_space(b, end);
    (b.get(i) == Some(&b':')).then_some(i + 1)
}

/// The whole text as tokens, in one pass; `None` if it is not JSON.
#[inline(never)]
fn tokenize(b: &[u8]) -> Option<Vec<Token>> {
    let mut tokens = Vec::with_capacity(b.len() / 12);
    // The containers still open, innermost last.
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    loop {
        // A value starts here.
        i = skip_space(b, i);
        let start = i;
        let end = match *b.get(i)? {
            c @ (b'{' | b'[') => {
                open.push(tokens.len());
                let kind = if c == b'{' { OBJECT } else { ARRAY };
                tokens.push(Token {
                    kind,
                    start: start as u32,
                    end: 0,
                });
                i = skip_space(b, i + 1);
                if b.get(i) != Some(&if kind == OBJECT { b'}' } else { b']' }) {
                    if kind == OBJECT {
                        i = key(b, i, &mut tokens)?;
                    }
                    continue;
                }
                // Empty: closed below.
                i
            }
            b'"' => {
                let (end, escaped) = scan_text(b, i)?;
                tokens.push(Token {
                    kind: if escaped { ESCAPED } else { TEXT },
                    start: i as u32 + 1,
                    end: end as u32 - 1,
                });
                end
            }
            b'-' | b'0'..=b'9' => {
                let end = scan_number(b, i)?;
                tokens.push(Token {
                    kind: NUMBER,
                    start: start as u32,
                    end: end as u32,
                });
                end
            }
            _ => {
                let (kind, word): (u8, &[u8]) = match b[i] {
                    b't' => (TRUE, b"true"),
                    b'f' => (FALSE, b"false"),
                    _ => (NULL, b"null"),
                };
                if !b[i..].starts_with(word) {
                    return None;
                }
                tokens.push(Token {
                    kind,
                    start: 0,
                    end: 0,
                });
                i + word.len()
            }
        };
        i = end;
        // After a value: a comma, or the end of containers.
        loop {
            i = skip_space(b, i);
            let Some(&top) = open.last() else {
                return (i == b.len()).then_some(tokens);
            };
            let object = tokens[top].kind == OBJECT;
            match *b.get(i)? {
                b',' => {
                    i += 1;
                    if object {
                        i = key(b, skip_space(b, i), &mut tokens)?;
                    }
                    break;
                }
                b'}' if object => {}
                b']' if !object => {}
                _ => return None,
            }
            tokens[top].end = tokens.len() as u32;
            open.pop();
            i += 1;
        }
    }
}

impl<'a> Json<'a> {
    fn token(&self) -> Token {
        self.tokens[self.at]
    }

    /// The index of the token after this value.
    fn next(&self) -> usize {
        let token = self.token();
        if token.kind >= ARRAY {
            token.end as usize
        } else {
            self.at + 1
        }
    }

    fn at(&self, at: usize) -> Json<'a> {
        Json { at, ..*self }
    }

    /// Whether this is a JSON string holding `text` (compared in place
    /// unless it has escapes).
    fn is_text(&self, text: &str) -> bool {
        let token = self.token();
        match token.kind {
            TEXT => &self.text[token.start as usize..token.end as usize] == text,
            _ => self.text().is_ok_and(|t| t == text),
        }
    }

    pub fn is_null(&self) -> bool {
        self.token().kind == NULL
    }

    /// The text of a JSON string, borrowed unless it had escapes.
    #[inline(never)]
    pub fn text(&self) -> Result<Cow<'a, str>> {
        let token = self.token();
        if token.kind != TEXT && token.kind != ESCAPED {
            return Err("expected text".to_string());
        }
        let raw = &self.text[token.start as usize..token.end as usize];
        match token.kind {
            TEXT => Ok(Cow::Borrowed(raw)),
            _ => unescape(raw)
                .map(Cow::Owned)
                .ok_or_else(|| "bad escape in text".to_string()),
        }
    }

    /// The digits of a number.
    fn number(&self) -> Option<&'a str> {
        let token = self.token();
        (token.kind == NUMBER).then(|| &self.text[token.start as usize..token.end as usize])
    }

    /// An array's text exactly as written, brackets included: kept as it
    /// is by a record that reads it only when needed (`media::MediaList`).
    pub fn list_text(&self) -> Result<&'a str> {
        let token = self.token();
        if token.kind != ARRAY {
            return Err("expected a list".to_string());
        }
        let start = token.start as usize;
        let end = container_end(self.text.as_bytes(), start).ok_or_else(not_json)?;
        Ok(&self.text[start..end])
    }

    /// The values of an array.
    pub fn items(&self) -> Result<impl Iterator<Item = Json<'a>>> {
        if self.token().kind != ARRAY {
            return Err("expected a list".to_string());
        }
        let end = self.token().end as usize;
        let mut at = self.at + 1;
        let this = *self;
        Ok(std::iter::from_fn(move || {
            (at < end).then(|| {
                let item = this.at(at);
                at = item.next();
                item
            })
        }))
    }
}

/// The offset after the bracket that closes the one at `b[i]` (in text
/// already read as JSON: only strings can hold a bracket that does not count).
fn container_end(b: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    loop {
        match *b.get(i)? {
            b'"' => {
                i = scan_text(b, i)?.0;
                continue;
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// A JSON string's inside with its escapes decoded.
fn unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let high = hex4(&mut chars)?;
                let code = if (0xD800..0xDC00).contains(&high) {
                    if chars.next()? != '\\' || chars.next()? != 'u' {
                        return None;
                    }
                    let low = hex4(&mut chars)?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return None;
                    }
                    0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    high
                };
                char::from_u32(code)?
            }
            _ => return None,
        });
    }
    Some(out)
}

/// The four hex digits of a `\\u` escape.
fn hex4(chars: &mut std::str::Chars<'_>) -> Option<u32> {
    let digits = chars.as_str().get(..4)?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let code = u32::from_str_radix(digits, 16).ok()?;
    chars.nth(3);
    Some(code)
}

/// A value written as JSON text.
pub fn to_text(value: &(impl ToJson + ?Sized)) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// Read from one JSON value.
pub trait FromJson: Sized {
    fn from_json(value: Json<'_>) -> Result<Self>;
}

/// Written as one JSON value, straight into the text.
pub trait ToJson {
    fn write_json(&self, out: &mut String);
}

/// The fields of one object, read by name.
pub struct Fields<'a> {
    object: Json<'a>,
    /// Where the last field found was: records are read in the order they
    /// are written, so the next field is usually the one after it.
    hint: Cell<usize>,
}

impl<'a> Fields<'a> {
    pub fn of(value: Json<'a>) -> Result<Self> {
        if value.token().kind != OBJECT {
            return Err("expected an object".to_string());
        }
        Ok(Fields {
            object: value,
            hint: Cell::new(value.at + 1),
        })
    }

    // One copy of each reader per type, called from every field, rather
    // than the same code inlined into each of them: the document's reader
    // is most of what it costs the first load.
    #[inline(never)]
    fn present(&self, key: &str) -> Option<Json<'a>> {
        let first = self.object.at + 1;
        let end = self.object.token().end as usize;
        let from = self.hint.get();
        // From the hint to the end, then from the start to the hint.
        for (mut at, stop) in [(from, end), (first, from)] {
            while at < stop {
                let name = self.object.at(at);
                let value = self.object.at(at + 1);
                if name.is_text(key) {
                    self.hint.set(value.next());
                    return (!value.is_null()).then_some(value);
                }
                at = value.next();
            }
        }
        None
    }

    /// A field's value as it is (not null), to read further.
    pub fn value(&self, key: &str) -> Option<Json<'a>> {
        self.present(key)
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
        let at = self.key(key);
        value.write_json(&mut self.0);
        self.value_end(at);
        self
    }

    /// Adds `key` with `json`, a value already written as JSON, unless it
    /// is empty.
    pub fn put_json(mut self, key: &str, json: &str) -> Self {
        let at = self.key(key);
        self.0.push_str(json);
        self.value_end(at);
        self
    }

    // The parts every `put` shares, written once rather than in each
    // type's copy of it.

    /// Writes `"key":`; where the object was before it, and where the value starts.
    #[inline(never)]
    fn key(&mut self, key: &str) -> (usize, usize) {
        let before = self.0.len();
        if before > 1 {
            self.0.push(',');
        }
        write_text(key, &mut self.0);
        self.0.push(':');
        (before, self.0.len())
    }

    /// Takes the field back out if its value is empty.
    #[inline(never)]
    fn value_end(&mut self, (before, start): (usize, usize)) {
        if matches!(
            &self.0[start..],
            "" | "null" | "\"\"" | "[]" | "{}" | "false"
        ) {
            self.0.truncate(before);
        }
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
            fn from_json(
                value: $crate::domain::json::Json<'_>,
            ) -> $crate::domain::json::Result<Self> {
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
    fn from_json(value: Json<'_>) -> Result<Self> {
        value.text().map(Cow::into_owned)
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
    fn from_json(value: Json<'_>) -> Result<Self> {
        match value.token().kind {
            TRUE => Ok(true),
            FALSE => Ok(false),
            _ => Err("expected true or false".to_string()),
        }
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

/// A value stored by its name (an enum's, `names`).
#[inline(never)]
pub fn by_name<T>(value: Json<'_>, from_name: fn(&str) -> Option<T>) -> Result<T> {
    let name = value.text()?;
    from_name(&name).ok_or_else(|| format!("unknown value \"{name}\""))
}

/// A number as f64, whichever form it was written in.
fn number(value: Json<'_>) -> Result<f64> {
    value
        .number()
        .map(parse_f64)
        .ok_or_else(|| "expected a number".to_string())
}

/// JSON number text (already checked to be one) as the nearest f64, for up
/// to 18 significant digits times 10^-31 to 10^29: every number the
/// document holds (zmij writes at most 17 digits). Beyond that
/// it is within a rounding or two. The standard library's parser, exact
/// everywhere, brings 6 KB brotli of tables to the first load.
pub fn parse_f64(text: &str) -> f64 {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (digits, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, ""),
    };
    // The number is m * 10^e.
    let mut m: u64 = 0;
    let mut e: i32 = exponent
        .trim_start_matches('+')
        .strip_prefix('-')
        .map_or_else(
            || saturating_i32(exponent.trim_start_matches('+')),
            |d| -saturating_i32(d),
        );
    let mut fraction = false;
    for b in digits.bytes() {
        if b == b'.' {
            fraction = true;
        } else if m < 100_000_000_000_000_000 {
            m = m * 10 + u64::from(b - b'0');
            e -= i32::from(fraction);
        } else {
            // A digit beyond the 18th: its place counts, not its value.
            e += i32::from(!fraction);
        }
    }
    // 10^k is 5^k * 2^k: the power of two is exact in an f64.
    let value = if m == 0 {
        0.0
    } else if (0..=29).contains(&e) {
        (u128::from(m) * 5u128.pow(e as u32)) as f64 * two_to(e)
    } else if (-31..0).contains(&e) {
        // m / 5^k, rounded once: the quotient scaled to at least 55 bits,
        // with a last bit set when anything was left over.
        let d = 5u128.pow(e.unsigned_abs());
        let shift =
            (55 + (128 - d.leading_zeros()) as i32 - (64 - m.leading_zeros()) as i32).max(0);
        let n = u128::from(m) << shift;
        let q = (n / d) | u128::from(!n.is_multiple_of(d));
        (q as f64) * two_to(e - shift)
    } else {
        m as f64 * 10f64.powi(e)
    };
    if negative {
        -value
    } else {
        value
    }
}

/// 2^n, for n within an f64's normal range.
fn two_to(n: i32) -> f64 {
    f64::from_bits(((1023 + n) as u64) << 52)
}

fn saturating_i32(digits: &str) -> i32 {
    digits.bytes().fold(0i32, |n, d| {
        n.saturating_mul(10).saturating_add(i32::from(d - b'0'))
    })
}

/// A whole number, in range for the field.
fn whole(value: Json<'_>, min: i64, max: u64) -> Result<i128> {
    let digits = value
        .number()
        .filter(|d| !d.contains(['.', 'e', 'E']))
        .ok_or_else(|| "expected a whole number".to_string())?;
    let (negative, magnitude) = match digits.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, digits),
    };
    // At most 20 digits: a u64, so no overflow in i128.
    let n = (magnitude.len() <= 20)
        .then(|| {
            magnitude
                .bytes()
                .fold(0i128, |n, d| n * 10 + i128::from(d - b'0'))
        })
        .map(|n| if negative { -n } else { n })
        .filter(|n| *n >= i128::from(min) && *n <= i128::from(max))
        .ok_or_else(|| format!("{digits} is out of range"))?;
    Ok(n)
}

macro_rules! whole_numbers {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(value: Json<'_>) -> Result<Self> {
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
    fn from_json(value: Json<'_>) -> Result<Self> {
        number(value)
    }
}

impl ToJson for f64 {
    fn write_json(&self, out: &mut String) {
        write_f64(*self, out);
    }
}

impl FromJson for f32 {
    fn from_json(value: Json<'_>) -> Result<Self> {
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
    fn from_json(value: Json<'_>) -> Result<Self> {
        value
            .items()?
            .enumerate()
            .map(|(i, item)| T::from_json(item).map_err(|e| format!("entry {}: {e}", i + 1)))
            .collect()
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
    fn from_json(value: Json<'_>) -> Result<Self> {
        let items = Vec::<T>::from_json(value)?;
        <[T; N]>::try_from(items)
            .map_err(|items| format!("expected {N} values, not {}", items.len()))
    }
}
