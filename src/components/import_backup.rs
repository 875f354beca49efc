use crate::domain::codec::{decode, DecodeError};
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
    Preview(Box<Document>),
    Failed(Problem),
    Done { replaced: bool },
}

/// Why a chosen file was refused.
#[derive(Clone, Copy, PartialEq)]
enum Problem {
    ReadFailed,
    NotJson,
    NotShowplan,
    Newer,
    Damaged,
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

/// Restores a backup file: choose it, see what it holds and what a merge
/// would change, then merge or replace. A bad file changes nothing.
#[component]
pub fn ImportBackup() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let step = RwSignal::new(Step::Idle);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let next = match crate::browser::read_chosen_file(&input).await {
                None => Step::Idle,
                Some(Err(_)) => Step::Failed(Problem::ReadFailed),
                Some(Ok(text)) => match decode(&text) {
                    Ok(decoded) => Step::Preview(Box::new(decoded.document)),
                    Err(e) => Step::Failed(Problem::from(&e)),
                },
            };
            input.set_value("");
            step.set(next);
        });
    };
    let apply = move |replace: bool| {
        if let Step::Preview(doc) = step.get_untracked() {
            if replace {
                state.replace(*doc);
            } else {
                state.merge_in(&doc);
            }
            // Saved before "Done" is said: leaving at once loses nothing.
            state.save_now();
            step.set(Step::Done { replaced: replace });
        }
    };

    view! {
        <section class="card" data-testid="import-backup">
            <h2>{t!(i18n, import_title)}</h2>
            <label class="field">
                <span>{t!(i18n, import_choose)}</span>
                <input type="file" accept=".json,application/json" on:change=on_file />
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
                        }}
                    </p>
                }.into_any(),
                Step::Done { replaced } => view! {
                    <p class="message message-ok" role="status" data-testid="import-done">
                        {if replaced { t!(i18n, import_replaced).into_any() } else { t!(i18n, import_merged).into_any() }}
                    </p>
                }.into_any(),
                Step::Preview(doc) => {
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
