//! Photos and voice notes through sync (the rule: `domain::sync_media`):
//! each one's bytes, framed with their media type and sealed on the device,
//! are the one attachment of its own CouchDB document, sent as raw bytes
//! (`PUT …/media-<id>/sealed`), brought down the same way, and kept in
//! IndexedDB (`media_store`) as if taken here. A page showing a home's
//! photos is told when some arrive (the window event [`ARRIVED`]).
use crate::domain::model::Document;
use crate::domain::sync::{Body, State};
use crate::domain::sync_media::{doc_id, frame, named, plan, unframe, Named, ATTACHMENT};
use crate::media_store::{self, MediaError, Stored};
use crate::sync::{base, field, no_crypto, read, respond, send, server, with_auth};
use crate::sync::{Settings, SyncError};
use crate::sync_crypto::Key;
use gloo_net::http::Request;
use std::collections::HashSet;
use wasm_bindgen::JsCast;

/// The window event sent when photos or voice notes came down.
pub const ARRIVED: &str = "showplan-media-arrived";

/// What one sync moved, and what stopped it, if anything (the records'
/// sync stands either way).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Moved {
    pub up: usize,
    pub down: usize,
    pub problem: Option<SyncError>,
}

fn address(settings: &Settings, doc: &str) -> String {
    format!("{}/{doc}/{ATTACHMENT}", base(settings))
}

async fn bytes_of(blob: &web_sys::Blob) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A response's body as bytes, through `Response.arrayBuffer` called by
/// name: gloo-net's `binary()` would add a browser function to the shell's
/// imports (every import is in the first load, whichever chunk uses it).
async fn body_bytes(response: &web_sys::Response) -> Option<Vec<u8>> {
    let read = js_sys::Reflect::get(response, &"arrayBuffer".into()).ok()?;
    let promise = read
        .dyn_ref::<js_sys::Function>()?
        .call0(response)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Sends one up; `false` when there was nothing to send (swept meanwhile,
/// or the server had it already).
async fn up(
    settings: &Settings,
    key: &Key,
    n: Named,
    state: &mut State,
) -> Result<bool, SyncError> {
    let Ok(Some(stored)) = media_store::get(n.media).await else {
        return Ok(false);
    };
    let Some(bytes) = bytes_of(&stored.blob).await else {
        return Ok(false);
    };
    // A blob kept without a type (a browser that kept only the bytes) goes
    // as plain bytes: the other side still takes it.
    let mime = Some(stored.blob.type_()).filter(|t| t.contains('/'));
    let sealed = key
        .seal_bytes(&frame(
            mime.as_deref().unwrap_or("application/octet-stream"),
            &bytes,
        ))
        .await
        .map_err(no_crypto)?;
    let doc = doc_id(n.media);
    let request = with_auth(Request::put(&address(settings, &doc)), settings)
        .header("Content-Type", "application/octet-stream")
        .body(js_sys::Uint8Array::from(&sealed[..]));
    match send(request).await? {
        (201 | 202, text) => {
            state
                .revs
                .insert(doc.clone(), field(&text, "rev").unwrap_or_default());
            if !state.uploaded.contains(&doc) {
                state.uploaded.push(doc);
            }
            Ok(true)
        }
        // Already there (sent before this device kept its checkpoint).
        (409, _) => {
            let url = format!("{}/{doc}", base(settings));
            if let (200, text) = send(with_auth(Request::get(&url), settings).build()).await? {
                state
                    .revs
                    .insert(doc, field(&text, "_rev").unwrap_or_default());
            }
            Ok(false)
        }
        (status, text) => Err(server(status, &text)),
    }
}

/// Brings one down and keeps it; `false` when the server no longer has it
/// or it does not open with this key (another passphrase's).
async fn down(settings: &Settings, key: &Key, n: Named) -> Result<bool, SyncError> {
    let request = with_auth(Request::get(&address(settings, &doc_id(n.media))), settings)
        .header("Accept", "application/octet-stream")
        .build();
    let response = respond(request).await?;
    if response.status() != 200 {
        return match read(response).await? {
            (404, _) => Ok(false),
            (status, text) => Err(server(status, &text)),
        };
    }
    let sealed = body_bytes(&response.into())
        .await
        .ok_or(SyncError::Unreachable)?;
    let Ok(opened) = key.open_bytes(&sealed).await else {
        return Ok(false);
    };
    let Some((mime, bytes)) = unframe(&opened) else {
        return Ok(false);
    };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options)
        .map_err(|_| SyncError::Server("this browser could not make the file".into()))?;
    let stored = Stored {
        id: n.media,
        property: n.property,
        blob,
        added_ms: chrono::Utc::now().timestamp_millis(),
    };
    match media_store::put(&stored).await {
        Ok(()) => Ok(true),
        Err(MediaError::Quota) => Err(SyncError::DeviceFull),
        // A browser that keeps no media here: nothing to bring down to.
        Err(_) => Ok(false),
    }
}

/// Removes one this device sent up, which no home names any more.
async fn gone(settings: &Settings, doc: &str, rev: &str) -> Result<(), SyncError> {
    let url = format!("{}/{doc}", base(settings));
    let request = with_auth(Request::delete(&url), settings)
        .query([("rev", rev)])
        .build();
    match send(request).await? {
        // Gone already, or changed since: either way not this device's to
        // remove any more.
        (200 | 202 | 404 | 409, _) => Ok(()),
        (status, text) => Err(server(status, &text)),
    }
}

fn tell_arrived() {
    if let Some(window) = web_sys::window() {
        if let Ok(event) = web_sys::Event::new(ARRIVED) {
            let _ = window.dispatch_event(&event);
        }
    }
}

/// Moves what `domain::sync_media::plan` says, one at a time, stopping at
/// the first problem (tried again at the next sync).
pub async fn sync_media(
    settings: &Settings,
    key: &Key,
    document: &Document,
    kept: &[Body],
    state: &mut State,
) -> Moved {
    let mut moved = Moved::default();
    let named = named(document, kept);
    // No photo named and none sent up: nothing to read on the device
    // (this runs on every sync, after every edit).
    if named.is_empty() && state.uploaded.is_empty() {
        return moved;
    }
    let local: HashSet<_> = match media_store::ids().await {
        Ok(ids) => ids.into_iter().collect(),
        // No IndexedDB here: nothing held to send, nowhere to keep.
        Err(_) => return moved,
    };
    let todo = plan(&named, &local, state);
    let result = async {
        for n in todo.up {
            moved.up += usize::from(up(settings, key, n, state).await?);
        }
        for (doc, rev) in todo.gone {
            gone(settings, &doc, &rev).await?;
            state.revs.remove(&doc);
            state.uploaded.retain(|d| *d != doc);
        }
        for n in todo.down {
            moved.down += usize::from(down(settings, key, n).await?);
        }
        Ok::<(), SyncError>(())
    }
    .await;
    // Once, not per photo: an open gallery reads again every photo it
    // lacks on each telling.
    if moved.down > 0 {
        tell_arrived();
    }
    moved.problem = result.err();
    moved
}
