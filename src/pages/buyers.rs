use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

/// The buyers list (profiles arrive with the agent-workflow issue).
#[component]
pub fn BuyersPage() -> impl IntoView {
    let i18n = use_i18n();
    let count = move || 0u32;
    view! {
        <section class="page-section" data-testid="buyers-page">
            <h1>{t!(i18n, buyers_title)}</h1>
            <p class="intro">{t!(i18n, buyers_intro)}</p>
            <p class="count">{t!(i18n, buyers_count, count)}</p>
        </section>
    }
}
