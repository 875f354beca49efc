//! Places on the street map when a map file is set (src/street_map.rs),
//! else the plain map the caller gives (the SVG route map). A map file that
//! cannot be read, or no kept copy offline, says why and shows the plain
//! map; Try again asks once more. With `place`, "Tap the map to place"
//! turns a tap into coordinates.
use crate::domain::model::LatLon;
use crate::i18n::{t, t_string, use_i18n};
use crate::street_map::{Labels, MapError, Pin, StreetMap};
use leptos::html::Div;
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
enum Shown {
    Loading,
    Ready,
    /// The plain map, because of this.
    Plain(MapError),
}

#[component]
pub fn PlacesMap(
    /// The street map's archive (its full address); `None`: the plain map.
    file: Option<String>,
    #[prop(into)] pins: Signal<Vec<Pin>>,
    /// The route's legs, through these places in order.
    #[prop(optional, into)]
    route: Signal<Vec<LatLon>>,
    /// Shown when there is no street map.
    plain: ViewFn,
    /// Called with where a tap landed, after "Tap the map to place".
    #[prop(default = None)]
    place: Option<Callback<LatLon>>,
    /// What tapping places ("Tap the map to place the start").
    #[prop(optional, into)]
    place_label: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(url) = file else {
        return plain.run().into_any();
    };
    let shown = RwSignal::new(Shown::Loading);
    let attempt = RwSignal::new(0u32);
    let placing = RwSignal::new(false);
    let placed = RwSignal::new(None::<LatLon>);
    let node = NodeRef::<Div>::new();
    let map = StoredValue::new_local(None::<StreetMap>);
    let fitted = StoredValue::new(false);
    on_cleanup(move || map.set_value(None));

    Effect::new(move |_| {
        attempt.track();
        let Some(element) = node.get() else { return };
        let url = url.clone();
        shown.set(Shown::Loading);
        map.set_value(None);
        fitted.set_value(false);
        leptos::task::spawn_local(async move {
            let labels = Labels {
                map: t_string!(i18n, map_street_label).to_string(),
                zoom_in: t_string!(i18n, map_zoom_in).to_string(),
                zoom_out: t_string!(i18n, map_zoom_out).to_string(),
            };
            let lang = i18n.get_locale_untracked().as_str();
            let tapped = move |lat: f64, lon: f64| {
                if let Some(place) = place {
                    let at = LatLon { lat, lon };
                    place.run(at);
                    placed.try_set(Some(at));
                    placing.try_set(false);
                }
            };
            match StreetMap::open(&element, &url, lang, &labels, tapped).await {
                Ok(opened) => {
                    // The page may have gone meanwhile: then it is dropped here.
                    if shown.try_set(Shown::Ready).is_none() {
                        map.set_value(Some(opened));
                    }
                }
                Err(e) => {
                    shown.try_set(Shown::Plain(e));
                }
            }
        });
    });

    // Markers and legs follow the tour; the view is fitted to them the
    // first time, then only when one is out of view (js/map.js).
    Effect::new(move |_| {
        let pins = pins.get();
        let route = route.get();
        if shown.get() != Shown::Ready {
            return;
        }
        let fit = !fitted.get_value();
        fitted.set_value(true);
        map.with_value(|m| {
            if let Some(m) = m {
                m.show(&pins, &route, fit);
            }
        });
    });
    Effect::new(move |_| {
        let on = placing.get();
        map.with_value(|m| {
            if let Some(m) = m {
                m.placing(on);
            }
        });
    });

    let why = move || match shown.get() {
        Shown::Plain(MapError::Offline) => Some(t_string!(i18n, map_offline).to_string()),
        Shown::Plain(MapError::NotArchive) => Some(t_string!(i18n, map_not_archive).to_string()),
        Shown::Plain(MapError::NoCode) => Some(t_string!(i18n, map_no_code).to_string()),
        Shown::Plain(_) => Some(t_string!(i18n, map_unreachable).to_string()),
        _ => None,
    };
    let is_plain = move || matches!(shown.get(), Shown::Plain(_));
    view! {
        <div class="places-map">
            <div class="street-map" node_ref=node data-testid="street-map"
                prop:hidden=is_plain aria-busy=move || (shown.get() == Shown::Loading).to_string()></div>
            <p class="muted map-credit" prop:hidden=is_plain>{t!(i18n, map_credit)}</p>
            <Show when=move || place.is_some() && shown.get() == Shown::Ready>
                <div class="actions">
                    <button type="button" aria-pressed=move || placing.get().to_string()
                        on:click=move |_| { placed.set(None); placing.update(|p| *p = !*p) }>
                        {move || place_label.get()}
                    </button>
                </div>
                <p role="status" class="message">
                    {move || if placing.get() {
                        Some(t_string!(i18n, map_tap_now).to_string())
                    } else {
                        placed.get().map(|at| t_string!(i18n, map_placed, place = format!("{:.6}, {:.6}", at.lat, at.lon)).to_string())
                    }}
                </p>
            </Show>
            {move || why().map(|words| view! {
                <div class="message" role="status" data-testid="map-fallback">
                    <p>{words}</p>
                    <button type="button" on:click=move |_| attempt.update(|a| *a += 1)>{t!(i18n, map_try_again)}</button>
                </div>
                {plain.run()}
            })}
        </div>
    }
    .into_any()
}
