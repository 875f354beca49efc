//! "Address search": the Nominatim server "Find the place" asks,
//! remembered on this device; empty means the public OpenStreetMap one.
use crate::components::server_setting::ServerSetting;
use crate::domain::geocode::PUBLIC_GEOCODER;
use crate::i18n::{t_string, use_i18n};
use crate::storage;
use leptos::prelude::*;

#[component]
pub fn GeocoderSetting() -> impl IntoView {
    let i18n = use_i18n();
    let stored = storage::geocoder();
    view! {
        <ServerSetting id="geocoder" name="geocoder"
            placeholder=PUBLIC_GEOCODER
            stored=if stored == PUBLIC_GEOCODER { String::new() } else { stored }
            save=storage::save_geocoder
            title=Signal::derive(move || t_string!(i18n, geocoder_title).to_string())
            intro=Signal::derive(move || t_string!(i18n, geocoder_intro).to_string())
            label=Signal::derive(move || t_string!(i18n, geocoder_label).to_string())
            kept=Signal::derive(move || t_string!(i18n, geocoder_saved).to_string())
            cleared=Signal::derive(move || t_string!(i18n, geocoder_cleared).to_string()) />
    }
}
