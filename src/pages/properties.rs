use crate::i18n::{t, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;

/// The properties list (search, filters and details come with the workflow issue).
#[component]
pub fn PropertiesPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let count = move || state.doc.with(|d| d.properties.len());
    let rows = move || {
        state.doc.with(|d| {
            d.properties
                .iter()
                .map(|p| (p.id, p.address.clone(), p.area.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="page-section" data-testid="properties-page">
            <h1>{t!(i18n, properties_title)}</h1>
            <p class="intro">{t!(i18n, properties_intro)}</p>
            <p class="count">{t!(i18n, properties_count, count)}</p>
            <Show when=move || count() == 0>
                <p class="empty">{t!(i18n, properties_empty)}</p>
            </Show>
            <ul class="record-list" data-testid="property-list">
                <For
                    each=rows
                    key=|row| row.clone()
                    children=|(_, address, area)| view! {
                        <li><span class="primary">{address}</span> <span class="muted">{area}</span></li>
                    }
                />
            </ul>
        </section>
    }
}
