//! Addresses the page can show stored photos at (object URLs of the bytes
//! in IndexedDB), one per photo, made when first asked for and revoked when
//! the gallery that made them goes.
use crate::domain::model::Id;
use crate::media_store;
use leptos::prelude::*;
use std::collections::HashMap;

/// Where a photo's picture stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoUrl {
    Loading,
    Ready(String),
    /// Not on this device (a backup restored without its photos), or
    /// unreadable.
    Missing,
}

/// The gallery's photo addresses. Cheap to copy.
///
/// Each address is a signal owned by the gallery, not by the card that
/// first asked for it: a card deleted and brought back with Undo finds
/// its address still alive.
#[derive(Clone, Copy)]
pub struct PhotoUrls {
    urls: StoredValue<HashMap<Id, RwSignal<PhotoUrl>>>,
    owner: StoredValue<Owner>,
}

impl PhotoUrls {
    /// A cache whose addresses are revoked when the calling owner is.
    pub fn new() -> PhotoUrls {
        let urls = PhotoUrls {
            urls: StoredValue::new(HashMap::new()),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
        };
        // Photos another device took, brought down by sync meanwhile.
        let arrived =
            window_event_listener_untyped(crate::sync_media::ARRIVED, move |_| urls.load_missing());
        on_cleanup(move || {
            arrived.remove();
            urls.revoke_all();
        });
        urls
    }

    /// Reads again, from the device, every photo that was not on it.
    fn load_missing(&self) {
        let missing: Vec<(Id, RwSignal<PhotoUrl>)> = self
            .urls
            .try_with_value(|m| {
                m.iter()
                    .filter(|(_, url)| url.try_get_untracked() == Some(PhotoUrl::Missing))
                    .map(|(id, url)| (*id, *url))
                    .collect()
            })
            .unwrap_or_default();
        for (id, url) in missing {
            load(id, url);
        }
    }

    /// A new address signal, owned by the gallery.
    fn new_url(&self) -> RwSignal<PhotoUrl> {
        let owner = self.owner.get_value();
        owner.with(|| RwSignal::new(PhotoUrl::Loading))
    }

    /// The photo's address, read from the device the first time.
    pub fn get(&self, id: Id) -> RwSignal<PhotoUrl> {
        if let Some(known) = self.urls.with_value(|m| m.get(&id).copied()) {
            return known;
        }
        let url = self.new_url();
        self.urls.update_value(|m| {
            m.insert(id, url);
        });
        load(id, url);
        url
    }

    /// Shows `blob` for `id` at once (a photo just stored).
    pub fn put(&self, id: Id, blob: &web_sys::Blob) {
        if let Ok(address) = web_sys::Url::create_object_url_with_blob(blob) {
            let url = match self.urls.with_value(|m| m.get(&id).copied()) {
                Some(url) => url,
                None => {
                    let url = self.new_url();
                    self.urls.update_value(|m| {
                        m.insert(id, url);
                    });
                    url
                }
            };
            if let PhotoUrl::Ready(old) = url.get_untracked() {
                let _ = web_sys::Url::revoke_object_url(&old);
            }
            url.set(PhotoUrl::Ready(address));
        }
    }

    fn revoke_all(&self) {
        self.urls.try_with_value(|m| {
            for url in m.values() {
                if let Some(PhotoUrl::Ready(address)) = url.try_get_untracked() {
                    let _ = web_sys::Url::revoke_object_url(&address);
                }
            }
        });
    }
}

/// Reads the photo's bytes from the device into `url`.
fn load(id: Id, url: RwSignal<PhotoUrl>) {
    leptos::task::spawn_local(async move {
        let found = match media_store::get(id).await {
            Ok(Some(stored)) => web_sys::Url::create_object_url_with_blob(&stored.blob)
                .map(PhotoUrl::Ready)
                .unwrap_or(PhotoUrl::Missing),
            _ => PhotoUrl::Missing,
        };
        url.try_set(found);
    });
}
