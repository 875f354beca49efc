use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;

/// The tours list (the planner comes with the tour-planner issue).
#[component]
pub fn ToursPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let count = move || state.doc.with(|d| d.tours.len());
    let rows = move || {
        state.doc.with(|d| {
            d.tours
                .iter()
                .map(|tour| (tour.id, tour.name.clone(), tour.stops.len()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="page-section" data-testid="tours-page">
            <h1>{t!(i18n, tours_title)}</h1>
            <p class="intro">{t!(i18n, tours_intro)}</p>
            <p class="count">{t!(i18n, tours_count, count)}</p>
            <Show when=move || count() == 0>
                <p class="empty">{t!(i18n, tours_empty)}</p>
            </Show>
            <ul class="record-list" data-testid="tour-list">
                <For
                    each=rows
                    key=|row| row.clone()
                    children=move |(_, name, _)| {
                        let label = move || if name.is_empty() { t_string!(i18n, tour_untitled).to_string() } else { name.clone() };
                        view! { <li>{label}</li> }
                    }
                />
            </ul>
        </section>
    }
}
