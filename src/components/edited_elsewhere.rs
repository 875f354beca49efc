//! "Edited on another device": when a home, buyer or tour was changed both
//! here and on another device before they synced, the later edit is kept
//! (the merge rule) and the other version waits here, one tap from being
//! taken instead. Nothing is silently dropped.
use crate::domain::model::Id;
use crate::domain::sync::{take, Body};
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use crate::storage;
use leptos::prelude::*;

#[component]
pub fn EditedElsewhere(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let other = RwSignal::new(storage::sync_losers().into_iter().find(|b| b.id() == id));
    let forget = move || {
        // Not kept: the note comes back once, harmlessly.
        let _ = storage::save_sync_losers(
            &storage::sync_losers()
                .into_iter()
                .filter(|b| b.id() != id)
                .collect::<Vec<_>>(),
        );
        other.set(None);
    };
    let use_other = move |_| {
        let Some(theirs) = other.get_untracked() else {
            return;
        };
        // Taken now: the later edit, so it wins on every device.
        state.update(|d| {
            take(d, theirs, chrono::Utc::now());
        });
        state.save_now();
        forget();
        // A form shows what it was opened with: open the page again.
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    move || {
        other.get().and_then(|b| {
            let at = b.updated()?;
            let date = crate::format::moment(i18n.get_locale().as_str(), at);
            let said = match b {
                Body::Buyer(_) => t_string!(i18n, sync_edited_elsewhere_buyer, date = date),
                Body::Tour(_) => t_string!(i18n, sync_edited_elsewhere_tour, date = date),
                _ => t_string!(i18n, sync_edited_elsewhere, date = date),
            }
            .to_string();
            Some(view! {
                <div class="message message-warning" role="status" data-testid="edited-elsewhere">
                    <p>{said}</p>
                    <div class="actions">
                        <button type="button" on:click=use_other>{t!(i18n, sync_take_other)}</button>
                        <button type="button" class="secondary" on:click=move |_| forget()>{t!(i18n, sync_keep_this)}</button>
                    </div>
                </div>
            })
        })
    }
}
