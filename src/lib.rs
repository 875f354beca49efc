//! Showplan: a showing planner for real-estate agents that keeps every byte
//! of user data in the browser.
//!
//! - `domain`: plain Rust (no web imports), tested on the host.
//! - `storage`: the only module that touches `localStorage`.
//! - `pages` / `components`: the Leptos UI.
#![allow(clippy::module_inception)]

/// A counted phrase in the current language ("1 buyer", "3 cumpărători",
/// "20 de cumpărători"): `key` is a locale entry with `one`, `few` and
/// `other` forms, `count` a closure giving the number; the form comes from
/// `format::plural`. Reactive to both the count and the language.
macro_rules! t_count {
    ($i18n:ident, $key:ident, $count:expr) => {{
        let count = $count;
        move || {
            let n = count();
            let locale = $i18n.get_locale().as_str();
            match $crate::format::plural(locale, n as f64) {
                $crate::format::Plural::One => {
                    $crate::i18n::t_string!($i18n, $key.one, count = n).to_string()
                }
                $crate::format::Plural::Few => {
                    $crate::i18n::t_string!($i18n, $key.few, count = n).to_string()
                }
                $crate::format::Plural::Other => {
                    $crate::i18n::t_string!($i18n, $key.other, count = n).to_string()
                }
            }
        }
    }};
}

/// Declares `async fn name(args) -> AnyView` rendering a component. With the
/// `split` feature (the release build, scripts/build-wasm.sh) each becomes
/// its own lazily loaded wasm chunk, fetched the first time it is called;
/// without it (tests, host) it is a plain async fn. Used for pages, and for
/// notices that most visits never show, so opening the app carries neither.
macro_rules! lazy_view {
    ($($name:ident($($arg:ident: $ty:ty),*) => $view:ident),* $(,)?) => {$(
        #[cfg_attr(feature = "split", leptos::lazy)]
        async fn $name($($arg: $ty),*) -> leptos::prelude::AnyView {
            use leptos::prelude::*;
            view! { <$view $($arg)* /> }.into_any()
        }
    )*};
}

pub mod app;
pub mod browser;
pub mod components;
pub mod domain;
pub mod format;
pub mod geocoder;
pub mod geolocation;
pub mod i18n;
pub mod image_scale;
pub mod media_store;
pub mod pages;
pub mod paths;
pub mod router;
pub mod routing;
pub mod state;
pub mod storage;
pub mod street_map;
pub mod sync;
pub mod sync_crypto;
pub mod sync_media;
pub mod sync_runner;
pub mod sync_status;
pub mod viewer;
pub mod voice_recorder;
