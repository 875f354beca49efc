use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

/// The tours list (the planner arrives with the tour-planner issue).
#[component]
pub fn ToursPage() -> impl IntoView {
    let i18n = use_i18n();
    let count = move || 0u32;
    view! {
        <section class="page-section" data-testid="tours-page">
            <h1>{t!(i18n, tours_title)}</h1>
            <p class="intro">{t!(i18n, tours_intro)}</p>
            <p class="count">{t!(i18n, tours_count, count)}</p>
        </section>
    }
}
