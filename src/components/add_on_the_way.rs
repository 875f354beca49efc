//! A home added during the day: put where it costs the rest of the day
//! least (no appointment missed if it can be helped), never behind the
//! agent.
use crate::components::day_state::Day;
use crate::domain::model::{Id, ListingStatus};
use crate::domain::tour_day::day::add_on_the_way;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;

#[component]
pub fn AddOnTheWay(day: Day) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let chosen = RwSignal::new(None::<Id>);
    let said = RwSignal::new(None::<String>);
    // Homes not in the tour yet that can still be shown.
    let homes = move || {
        let in_tour: Vec<Id> = day.tour.with(|t| {
            t.as_ref()
                .map(|t| t.stops.iter().map(|s| s.property).collect())
                .unwrap_or_default()
        });
        state.doc.with(|d| {
            d.properties
                .iter()
                .filter(|p| !in_tour.contains(&p.id))
                .filter(|p| matches!(p.status, ListingStatus::Active | ListingStatus::Pending))
                .map(|p| (p.id, p.address.clone()))
                .collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        let Some(home) = chosen.get_untracked() else {
            said.set(Some(t_string!(i18n, day_add_choose).to_string()));
            return;
        };
        let (today, now) = day.clock.get_untracked();
        let mut placed = None;
        state.doc.with_untracked(|d| {
            let Some(mut tour) = day.tour.get_untracked() else {
                return;
            };
            let on_the_day = tour.date.is_none_or(|date| date == today);
            placed = add_on_the_way(&mut tour, &d.properties, home, now, on_the_day)
                .map(|at| (at, tour.stops[at].clone()));
        });
        if let Some((at, stop)) = placed {
            day.edit.apply(|t| {
                if t.stop_of(home).is_none() {
                    t.stops.insert(at.min(t.stops.len()), stop);
                }
            });
            chosen.set(None);
            said.set(Some(t_string!(i18n, day_added, number = at + 1)));
        }
    };
    view! {
        <details class="card add-on-the-way no-print">
            <summary>{t!(i18n, day_add_title)}</summary>
            <div class="actions add-stop">
                <label class="field"><span>{t!(i18n, tour_add_stop_label)}</span>
                    <select on:change=move |ev| chosen.set(uuid::Uuid::parse_str(&event_target_value(&ev)).ok())>
                        <option value="" selected=move || chosen.get().is_none()>{t!(i18n, tour_choose_home)}</option>
                        {move || homes().into_iter().map(|(id, address)| view! {
                            <option value=id.to_string() selected=move || chosen.get() == Some(id)>{address}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" on:click=add>{t!(i18n, tour_add_stop)}</button>
            </div>
            <p class="message" role="status">{move || said.get()}</p>
        </details>
    }
}
