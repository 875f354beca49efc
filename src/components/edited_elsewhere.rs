//! "Edited on another device": when this home was changed both here and on
//! another device before they synced, the later edit is kept (the merge
//! rule) and the other version waits here, one tap from being taken
//! instead. Nothing is silently dropped.
use crate::domain::model::Id;
use crate::domain::sync::Body;
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
    let take = move |_| {
        let Some(Body::Property(mut theirs)) = other.get_untracked() else {
            return;
        };
        // Taken now: the later edit, so it wins on every device.
        theirs.stamp.updated = chrono::Utc::now();
        state.update(|d| {
            if let Some(p) = d.properties.iter_mut().find(|p| p.id == id) {
                *p = theirs;
            }
        });
        state.save_now();
        forget();
        // The form shows what it was opened with: open the page again.
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    move || {
        other.get().and_then(|b| b.updated()).map(|at| {
            let when = crate::format::moment(i18n.get_locale().as_str(), at);
            view! {
                <div class="message message-warning" role="status" data-testid="edited-elsewhere">
                    <p>{t_string!(i18n, sync_edited_elsewhere, date = when).to_string()}</p>
                    <div class="actions">
                        <button type="button" on:click=take>{t!(i18n, sync_take_other)}</button>
                        <button type="button" class="secondary" on:click=move |_| forget()>{t!(i18n, sync_keep_this)}</button>
                    </div>
                </div>
            }
        })
    }
}
