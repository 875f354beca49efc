//! Adding photos to a home: each picture made smaller, stored on the
//! device, then named in the document. A photo the device refused stays in
//! this tab (`PENDING`) until it is stored or downloaded: never lost.
use crate::components::photo_urls::PhotoUrls;
use crate::domain::media::{Media, PHOTO_MAX_SIDE, PHOTO_QUALITY, UNREFERENCED_GRACE_MS};
use crate::domain::model::Id;
use crate::image_scale::{scale, ScaleError};
use crate::media_store::{self, MediaError, Stored};
use crate::state::DocState;
use chrono::Utc;
use leptos::prelude::*;
use std::cell::RefCell;

/// A photo made smaller but not yet stored, and what the device said.
#[derive(Clone)]
pub struct Pending {
    pub media: Media,
    pub stored: Stored,
    pub error: MediaError,
}

thread_local! {
    /// Photos the device refused, kept for the life of the tab.
    static PENDING: RefCell<Vec<Pending>> = const { RefCell::new(Vec::new()) };
}

/// The photos of `property` waiting to be stored.
pub fn pending_for(property: Id) -> Vec<Pending> {
    PENDING.with(|p| {
        p.borrow()
            .iter()
            .filter(|p| p.stored.property == property)
            .cloned()
            .collect()
    })
}

thread_local! {
    /// When this tab last swept the device's media.
    static LAST_SWEEP: std::cell::Cell<Option<i64>> = const { std::cell::Cell::new(None) };
}

/// Sweeps the media no home names any more (`media_store`: marked first,
/// deleted once unnamed for an hour), when a home's photos are shown, at
/// most once an hour: not on every visit to a home.
pub fn sweep_now_and_then(state: DocState) {
    let now = Utc::now().timestamp_millis();
    if LAST_SWEEP
        .with(std::cell::Cell::get)
        .is_some_and(|at| now - at < UNREFERENCED_GRACE_MS)
    {
        return;
    }
    LAST_SWEEP.with(|l| l.set(Some(now)));
    // Photos waiting in this tab are named too: never swept.
    let waiting: Vec<Id> = PENDING.with(|p| p.borrow().iter().map(|p| p.media.id).collect());
    // And those of another device's version of a home, kept after a sync
    // conflict: one tap may bring them back.
    let kept = crate::storage::sync_losers();
    let named = state.doc.with_untracked(|d| {
        crate::domain::sync_media::named(d, &kept)
            .into_iter()
            .map(|n| n.media)
            .chain(waiting)
            .collect::<std::collections::HashSet<_>>()
    });
    leptos::task::spawn_local(async move {
        // A sweep that fails is tried again an hour later; nothing is lost.
        let _ = media_store::sweep_unreferenced(&named, now).await;
    });
}

/// What adding photos reports to the page.
#[derive(Clone, Copy)]
pub struct Adding {
    /// "Saving photo 2 of 3".
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// Names of files that were not pictures.
    pub not_pictures: RwSignal<Vec<String>>,
    /// Bumped when the pending list changes.
    pub pending_changed: RwSignal<u32>,
}

impl Adding {
    pub fn new() -> Adding {
        Adding {
            progress: RwSignal::new(None),
            not_pictures: RwSignal::new(Vec::new()),
            pending_changed: RwSignal::new(0),
        }
    }

    /// Makes each file smaller, stores it, and adds it to `property`.
    pub async fn add(
        self,
        state: DocState,
        urls: PhotoUrls,
        property: Id,
        files: Vec<web_sys::File>,
    ) {
        self.not_pictures.set(Vec::new());
        let all = files.len();
        for (i, file) in files.into_iter().enumerate() {
            self.progress.try_set(Some((i + 1, all)));
            let scaled = match scale(&file, PHOTO_MAX_SIDE, PHOTO_QUALITY).await {
                Ok(scaled) => scaled,
                Err(ScaleError::NotAPicture | ScaleError::Failed) => {
                    self.not_pictures.try_update(|n| n.push(file.name()));
                    continue;
                }
            };
            let now = Utc::now();
            let id = uuid::Uuid::new_v4();
            let media = Media::photo(
                id,
                now,
                scaled.width,
                scaled.height,
                scaled.blob.size() as u64,
            );
            let stored = Stored {
                id,
                property,
                blob: scaled.blob,
                added_ms: now.timestamp_millis(),
            };
            urls.put(id, &stored.blob);
            self.store(state, media, stored).await;
        }
        self.progress.try_set(None);
    }

    /// Stores one photo; on failure keeps it pending with the reason.
    async fn store(self, state: DocState, media: Media, stored: Stored) {
        match media_store::put(&stored).await {
            Ok(()) => {
                state.update_property(stored.property, |p| {
                    p.media.edit(|m| m.push(media));
                });
            }
            Err(error) => {
                let photo = Pending {
                    media,
                    stored,
                    error,
                };
                PENDING.with(|p| p.borrow_mut().push(photo));
                self.pending_changed.try_update(|n| *n += 1);
            }
        }
    }

    /// Tries again to store the photos of `property` that the device refused.
    pub async fn retry(self, state: DocState, property: Id) {
        let waiting = PENDING.with(|p| {
            let mut p = p.borrow_mut();
            let (mine, others): (Vec<_>, Vec<_>) =
                p.drain(..).partition(|p| p.stored.property == property);
            *p = others;
            mine
        });
        self.pending_changed.try_update(|n| *n += 1);
        for photo in waiting {
            self.store(state, photo.media, photo.stored).await;
        }
    }

    /// Downloads a photo the device refused, and lets it go from the tab.
    pub fn download(self, id: Id) {
        let photo = PENDING.with(|p| p.borrow().iter().find(|p| p.media.id == id).cloned());
        if let Some(photo) = photo {
            let name = format!(
                "showplan-photo-{}.jpg",
                crate::format::file_stamp(photo.media.added)
            );
            if crate::browser::download_blob(&name, &photo.stored.blob).is_ok() {
                PENDING.with(|p| p.borrow_mut().retain(|p| p.media.id != id));
                self.pending_changed.try_update(|n| *n += 1);
            }
        }
    }
}
