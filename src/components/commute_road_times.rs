//! On Match: road times from every home to the chosen buyer's places,
//! fetched from the routing engine when it is set and the device is online
//! (only the homes not fetched yet), kept on the buyer; the estimate
//! stands in otherwise, and the page says which.
use crate::components::road_times::engine_error_text;
use crate::domain::matching::on_market;
use crate::domain::model::{Document, Id, LatLon};
use crate::domain::roads::{base_address, distinct, CommuteTimes, EngineError};
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The buyer's places with a position, the on-market homes with one, and
/// the road times kept for those places (none when the places changed).
fn wanted(d: &Document, buyer: Id) -> Option<(Vec<LatLon>, Vec<LatLon>, Option<CommuteTimes>)> {
    let b = d.buyers.iter().find(|b| b.id == buyer)?;
    let places: Vec<LatLon> = b.places.iter().filter_map(|p| p.coords).collect();
    if places.is_empty() {
        return None;
    }
    let homes = distinct(
        &d.properties
            .iter()
            .filter(|p| on_market(p))
            .map(|p| p.coords)
            .collect::<Vec<_>>(),
    );
    let kept = CommuteTimes::from_text(&b.commute_times).filter(|c| c.for_places(&places));
    Some((places, homes, kept))
}

#[derive(Clone, PartialEq)]
enum Fetch {
    Idle,
    Busy,
    Failed(EngineError),
}

#[component]
pub fn CommuteRoadTimes(#[prop(into)] buyer: Signal<Option<Id>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let engine = crate::storage::routing_engine().and_then(|t| base_address(&t));
    let fetch = RwSignal::new(Fetch::Idle);
    let need = Memo::new(move |_| {
        let id = buyer.get()?;
        state
            .doc
            .with(|d| wanted(d, id))
            .map(|(places, homes, kept)| {
                let missing = kept
                    .as_ref()
                    .map_or_else(|| homes.clone(), |k| k.missing(&homes));
                (id, places, homes, missing, kept.map(|k| k.at))
            })
    });
    let run = move || {
        let (Some(base), Some((id, places, homes, missing, _))) =
            (engine.clone(), need.get_untracked())
        else {
            return;
        };
        if missing.is_empty() || fetch.get_untracked() == Fetch::Busy {
            return;
        }
        fetch.set(Fetch::Busy);
        spawn_local(async move {
            match crate::routing::commute_times(&base, &missing, &places).await {
                Ok(fresh) => {
                    // A cache: the buyer's own edit stamp is left alone.
                    state.update(|d| {
                        if let Some(b) = d.buyers.iter_mut().find(|b| b.id == id) {
                            let kept = CommuteTimes::from_text(&b.commute_times)
                                .filter(|c| c.for_places(&places));
                            let all = match kept {
                                Some(k) => k.merged(fresh),
                                None => fresh,
                            };
                            // Homes moved or gone since are dropped.
                            b.commute_times = all.only(&homes).to_text();
                        }
                    });
                    fetch.set(Fetch::Idle);
                }
                Err(e) => fetch.set(Fetch::Failed(e)),
            }
        });
    };
    // By itself, once per buyer and set of homes still to fetch.
    let tried = StoredValue::new(None::<(Id, usize)>);
    let auto = run.clone();
    Effect::new(move |_| {
        if let Some((id, _, _, missing, _)) = need.get() {
            let key = Some((id, missing.len()));
            if !missing.is_empty() && tried.get_value() != key {
                tried.set_value(key);
                auto();
            }
        }
    });
    let when = move |at| crate::format::moment(i18n.get_locale().as_str(), at);
    let said = move || {
        let (_, _, _, missing, at) = need.get()?;
        Some(match fetch.get() {
            Fetch::Busy => view! { <p role="status">{t!(i18n, commute_fetching)}</p> }.into_any(),
            Fetch::Failed(e) => {
                let why = engine_error_text(&e);
                view! { <p class="warning" role="alert">{why}" "{t!(i18n, road_fallback_estimate)}</p> }.into_any()
            }
            Fetch::Idle => match at {
                Some(at) if missing.is_empty() => view! {
                    <p role="status">{t_string!(i18n, commute_current, when = when(at)).to_string()}</p>
                }.into_any(),
                _ => ().into_any(),
            },
        })
    };
    // Again after a failure (the engine back, the network back).
    let show_button = move || matches!(fetch.get(), Fetch::Failed(_));
    view! {
        <div class="road-times" data-testid="commute-road-times">
            {said}
            <Show when=show_button>
                <button type="button" class="secondary" on:click={let run = run.clone(); move |_| run()}>{t!(i18n, road_fetch)}</button>
            </Show>
        </div>
    }
}
