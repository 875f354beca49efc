//! The agent's own photos of a home, on its page.
use crate::components::home_media::home_media;
use crate::components::media_styles::media_styled;
use crate::components::photo_adding::{pending_for, sweep_now_and_then, Adding};
use crate::components::photo_card::PhotoCard;
use crate::components::photo_urls::PhotoUrls;
use crate::components::photo_viewer::PhotoViewer;
use crate::components::storage_room::StorageRoom;
use crate::components::voice_notes::VoiceNotes;
use crate::domain::media::MediaKind;
use crate::domain::model::Id;
use crate::i18n::{t, use_i18n};
use crate::media_store::MediaError;
use crate::state::use_document;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The gallery, the buttons that add photos, and what went wrong.
#[component]
pub fn PropertyPhotos(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let urls = PhotoUrls::new();
    let adding = Adding::new();
    let viewing = RwSignal::new(None::<usize>);
    let photos = home_media(id, MediaKind::Photo);
    let pending = move || {
        adding.pending_changed.track();
        pending_for(id)
            .into_iter()
            .map(|p| (p.media.id, p.error))
            .collect::<Vec<_>>()
    };
    let consent_read = RwSignal::new(crate::storage::photo_consent_read());
    let chosen = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files: Vec<web_sys::File> = input
            .files()
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        // The same file can be chosen again.
        input.set_value("");
        if !files.is_empty() {
            leptos::task::spawn_local(adding.add(state, urls, id, files));
        }
    };
    // A list that does not read (storage changed outside Showplan) takes
    // nothing new: what is added would be named by no home, and swept.
    let readable = Memo::new(move |_| {
        state.doc.with(|d| {
            d.properties
                .iter()
                .find(|p| p.id == id)
                .is_none_or(|p| p.media.read().is_ok())
        })
    });
    sweep_now_and_then(state);
    view! {
        <section class="card photos" data-testid="photos" aria-labelledby="photos-title">
            <h2 id="photos-title">{t!(i18n, media_title)}</h2>
            <p class="muted">{t!(i18n, media_intro)}</p>
            <Show when=move || !consent_read.get()>
                <div class="message message-info" role="note" data-testid="photo-consent">
                    <p>{t!(i18n, media_consent)}</p>
                    <button type="button" class="secondary" on:click=move |_| {
                        let _ = crate::storage::set_photo_consent_read();
                        consent_read.set(true);
                    }>{t!(i18n, dismiss)}</button>
                </div>
            </Show>
            <Show when=move || readable.get() fallback=move || view! {
                <p class="message message-error" role="alert" data-testid="media-damaged">{t!(i18n, media_list_damaged)}</p>
            }>
                <div class="actions">
                    <label class="button">
                        {t!(i18n, media_take_photo)}
                        <input type="file" class="visually-hidden" accept="image/*" capture="environment" on:change=chosen />
                    </label>
                    <label class="button secondary">
                        {t!(i18n, media_choose_photos)}
                        <input type="file" class="visually-hidden" accept="image/*" multiple on:change=chosen />
                    </label>
                </div>
                <p role="status" class="muted">
                    {move || adding.progress.get().map(|(done, all)| t!(i18n, media_saving, done = move || done, all = move || all))}
                </p>
                <For each=move || adding.not_pictures.get() key=|name| name.clone() let:name>
                    <p class="message message-error" role="alert">{t!(i18n, media_not_picture, name = move || name.clone())}</p>
                </For>
                <For each=pending key=|p| p.0 let:photo>
                    <PendingPhoto id=id photo_id=photo.0 error=photo.1 adding=adding />
                </For>
                <Show when=move || photos.with(Vec::is_empty)>
                    <p class="empty">{t!(i18n, media_empty)}</p>
                </Show>
                // Drawn once their styles apply (fetched when a home first has a photo).
                <Show when=move || !photos.with(Vec::is_empty) && media_styled()>
                    <ol class="photo-grid" data-testid="photo-grid">
                        <For each=move || photos.get() key=|photo| *photo let:photo>
                            <PhotoCard property=id photo=photo photos=photos urls=urls viewing=viewing />
                        </For>
                    </ol>
                    <PhotoViewer property=id photos=photos urls=urls viewing=viewing />
                </Show>
                <VoiceNotes id=id urls=urls />
            </Show>
            <StorageRoom refresh=adding.progress />
        </section>
    }
}

/// A photo the device refused: why, and the ways to keep it.
#[component]
fn PendingPhoto(id: Id, photo_id: Id, error: MediaError, adding: Adding) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let message = match error {
        MediaError::Quota => t!(i18n, media_quota).into_any(),
        MediaError::Unavailable => t!(i18n, media_unavailable).into_any(),
        MediaError::Other(why) => t!(i18n, media_failed, why = move || why.clone()).into_any(),
    };
    view! {
        <div class="message message-error" role="alert" data-testid="photo-not-saved">
            <p>{message}</p>
            <div class="actions">
                <button type="button" on:click=move |_| adding.download(photo_id)>{t!(i18n, media_download)}</button>
                <button type="button" class="secondary" on:click=move |_| leptos::task::spawn_local(adding.retry(state, id))>
                    {t!(i18n, media_try_again)}
                </button>
            </div>
        </div>
    }
}
