//! "Keep the map on this device": a service worker cannot cache range
//! requests, so the whole archive is downloaded once into IndexedDB
//! (src/street_map.rs), its size said first and a progress bar while it comes;
//! the map then reads it there, online or not. "Remove from this device"
//! gives the room back.
use crate::i18n::{t, t_string, use_i18n};
use crate::street_map::{self, MapError};
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
enum Keep {
    /// Looking at what the device holds and how large the file is.
    Checking,
    /// Not kept; the file's size when the server said it.
    NotKept(Option<f64>),
    /// Downloading: received and total bytes (0: not known).
    Downloading(f64, f64),
    /// Kept, with its size and when.
    Kept(f64, f64),
    /// The last step failed: why.
    Failed(String),
}

#[component]
pub fn MapKeep(
    url: String,
    /// Larger files are not offered (a buyer's phone), saying their size.
    #[prop(optional)]
    limit: Option<f64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(Keep::Checking);
    let url = StoredValue::new(url);
    let locale = move || i18n.get_locale().as_str();
    let size = move |bytes: f64| crate::format::bytes(locale(), bytes as u64);
    let check = move || {
        state.set(Keep::Checking);
        leptos::task::spawn_local(async move {
            let url = url.get_value();
            let next = match street_map::kept().await {
                Some(kept) if kept.url == url => Keep::Kept(kept.size, kept.saved_ms),
                _ if crate::routing::offline() => Keep::NotKept(None),
                _ => Keep::NotKept(street_map::archive_size(&url).await.ok().flatten()),
            };
            state.try_set(next);
        });
    };
    check();
    let failed = move |e: MapError| match e {
        MapError::NotArchive => t_string!(i18n, map_not_archive).to_string(),
        MapError::NoCode => t_string!(i18n, map_no_code).to_string(),
        MapError::NoRoom => t_string!(i18n, map_keep_no_room).to_string(),
        MapError::NotKept => t_string!(i18n, map_keep_not_kept).to_string(),
        MapError::Unreachable | MapError::Offline => {
            t_string!(i18n, map_keep_unreachable).to_string()
        }
    };
    let keep = move |_| {
        state.set(Keep::Downloading(0.0, 0.0));
        leptos::task::spawn_local(async move {
            let url = url.get_value();
            let progress = move |got: f64, total: f64| {
                state.try_set(Keep::Downloading(got, total));
            };
            let next = match street_map::keep(&url, progress).await {
                Err(e) => Keep::Failed(failed(e)),
                Ok(size) => Keep::Kept(size, js_sys::Date::now()),
            };
            state.try_set(next);
        });
    };
    let remove = move |_| {
        leptos::task::spawn_local(async move {
            // Nothing kept is the same as removed.
            let _ = street_map::forget().await;
            check();
        });
    };
    move || {
        match state.get() {
        Keep::Checking => {
            view! { <p class="muted" role="status">{t!(i18n, map_keep_checking)}</p> }.into_any()
        }
        Keep::NotKept(Some(b)) if limit.is_some_and(|l| b > l) => view! {
            <p data-testid="map-size">{t_string!(i18n, map_keep_too_large, size = size(b)).to_string()}</p>
        }
        .into_any(),
        Keep::NotKept(bytes) => view! {
            <p data-testid="map-size">{match bytes {
                Some(b) => t_string!(i18n, map_keep_size, size = size(b)).to_string(),
                None => t_string!(i18n, map_keep_size_unknown).to_string(),
            }}</p>
            <button type="button" on:click=keep>{t!(i18n, map_keep)}</button>
        }
        .into_any(),
        Keep::Downloading(got, total) => {
            let done = if total > 0.0 { got } else { 0.0 };
            view! {
            <label class="field">
                <span>{t_string!(i18n, map_keep_progress, got = size(got), total = if total > 0.0 { size(total) } else { "…".to_string() }).to_string()}</span>
                <progress max=total.max(1.0) value=done></progress>
            </label>
            }
            .into_any()
        }
        Keep::Kept(bytes, at) => {
            let when = chrono::DateTime::from_timestamp_millis(at as i64)
                .map(|d| crate::format::moment(locale(), d))
                .unwrap_or_default();
            view! {
                <p class="message message-ok" role="status" data-testid="map-kept">
                    {t_string!(i18n, map_kept, size = size(bytes), date = when).to_string()}
                </p>
                <button type="button" on:click=remove>{t!(i18n, map_keep_remove)}</button>
            }
            .into_any()
        }
        Keep::Failed(words) => view! {
            <p class="message message-error" role="alert">{words}</p>
            <button type="button" on:click=move |_| check()>{t!(i18n, map_try_again)}</button>
        }
        .into_any(),
    }
    }
}
