//! A record's fields changed in another tab while its form was open here:
//! saving the form as it is would undo that change without a word, so the
//! agent chooses. (A form compares the fields it edits, as they were when
//! it opened or last saved, with the record now; changes this tab makes
//! elsewhere on the page, such as a renovation added, are not its fields.)
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

/// The choice: save this form over the other change, or load the other
/// version into the form (dropping what was typed here).
#[component]
pub fn EditConflict(
    shown: RwSignal<bool>,
    #[prop(into)] keep_mine: Callback<()>,
    #[prop(into)] load_theirs: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || shown.get()>
            <div class="message message-error" role="alert" data-testid="edit-conflict">
                <p>{t!(i18n, edit_conflict)}</p>
                <div class="actions">
                    <button type="button" on:click=move |_| keep_mine.run(())>{t!(i18n, edit_conflict_keep_mine)}</button>
                    <button type="button" class="secondary" on:click=move |_| load_theirs.run(())>{t!(i18n, edit_conflict_load_theirs)}</button>
                </div>
            </div>
        </Show>
    }
}
