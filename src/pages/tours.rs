use crate::components::TourEditor;
use crate::domain::model::Tour;
use crate::i18n::{t, t_string, use_i18n};
use crate::paths::href;
use crate::router::{use_navigate, use_params_map};
use crate::router::{Outlet, A};
use crate::state::use_document;
use chrono::Utc;
use leptos::prelude::*;

/// The tours list beside the chosen tour's planner.
#[component]
pub fn ToursPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let navigate = use_navigate();
    let count = move || state.doc.with(|d| d.tours.len());
    let rows = move || {
        state.doc.with(|d| {
            d.tours
                .iter()
                .map(|tour| (tour.id, tour.name.clone(), tour.stops.len(), tour.date))
                .collect::<Vec<_>>()
        })
    };
    let new_tour = move |_| {
        let tour = Tour::new(t_string!(i18n, tour_untitled), None, Utc::now());
        let id = tour.id;
        state.update(|d| d.tours.push(tour));
        navigate(&format!("/tours/{id}"));
    };
    view! {
        <div class="split">
            <section class="page-section list-pane" data-testid="tours-page">
                <h1>{t!(i18n, tours_title)}</h1>
                <p class="intro">{t!(i18n, tours_intro)}</p>
                <div class="actions">
                    <button type="button" on:click=new_tour data-testid="new-tour">{t!(i18n, tour_new)}</button>
                </div>
                <p class="count">{t_count!(i18n, tours_count, count)}</p>
                <Show when=move || count() == 0>
                    <p class="empty">{t!(i18n, tours_empty)}</p>
                </Show>
                <ul class="record-list" data-testid="tour-list">
                    <For
                        each=rows
                        key=|row| row.clone()
                        children=move |(id, name, stops, date)| {
                            let label = if name.is_empty() { t_string!(i18n, tour_untitled).to_string() } else { name };
                            let date = move || date.map(|d| crate::format::day(i18n.get_locale().as_str(), d)).unwrap_or_default();
                            view! {
                                <li>
                                    <A href=href(&format!("/tours/{id}"))>
                                        <span class="primary">{label}</span>
                                    </A>
                                    <span class="muted">{date}</span>
                                    <span class="muted">{t_count!(i18n, tour_stops, move || stops)}</span>
                                </li>
                            }
                        }
                    />
                </ul>
            </section>
            <div class="detail-pane">
                <Outlet />
            </div>
        </div>
    }
}

/// Shown beside the list when no tour is chosen.
#[component]
pub fn NoTourChosen() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="empty placeholder">{t!(i18n, tour_choose)}</p> }
}

/// The planner for the tour in the address.
#[component]
pub fn TourPlanner() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|s| uuid::Uuid::parse_str(&s).ok()));
    move || match id() {
        Some(id) => view! {
            <crate::components::edited_elsewhere::EditedElsewhere id=id />
            <TourEditor id=id />
        }
        .into_any(),
        None => {
            view! { <p class="message message-error" role="alert">{t!(i18n, tour_not_found)}</p> }
                .into_any()
        }
    }
}
