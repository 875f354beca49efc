//! "Find an address": an explicit search (the button, or Enter), never as
//! the user types, through the geocoder set on the Data page (the public
//! OpenStreetMap one unless another is set), credited under the results.
//! Offline, or when the geocoder cannot be reached, the homes in the
//! catalogue whose address matches are offered instead, saying so.
use crate::domain::geocode::{in_catalogue, Found, PUBLIC_GEOCODER};
use crate::domain::model::LatLon;
use crate::geocoder::{search, SearchError};
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
enum Results {
    Searching,
    /// From the geocoder.
    Online(Vec<Found>),
    /// From the catalogue, because of this (offline or no answer).
    Catalogue(Vec<Found>, Option<SearchError>),
}

#[component]
pub fn PlaceSearch(
    /// What the search starts from (the address typed in the form).
    #[prop(into)]
    start: Signal<String>,
    /// Called with the place chosen.
    #[prop(into)]
    found: Callback<LatLon>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let typed = RwSignal::new(String::new());
    let results = RwSignal::new(None::<Results>);
    let chosen = RwSignal::new(None::<String>);
    let text = move || {
        let t = typed.get_untracked();
        if t.trim().is_empty() {
            start.get_untracked()
        } else {
            t
        }
    };
    let run = move || {
        let query = text();
        if query.trim().is_empty() {
            return;
        }
        chosen.set(None);
        let local = move |why: Option<SearchError>| {
            let homes = state
                .doc
                .with_untracked(|d| in_catalogue(&query, &d.properties));
            Results::Catalogue(homes, why)
        };
        if crate::routing::offline() {
            results.set(Some(local(None)));
            return;
        }
        results.set(Some(Results::Searching));
        let query = text();
        leptos::task::spawn_local(async move {
            let base = crate::storage::geocoder();
            let lang = i18n.get_locale_untracked().as_str();
            let next = match search(&base, &query, lang).await {
                Ok(places) => Results::Online(places),
                Err(e) => local(Some(e)),
            };
            results.try_set(Some(next));
        });
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            // An explicit search; never the surrounding form's save.
            ev.prevent_default();
            run();
        }
    };
    let choose = move |place: Found| {
        found.run(place.at);
        chosen.set(Some(place.label));
    };
    let list = move |places: Vec<Found>| {
        view! {
            <ul class="search-results">
                {places.into_iter().map(|p| {
                    let label = p.label.clone();
                    view! { <li><button type="button" on:click=move |_| choose(p.clone())>{label}</button></li> }
                }).collect_view()}
            </ul>
        }
    };
    let credit = move || {
        let base = crate::storage::geocoder();
        if base == PUBLIC_GEOCODER {
            t_string!(i18n, search_credit_osm).to_string()
        } else {
            t_string!(i18n, search_credit_other, address = base).to_string()
        }
    };
    let shown = move || {
        results.get().map(|r| match r {
            Results::Searching => view! { <p role="status" class="muted">{t!(i18n, search_working)}</p> }.into_any(),
            Results::Online(places) if places.is_empty() => {
                view! { <p role="status">{t!(i18n, search_none)}</p><p class="muted small">{credit()}</p> }.into_any()
            }
            Results::Online(places) => {
                let n = places.len();
                view! {
                    <p role="status">{t_count!(i18n, search_found, move || n)}</p>
                    {list(places)}
                    <p class="muted small">{credit()}</p>
                }
                .into_any()
            }
            Results::Catalogue(homes, why) => {
                let words = match why {
                    None => t_string!(i18n, search_offline).to_string(),
                    Some(SearchError::NotAllowed) => t_string!(i18n, search_not_allowed).to_string(),
                    Some(SearchError::Unreachable) => t_string!(i18n, search_unreachable).to_string(),
                };
                let none = homes.is_empty();
                view! {
                    <p role="status">{words}</p>
                    {(!none).then(|| list(homes))}
                }
                .into_any()
            }
        })
    };
    view! {
        <div class="place-search" data-testid="place-search">
            <label class="field">
                <span>{t!(i18n, search_label)}</span>
                <input type="search" name="place-search" autocomplete="off" enterkeyhint="search"
                    placeholder=move || start.get()
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                    on:keydown=on_key />
            </label>
            <button type="button" on:click=move |_| run()>{t!(i18n, search_button)}</button>
            {shown}
            {move || chosen.get().map(|label| view! {
                <p class="message message-ok" role="status">{t_string!(i18n, search_chosen, place = label).to_string()}</p>
            })}
        </div>
    }
}
