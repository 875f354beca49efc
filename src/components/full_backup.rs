//! "Back up everything": the document and every photo and voice note in one
//! ZIP file (`domain::backup_archive`), with a progress bar while the
//! photos are read from the device.
use crate::components::media_why::media_why;
use crate::domain::backup_archive::{self, MediaFile};
use crate::i18n::{t, use_i18n};
use crate::media_store;
use crate::state::use_document;
use chrono::Utc;
use leptos::prelude::*;

/// Where a full backup stands.
#[derive(Clone, PartialEq)]
enum Progress {
    Idle,
    Reading { done: usize, all: usize },
    Done { missing: usize },
    Failed(String),
}

/// The button, its progress, and what it left out.
#[component]
pub fn FullBackup() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let progress = RwSignal::new(Progress::Idle);
    let busy = move || matches!(progress.get(), Progress::Reading { .. });
    let run = move |_| {
        let text = state.backup_text();
        let ids: Vec<_> = state.doc.with_untracked(|d| {
            d.properties
                .iter()
                .flat_map(|p| p.media.items().into_iter().map(|m| m.id))
                .collect()
        });
        leptos::task::spawn_local(async move {
            let all = ids.len();
            let mut files = Vec::with_capacity(all);
            let mut missing = 0;
            for (i, id) in ids.into_iter().enumerate() {
                progress.try_set(Progress::Reading { done: i, all });
                let stored = match media_store::get(id).await {
                    Ok(Some(stored)) => stored,
                    Ok(None) => {
                        missing += 1;
                        continue;
                    }
                    Err(e) => {
                        progress.try_set(Progress::Failed(media_why(i18n, &e)));
                        return;
                    }
                };
                let bytes = match crate::browser::blob_bytes(&stored.blob).await {
                    Some(bytes) => bytes,
                    None => {
                        missing += 1;
                        continue;
                    }
                };
                files.push(MediaFile {
                    id,
                    mime: stored.blob.type_(),
                    bytes,
                });
            }
            progress.try_set(Progress::Reading { done: all, all });
            let outcome = backup_archive::write(&text, files.iter(), |_, _| {}).and_then(|zip| {
                let name = format!(
                    "showplan-backup-{}.zip",
                    crate::format::file_stamp(Utc::now())
                );
                crate::browser::download_bytes(&name, "application/zip", &zip)
            });
            match outcome {
                Ok(()) => {
                    let now = Utc::now();
                    let _ = crate::storage::set_last_backup(now);
                    state.last_backup.try_set(Some(now));
                    progress.try_set(Progress::Done { missing });
                }
                Err(why) => {
                    progress.try_set(Progress::Failed(why));
                }
            }
        });
    };
    view! {
        <div class="full-backup" data-testid="full-backup">
            <button type="button" on:click=run disabled=busy>{t!(i18n, backup_everything)}</button>
            <p class="muted">{t!(i18n, backup_everything_hint)}</p>
            {move || match progress.get() {
                Progress::Idle => ().into_any(),
                Progress::Reading { done, all } => view! {
                    <label class="field">
                        <span>{t!(i18n, backup_reading, done = move || done, all = move || all)}</span>
                        <progress max=all.max(1) value=done></progress>
                    </label>
                }.into_any(),
                Progress::Done { missing } => view! {
                    <p class="message message-ok" role="status" data-testid="full-backup-done">
                        {t!(i18n, backup_everything_done)}
                        {(missing > 0).then(|| view! { " " {t!(i18n, backup_missing, count = move || missing)} })}
                    </p>
                }.into_any(),
                Progress::Failed(why) => view! {
                    <p class="message message-error" role="alert">{t!(i18n, backup_everything_failed, why = move || why.clone())}</p>
                }.into_any(),
            }}
        </div>
    }
}
