//! The tour day's large card: the stop in hand (Now) with its times, the
//! way there, the listing agent's phone and the Arrived / Done / Skip
//! buttons, or the stop after it (Next), smaller.
use crate::components::day_state::Day;
use crate::components::labels::{appointment_state, market_text};
use crate::components::quick_note::QuickNote;
use crate::domain::links::contact_href;
use crate::domain::model::{Id, LatLon, StopTiming};
use crate::domain::tour_day::market::market_check;
use crate::domain::tour_day::retime::Progress;
use crate::domain::tour_plan::{apple_directions, google_directions, minutes};
use crate::format::time_of_day;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use chrono::Utc;
use leptos::prelude::*;

/// Where the agent drives to stop `index` from: the last stop before it not
/// skipped, else the tour's start.
fn coming_from(day: Day, index: usize) -> Option<LatLon> {
    let state = use_document();
    day.tour.with(|t| {
        let t = t.as_ref()?;
        let previous = t.stops[..index.min(t.stops.len())]
            .iter()
            .rev()
            .find(|s| !s.skipped);
        match previous {
            None => t.start.coords,
            Some(s) => state.doc.with(|d| {
                d.properties
                    .iter()
                    .find(|p| p.id == s.property)
                    .and_then(|p| p.coords)
            }),
        }
    })
}

#[component]
pub fn DayCard(day: Day, stop: Id, #[prop(optional)] next: bool) -> impl IntoView {
    let i18n = use_i18n();
    // Where the stop is now: stops added on the way can move it.
    let index = move || {
        day.tour
            .with(|t| t.as_ref()?.stops.iter().position(|s| s.id == stop))
            .unwrap_or(0)
    };
    let Some((stop, home)) = day.stop(untrack(index)) else {
        return ().into_any();
    };
    let sid = stop.id;
    let count = move || day.tour.with(|t| t.as_ref().map_or(0, |t| t.stops.len()));
    let address = home.as_ref().map(|p| p.address.clone()).unwrap_or_default();
    let times = move || day.times.with(|t| t.get(index()).copied());
    let here = move || times().is_some_and(|r| r.progress == Progress::Here);
    let clock = move |m: u32| time_of_day(i18n.get_locale().as_str(), m);
    let when = move || {
        let r = times()?;
        Some(if r.progress == Progress::Here {
            t_string!(
                i18n,
                day_here_times,
                arrived = clock(r.arrive),
                leave = clock(r.end)
            )
        } else {
            t_string!(
                i18n,
                day_ahead_times,
                leave = clock(r.leave),
                arrive = clock(r.arrive),
                start = clock(r.start),
                end = clock(r.end)
            )
        })
    };
    let appointment = match stop.timing {
        Some(StopTiming::Pinned { at }) => Some(minutes(at)),
        _ => None,
    };
    let state_word = appointment_state(stop.appointment);
    let late = move || times().map_or(0, |r| r.late);
    let market = home.as_ref().and_then(|p| {
        market_check(
            p.status,
            p.checked,
            Utc::now(),
            crate::storage::market_days(),
        )
    });
    let call = home
        .as_ref()
        .and_then(|p| contact_href(&p.listing_agent.phone))
        .filter(|h| h.starts_with("tel:"));
    let to = home.as_ref().and_then(|p| p.coords);
    let way = move || coming_from(day, index()).zip(to);
    let moment = move || day.now();
    let arrived = move |_| {
        let at = moment();
        day.record_with_undo(sid, t_string!(i18n, day_arrived_undo).to_string(), |s| {
            s.arrived = Some(at);
            s.skipped = false;
        });
    };
    let done = move |_| {
        let at = moment();
        day.record_with_undo(sid, t_string!(i18n, day_done_undo).to_string(), |s| {
            s.left = Some(at);
        });
    };
    let skip = move |_| {
        day.record_with_undo(sid, t_string!(i18n, day_skipped_undo).to_string(), |s| {
            s.skipped = true;
        });
    };
    let label = if next {
        t_string!(i18n, day_next)
    } else {
        t_string!(i18n, day_now)
    };
    view! {
        <article class="day-card" class:day-card-next=next data-testid=if next { "day-next" } else { "day-now" }>
            <p class="eyebrow">{label}" · "{move || t_string!(i18n, day_stop_of, number = index() + 1, count = count())}</p>
            <h2 class="day-address">{address}</h2>
            <p class="day-times" data-testid="day-times">{when}</p>
            {appointment.map(|at| view! {
                <p class="day-appointment">
                    {move || t_string!(i18n, day_appointment, time = clock(at), state = state_word.clone())}
                    {move || (late() > 0).then(|| view! {
                        <strong class="warning">" · "{t_string!(i18n, day_late_by, minutes = late())}</strong>
                    })}
                </p>
            })}
            {market.map(|m| view! { <p class="warning" data-testid="day-market">{market_text(m)}</p> })}
            <Show when=move || !next>
                <div class="actions day-actions">
                    <Show when=here fallback=move || view! {
                        <button type="button" class="big" on:click=arrived>{t!(i18n, day_arrived)}</button>
                    }>
                        <button type="button" class="big" on:click=done>{t!(i18n, day_done)}</button>
                    </Show>
                    <button type="button" class="secondary" on:click=skip>{t!(i18n, day_skip)}</button>
                </div>
            </Show>
            <div class="actions day-links">
                {move || way().map(|(a, b)| view! {
                    <a class="button secondary" href=google_directions(a, b) target="_blank" rel="noopener noreferrer">{t!(i18n, tour_navigate_google)}</a>
                    <a class="button secondary" href=apple_directions(a, b) target="_blank" rel="noopener noreferrer">{t!(i18n, tour_navigate_apple)}</a>
                })}
                {call.map(|href| view! { <a class="button secondary" href=href>{t!(i18n, call_listing_agent)}</a> })}
            </div>
            <Show when=move || here() && !next>
                <QuickNote day stop=sid />
            </Show>
        </article>
    }
    .into_any()
}
