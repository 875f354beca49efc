use crate::i18n::{t, use_i18n};
use crate::paths::href;
use crate::router::A;
use leptos::prelude::*;

/// Shown for any address the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page-section" data-testid="not-found-page">
            <h1>{t!(i18n, not_found_title)}</h1>
            <p>{t!(i18n, not_found_body)}</p>
            <A href=href("/buyers") attr:class="button">{t!(i18n, not_found_home)}</A>
        </section>
    }
}
