//! Voice notes of a home: recorded in place, played in place, deleted with
//! Undo. Where the browser cannot record, there is no record button.
use crate::components::home_media::home_media;
use crate::components::media_styles::media_styled;
use crate::components::media_why::media_why;
use crate::components::photo_urls::{PhotoUrl, PhotoUrls};
use crate::components::undo_toast::{delete_media, use_undo};
use crate::domain::media::{duration_text, Media, MediaKind};
use crate::domain::model::Id;
use crate::i18n::{t, t_string, use_i18n};
use crate::media_store::{self, Stored};
use crate::state::use_document;
use crate::voice_recorder::{self, RecordError, Recording};
use chrono::Utc;
use leptos::prelude::*;

/// Where the record button stands.
#[derive(Clone, PartialEq)]
enum State {
    Idle,
    Asking,
    Recording,
    Saving,
    Failed(String),
    /// Not kept on the device (why), downloaded as a file instead.
    Downloaded(String),
    Denied,
}

/// The home's voice notes and the record button.
#[component]
pub fn VoiceNotes(id: Id, urls: PhotoUrls) -> impl IntoView {
    let i18n = use_i18n();
    let doc = use_document();
    let notes = home_media(id, MediaKind::Voice);
    let state = RwSignal::new(State::Idle);
    let elapsed = RwSignal::new(0u32);
    // The recording under way (browser objects: kept on this thread).
    let recording = StoredValue::new_local(None::<Recording>);
    on_cleanup(move || {
        if let Some(r) = recording.try_update_value(Option::take).flatten() {
            r.cancel();
        }
    });
    let start = move |_| {
        state.set(State::Asking);
        leptos::task::spawn_local(async move {
            match voice_recorder::start().await {
                Ok(r) => {
                    recording.set_value(Some(r));
                    state.try_set(State::Recording);
                    // The clock beside the button, while it records.
                    while state.try_get_untracked() == Some(State::Recording) {
                        if let Some(ms) = recording
                            .try_with_value(|r| r.as_ref().map(Recording::elapsed_ms))
                            .flatten()
                        {
                            elapsed.try_set(ms);
                        }
                        gloo_timers::future::TimeoutFuture::new(250).await;
                    }
                }
                Err(RecordError::Denied) => {
                    state.try_set(State::Denied);
                }
                Err(RecordError::Failed(why)) => {
                    state.try_set(State::Failed(why));
                }
            }
        });
    };
    let stop = move |_| {
        let Some(r) = recording.try_update_value(Option::take).flatten() else {
            return;
        };
        state.set(State::Saving);
        leptos::task::spawn_local(async move {
            let (blob, duration_ms) = match r.stop().await {
                Ok(done) => done,
                Err(RecordError::Denied) => {
                    state.try_set(State::Denied);
                    return;
                }
                Err(RecordError::Failed(why)) => {
                    state.try_set(State::Failed(why));
                    return;
                }
            };
            let now = Utc::now();
            let note = Media::voice(uuid::Uuid::new_v4(), now, duration_ms, blob.size() as u64);
            let stored = Stored {
                id: note.id,
                property: id,
                blob,
                added_ms: now.timestamp_millis(),
            };
            match media_store::put(&stored).await {
                Ok(()) => {
                    urls.put(note.id, &stored.blob);
                    doc.update_property(id, |p| {
                        p.media.edit(|m| m.push(note));
                    });
                    state.try_set(State::Idle);
                }
                Err(e) => {
                    // The sound is kept as a file rather than lost.
                    let name = format!(
                        "showplan-voice-{}.{}",
                        crate::format::file_stamp(now),
                        crate::domain::backup_archive::extension(&stored.blob.type_())
                    );
                    let _ = crate::browser::download_blob(&name, &stored.blob);
                    state.try_set(State::Downloaded(media_why(i18n, &e)));
                }
            }
        });
    };
    let can_record = voice_recorder::supported();
    view! {
        <section class="voice-notes" data-testid="voice-notes" aria-labelledby="voice-title">
            <h3 id="voice-title">{t!(i18n, voice_title)}</h3>
            {can_record.then(|| view! {
                <div class="actions">
                    {move || match state.get() {
                        State::Recording => view! {
                            <button type="button" class="danger" on:click=stop>
                                {t!(i18n, voice_stop)}
                            </button>
                            <span role="status" class="recording">{t!(i18n, voice_recording, time = move || duration_text(elapsed.get()))}</span>
                        }.into_any(),
                        State::Asking | State::Saving => view! { <button type="button" disabled>{t!(i18n, voice_record)}</button> }.into_any(),
                        _ => view! { <button type="button" on:click=start>{t!(i18n, voice_record)}</button> }.into_any(),
                    }}
                </div>
            })}
            {move || match state.get() {
                State::Denied => view! { <p class="message message-error" role="alert">{t!(i18n, voice_denied)}</p> }.into_any(),
                State::Failed(why) => view! { <p class="message message-error" role="alert">{t!(i18n, voice_failed, why = move || why.clone())}</p> }.into_any(),
                State::Downloaded(why) => view! { <p class="message message-error" role="alert">{t!(i18n, voice_downloaded, why = move || why.clone())}</p> }.into_any(),
                _ => ().into_any(),
            }}
            <Show when=move || notes.with(Vec::is_empty)>
                <p class="empty">{t!(i18n, voice_empty)}</p>
            </Show>
            // Drawn once their styles apply (fetched when a home first has one).
            <Show when=move || !notes.with(Vec::is_empty) && media_styled()>
                <ul class="voice-list">
                    <For each=move || notes.get() key=|n| *n let:note>
                        <VoiceNote property=id note=note urls=urls />
                    </For>
                </ul>
            </Show>
        </section>
    }
}

/// One voice note: played in place, captioned, deleted with Undo.
#[component]
fn VoiceNote(property: Id, note: Id, urls: PhotoUrls) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let undo = use_undo();
    let url = urls.get(note);
    let Some(first) = state
        .read_property(property, |p| {
            p.media.items().into_iter().find(|m| m.id == note)
        })
        .flatten()
    else {
        return ().into_any();
    };
    let time = duration_text(first.duration_ms);
    let label = t_string!(i18n, voice_note_label, time = time.clone()).to_string();
    let delete = move |_| {
        let message = t_string!(i18n, voice_deleted).to_string();
        delete_media(state, undo, property, note, message);
    };
    view! {
        <li class="voice-note" data-testid="voice-note">
            <span class="voice-duration">{time}</span>
            {move || match url.get() {
                PhotoUrl::Ready(src) => view! { <audio controls preload="metadata" src=src aria-label=label.clone()></audio> }.into_any(),
                PhotoUrl::Loading => ().into_any(),
                PhotoUrl::Missing => view! { <span class="muted">{t!(i18n, voice_missing)}</span> }.into_any(),
            }}
            <label class="field">
                <span>{t!(i18n, media_caption)}</span>
                <input type="text" value=first.caption.clone() on:input=move |ev| {
                    let v = event_target_value(&ev);
                    state.update_property(property, |p| {
                        p.media.edit(|media| {
                            if let Some(m) = media.iter_mut().find(|m| m.id == note) {
                                m.caption = v;
                            }
                        });
                    });
                } />
            </label>
            <button type="button" class="danger" on:click=delete>{t!(i18n, voice_delete)}</button>
        </li>
    }
    .into_any()
}
