//! Adding photos to a home: each picture made smaller, stored on the
//! device, then named in the document. A photo the device refused stays in
//! this tab (`PENDING`) until it is stored or downloaded: never lost.
use crate::components::photo_urls::PhotoUrls;
use crate::domain::media::{Media, PHOTO_MAX_SIDE, PHOTO_QUALITY};
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

/// Ids of every photo waiting in this tab (not to be swept).
pub fn pending_ids() -> Vec<Id> {
    PENDING.with(|p| p.borrow().iter().map(|p| p.media.id).collect())
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
            self.store(
                state,
                Pending {
                    media,
                    stored,
                    error: MediaError::Other(String::new()),
                },
            )
            .await;
        }
        self.progress.try_set(None);
    }

    /// Stores one photo; on failure keeps it pending with the reason.
    async fn store(self, state: DocState, mut photo: Pending) {
        match media_store::put(&photo.stored).await {
            Ok(()) => {
                let media = photo.media;
                state.update_property(photo.stored.property, |p| p.media.push(media));
            }
            Err(error) => {
                photo.error = error;
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
            self.store(state, photo).await;
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
