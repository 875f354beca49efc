use crate::i18n::{t, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;

/// A button that downloads everything as a backup file.
#[component]
pub fn BackupButton() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    view! {
        <button
            type="button"
            data-testid="download-backup"
            on:click=move |_| {
                if let Err(e) = state.download_backup() {
                    leptos::logging::error!("backup download failed: {e}");
                }
            }
        >
            {t!(i18n, download_backup)}
        </button>
    }
}
