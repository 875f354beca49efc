//! "A new version is ready": shown when the service worker has installed an
//! update (public/register-sw.js says so with a window event, and with a
//! flag for when it said so before the app started); Reload lets the new
//! version take over.
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let already = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"showplanUpdateReady".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let ready = RwSignal::new(already);
    let handle = window_event_listener_untyped("showplan:update-ready", move |_| ready.set(true));
    on_cleanup(move || handle.remove());
    // Only the listening is in the shell; the message is a lazily loaded chunk.
    view! {
        <Show when=move || ready.get()>
            {move || Suspend::new(update_message(ready))}
        </Show>
    }
}

lazy_view! {
    update_message(ready: RwSignal<bool>) => UpdateMessage,
}

#[component]
fn UpdateMessage(ready: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let apply = move |_| {
        if let (Some(w), Ok(ev)) = (
            web_sys::window(),
            web_sys::Event::new("showplan:apply-update"),
        ) {
            let _ = w.dispatch_event(&ev);
        }
    };
    view! {
        <div class="banner" role="status" data-testid="update-ready">
            <p>{t!(i18n, update_ready)}</p>
            <div class="actions">
                <button type="button" on:click=apply>{t!(i18n, update_reload)}</button>
                <button type="button" class="secondary" on:click=move |_| ready.set(false)>{t!(i18n, update_later)}</button>
            </div>
        </div>
    }
}
