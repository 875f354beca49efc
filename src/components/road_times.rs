//! Where a tour's drive times come from: road times fetched from the
//! routing engine (automatically when it is set, the device is online and
//! the stops changed), or the estimate, and why, with "Fetch road times".
use crate::components::tour_editor::TourEdit;
use crate::domain::model::{LatLon, Tour};
use crate::domain::roads::{base_address, distinct, EngineError};
use crate::domain::tour_plan::{places, road_state, RoadState};
use crate::i18n::{t, t_string, use_i18n};
use crate::paths::href;
use crate::state::use_document;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The last fetch.
#[derive(Clone, PartialEq)]
enum Fetch {
    Idle,
    Busy,
    Failed(EngineError),
    /// Fetched, but these places are off every road the engine knows.
    OffRoad(Vec<String>),
}

/// The tour's places with coordinates, once each, with what to call them.
fn labelled(t: &Tour, properties: &[crate::domain::model::Property]) -> Vec<(LatLon, String)> {
    let at = places(t, properties);
    let mut names = vec![t.start.label.clone()];
    names.extend(t.stops.iter().map(|s| {
        properties
            .iter()
            .find(|p| p.id == s.property)
            .map(|p| p.address.clone())
            .unwrap_or_default()
    }));
    names.extend(t.end_place().map(|e| e.label.clone()));
    distinct(&at)
        .into_iter()
        .map(|p| {
            let k = at.iter().position(|q| *q == Some(p)).unwrap_or(0);
            (p, names.get(k).cloned().unwrap_or_default())
        })
        .collect()
}

/// Why the routing engine gave no road times, in the user's language.
pub fn engine_error_text(e: &EngineError) -> &'static str {
    let i18n = use_i18n();
    match e {
        EngineError::NotAllowed | EngineError::BadAddress => t_string!(i18n, road_err_not_allowed),
        EngineError::Unreachable => t_string!(i18n, road_err_unreachable),
        EngineError::Timeout => t_string!(i18n, road_err_timeout),
        EngineError::TooBig => t_string!(i18n, road_err_too_big),
        EngineError::NoRoad(_) => t_string!(i18n, road_err_no_road),
        EngineError::BadAnswer => t_string!(i18n, road_err_bad_answer),
    }
}

#[component]
pub fn RoadTimes(edit: TourEdit, tour: Memo<Option<Tour>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let engine = crate::storage::routing_engine().and_then(|t| base_address(&t));
    let has_engine = engine.is_some();
    let fetch = RwSignal::new(Fetch::Idle);
    let road = Memo::new(move |_| {
        tour.with(|t| {
            t.as_ref()
                .map(|t| state.doc.with(|d| road_state(t, &d.properties)))
        })
        .unwrap_or(RoadState::None)
    });
    let targets = Memo::new(move |_| {
        tour.with(|t| {
            t.as_ref()
                .map(|t| state.doc.with(|d| labelled(t, &d.properties)))
        })
        .unwrap_or_default()
    });
    let run = move || {
        let Some(base) = engine.clone() else { return };
        let spots = targets.get_untracked();
        if spots.len() < 2 || fetch.get_untracked() == Fetch::Busy {
            return;
        }
        fetch.set(Fetch::Busy);
        spawn_local(async move {
            let coords: Vec<LatLon> = spots.iter().map(|(p, _)| *p).collect();
            fetch.set(match crate::routing::road_times(&base, &coords).await {
                Ok((matrix, off)) => {
                    edit.apply(|t| t.road_times = matrix.to_text());
                    if off.is_empty() {
                        Fetch::Idle
                    } else {
                        Fetch::OffRoad(
                            off.iter()
                                .filter_map(|&i| spots.get(i).map(|s| s.1.clone()))
                                .collect(),
                        )
                    }
                }
                Err(e) => Fetch::Failed(e),
            });
        });
    };
    // Fetched by itself once per set of places (and again when back online).
    let tried = StoredValue::new(Vec::<LatLon>::new());
    let run_auto = run.clone();
    Effect::new(move |_| {
        let spots: Vec<LatLon> = targets.with(|t| t.iter().map(|(p, _)| *p).collect());
        let stale = !matches!(road.get(), RoadState::Current { .. });
        if has_engine && stale && spots != tried.get_value() {
            tried.set_value(spots);
            run_auto();
        }
    });
    let run_online = run.clone();
    let online = window_event_listener(leptos::ev::online, move |_| {
        if matches!(fetch.get_untracked(), Fetch::Failed(_)) {
            run_online();
        }
    });
    on_cleanup(move || online.remove());

    let when = move |at| crate::format::moment(i18n.get_locale().as_str(), at);
    let failure = move |e: &EngineError| engine_error_text(e);
    let said = move || {
        match (fetch.get(), road.get()) {
        (Fetch::Busy, _) => view! { <p role="status">{t!(i18n, road_fetching)}</p> }.into_any(),
        (Fetch::Failed(e), r) => {
            let fallback = match r {
                RoadState::Current { at } | RoadState::Older { at, .. } => t_string!(i18n, road_fallback_cached, when = when(at)).to_string(),
                RoadState::None => t_string!(i18n, road_fallback_estimate).to_string(),
            };
            view! { <p class="warning" role="alert">{failure(&e)}" "{fallback}</p> }.into_any()
        }
        (_, RoadState::Older { at, missing }) => view! {
            <p class="warning" role="status">{t_string!(i18n, road_older, count = missing, when = when(at)).to_string()}</p>
        }.into_any(),
        (Fetch::OffRoad(names), RoadState::Current { at }) => view! {
            <p role="status">{t_string!(i18n, road_current, when = when(at)).to_string()}</p>
            <p class="warning" role="status">{t_string!(i18n, road_off_road, places = names.join("; ")).to_string()}</p>
        }.into_any(),
        (_, RoadState::Current { at }) => view! {
            <p role="status">{t_string!(i18n, road_current, when = when(at)).to_string()}</p>
        }.into_any(),
        (_, RoadState::None) if !has_engine => view! {
            <p class="muted"><a href=href("/data#routing-engine")>{t!(i18n, road_estimate_only)}</a></p>
        }.into_any(),
        (_, RoadState::None) => ().into_any(),
    }
    };
    // Something to fetch: an engine, no fetch under way, times not current.
    let can_fetch = move || {
        has_engine && fetch.get() != Fetch::Busy && !matches!(road.get(), RoadState::Current { .. })
    };
    view! {
        <div class="road-times" data-testid="road-times">
            {said}
            <Show when=can_fetch>
                <button type="button" class="secondary" on:click={let run = run.clone(); move |_| run()}>{t!(i18n, road_fetch)}</button>
            </Show>
        </div>
    }
}
