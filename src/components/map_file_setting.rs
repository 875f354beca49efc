//! "Street map": the map file (a `.pmtiles` archive on the same host or one
//! this copy may reach), remembered on this device; and "Keep the map on
//! this device", which downloads the whole archive once (its size said
//! first, then a progress bar) so the map draws offline.
use crate::domain::map_file::{map_address, MapFileProblem};
use crate::i18n::{t, t_string, use_i18n};
use crate::storage;
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
enum Said {
    Saved,
    Cleared,
    Problem(MapFileProblem),
    NotAllowed(String),
    NotSaved,
}

#[component]
pub fn MapFileSetting() -> impl IntoView {
    let i18n = use_i18n();
    let url = RwSignal::new(storage::map_file());
    let text = RwSignal::new(url.get_untracked().unwrap_or_default());
    let said = RwSignal::new(None::<Said>);
    let on_change = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        text.set(typed.clone());
        let outcome = match map_address(&typed, &crate::browser::base_uri()) {
            Err(problem) => Said::Problem(problem),
            Ok(Some(full)) if !crate::routing::allowed(&full) => Said::NotAllowed(full),
            Ok(found) => {
                let value = found.clone().unwrap_or_default();
                match storage::save_map_file(&value) {
                    Err(_) => Said::NotSaved,
                    Ok(()) => {
                        url.set(found.clone());
                        text.set(value);
                        if found.is_some() {
                            Said::Saved
                        } else {
                            Said::Cleared
                        }
                    }
                }
            }
        };
        said.set(Some(outcome));
    };
    let problem = move || {
        said.with(|s| {
            matches!(
                s,
                Some(Said::Problem(_) | Said::NotAllowed(_) | Said::NotSaved)
            )
        })
    };
    let message = move || {
        said.get().map(|s| {
            let (class, role, words) = match s {
                Said::Saved => (
                    "message message-ok",
                    "status",
                    t_string!(i18n, map_file_saved).to_string(),
                ),
                Said::Cleared => (
                    "message",
                    "status",
                    t_string!(i18n, map_file_cleared).to_string(),
                ),
                Said::Problem(MapFileProblem::NotAnAddress) => (
                    "message message-error",
                    "alert",
                    t_string!(i18n, map_file_bad_address).to_string(),
                ),
                Said::Problem(MapFileProblem::NotPmtiles) => (
                    "message message-error",
                    "alert",
                    t_string!(i18n, map_file_not_pmtiles).to_string(),
                ),
                Said::NotAllowed(a) => (
                    "message message-error",
                    "alert",
                    t_string!(i18n, routing_not_allowed, address = a).to_string(),
                ),
                Said::NotSaved => (
                    "message message-error",
                    "alert",
                    t_string!(i18n, routing_not_saved).to_string(),
                ),
            };
            view! { <p class=class role=role>{words}</p> }
        })
    };
    view! {
        <section class="card" id="street-map">
            <h2>{t!(i18n, map_file_title)}</h2>
            <p class="muted">{t!(i18n, map_file_intro)}</p>
            <label class="field">
                <span>{t!(i18n, map_file_label)}</span>
                <input type="text" name="map-file" inputmode="url" autocomplete="off" spellcheck="false"
                    placeholder="maps/region.pmtiles"
                    aria-invalid=move || problem().to_string()
                    prop:value=move || text.get() on:change=on_change />
            </label>
            {message}
            {move || url.get().map(|u| view! { <crate::components::map_keep::MapKeep url=u /> })}
        </section>
    }
}
