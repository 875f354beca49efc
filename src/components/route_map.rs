//! The tour drawn with no network: places projected into an SVG, legs as
//! lines, numbered stop markers, start and end marked.
use crate::domain::model::LatLon;
use crate::domain::tour_plan::project;
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;

const W: f64 = 1000.0;
const H: f64 = 600.0;
const PAD: f64 = 50.0;

#[component]
pub fn RouteMap(
    /// The start, the stops in order, and the end when `has_end`.
    #[prop(into)]
    places: Signal<Vec<Option<LatLon>>>,
    #[prop(into)] has_end: Signal<bool>,
    /// Places (by their index in `places`) no longer on the way: marked,
    /// but the route does not pass them.
    #[prop(optional, into)]
    left_out: Signal<Vec<usize>>,
    /// Without its heading (the street map's section has one).
    #[prop(optional)]
    bare: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let points = Memo::new(move |_| places.with(|p| project(p, W, H, PAD)));
    let missing = move || points.with(|p| p.iter().skip(1).filter(|p| p.is_none()).count());
    let path = move || {
        let out = left_out.get();
        points.with(|p| {
            p.iter()
                .enumerate()
                .filter(|(i, _)| !out.contains(i))
                .filter_map(|(_, p)| p.as_ref())
                .enumerate()
                .map(|(i, p)| format!("{}{:.1},{:.1}", if i == 0 { "M" } else { " L" }, p.x, p.y))
                .collect::<String>()
        })
    };
    let markers = move || {
        let end = has_end.get();
        let out = left_out.get();
        points.with(|pts| {
            let last = pts.len().saturating_sub(1);
            pts.iter()
                .enumerate()
                .filter_map(|(i, p)| p.map(|p| (i, p)))
                .map(|(i, p)| {
                    let (class, label) = if i == 0 {
                        ("marker start", "S".to_string())
                    } else if end && i == last {
                        ("marker end", "E".to_string())
                    } else if out.contains(&i) {
                        ("marker left-out", i.to_string())
                    } else {
                        ("marker", i.to_string())
                    };
                    view! {
                        <g class=class>
                            <circle cx=format!("{:.1}", p.x) cy=format!("{:.1}", p.y) r="22" />
                            <text x=format!("{:.1}", p.x) y=format!("{:.1}", p.y + 8.0) text-anchor="middle">{label}</text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let label = move || t_string!(i18n, map_label).to_string();
    view! {
        {(!bare).then(|| view! { <h2>{t!(i18n, map_title)}</h2> })}
        <Show
            when=move || points.with(|p| p.iter().any(Option::is_some))
            fallback=move || view! { <p class="empty">{t!(i18n, map_empty)}</p> }
        >
            <svg class="route-map" viewBox=format!("0 0 {W} {H}") role="img" aria-label=label data-testid="route-map">
                <rect class="map-bg" x="0" y="0" width=W.to_string() height=H.to_string() rx="12" />
                <path class="route" d=path />
                {markers}
            </svg>
            <Show when=move || missing() != 0>
                <p class="muted">{t_count!(i18n, map_missing, missing)}</p>
            </Show>
        </Show>
    }
}
