use crate::domain::backup_archive::{self, MediaFile};
use crate::domain::codec::{decode_checked, DecodeError};
use crate::domain::merge::preview;
use crate::domain::model::Document;
use crate::i18n::{t, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the import form is showing.
#[derive(Clone, PartialEq)]
enum Step {
    Idle,
    /// The document, and how many photos and voice notes come with it.
    Preview(Box<Document>, usize),
    Failed(Problem),
    Restoring {
        done: usize,
        all: usize,
    },
    /// `not_kept`: photos or voice notes the device refused.
    Done {
        replaced: bool,
        not_kept: usize,
    },
}

/// Why a chosen file was refused.
#[derive(Clone, Copy, PartialEq)]
enum Problem {
    ReadFailed,
    NotJson,
    NotShowplan,
    Newer,
    Damaged,
    NotZip,
}

impl From<&DecodeError> for Problem {
    fn from(e: &DecodeError) -> Self {
        match e {
            DecodeError::NotJson(_) => Problem::NotJson,
            DecodeError::NotShowplan => Problem::NotShowplan,
            DecodeError::NewerVersion { .. } => Problem::Newer,
            DecodeError::Migration { .. } | DecodeError::Invalid(_) => Problem::Damaged,
        }
    }
}

/// What a chosen file holds: a JSON backup, or a ZIP one with media.
fn read_backup(bytes: Vec<u8>) -> Result<(Document, Vec<MediaFile>), Problem> {
    let (text, media) = if backup_archive::is_archive(&bytes) {
        let contents = backup_archive::read(&bytes).map_err(|_| Problem::NotZip)?;
        (contents.document, contents.media)
    } else {
        (
            String::from_utf8(bytes).map_err(|_| Problem::NotJson)?,
            Vec::new(),
        )
    };
    let decoded = decode_checked(&text).map_err(|e| Problem::from(&e))?;
    Ok((decoded.document, media))
}

/// Keeps each photo or voice note the document names on the device.
/// Returns how many the device refused.
async fn restore_media(
    state: crate::state::DocState,
    media: Vec<MediaFile>,
    step: RwSignal<Step>,
) -> usize {
    let all = media.len();
    let mut not_kept = 0;
    for (i, file) in media.into_iter().enumerate() {
        step.try_set(Step::Restoring { done: i, all });
        let owner = state.doc.with_untracked(|d| {
            d.properties.iter().find_map(|p| {
                p.media
                    .items()
                    .into_iter()
                    .find(|m| m.id == file.id)
                    .map(|m| (p.id, m.added))
            })
        });
        // A file no home names (left out by the merge) is not kept.
        let Some((property, added)) = owner else {
            continue;
        };
        let Some(blob) = crate::browser::bytes_blob(&file.bytes, &file.mime) else {
            not_kept += 1;
            continue;
        };
        let stored = crate::media_store::Stored {
            id: file.id,
            property,
            blob,
            added_ms: added.timestamp_millis(),
        };
        if crate::media_store::put(&stored).await.is_err() {
            not_kept += 1;
        }
    }
    not_kept
}

/// Restores a backup file (JSON, or ZIP with photos and voice notes):
/// choose it, see what it holds and what a merge would change, then merge
/// or replace. A bad file changes nothing.
#[component]
pub fn ImportBackup() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let step = RwSignal::new(Step::Idle);
    // The chosen file's photos and voice notes, until merged or replaced.
    let media = StoredValue::new(Vec::<MediaFile>::new());

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let next = match crate::browser::read_chosen_bytes(&input).await {
                None => Step::Idle,
                Some(Err(_)) => Step::Failed(Problem::ReadFailed),
                Some(Ok(bytes)) => match read_backup(bytes) {
                    Ok((document, files)) => {
                        let count = files.len();
                        media.set_value(files);
                        Step::Preview(Box::new(document), count)
                    }
                    Err(problem) => Step::Failed(problem),
                },
            };
            input.set_value("");
            step.set(next);
        });
    };
    let apply = move |replace: bool| {
        if let Step::Preview(doc, _) = step.get_untracked() {
            if replace {
                state.replace(*doc);
            } else {
                state.merge_in(&doc);
            }
            // Saved before "Done" is said: leaving at once loses nothing.
            state.save_now();
            let files = media.try_update_value(std::mem::take).unwrap_or_default();
            leptos::task::spawn_local(async move {
                let not_kept = restore_media(state, files, step).await;
                step.try_set(Step::Done {
                    replaced: replace,
                    not_kept,
                });
            });
        }
    };

    view! {
        <section class="card" data-testid="import-backup">
            <h2>{t!(i18n, import_title)}</h2>
            <label class="field">
                <span>{t!(i18n, import_choose)}</span>
                <input type="file" accept=".json,.zip,application/json,application/zip" on:change=on_file />
            </label>
            {move || match step.get() {
                Step::Idle => ().into_any(),
                Step::Failed(problem) => view! {
                    <p class="message message-error" role="alert" data-testid="import-error">
                        {match problem {
                            Problem::ReadFailed => t!(i18n, import_read_failed).into_any(),
                            Problem::NotJson => t!(i18n, import_not_json).into_any(),
                            Problem::NotShowplan => t!(i18n, import_not_showplan).into_any(),
                            Problem::Newer => t!(i18n, import_newer).into_any(),
                            Problem::Damaged => t!(i18n, import_damaged).into_any(),
                            Problem::NotZip => t!(i18n, import_not_zip).into_any(),
                        }}
                    </p>
                }.into_any(),
                Step::Restoring { done, all } => view! {
                    <label class="field" data-testid="import-restoring">
                        <span>{t!(i18n, import_restoring, done = move || done, all = move || all)}</span>
                        <progress max=all.max(1) value=done></progress>
                    </label>
                }.into_any(),
                Step::Done { replaced, not_kept } => view! {
                    <p class="message message-ok" role="status" data-testid="import-done">
                        {if replaced { t!(i18n, import_replaced).into_any() } else { t!(i18n, import_merged).into_any() }}
                    </p>
                    {(not_kept > 0).then(|| view! {
                        <p class="message message-error" role="alert">{t!(i18n, import_media_failed, count = move || not_kept)}</p>
                    })}
                }.into_any(),
                Step::Preview(doc, media_count) => {
                    let c = doc.counts();
                    let effect = state.doc.with_untracked(|local| preview(local, &doc));
                    view! {
                        <div class="preview" data-testid="import-preview">
                            <p>{t!(i18n, import_preview)}</p>
                            <ul>
                                <li>{t_count!(i18n, buyers_count, move || c.buyers)}</li>
                                <li>{t_count!(i18n, properties_count, move || c.properties)}</li>
                                <li>{t_count!(i18n, tours_count, move || c.tours)}</li>
                                <li>{t_count!(i18n, feedback_count, move || c.feedback)}</li>
                            </ul>
                            {(media_count > 0).then(|| view! { <p>{t!(i18n, import_media, count = move || media_count)}</p> })}
                            <p>{t!(i18n, import_effect, added = move || effect.added, updated = move || effect.updated, unchanged = move || effect.unchanged)}</p>
                            <div class="actions">
                                <button type="button" on:click=move |_| apply(false)>{t!(i18n, import_merge)}</button>
                                <button type="button" class="danger" on:click=move |_| apply(true)>{t!(i18n, import_replace)}</button>
                                <button type="button" class="secondary" on:click=move |_| step.set(Step::Idle)>{t!(i18n, import_cancel)}</button>
                            </div>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}
