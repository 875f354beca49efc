use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

/// The properties list (details arrive with the agent-workflow issue).
#[component]
pub fn PropertiesPage() -> impl IntoView {
    let i18n = use_i18n();
    let count = move || 0u32;
    view! {
        <section class="page-section" data-testid="properties-page">
            <h1>{t!(i18n, properties_title)}</h1>
            <p class="intro">{t!(i18n, properties_intro)}</p>
            <p class="count">{t!(i18n, properties_count, count)}</p>
        </section>
    }
}
