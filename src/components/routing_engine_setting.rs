//! "Road times (routing engine)": the OSRM server tours fetch road times
//! from, remembered on this device. An address this copy's security
//! policy would block is refused when typed, saying why.
use crate::domain::roads::base_address;
use crate::i18n::{t, t_string, use_i18n};
use crate::storage;
use leptos::prelude::*;

/// What the last change came to.
#[derive(Clone, PartialEq)]
enum Said {
    Saved,
    Cleared,
    BadAddress,
    NotAllowed(String),
    NotSaved,
}

#[component]
pub fn RoutingEngineSetting() -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(storage::routing_engine().unwrap_or_default());
    let said = RwSignal::new(None::<Said>);
    let on_change = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        text.set(typed.clone());
        let keep = |value: &str, ok: Said| match storage::save_routing_engine(value) {
            Ok(()) => ok,
            Err(_) => Said::NotSaved,
        };
        said.set(Some(if typed.trim().is_empty() {
            keep("", Said::Cleared)
        } else {
            match base_address(&typed) {
                None => Said::BadAddress,
                Some(base) if !crate::routing::allowed(&base) => Said::NotAllowed(base),
                Some(base) => {
                    text.set(base.clone());
                    keep(&base, Said::Saved)
                }
            }
        }));
    };
    let problem = move || {
        said.with(|s| {
            matches!(
                s,
                Some(Said::BadAddress | Said::NotAllowed(_) | Said::NotSaved)
            )
        })
    };
    let message = move || {
        said.get().map(|s| {
            let (class, role, words) = match s {
                Said::Saved => (
                    "message message-ok",
                    "status",
                    t_string!(i18n, routing_saved).to_string(),
                ),
                Said::Cleared => (
                    "message",
                    "status",
                    t_string!(i18n, routing_cleared).to_string(),
                ),
                Said::BadAddress => (
                    "message message-error",
                    "alert",
                    t_string!(i18n, routing_bad_address).to_string(),
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
        <section class="card" id="routing-engine">
            <h2>{t!(i18n, routing_title)}</h2>
            <p class="muted">{t!(i18n, routing_intro)}</p>
            <label class="field">
                <span>{t!(i18n, routing_label)}</span>
                <input type="url" name="routing-engine" inputmode="url" autocomplete="off" spellcheck="false"
                    placeholder="https://osrm.example.org"
                    aria-invalid=move || problem().to_string()
                    prop:value=move || text.get() on:change=on_change />
            </label>
            {message}
        </section>
    }
}
