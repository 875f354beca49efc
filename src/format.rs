//! Numbers formatted the way the user's language writes them, through the
//! browser's own `Intl` (no formatting data in the bundle).
use wasm_bindgen::JsValue;

/// `value` with the grouping and decimal marks of `locale` ("650,000", "650.000").
pub fn number(locale: &str, value: f64) -> String {
    let locales = js_sys::Array::of1(&JsValue::from_str(locale));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"maximumFractionDigits".into(), &JsValue::from(2));
    let formatter = js_sys::Intl::NumberFormat::new(&locales, &options);
    formatter
        .format()
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(value))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| value.to_string())
}

/// A whole amount, or a dash when unknown.
pub fn amount(locale: &str, value: Option<u64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| number(locale, v as f64))
}

/// "2026-11-22-1430", for file names.
pub fn file_stamp(at: chrono::DateTime<chrono::Utc>) -> String {
    use chrono::{Datelike, Timelike};
    format!(
        "{:04}-{:02}-{:02}-{:02}{:02}",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute()
    )
}

/// "2026-11-22 14:30" (UTC), for "last backup" lines.
pub fn date_time(at: chrono::DateTime<chrono::Utc>) -> String {
    use chrono::{Datelike, Timelike};
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute()
    )
}
