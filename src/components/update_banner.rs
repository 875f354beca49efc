//! "A new version is ready": shown when the service worker has installed an
//! update (public/register-sw.js says so with a window event); Reload lets
//! the new version take over.
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let i18n = use_i18n();
    let ready = RwSignal::new(false);
    let handle = window_event_listener_untyped("showplan:update-ready", move |_| ready.set(true));
    on_cleanup(move || handle.remove());
    let apply = move |_| {
        if let (Some(w), Ok(ev)) = (
            web_sys::window(),
            web_sys::Event::new("showplan:apply-update"),
        ) {
            let _ = w.dispatch_event(&ev);
        }
    };
    view! {
        <Show when=move || ready.get()>
            <div class="banner" role="status" data-testid="update-ready">
                <p>{t!(i18n, update_ready)}</p>
                <div class="actions">
                    <button type="button" on:click=apply>{t!(i18n, update_reload)}</button>
                    <button type="button" class="secondary" on:click=move |_| ready.set(false)>{t!(i18n, update_later)}</button>
                </div>
            </div>
        </Show>
    }
}
