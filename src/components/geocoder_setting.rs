//! "Address search": the Nominatim server "Find an address" asks,
//! remembered on this device; empty means the public OpenStreetMap one.
//! An address this copy's security policy would block is refused when
//! typed, saying why.
use crate::domain::roads::base_address;
use crate::i18n::{t, t_string, use_i18n};
use crate::storage;
use leptos::prelude::*;

#[component]
pub fn GeocoderSetting() -> impl IntoView {
    let i18n = use_i18n();
    let stored = crate::storage::geocoder();
    let public = crate::domain::geocode::PUBLIC_GEOCODER;
    let text = RwSignal::new(if stored == public {
        String::new()
    } else {
        stored
    });
    // (class, role, words) of the last change.
    let said = RwSignal::new(None::<(&'static str, &'static str, String)>);
    let on_change = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        text.set(typed.clone());
        let error = |words: String| ("message message-error", "alert", words);
        let keep = |value: &str, words: String| match storage::save_geocoder(value) {
            Ok(()) => ("message message-ok", "status", words),
            Err(_) => error(t_string!(i18n, routing_not_saved).to_string()),
        };
        said.set(Some(if typed.trim().is_empty() {
            keep("", t_string!(i18n, geocoder_cleared).to_string())
        } else {
            match base_address(&typed) {
                None => error(t_string!(i18n, routing_bad_address).to_string()),
                Some(base) if !crate::routing::allowed(&base) => {
                    error(t_string!(i18n, routing_not_allowed, address = base).to_string())
                }
                Some(base) => {
                    text.set(base.clone());
                    keep(&base, t_string!(i18n, geocoder_saved).to_string())
                }
            }
        }));
    };
    let problem = move || said.with(|s| s.as_ref().is_some_and(|s| s.1 == "alert"));
    view! {
        <section class="card" id="geocoder">
            <h2>{t!(i18n, geocoder_title)}</h2>
            <p class="muted">{t!(i18n, geocoder_intro)}</p>
            <label class="field">
                <span>{t!(i18n, geocoder_label)}</span>
                <input type="url" name="geocoder" inputmode="url" autocomplete="off" spellcheck="false"
                    placeholder=public
                    aria-invalid=move || problem().to_string()
                    prop:value=move || text.get() on:change=on_change />
            </label>
            {move || said.get().map(|(class, role, words)| view! { <p class=class role=role>{words}</p> })}
        </section>
    }
}
