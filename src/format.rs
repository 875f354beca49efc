//! Numbers formatted the way the user's language writes them, through the
//! browser's own `Intl` (no formatting data in the bundle).
use wasm_bindgen::JsValue;

/// `value` through `Intl.NumberFormat(locale, options)`.
fn number_format(locale: &str, options: &[(&str, JsValue)], value: f64) -> Option<String> {
    let locales = js_sys::Array::of1(&JsValue::from_str(locale));
    let opts = js_sys::Object::new();
    for (k, v) in options {
        let _ = js_sys::Reflect::set(&opts, &JsValue::from_str(k), v);
    }
    js_sys::Intl::NumberFormat::new(&locales, &opts)
        .format()
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(value))
        .ok()?
        .as_string()
}

/// The plural form a count takes in a language, as the locale files name
/// them: `one`, `few` (Romanian 2-19) and `other`. The browser's
/// `Intl.PluralRules` decides, so no plural data ships in the wasm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    One,
    Few,
    Other,
}

/// The plural form of `count` in `locale` (`Other` when the browser cannot say).
pub fn plural(locale: &str, count: f64) -> Plural {
    let locales = js_sys::Array::of1(&JsValue::from_str(locale));
    let rules = js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new());
    match String::from(rules.select(count)).as_str() {
        "one" => Plural::One,
        "few" => Plural::Few,
        // Spanish "many" (a million) reads like "other"; no language here has
        // zero or two forms.
        _ => Plural::Other,
    }
}

/// `value` with the grouping and decimal marks of `locale` ("650,000", "650.000").
pub fn number(locale: &str, value: f64) -> String {
    number_format(
        locale,
        &[("maximumFractionDigits", JsValue::from(2))],
        value,
    )
    .unwrap_or_else(|| value.to_string())
}

/// A size on disk the way `locale` writes it: "12 MB", "1,2 GB".
pub fn bytes(locale: &str, bytes: u64) -> String {
    let (value, unit) = match bytes {
        b if b >= 1_000_000_000 => (b as f64 / 1e9, "gigabyte"),
        b if b >= 1_000_000 => (b as f64 / 1e6, "megabyte"),
        b => (b as f64 / 1e3, "kilobyte"),
    };
    number_format(
        locale,
        &[
            ("style", JsValue::from("unit")),
            ("unit", JsValue::from(unit)),
            ("maximumFractionDigits", JsValue::from(1)),
        ],
        value,
    )
    .unwrap_or_else(|| format!("{value:.1} {unit}"))
}

/// The decimal and grouping marks `locale` writes numbers with, as
/// `Intl.NumberFormat` shows them; English's when the browser reports marks
/// other than a point and a comma.
pub fn marks(locale: &str) -> crate::domain::numbers::Marks {
    use crate::domain::numbers::Marks;
    let locales = js_sys::Array::of1(&JsValue::from_str(locale));
    let parts = js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new())
        .format_to_parts(1_234_567.5);
    let part = |kind: &str| {
        parts.iter().find_map(|p| {
            let is = js_sys::Reflect::get(&p, &JsValue::from_str("type"))
                .ok()?
                .as_string()?
                == kind;
            is.then(|| {
                js_sys::Reflect::get(&p, &JsValue::from_str("value"))
                    .ok()?
                    .as_string()
            })?
        })
    };
    match (part("decimal"), part("group")) {
        (Some(decimal), Some(group)) => Marks::from_intl(&decimal, &group).unwrap_or(Marks::POINT),
        _ => Marks::POINT,
    }
}

/// The marks of the language on screen (read once, not tracked): what a
/// number typed now is read with.
pub fn marks_now(i18n: crate::i18n::I18n) -> crate::domain::numbers::Marks {
    marks(i18n.get_locale_untracked().as_str())
}

/// The currency prices are shown in: the agent's setting, or on the buyer
/// view the one the shared tour carries. Provided as context.
#[derive(Clone, Copy)]
pub struct Currency(pub leptos::prelude::RwSignal<String>);

/// `value` in `currency` as the language writes money ("$650,000",
/// "650.000 €"), whole units.
pub fn money(locale: &str, currency: &str, value: f64) -> String {
    let options = [
        ("style", JsValue::from_str("currency")),
        ("currency", JsValue::from_str(currency)),
        ("maximumFractionDigits", JsValue::from(0)),
        ("minimumFractionDigits", JsValue::from(0)),
    ];
    number_format(locale, &options, value)
        .unwrap_or_else(|| format!("{} {currency}", number(locale, value)))
}

/// A price in the current currency (see [`Currency`]), or a dash when
/// unknown; a plain number where no currency is known.
pub fn amount(locale: &str, value: Option<u64>) -> String {
    use leptos::prelude::{use_context, Get};
    let Some(v) = value else {
        return "–".to_string();
    };
    match use_context::<Currency>().map(|c| c.0.get()) {
        Some(code) if !code.is_empty() => money(locale, &code, v as f64),
        _ => number(locale, v as f64),
    }
}

/// `date` (a JS Date) through `Intl.DateTimeFormat(locale, options)`.
fn date_format(locale: &str, options: &[(&str, &str)], date: &js_sys::Date) -> Option<String> {
    let locales = js_sys::Array::of1(&JsValue::from_str(locale));
    let opts = js_sys::Object::new();
    for (k, v) in options {
        let _ = js_sys::Reflect::set(&opts, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    js_sys::Intl::DateTimeFormat::new(&locales, &opts)
        .format()
        .call1(&JsValue::UNDEFINED, date)
        .ok()?
        .as_string()
}

/// A time of day (minutes after midnight) as the language writes it:
/// "9:05 AM" in English, "09:05" in Spanish.
pub fn time_of_day(locale: &str, minutes: u32) -> String {
    let ms = f64::from(minutes % (24 * 60)) * 60_000.0;
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    date_format(
        locale,
        &[
            ("hour", "numeric"),
            ("minute", "2-digit"),
            ("timeZone", "UTC"),
        ],
        &date,
    )
    .unwrap_or_else(|| crate::domain::tour_plan::clock(minutes))
}

/// A tour's day as the language writes it: "Saturday, November 28, 2026".
pub fn day(locale: &str, date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let ms = js_sys::Date::utc(f64::from(date.year()), f64::from(date.month0()))
        + f64::from(date.day() - 1) * 86_400_000.0;
    let js = js_sys::Date::new(&JsValue::from_f64(ms));
    date_format(
        locale,
        &[
            ("weekday", "long"),
            ("year", "numeric"),
            ("month", "long"),
            ("day", "numeric"),
            ("timeZone", "UTC"),
        ],
        &js,
    )
    .unwrap_or_else(|| date.to_string())
}

/// A moment in this device's time zone, as the language writes it
/// ("Nov 22, 2026, 2:30 PM"), for "last backup" lines.
pub fn moment(locale: &str, at: chrono::DateTime<chrono::Utc>) -> String {
    let js = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    date_format(
        locale,
        &[("dateStyle", "medium"), ("timeStyle", "short")],
        &js,
    )
    .unwrap_or_else(|| date_time(at))
}

/// A moment as short as it can be said: the time alone when it is today
/// ("2:30 PM"), else with its date, for "synced at" in the top bar.
pub fn short_moment(locale: &str, at: chrono::DateTime<chrono::Utc>) -> String {
    let js = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    if js.to_date_string() != js_sys::Date::new_0().to_date_string() {
        return moment(locale, at);
    }
    date_format(locale, &[("timeStyle", "short")], &js).unwrap_or_else(|| date_time(at))
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
