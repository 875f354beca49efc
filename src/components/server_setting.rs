//! A server the app may reach, remembered on this device (the routing
//! engine, the geocoder): its address typed, checked (http(s), and allowed
//! by this copy's security policy, else refused saying why) and kept.
use crate::components::setting_field::{Said, SettingField};
use crate::domain::roads::base_address;
use crate::i18n::{t_string, use_i18n};
use crate::storage::StorageError;
use leptos::prelude::*;

#[component]
pub fn ServerSetting(
    id: &'static str,
    name: &'static str,
    #[prop(into)] placeholder: String,
    /// The address as kept ("" for none).
    stored: String,
    /// Keeps an address ("" for none).
    save: fn(&str) -> Result<(), StorageError>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] intro: Signal<String>,
    #[prop(into)] label: Signal<String>,
    /// Said once an address is kept, and once the field is emptied.
    #[prop(into)]
    kept: Signal<String>,
    #[prop(into)] cleared: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(stored);
    let said = RwSignal::new(None::<Said>);
    let changed = Callback::new(move |typed: String| {
        let keep = |value: &str, ok: Said| match save(value) {
            Ok(()) => ok,
            Err(_) => Said::Problem(t_string!(i18n, routing_not_saved).to_string()),
        };
        said.set(Some(if typed.trim().is_empty() {
            keep("", Said::Cleared(cleared.get_untracked()))
        } else {
            match base_address(&typed) {
                None => Said::Problem(t_string!(i18n, routing_bad_address).to_string()),
                Some(base) if !crate::routing::allowed(&base) => {
                    Said::Problem(t_string!(i18n, routing_not_allowed, address = base).to_string())
                }
                Some(base) => {
                    text.set(base.clone());
                    keep(&base, Said::Kept(kept.get_untracked()))
                }
            }
        }));
    });
    view! {
        <SettingField id=id name=name title=title intro=intro label=label
            placeholder=placeholder text=text said=said changed=changed />
    }
}
