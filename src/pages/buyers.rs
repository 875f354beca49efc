use crate::domain::model::Buyer;
use crate::i18n::{t, use_i18n};
use crate::state::use_document;
use chrono::Utc;
use leptos::prelude::*;

/// The buyers list, with a quick way to add one by name.
#[component]
pub fn BuyersPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let count = move || state.doc.with(|d| d.buyers.len());
    let name = RwSignal::new(String::new());
    let missing_name = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked();
        if typed.trim().is_empty() {
            missing_name.set(true);
            return;
        }
        state.update(|d| d.buyers.push(Buyer::new(&typed, Utc::now())));
        name.set(String::new());
        missing_name.set(false);
    };
    view! {
        <section class="page-section" data-testid="buyers-page">
            <h1>{t!(i18n, buyers_title)}</h1>
            <p class="intro">{t!(i18n, buyers_intro)}</p>
            <form class="inline-form" on:submit=add novalidate>
                <label class="field">
                    <span>{t!(i18n, buyer_name)}</span>
                    <input
                        type="text"
                        autocomplete="off"
                        enterkeyhint="done"
                        aria-invalid=move || missing_name.get().to_string()
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                </label>
                <button type="submit">{t!(i18n, buyer_add)}</button>
            </form>
            <Show when=move || missing_name.get()>
                <p class="message message-error" role="alert">{t!(i18n, buyer_name_required)}</p>
            </Show>
            <p class="count">{t!(i18n, buyers_count, count)}</p>
            <Show when=move || count() == 0>
                <p class="empty">{t!(i18n, buyers_empty)}</p>
            </Show>
            <ul class="record-list" data-testid="buyer-list">
                <For
                    each=move || state.doc.with(|d| d.buyers.iter().map(|b| (b.id, b.name.clone())).collect::<Vec<_>>())
                    key=|(id, name)| (*id, name.clone())
                    children=|(_, name)| view! { <li>{name}</li> }
                />
            </ul>
        </section>
    }
}
