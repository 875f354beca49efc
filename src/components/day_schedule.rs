//! The whole day in order: actual times where recorded, the rest re-timed
//! from them and the clock, a missed appointment marked, skipped stops
//! with a way to put them back.
use crate::components::day_state::Day;
use crate::domain::tour_day::retime::{Progress, Retimed};
use crate::format::time_of_day;
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;

#[component]
pub fn DaySchedule(day: Day) -> impl IntoView {
    let i18n = use_i18n();
    let ids = Memo::new(move |_| {
        day.tour.with(|t| {
            t.as_ref()
                .map(|t| t.stops.iter().map(|s| s.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let clock = move |m: u32| time_of_day(i18n.get_locale().as_str(), m);
    let line = move |r: Retimed| match r.progress {
        Progress::Done => t_string!(
            i18n,
            day_row_done,
            arrived = clock(r.arrive),
            left = clock(r.end)
        ),
        Progress::Here => t_string!(i18n, day_row_here, arrived = clock(r.arrive)),
        Progress::Ahead => t_string!(
            i18n,
            tour_times,
            arrive = clock(r.arrive),
            start = clock(r.start),
            end = clock(r.end)
        ),
        Progress::Skipped => t_string!(i18n, day_row_skipped).to_string(),
    };
    view! {
        <section class="card day-schedule">
            <h2>{t!(i18n, day_schedule)}</h2>
            <ol class="day-list" data-testid="day-schedule">
                <For each=move || ids.get() key=|id| *id let:sid>
                    {
                        let index = move || ids.with(|ids| ids.iter().position(|i| *i == sid)).unwrap_or(0);
                        let times = move || day.times.with(|t| t.get(index()).copied());
                        let progress = move || times().map(|r| r.progress);
                        let late = move || times().map_or(0, |r| r.late);
                        view! {
                            <li class="day-row" data-testid="day-row"
                                class:done=move || progress() == Some(Progress::Done)
                                class:here=move || progress() == Some(Progress::Here)
                                class:skipped=move || progress() == Some(Progress::Skipped)>
                                <span class="stop-number">{move || index() + 1}</span>
                                <span class="primary">{move || day.address(index())}</span>
                                <span class="day-row-times">{move || times().map(line)}</span>
                                {move || (late() > 0 && progress() == Some(Progress::Ahead)).then(|| view! {
                                    <strong class="warning" data-testid="day-row-late">{t_string!(i18n, day_late_by, minutes = late())}</strong>
                                })}
                                <Show when=move || progress() == Some(Progress::Skipped)>
                                    <button type="button" class="secondary"
                                        aria-label=move || t_string!(i18n, day_put_back_label, address = day.address(index()))
                                        on:click=move |_| day.record(sid, |s| s.skipped = false)>
                                        {t!(i18n, day_put_back)}
                                    </button>
                                </Show>
                            </li>
                        }
                    }
                </For>
            </ol>
        </section>
    }
}
