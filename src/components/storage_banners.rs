use crate::components::BackupButton;
use crate::i18n::{t, use_i18n};
use crate::state::{use_document, SaveState};
use crate::storage::{self, StorageError};
use chrono::Utc;
use leptos::prelude::*;

/// Days after which an agent is reminded to back up (Safari clears
/// script-written storage after 7 days without a visit).
const BACKUP_REMINDER_DAYS: i64 = 7;

/// Messages about the saved data, above every page: unreadable data, a save
/// that failed, changes merged from another tab, and the backup reminder.
#[component]
pub fn StorageBanners() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    view! {
        <div class="banners" aria-live="polite">
            <crate::components::UpdateBanner />
            <UnreadableBanner />
            <SaveProblemBanner />
            <OtherTabNotice />
            <Show when=move || !crate::paths::is_buyer_view(&location.pathname.get())>
                <BackupReminder />
            </Show>
        </div>
    }
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
        <Show when=move || state.unreadable.with(Option::is_some)>
            <section class="banner banner-danger" role="alert" data-testid="unreadable-banner">
                <h2>{t!(i18n, unreadable_title)}</h2>
                <p>
                    {move || if state.unreadable.with(|u| u.as_ref().is_some_and(|u| u.backup_key.is_none())) {
                        t!(i18n, unreadable_no_room).into_any()
                    } else {
                        t!(i18n, unreadable_body).into_any()
                    }}
                </p>
                <div class="actions">
                    <button type="button" on:click=download>{t!(i18n, unreadable_download)}</button>
                    <button type="button" class="secondary" on:click=move |_| state.start_fresh()>
                        {t!(i18n, start_fresh)}
                    </button>
                </div>
            </section>
        </Show>
    }
}

#[component]
fn SaveProblemBanner() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let problem = move || match state.save_state.get() {
        SaveState::Saved => None,
        SaveState::Failed(e) => Some(e),
    };
    view! {
        {move || problem().map(|e| view! {
            <section class="banner banner-danger" role="alert" data-testid="save-problem">
                <p>
                    {match e {
                        StorageError::Full => t!(i18n, storage_full).into_any(),
                        StorageError::Unavailable => t!(i18n, storage_unavailable).into_any(),
                        _ => t!(i18n, storage_failed).into_any(),
                    }}
                </p>
                <div class="actions">
                    <BackupButton />
                    <button type="button" class="secondary" on:click=move |_| state.save_now()>
                        {t!(i18n, retry_save)}
                    </button>
                </div>
            </section>
        })}
    }
}

#[component]
fn OtherTabNotice() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let dismissed = RwSignal::new(0u32);
    let fresh = move || state.merged_from_other_tab.get() > dismissed.get();
    view! {
        <Show when=fresh>
            <section class="banner banner-info" data-testid="other-tab-notice">
                <p>{t!(i18n, merged_other_tab)}</p>
                <button type="button" class="secondary" on:click=move |_| dismissed.set(state.merged_from_other_tab.get_untracked())>
                    {t!(i18n, dismiss)}
                </button>
            </section>
        </Show>
    }
}

#[component]
fn BackupReminder() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let later = RwSignal::new(false);
    let days = move || {
        state
            .last_backup
            .get()
            .map(|at| (Utc::now() - at).num_days())
    };
    let due = move || {
        !later.get()
            && !state.doc.with(|d| d.is_empty())
            && days().is_none_or(|d| d >= BACKUP_REMINDER_DAYS)
    };
    view! {
        <Show when=due>
            <section class="banner banner-warning" data-testid="backup-reminder">
                <p>
                    {move || match days() {
                        None => t!(i18n, backup_never).into_any(),
                        Some(count) => t!(i18n, backup_days, count = move || count).into_any(),
                    }}
                </p>
                <div class="actions">
                    <BackupButton />
                    <button type="button" class="secondary" on:click=move |_| later.set(true)>
                        {t!(i18n, later)}
                    </button>
                </div>
            </section>
        </Show>
    }
}
