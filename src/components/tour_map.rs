//! A tour on the map: the start, the stops numbered in order, the end, and
//! the legs between them; on the street map when a map file is set, else
//! (or when it cannot be read) the plain SVG map.
use crate::components::places_map::PlacesMap;
use crate::components::RouteMap;
use crate::domain::model::LatLon;
use crate::i18n::{t, t_string, use_i18n};
use crate::street_map::{Pin, PinKind};
use leptos::prelude::*;

/// The stop the agent is working on in the planner's list (by stop id),
/// which the map highlights.
#[derive(Clone, Copy)]
pub struct SelectedStop(pub RwSignal<Option<crate::domain::model::Id>>);

/// The markers and the route for `places` (the start, the stops in order,
/// and the end when `has_end`); `left_out` are marked but not passed, and
/// the place at `selected` is highlighted.
pub fn tour_pins(
    places: &[Option<LatLon>],
    has_end: bool,
    left_out: &[usize],
    selected: Option<usize>,
    name: impl Fn(PinKind, usize) -> String,
) -> (Vec<Pin>, Vec<LatLon>) {
    let last = places.len().saturating_sub(1);
    let mut pins = Vec::new();
    let mut route = Vec::new();
    for (i, at) in places.iter().enumerate() {
        let Some(at) = *at else { continue };
        let kind = match i {
            0 => PinKind::Start,
            i if has_end && i == last => PinKind::End,
            i if left_out.contains(&i) => PinKind::LeftOut,
            _ => PinKind::Stop,
        };
        let label = match kind {
            PinKind::Start => "S".to_string(),
            PinKind::End => "E".to_string(),
            _ => i.to_string(),
        };
        if kind != PinKind::LeftOut {
            route.push(at);
        }
        pins.push(Pin {
            at,
            label,
            kind,
            name: name(kind, i),
            selected: selected == Some(i),
        });
    }
    (pins, route)
}

#[component]
pub fn TourMap(
    /// The street map's archive (its full address); `None`: the plain map.
    file: Option<String>,
    /// The start, the stops in order, and the end when `has_end`.
    #[prop(into)]
    places: Signal<Vec<Option<LatLon>>>,
    #[prop(into)] has_end: Signal<bool>,
    #[prop(optional, into)] left_out: Signal<Vec<usize>>,
    /// The place (by its index in `places`) to highlight.
    #[prop(optional, into)]
    selected: Signal<Option<usize>>,
    /// Sets the tour's start where a tap on the street map lands.
    #[prop(optional)]
    place_start: Option<Callback<LatLon>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let drawn = Memo::new(move |_| {
        let out = left_out.get();
        places.with(|p| {
            tour_pins(
                p,
                has_end.get(),
                &out,
                selected.get(),
                |kind, i| match kind {
                    PinKind::Start => t_string!(i18n, map_pin_start).to_string(),
                    PinKind::End => t_string!(i18n, map_pin_end).to_string(),
                    PinKind::LeftOut => t_string!(i18n, map_pin_left_out, n = i).to_string(),
                    _ => t_string!(i18n, map_pin_stop, n = i).to_string(),
                },
            )
        })
    });
    let pins = Signal::derive(move || drawn.with(|d| d.0.clone()));
    let route = Signal::derive(move || drawn.with(|d| d.1.clone()));
    let plain =
        move || view! { <RouteMap places=places has_end=has_end left_out=left_out bare=true /> };
    view! {
        <h2>{t!(i18n, map_title)}</h2>
        <PlacesMap file=file pins=pins route=route plain=ViewFn::from(plain)
            place=place_start
            place_label=Signal::derive(move || t_string!(i18n, map_place_start).to_string()) />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f64) -> Option<LatLon> {
        Some(LatLon { lat, lon: -122.7 })
    }

    #[test]
    fn stops_are_numbered_in_order_and_the_route_skips_what_is_left_out() {
        let places = [at(45.0), at(45.1), None, at(45.3), at(45.4), at(45.5)];
        let (pins, route) = tour_pins(&places, true, &[3], Some(4), |k, i| format!("{k:?} {i}"));
        let labels: Vec<&str> = pins.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["S", "1", "3", "4", "E"]);
        assert_eq!(pins[2].kind, PinKind::LeftOut);
        assert_eq!(pins[4].kind, PinKind::End);
        let highlighted: Vec<&str> = pins
            .iter()
            .filter(|p| p.selected)
            .map(|p| p.label.as_str())
            .collect();
        assert_eq!(highlighted, ["4"]);
        let lats: Vec<f64> = route.iter().map(|p| p.lat).collect();
        assert_eq!(lats, [45.0, 45.1, 45.4, 45.5]);
    }
}
