//! Tour day: the tour as it happens, for a tablet in the car and a phone.
//! Now and Next, a missed appointment flagged at once, the rest of the day
//! re-timed from what was recorded and the clock, and the summary after.
use crate::components::add_on_the_way::AddOnTheWay;
use crate::components::day_card::DayCard;
use crate::components::day_schedule::DaySchedule;
use crate::components::day_state::Day;
use crate::components::late_notice::LateNotice;
use crate::components::tour_summary::TourSummary;
use crate::components::ShareTour;
use crate::domain::model::Id;
use crate::domain::tour_day::day::is_finished;
use crate::domain::tour_day::retime::Progress;
use crate::i18n::{t, t_string, use_i18n};
use crate::paths::href;
use crate::router::use_params_map;
use leptos::prelude::*;

/// The tour day of the tour in the address.
#[component]
pub fn TourDayPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id").and_then(|s| uuid::Uuid::parse_str(&s).ok()));
    match id {
        Some(id) => view! { <TourDay id /> }.into_any(),
        None => {
            view! { <p class="message message-error" role="alert">{t!(i18n, tour_not_found)}</p> }
                .into_any()
        }
    }
}

#[component]
fn TourDay(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let day = Day::new(id);
    let exists = move || day.tour.with(Option::is_some);
    let name = move || {
        day.tour.with(|t| {
            t.as_ref()
                .map(|t| t.name.clone())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| t_string!(i18n, tour_untitled).to_string())
        })
    };
    let finished = move || day.times.with(|t| is_finished(t));
    let empty = move || {
        day.tour
            .with(|t| t.as_ref().is_none_or(|t| t.stops.is_empty()))
    };
    // The cards follow the stop, not its place: a stop added on the way
    // moves the ones after it.
    let stop_at = move |i: Option<usize>| day.tour.with(|t| Some(t.as_ref()?.stops.get(i?)?.id));
    let now = Memo::new(move |_| stop_at(day.position.get().now));
    let next = Memo::new(move |_| stop_at(day.position.get().next));
    // Ends the tour early: every stop not yet shown is skipped (undoable
    // one by one with Put back).
    let finish = move |_| {
        let open: Vec<Id> = day.tour.with_untracked(|t| {
            let Some(t) = t.as_ref() else { return vec![] };
            day.times.with_untracked(|times| {
                t.stops
                    .iter()
                    .zip(times)
                    .filter(|(_, r)| r.progress == Progress::Ahead)
                    .map(|(s, _)| s.id)
                    .collect()
            })
        });
        day.edit.apply(|t| {
            for s in t.stops.iter_mut().filter(|s| open.contains(&s.id)) {
                s.skipped = true;
            }
        });
    };
    view! {
        <Show when=exists fallback=move || view! { <p class="message message-error" role="alert">{t!(i18n, tour_not_found)}</p> }>
            <section class="page-section tour-day" data-testid="tour-day">
                <p class="no-print"><a class="button secondary" href=href(&format!("/tours/{id}"))>{t!(i18n, day_back_to_plan)}</a></p>
                <h1>{move || t_string!(i18n, day_title, name = name())}</h1>
                <Show when=empty>
                    <p class="empty">{t!(i18n, day_no_stops)}</p>
                </Show>
                <LateNotice day />
                {move || now.get().map(|stop| view! { <DayCard day stop /> })}
                {move || next.get().map(|stop| view! { <DayCard day stop next=true /> })}
                <Show when=finished>
                    <TourSummary day />
                </Show>
                <DaySchedule day />
                <Show when=move || !finished() && !empty()>
                    <AddOnTheWay day />
                </Show>
                <div class="no-print"><ShareTour tour=day.tour /></div>
                <Show when=move || !finished() && !empty()>
                    <p class="actions no-print">
                        <button type="button" class="secondary" on:click=finish>{t!(i18n, day_finish)}</button>
                    </p>
                </Show>
            </section>
        </Show>
    }
}
