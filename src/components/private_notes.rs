use crate::domain::model::Id;
use crate::i18n::{t, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;

/// Notes only the agent sees: visibly marked, never part of a share link.
#[component]
pub fn PrivateNotes(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let initial = state
        .read_property(id, |p| p.private_notes.clone())
        .unwrap_or_default();
    let text = RwSignal::new(initial);
    // Every keystroke goes to the document; the persist effect debounces saving.
    let on_input = move |ev| {
        let value = event_target_value(&ev);
        text.set(value.clone());
        state.update_property(id, |p| p.private_notes = value);
    };
    view! {
        <section class="card private" data-testid="private-notes">
            <h2>{t!(i18n, private_title)}</h2>
            <p class="badge badge-private">"🔒 "{t!(i18n, private_badge)}</p>
            <label class="field">
                <span>{t!(i18n, private_label)}</span>
                <textarea rows="3" prop:value=move || text.get() on:input=on_input></textarea>
            </label>
        </section>
    }
}
