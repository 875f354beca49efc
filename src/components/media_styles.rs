//! The styles of photos and voice notes (`style/media.css`, built beside
//! the wasm as `media.css`): not in the first load, fetched the first time a
//! page shows a photo or a voice note. What needs them is drawn once they
//! apply (a 1,600 px photo unstyled would fill the screen).
//!
//! Only browser functions the app already calls (no new import in the first
//! load's glue): the sheet's address is `boot.js`'s with its name changed.
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    /// Whether the sheet applies (or could not be fetched: then what it
    /// styles is drawn anyway, plainer, rather than not at all).
    static READY: ArcRwSignal<bool> = ArcRwSignal::new(false);
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Whether photos' and voice notes' styles apply (read reactively: a view
/// that asks is drawn again when they do); fetches them the first time.
pub fn media_styled() -> bool {
    let ready = READY.with(ArcRwSignal::clone);
    if !ASKED.with(|asked| asked.replace(true)) && !add_sheet(ready.clone()) {
        ready.set(true);
    }
    ready.get()
}

/// Adds `<link rel="stylesheet" href=".../media.css">` to the head, which
/// sets `ready` when it loads or fails; false when it cannot (no `boot.js`
/// on the page, as in the component tests).
fn add_sheet(ready: ArcRwSignal<bool>) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let href = document
        .query_selector(r#"script[src$="boot.js"]"#)
        .ok()
        .flatten()
        .and_then(|script| script.get_attribute("src"))
        .and_then(|src| {
            src.strip_suffix("boot.js")
                .map(|dir| format!("{dir}media.css"))
        });
    let (Some(href), Ok(Some(head)), Ok(link)) = (
        href,
        document.query_selector("head"),
        document.create_element("link"),
    ) else {
        return false;
    };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &href);
    for failed in [false, true] {
        let (ready, sheet) = (ready.clone(), link.clone());
        let done = Closure::once_into_js(move || {
            if failed {
                // Not fetched (offline before the service worker kept it):
                // drawn plainer now, and asked for again by the next page.
                sheet.remove();
                ASKED.with(|asked| asked.set(false));
            }
            ready.set(true);
        });
        let event = if failed { "error" } else { "load" };
        let _ = link.add_event_listener_with_callback(event, done.unchecked_ref());
    }
    head.insert_before(&link, None).is_ok()
}
