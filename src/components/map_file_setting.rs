//! "Street map": the map file (a `.pmtiles` archive on the same host or one
//! this copy may reach), remembered on this device, and below it "Keep the
//! map on this device" (`MapKeep`).
use crate::components::setting_field::{Said, SettingField};
use crate::domain::map_file::{map_address, MapFileProblem};
use crate::i18n::{t_string, use_i18n};
use crate::storage;
use leptos::prelude::*;

#[component]
pub fn MapFileSetting() -> impl IntoView {
    let i18n = use_i18n();
    let url = RwSignal::new(storage::map_file());
    let text = RwSignal::new(url.get_untracked().unwrap_or_default());
    let said = RwSignal::new(None::<Said>);
    let changed = Callback::new(move |typed: String| {
        let problem = |words: String| Said::Problem(words);
        let outcome = match map_address(&typed, &crate::browser::base_uri()) {
            Err(MapFileProblem::NotAnAddress) => {
                problem(t_string!(i18n, map_file_bad_address).to_string())
            }
            Err(MapFileProblem::NotPmtiles) => {
                problem(t_string!(i18n, map_file_not_pmtiles).to_string())
            }
            Ok(Some(full)) if !crate::routing::allowed(&full) => {
                problem(t_string!(i18n, routing_not_allowed, address = full).to_string())
            }
            Ok(found) => match storage::save_map_file(found.as_deref().unwrap_or_default()) {
                Err(_) => problem(t_string!(i18n, routing_not_saved).to_string()),
                Ok(()) => {
                    url.set(found.clone());
                    text.set(found.clone().unwrap_or_default());
                    match found {
                        Some(_) => Said::Kept(t_string!(i18n, map_file_saved).to_string()),
                        None => Said::Cleared(t_string!(i18n, map_file_cleared).to_string()),
                    }
                }
            },
        };
        said.set(Some(outcome));
    });
    view! {
        <SettingField id="street-map" name="map-file" kind="text"
            title=Signal::derive(move || t_string!(i18n, map_file_title).to_string())
            intro=Signal::derive(move || t_string!(i18n, map_file_intro).to_string())
            label=Signal::derive(move || t_string!(i18n, map_file_label).to_string())
            placeholder="maps/region.pmtiles"
            text=text said=said changed=changed>
            {move || url.get().map(|u| view! { <crate::components::map_keep::MapKeep url=u /> })}
        </SettingField>
    }
}
