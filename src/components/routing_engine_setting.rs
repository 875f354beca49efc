//! "Road times (routing engine)": the OSRM server tours fetch road times
//! from, remembered on this device.
use crate::components::server_setting::ServerSetting;
use crate::i18n::{t_string, use_i18n};
use crate::storage;
use leptos::prelude::*;

#[component]
pub fn RoutingEngineSetting() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ServerSetting id="routing-engine" name="routing-engine"
            placeholder="https://osrm.example.org"
            stored=storage::routing_engine().unwrap_or_default()
            save=storage::save_routing_engine
            title=Signal::derive(move || t_string!(i18n, routing_title).to_string())
            intro=Signal::derive(move || t_string!(i18n, routing_intro).to_string())
            label=Signal::derive(move || t_string!(i18n, routing_label).to_string())
            kept=Signal::derive(move || t_string!(i18n, routing_saved).to_string())
            cleared=Signal::derive(move || t_string!(i18n, routing_cleared).to_string()) />
    }
}
