//! Small browser helpers that are not storage: file download and upload.
use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` to the user as a file download named `filename`.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| js_words(&e))?;
    download_blob(filename, &blob)
}

/// Offers `blob` as a download named `filename`.
pub fn download_blob(filename: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let err = |e: JsValue| js_words(&e);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(err)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(err)?
        .dyn_into()
        .map_err(|_| "not a link".to_string())?;
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// What a thrown JavaScript value says: an error's message, a string as
/// it is (never a debug dump of the value).
pub fn js_words(value: &JsValue) -> String {
    if let Some(e) = value.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    value.as_string().unwrap_or_default()
}

/// Offers `bytes` as a download named `filename`.
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    download_blob(
        filename,
        &bytes_blob(bytes, mime).ok_or("cannot make a file")?,
    )
}

/// `bytes` as a `Blob` of type `mime`.
pub fn bytes_blob(bytes: &[u8], mime: &str) -> Option<web_sys::Blob> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()
}

/// The bytes of `blob`.
pub async fn blob_bytes(blob: &web_sys::Blob) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The bytes of the first file chosen in a file input, if any.
pub async fn read_chosen_bytes(
    input: &web_sys::HtmlInputElement,
) -> Option<Result<Vec<u8>, String>> {
    let file = input.files()?.get(0)?;
    Some(
        blob_bytes(&file)
            .await
            .ok_or_else(|| "unreadable".to_string()),
    )
}

/// The text of the first file chosen in a file input, if any.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Option<Result<String, String>> {
    let file = input.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
    Some(match text {
        Ok(value) => value.as_string().ok_or_else(|| "not text".to_string()),
        Err(e) => Err(js_words(&e)),
    })
}

/// The page's URL fragment without the `#` ("" when none).
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Settles the address the app starts at (a short buyer link, the bare
/// root: see `paths::start_address`) before the router reads it, without a
/// new history entry.
pub fn settle_start_address() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(hash)) = (location.pathname(), location.hash()) else {
        return;
    };
    if let Some(target) = crate::paths::start_address(&crate::paths::base(), &path, &hash) {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&target));
        }
    }
}

/// What `read` finds in the address's fragment; when it finds something,
/// the fragment leaves the address (no new history entry), so it is not
/// kept in a bookmark or read again.
pub fn take_fragment<T>(read: impl FnOnce(&str) -> Option<T>) -> Option<T> {
    let window = web_sys::window()?;
    let location = window.location();
    let found = read(&location.hash().ok()?)?;
    if let (Ok(history), Ok(path)) = (window.history(), location.pathname()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
    Some(found)
}

/// Loads the page again (the newest version the host has).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// The browser's preferred language tag ("es-MX"), or empty.
pub fn language() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}

/// The browser's preferred language tags, most preferred first.
pub fn languages() -> Vec<String> {
    web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default()
}

/// Moves keyboard focus to the page's main content (the skip link).
pub fn focus_main() {
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}

/// The page's base address: the app's folder, ending in `/`.
pub fn base_uri() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// An absolute URL for an app path (`href` already holds the base).
pub fn absolute(href: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{href}")
}

/// Copies `text` to the clipboard; false when the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(write) = write else { return false };
    match write.call1(&clipboard, &JsValue::from_str(text)) {
        Ok(promise) => match promise.dyn_into::<js_sys::Promise>() {
            Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
            Err(_) => false,
        },
        Err(_) => false,
    }
}

/// Does this browser have the Web Share API?
pub fn can_share() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("share")).unwrap_or(false))
        .unwrap_or(false)
}

/// Opens the system share sheet with a title and a link.
pub async fn share_link(title: &str, url: &str) -> bool {
    share(&[("title", title), ("url", url)]).await
}

/// Opens the system share sheet with a message's text.
pub async fn share_text(title: &str, text: &str) -> bool {
    share(&[("title", title), ("text", text)]).await
}

/// `navigator.share` with these fields; false when there is none, or the
/// user closed the sheet.
async fn share(fields: &[(&str, &str)]) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let data = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&data, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let share = js_sys::Reflect::get(&navigator, &JsValue::from_str("share"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(share) = share else { return false };
    match share
        .call1(&navigator, &data)
        .map(|p| p.dyn_into::<js_sys::Promise>())
    {
        Ok(Ok(p)) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
        _ => false,
    }
}

/// The phone family this browser runs on, for where an `sms:` link puts
/// its text.
pub fn platform() -> crate::domain::tour_day::messages::Platform {
    let navigator = web_sys::window().map(|w| w.navigator());
    let agent = navigator
        .as_ref()
        .and_then(|n| n.user_agent().ok())
        .unwrap_or_default();
    let touch = navigator.is_some_and(|n| n.max_touch_points() > 0);
    crate::domain::tour_day::messages::Platform::from_user_agent(&agent, touch)
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// A wall-clock time on `date` in this device's time zone, as UTC
/// (the browser knows the zone's rules, daylight saving included).
pub fn local_to_utc(
    date: chrono::NaiveDate,
    minutes: u32,
) -> Option<chrono::DateTime<chrono::Utc>> {
    use chrono::Datelike;
    let d = js_sys::Date::new_with_year_month_day_hr_min(
        date.year() as u32,
        date.month0() as i32,
        date.day() as i32,
        (minutes / 60) as i32,
        (minutes % 60) as i32,
    );
    let ms = d.get_time();
    ms.is_finite()
        .then(|| chrono::DateTime::from_timestamp_millis(ms as i64))
        .flatten()
}

/// The saved document's text as `boot.js` unpacked it (natively, while the
/// wasm compiled), if storage still holds what it unpacked. Taken once.
/// Its UTF-8 bytes are copied in as they are, not passed as a string.
pub fn boot_document() -> Option<String> {
    let window: JsValue = web_sys::window()?.into();
    let boot = js_sys::Reflect::get(&window, &"showplanBoot".into()).ok()?;
    let take = js_sys::Reflect::get(&boot, &"document".into()).ok()?;
    let _ = js_sys::Reflect::set(&boot, &"document".into(), &JsValue::NULL);
    let bytes = take
        .dyn_into::<js_sys::Function>()
        .ok()?
        .call0(&JsValue::NULL)
        .ok()?;
    let bytes = bytes.dyn_into::<js_sys::Uint8Array>().ok()?;
    String::from_utf8(bytes.to_vec()).ok()
}

/// base64url (padded or not) decoded by the browser's `atob`; `None` for
/// anything that is not base64url. Agrees with `domain::packing::decode_base64`
/// (a browser test checks it).
pub fn decode_base64url(text: &str) -> Option<Vec<u8>> {
    if !text
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return None;
    }
    let mut standard: String = text
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    while !standard.len().is_multiple_of(4) {
        standard.push('=');
    }
    let binary = web_sys::window()?.atob(&standard).ok()?;
    // atob gives one char per byte (U+0000 to U+00FF).
    binary
        .chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect()
}

/// Brings the element matching `selector` into view when the list and the
/// detail are stacked (narrower than the 900 px where they sit side by
/// side), so a tap on a home far down a long list shows its detail instead
/// of seeming to do nothing. Waits a frame for the detail to render.
pub fn reveal_when_stacked(selector: &'static str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let stacked = window
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w < 900.0);
    if stacked {
        reveal(selector);
    }
}

/// Brings the element matching `selector` into view once the page has
/// rendered (the next frame).
pub fn reveal(selector: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten())
        {
            el.scroll_into_view();
        }
    });
}
