use crate::components::BackupButton;
use crate::domain::backup;
use crate::i18n::{keys, t, use_i18n};
use crate::state::{use_document, SaveState};
use crate::storage::{self, StorageError};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// Messages about the saved data, above every page: unreadable data, a save
/// that failed, and the backup reminder. (What another tab did is said at
/// the bottom of the screen, by `TabNotices`.)
///
/// The two that protect data (unreadable data, a failed save) live in the
/// shell, so they show with no connection. The reminder is a rare notice,
/// a lazily loaded chunk fetched when it first shows.
#[component]
pub fn StorageBanners() -> impl IntoView {
    let location = crate::router::use_location();
    let state = use_document();
    let unreadable = move || state.unreadable.with(Option::is_some);
    let save_failed = move || matches!(state.save_state.get(), SaveState::Failed(_));
    let later = RwSignal::new(storage::backup_later());
    let own_records = Memo::new(move |_| state.doc.with(backup::own_records));
    let reminder_due = move || {
        !crate::paths::is_buyer_view(&location.pathname.get())
            && backup::reminder_due(
                Utc::now(),
                own_records.get(),
                state.last_backup.get(),
                later.get(),
            )
    };
    view! {
        <div class="banners" aria-live="polite">
            <crate::components::UpdateBanner />
            <crate::components::ChunkProblem />
            <Show when=unreadable><UnreadableBanner /></Show>
            <Show when=save_failed><SaveProblemBanner /></Show>
            <Show when=reminder_due>{move || Suspend::new(backup_reminder(later))}</Show>
        </div>
    }
}

lazy_view! {
    backup_reminder(later: RwSignal<Option<DateTime<Utc>>>) => BackupReminder,
}

/// Whole days since the last backup download, or `None` for never.
fn backup_age_days(state: crate::state::DocState) -> Option<i64> {
    state
        .last_backup
        .get()
        .map(|at| (Utc::now() - at).num_days())
}

#[component]
fn UnreadableBanner() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let download = move |_| {
        let Some(u) = state.unreadable.get_untracked() else {
            return;
        };
        let text = u
            .backup_key
            .as_deref()
            .and_then(storage::read_unreadable)
            .or_else(storage::read_stored_document);
        if let Some(text) = text {
            let _ = crate::browser::download_text("showplan-unreadable.txt", "text/plain", &text);
        }
    };
    view! {
        <section class="banner banner-danger" role="alert" data-testid="unreadable-banner">
            <h2>{t!(i18n, unreadable_title)}</h2>
            <p>
                {move || i18n.text(if state.unreadable.with(|u| u.as_ref().is_some_and(|u| u.backup_key.is_none())) {
                    keys::unreadable_no_room
                } else {
                    keys::unreadable_body
                })}
            </p>
            <div class="actions">
                <button type="button" on:click=download>{t!(i18n, unreadable_download)}</button>
                <button type="button" class="secondary" on:click=move |_| state.start_fresh()>
                    {t!(i18n, start_fresh)}
                </button>
            </div>
        </section>
    }
}

/// Why the last save failed, with a backup download and the way out: try
/// the save again, or reload when a newer version saved in another tab.
#[component]
fn SaveProblemBanner() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let problem = move || match state.save_state.get() {
        SaveState::Saved => None,
        SaveState::Failed(e) => Some(e),
    };
    let newer = move || problem() == Some(StorageError::NewerVersion);
    let message = move || {
        i18n.text(match problem() {
            Some(StorageError::Full) => keys::storage_full,
            Some(StorageError::Unavailable) => keys::storage_unavailable,
            Some(StorageError::NewerVersion) => keys::storage_newer,
            _ => keys::storage_failed,
        })
    };
    let act = move |_| {
        if newer() {
            crate::browser::reload();
        } else {
            state.save_now();
        }
    };
    view! {
        <section class="banner banner-danger" role="alert" data-testid="save-problem">
            <p>{message}</p>
            <div class="actions">
                <BackupButton />
                <button type="button" class="secondary" on:click=act>
                    {move || i18n.text(if newer() { keys::update_reload } else { keys::retry_save })}
                </button>
            </div>
        </section>
    }
}

#[component]
fn BackupReminder(later: RwSignal<Option<DateTime<Utc>>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    view! {
        <section class="banner banner-warning" data-testid="backup-reminder">
            <p>
                {move || match backup_age_days(state) {
                    None => t!(i18n, backup_never).into_any(),
                    Some(count) => t_count!(i18n, backup_days, move || count).into_any(),
                }}
            </p>
            <div class="actions">
                <BackupButton />
                <button type="button" class="secondary" on:click=move |_| {
                    // Back in a day (domain::backup); if it cannot be
                    // kept, it is still put off for this visit.
                    let now = Utc::now();
                    let _ = storage::set_backup_later(now);
                    later.set(Some(now));
                }>
                    {t!(i18n, later)}
                </button>
            </div>
        </section>
    }
}
