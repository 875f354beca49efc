//! A home on the street map (when a map file is set), with the ways to
//! place it without typing coordinates: tap the map, or find its address.
use crate::components::place_search::PlaceSearch;
use crate::components::places_map::PlacesMap;
use crate::domain::coords::parse_coords;
use crate::domain::model::LatLon;
use crate::i18n::{t_string, use_i18n};
use crate::street_map::{Pin, PinKind};
use leptos::prelude::*;

#[component]
pub fn HomeMap(
    /// The coordinates field's text.
    coords: RwSignal<String>,
    /// The address field's text (what a search starts from).
    #[prop(into)]
    address: Signal<String>,
    /// Called after the place changed.
    #[prop(into)]
    changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let place = Callback::new(move |at: LatLon| {
        coords.set(format!("{:.6}, {:.6}", at.lat, at.lon));
        changed.run(());
    });
    let pins = Signal::derive(move || {
        coords
            .with(|c| parse_coords(c))
            .map_or_else(Vec::new, |at| {
                vec![Pin {
                    at,
                    label: "⌂".to_string(),
                    kind: PinKind::Home,
                    name: t_string!(i18n, map_pin_home).to_string(),
                    selected: true,
                }]
            })
    });
    view! {
        <div class="home-map">
            <PlaceSearch start=address found=place />
            <PlacesMap file=crate::storage::map_file() pins=pins plain=ViewFn::from(|| ()) place=Some(place)
                place_label=Signal::derive(move || t_string!(i18n, map_place_home).to_string()) />
        </div>
    }
}
