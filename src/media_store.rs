//! The one module that touches IndexedDB: the bytes of photos and voice
//! notes, one record per photo or recording (never in `localStorage`,
//! whose few megabytes are the document's).
//!
//! A record is `{ id, property, mime, blob, added, unreferenced_since? }`,
//! keyed by the media's id (the same id the document keeps). A browser that
//! refuses to store a `Blob` (some private modes) gets the bytes as an
//! `ArrayBuffer` under `bytes` instead.
//!
//! Records no home refers to are swept in two steps: first marked with the
//! time, then deleted once they have stayed unreferenced for
//! `domain::media::UNREFERENCED_GRACE_MS` (an undo, or another tab's save,
//! may still bring them back).
use crate::domain::media::{sweep, Sweep};
use crate::domain::model::Id;
use idb::{
    Database, DatabaseEvent, Factory, KeyPath, ObjectStore, ObjectStoreParams, TransactionMode,
};
use js_sys::{Object, Reflect};
use std::collections::HashSet;
use wasm_bindgen::{JsCast, JsValue};

const DATABASE: &str = "showplan-media";
const STORE: &str = "media";
const VERSION: u32 = 1;

/// Why the device did not keep or give back a photo or recording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MediaError {
    /// The device is out of room for this site.
    Quota,
    /// The browser keeps no IndexedDB here (some private modes, a policy).
    Unavailable,
    /// Anything else, with the browser's words.
    Other(String),
}

/// One stored photo or recording.
#[derive(Clone)]
pub struct Stored {
    pub id: Id,
    pub property: Id,
    pub blob: web_sys::Blob,
    pub added_ms: i64,
}

fn other(e: impl std::fmt::Display) -> MediaError {
    MediaError::Other(e.to_string())
}

/// The error a DOM exception stands for.
fn from_exception(e: &web_sys::DomException) -> MediaError {
    match e.name().as_str() {
        "QuotaExceededError" => MediaError::Quota,
        "InvalidStateError" | "SecurityError" | "NotAllowedError" => MediaError::Unavailable,
        _ => MediaError::Other(format!("{}: {}", e.name(), e.message())),
    }
}

fn from_idb(e: idb::Error) -> MediaError {
    match e {
        idb::Error::DomException(e) => from_exception(&e),
        idb::Error::IndexedDbNotFound(_) => MediaError::Unavailable,
        // A write refused at once (a full disk, a Blob this browser cannot keep).
        idb::Error::UpdateFailed(js) | idb::Error::AddFailed(js) => {
            match js.dyn_ref::<web_sys::DomException>() {
                Some(e) => from_exception(e),
                None => MediaError::Other(crate::browser::js_words(&js)),
            }
        }
        e => other(e),
    }
}

async fn open() -> Result<Database, MediaError> {
    let factory = Factory::new().map_err(|_| MediaError::Unavailable)?;
    let mut request = factory.open(DATABASE, Some(VERSION)).map_err(from_idb)?;
    request.on_upgrade_needed(|event| {
        if let Ok(database) = event.database() {
            if !database.store_names().iter().any(|s| s == STORE) {
                let mut params = ObjectStoreParams::new();
                params.key_path(Some(KeyPath::new_single("id")));
                // A failure here fails the open request, reported below.
                let _ = database.create_object_store(STORE, params);
            }
        }
    });
    request.await.map_err(from_idb)
}

fn set(target: &Object, key: &str, value: &JsValue) -> Result<(), MediaError> {
    Reflect::set(target, &key.into(), value)
        .map(|_| ())
        .map_err(|_| MediaError::Other(format!("cannot set {key}")))
}

fn record(stored: &Stored, bytes: Option<&js_sys::ArrayBuffer>) -> Result<Object, MediaError> {
    let object = Object::new();
    set(&object, "id", &stored.id.to_string().into())?;
    set(&object, "property", &stored.property.to_string().into())?;
    set(&object, "mime", &stored.blob.type_().into())?;
    set(&object, "added", &(stored.added_ms as f64).into())?;
    match bytes {
        Some(bytes) => set(&object, "bytes", bytes)?,
        None => set(&object, "blob", &stored.blob)?,
    }
    Ok(object)
}

/// Writes one record in its own transaction and waits until it is on disk.
async fn put_record(database: &Database, value: &JsValue) -> Result<(), MediaError> {
    let transaction = database
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(from_idb)?;
    let store = transaction.object_store(STORE).map_err(from_idb)?;
    let request = store.put(value, None).map_err(from_idb)?;
    let written = request.await.map_err(from_idb);
    let outcome = transaction.await.map_err(from_idb)?;
    written?;
    if outcome.is_aborted() {
        // The write was refused when committing: a full disk says so here.
        return Err(store
            .transaction()
            .error()
            .map_or(MediaError::Other("the write was aborted".into()), |e| {
                from_exception(&e)
            }));
    }
    Ok(())
}

/// Keeps a photo or recording on the device.
pub async fn put(stored: &Stored) -> Result<(), MediaError> {
    let database = open().await?;
    let result = match put_record(&database, &record(stored, None)?.into()).await {
        // Refused to keep a Blob (DataCloneError): keep the bytes.
        Err(MediaError::Other(why)) if why.starts_with("DataCloneError") => {
            let buffer = wasm_bindgen_futures::JsFuture::from(stored.blob.array_buffer())
                .await
                .map_err(|_| MediaError::Other(why.clone()))?;
            let bytes = buffer
                .dyn_into::<js_sys::ArrayBuffer>()
                .map_err(|_| MediaError::Other(why))?;
            put_record(&database, &record(stored, Some(&bytes))?.into()).await
        }
        other => other,
    };
    database.close();
    result
}

fn text(object: &JsValue, key: &str) -> Option<String> {
    Reflect::get(object, &key.into()).ok()?.as_string()
}

fn parse(value: &JsValue) -> Option<Stored> {
    let id = Id::parse_str(&text(value, "id")?).ok()?;
    let property = Id::parse_str(&text(value, "property")?).ok()?;
    let added_ms = Reflect::get(value, &"added".into()).ok()?.as_f64()? as i64;
    let blob = match Reflect::get(value, &"blob".into())
        .ok()?
        .dyn_into::<web_sys::Blob>()
    {
        Ok(blob) => blob,
        Err(_) => {
            let bytes = Reflect::get(value, &"bytes".into()).ok()?;
            let parts = js_sys::Array::of1(&bytes);
            let options = web_sys::BlobPropertyBag::new();
            options.set_type(&text(value, "mime").unwrap_or_default());
            web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options).ok()?
        }
    };
    Some(Stored {
        id,
        property,
        blob,
        added_ms,
    })
}

/// Runs `work` on the media store in one transaction of `mode`, waits
/// until the transaction is done, and closes the database.
async fn in_store<T, Fut>(
    mode: TransactionMode,
    work: impl FnOnce(ObjectStore) -> Fut,
) -> Result<T, MediaError>
where
    Fut: std::future::Future<Output = Result<T, MediaError>>,
{
    let database = open().await?;
    let result = async {
        let transaction = database.transaction(&[STORE], mode).map_err(from_idb)?;
        let store = transaction.object_store(STORE).map_err(from_idb)?;
        let value = work(store).await?;
        transaction.await.map_err(from_idb)?;
        Ok(value)
    }
    .await;
    database.close();
    result
}

/// The stored photo or recording with this id, `None` when the device has
/// none (a backup restored without its media, another device's id).
pub async fn get(id: Id) -> Result<Option<Stored>, MediaError> {
    in_store(TransactionMode::ReadOnly, |store| async move {
        let value = store
            .get(JsValue::from(id.to_string()))
            .map_err(from_idb)?
            .await
            .map_err(from_idb)?;
        Ok(value.as_ref().and_then(parse))
    })
    .await
}

/// Deletes the record with this id (nothing when there is none).
pub async fn delete(id: Id) -> Result<(), MediaError> {
    in_store(TransactionMode::ReadWrite, |store| async move {
        store
            .delete(JsValue::from(id.to_string()))
            .map_err(from_idb)?
            .await
            .map_err(from_idb)
    })
    .await
}

/// The ids of every stored record.
pub async fn ids() -> Result<Vec<Id>, MediaError> {
    in_store(TransactionMode::ReadOnly, |store| async move {
        // The records themselves (their bytes are not read): `getAll`
        // serves the sweep too, where `getAllKeys` would be one more
        // browser function for the first load to carry.
        let all = store
            .get_all(None, None)
            .map_err(from_idb)?
            .await
            .map_err(from_idb)?;
        Ok(all
            .iter()
            .filter_map(|r| text(r, "id").and_then(|s| Id::parse_str(&s).ok()))
            .collect())
    })
    .await
}

/// Marks records no home refers to, and deletes those that have stayed
/// unreferenced past the grace period. Returns how many were deleted.
pub async fn sweep_unreferenced(
    referenced: &HashSet<Id>,
    now_ms: i64,
) -> Result<usize, MediaError> {
    in_store(TransactionMode::ReadWrite, |store| async move {
        let all = store
            .get_all(None, None)
            .map_err(from_idb)?
            .await
            .map_err(from_idb)?;
        let mut deleted = 0;
        for value in all {
            let Some(id) = text(&value, "id").and_then(|s| Id::parse_str(&s).ok()) else {
                continue;
            };
            let since = Reflect::get(&value, &"unreferenced_since".into())
                .ok()
                .and_then(|v| v.as_f64())
                .map(|ms| ms as i64);
            match sweep(referenced.contains(&id), since, now_ms) {
                Sweep::Keep if since.is_some() => {
                    let _ = Reflect::delete_property(
                        value.unchecked_ref::<Object>(),
                        &"unreferenced_since".into(),
                    );
                    store.put(&value, None).map_err(from_idb)?;
                }
                Sweep::Mark => {
                    let _ = Reflect::set(
                        &value,
                        &"unreferenced_since".into(),
                        &(now_ms as f64).into(),
                    );
                    store.put(&value, None).map_err(from_idb)?;
                }
                Sweep::Delete => {
                    store
                        .delete(JsValue::from(id.to_string()))
                        .map_err(from_idb)?;
                    deleted += 1;
                }
                Sweep::Keep | Sweep::Wait => {}
            }
        }
        Ok(deleted)
    })
    .await
}

/// How much this site stores and may store, in bytes, when the browser says.
pub async fn estimate() -> Option<(u64, u64)> {
    let storage = web_sys::window()?.navigator().storage();
    let estimate = wasm_bindgen_futures::JsFuture::from(storage.estimate().ok()?)
        .await
        .ok()?;
    let number = |key: &str| Reflect::get(&estimate, &key.into()).ok()?.as_f64();
    Some((number("usage")? as u64, number("quota")? as u64))
}
