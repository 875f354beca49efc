//! The saved document as app state: one signal for the document, one
//! debounced persist effect, and the listener for saves made in other tabs.
//!
//! Cross-tab rule: when another tab saves, its document is merged into this
//! one record by record (the later edit wins, deletions are remembered; see
//! `domain::merge`). Neither tab's edits to different records are lost, and
//! nothing is written back unless the merge added something of this tab's.
//! A document that replaced everything (a backup restored, a fresh start)
//! has a newer generation: the other tabs take it whole and say so, and a
//! tab that has not seen it yet never writes over it.
//!
//! Writing (serialising, packing, the verified write) is in the shell, so a
//! save never waits on the network and the save on leaving the page is
//! synchronous. Merging another tab's save is a lazily loaded chunk, fetched
//! at the user's first touch or key press.
use crate::domain::codec::{self, DecodeError};
use crate::domain::merge::{incoming, merge, Incoming};
use crate::domain::model::Document;
use crate::storage::{self, Loaded, StorageError};
use chrono::Utc;
use leptos::prelude::*;
use std::time::Duration;

/// How long to wait after the last change before saving.
const SAVE_DELAY: Duration = Duration::from_millis(250);

/// Whether the last save reached storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Failed(StorageError),
}

/// A stored document that could not be read at start-up.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub error: DecodeError,
    /// Where its bytes were copied, or `None` when there was no room.
    pub backup_key: Option<String>,
}

/// The app-wide handle on the saved document. Cheap to copy.
#[derive(Clone, Copy)]
pub struct DocState {
    /// The document. Change it with `update`; the persist effect saves it.
    pub doc: RwSignal<Document>,
    pub save_state: RwSignal<SaveState>,
    pub unreadable: RwSignal<Option<Unreadable>>,
    /// Counts merges of other tabs' saves, for a short notice.
    pub merged_from_other_tab: RwSignal<u32>,
    /// Counts documents taken whole from another tab that replaced
    /// everything, for a notice.
    pub replaced_in_other_tab: RwSignal<u32>,
    /// When the user last downloaded a backup.
    pub last_backup: RwSignal<Option<chrono::DateTime<Utc>>>,
    /// The document JSON known to be in storage: saves that match it are
    /// skipped. `None` until the first save: what was loaded is not
    /// serialised again just to compare.
    stored_json: StoredValue<Option<String>>,
    /// Debounce generation: only the newest scheduled save runs.
    generation: StoredValue<u64>,
    /// A change not yet written: leaving the page writes it at once.
    unsaved: StoredValue<bool>,
}

impl DocState {
    /// Changes the document; it is saved shortly after.
    pub fn update(&self, f: impl FnOnce(&mut Document)) {
        self.doc.update(f);
    }

    /// Changes one property and marks it as updated now.
    pub fn update_property(
        &self,
        id: crate::domain::model::Id,
        f: impl FnOnce(&mut crate::domain::model::Property),
    ) {
        self.doc.update(|d| {
            if let Some(p) = d.properties.iter_mut().find(|p| p.id == id) {
                f(p);
                p.stamp.updated = Utc::now();
            }
        });
    }

    /// Something read from one property now, untracked (a form's first
    /// values); `None` when there is no such property.
    pub fn read_property<T>(
        &self,
        id: crate::domain::model::Id,
        f: impl FnOnce(&crate::domain::model::Property) -> T,
    ) -> Option<T> {
        self.doc
            .with_untracked(|d| d.properties.iter().find(|p| p.id == id).map(f))
    }

    /// Merges `incoming` into the document (newer record wins).
    pub fn merge_in(&self, incoming: &Document) {
        self.doc.update(|d| *d = merge(d, incoming));
    }

    /// Replaces the whole document, as a new generation: other tabs take it
    /// whole instead of merging their copies back in.
    pub fn replace(&self, incoming: Document) {
        let now = Utc::now().timestamp_millis();
        let next = self
            .doc
            .with_untracked(|current| incoming.replacing(current, now));
        self.doc.set(next);
    }

    /// Drops an unreadable stored document for an empty one. Its copy under
    /// the backup key stays.
    pub fn start_fresh(&self) {
        self.unreadable.set(None);
        self.replace(Document::default());
        self.stored_json.set_value(None);
        self.save_now();
    }

    /// Takes `document` (another tab's, of a newer generation) whole, as
    /// what storage holds, and says so.
    fn adopt(&self, document: Document) {
        self.stored_json
            .try_set_value(Some(codec::document_json(&document)));
        self.unsaved.try_set_value(false);
        self.doc.try_set(document);
        self.replaced_in_other_tab.try_update(|n| *n += 1);
    }

    /// The whole document as backup-file text.
    pub fn backup_text(&self) -> String {
        self.doc.with_untracked(|d| codec::encode(d, Utc::now()))
    }

    /// Downloads the whole document as a backup file and remembers when.
    pub fn download_backup(&self) -> Result<(), String> {
        let now = Utc::now();
        let name = format!("showplan-backup-{}.json", crate::format::file_stamp(now));
        crate::browser::download_text(&name, "application/json", &self.backup_text())?;
        // Not remembering the time only means an earlier reminder.
        let _ = storage::set_last_backup(now);
        self.last_backup.set(Some(now));
        Ok(())
    }

    /// While an unreadable document could not be copied aside, its slot is
    /// the only copy: saving is held until the user decides.
    fn held(&self) -> bool {
        self.unreadable
            .with_untracked(|u| u.as_ref().is_some_and(|u| u.backup_key.is_none()))
    }

    /// Saves at once, before returning, if the document differs from what
    /// is stored (a failed write is shown by the save-problem notice).
    pub fn save_now(&self) {
        if self.held() {
            return;
        }
        // Another tab replaced everything since this one last looked: its
        // document is taken, never written over.
        let own = self
            .doc
            .try_with_untracked(|d| d.generation)
            .unwrap_or_default();
        if storage::stored_generation() > own {
            if let Some(decoded) =
                storage::stored_document_text().and_then(|t| codec::decode(&t).ok())
            {
                if decoded.document.generation > own {
                    self.adopt(decoded.document);
                    return;
                }
            }
        }
        let outcome = persist(self.doc, self.stored_json);
        self.record(outcome);
    }

    fn record(&self, outcome: Option<Result<String, StorageError>>) {
        match outcome {
            None => {
                self.unsaved.try_set_value(false);
            }
            Some(Ok(json)) => {
                self.unsaved.try_set_value(false);
                self.stored_json.try_set_value(Some(json));
                self.save_state.try_set(SaveState::Saved);
            }
            // Still unsaved: leaving the page tries again.
            Some(Err(e)) => {
                self.save_state.try_set(SaveState::Failed(e));
            }
        }
    }

    fn schedule_save(&self) {
        let this = *self;
        self.unsaved.set_value(true);
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        set_timeout(
            move || {
                if this.generation.try_get_value() == Some(generation) {
                    this.save_now();
                }
            },
            SAVE_DELAY,
        );
    }

    /// Another tab saved `text`: merge it in without writing back an echo.
    fn receive_other_tab(&self, text: String) {
        let decoded = match codec::decode(&text) {
            Ok(decoded) => decoded,
            // Said at once, not at this tab's next save.
            Err(codec::DecodeError::NewerVersion { .. }) => {
                self.save_state
                    .try_set(SaveState::Failed(StorageError::NewerVersion));
                return;
            }
            Err(_) => return,
        };
        match self
            .doc
            .try_with_untracked(|d| incoming(d, &decoded.document))
        {
            Some(Incoming::Merge) => {
                let this = *self;
                leptos::task::spawn_local(merge_other_tab(
                    this.doc,
                    this.stored_json,
                    this.merged_from_other_tab,
                    decoded.document,
                ));
            }
            Some(Incoming::Adopt) => self.adopt(decoded.document),
            // A tab that had not seen this one's replace wrote over it:
            // write this one again (compared with storage, not the last save).
            Some(Incoming::Outdated) => {
                self.stored_json.try_set_value(None);
                self.save_now();
            }
            None => {}
        }
    }
}

/// Serialises, packs and writes the document, unless storage already holds
/// exactly this (`None`) or the app is gone. Returns the JSON written.
/// In the shell: saving never waits on the network.
fn persist(
    doc: RwSignal<Document>,
    stored_json: StoredValue<Option<String>>,
) -> Option<Result<String, StorageError>> {
    // `try_` so a timer that outlives the app (tests unmount it) does nothing.
    let (json, generation) = doc.try_with_untracked(|d| (codec::document_json(d), d.generation))?;
    let known = stored_json.try_with_value(|s| s.clone())?;
    let unchanged = match known {
        Some(stored) => stored == json,
        // The first save since opening: compare with what storage holds
        // (opening a page can touch the document without changing it).
        None => storage::holds_document_json(&json),
    };
    if unchanged {
        stored_json.try_set_value(Some(json));
        return None;
    }
    Some(storage::save_document(&codec::envelope(&json, Utc::now()), generation).map(|()| json))
}

/// Merges another tab's saved document into this one.
#[cfg_attr(feature = "split", leptos::lazy)]
async fn merge_other_tab(
    doc: RwSignal<Document>,
    stored_json: StoredValue<Option<String>>,
    merged_count: RwSignal<u32>,
    incoming: Document,
) {
    let Some(current) = doc.try_get_untracked() else {
        return;
    };
    let merged = merge(&current, &incoming);
    if merged == incoming {
        // Storage already holds exactly this: no write needed.
        stored_json.try_set_value(Some(codec::document_json(&incoming)));
    }
    if merged != current {
        doc.set(merged);
        merged_count.update(|n| *n += 1);
    }
}

/// Starts fetching the merging chunk at the user's first touch, key press or
/// focus on a field, so another tab's save is merged without a wait.
/// (Fetching it a second after start-up instead cost Lighthouse's simulated
/// phone about 300 ms of blocking time.)
fn fetch_merger_early() {
    #[cfg(feature = "split")]
    {
        let fetched = StoredValue::new(false);
        let start = move || {
            if fetched.try_get_value() == Some(false) {
                fetched.set_value(true);
                leptos::task::spawn_local(__preload_merge_other_tab());
            }
        };
        let listeners = ["pointerdown", "keydown", "focusin"]
            .map(|event| window_event_listener_untyped(event, move |_| start()));
        on_cleanup(move || listeners.into_iter().for_each(|l| l.remove()));
    }
}

/// Loads the document from storage, provides it as context, and sets up
/// saving and cross-tab sync. Call once, at the root.
pub fn provide_document() -> DocState {
    // Nothing is written until the document changes. A migrated document is
    // written back at once, in the current format.
    let (document, unreadable, save_state, migrated) = match storage::load_document() {
        Ok(Loaded::Ready { decoded }) => {
            let migrated = decoded.migrated_from.is_some();
            (decoded.document, None, SaveState::Saved, migrated)
        }
        Ok(Loaded::Empty) => (Document::default(), None, SaveState::Saved, false),
        Ok(Loaded::Unreadable { error, backup_key }) => (
            Document::default(),
            Some(Unreadable { error, backup_key }),
            SaveState::Saved,
            false,
        ),
        Err(e) => (Document::default(), None, SaveState::Failed(e), false),
    };
    let state = DocState {
        stored_json: StoredValue::new(None),
        doc: RwSignal::new(document),
        save_state: RwSignal::new(save_state),
        unreadable: RwSignal::new(unreadable),
        merged_from_other_tab: RwSignal::new(0),
        replaced_in_other_tab: RwSignal::new(0),
        last_backup: RwSignal::new(storage::last_backup()),
        generation: StoredValue::new(0),
        unsaved: StoredValue::new(false),
    };
    provide_context(state);

    // Every change after the first run (which is the loaded document) is saved.
    Effect::new(move |seen: Option<()>| {
        state.doc.track();
        if seen.is_some() {
            state.schedule_save();
        }
    });
    if migrated {
        state.schedule_save();
    }
    fetch_merger_early();
    let other_tabs = storage::on_other_tab_save(move |text| state.receive_other_tab(text));
    // Leaving the page (reload, close, switch app on a tablet) saves a
    // pending change at once. Nothing pending, nothing written: what storage
    // holds may be newer or unreadable, and is not this tab's to replace.
    let flush = window_event_listener(leptos::ev::pagehide, move |_| {
        if state.unsaved.get_value() {
            state.save_now();
        }
    });
    on_cleanup(move || {
        other_tabs.remove();
        flush.remove();
    });
    // Asking to keep storage can show a prompt: not for a buyer who only
    // opened a link (the buyer view asks when the itinerary is kept).
    let pathname = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    if !crate::paths::is_buyer_view(&pathname) {
        storage::request_persistence();
    }
    state
}

/// The document handle provided by [`provide_document`]. There is exactly
/// one: a second store would mean a second persist effect writing the same
/// keys, so a missing provider is a programming error, not a fallback.
pub fn use_document() -> DocState {
    expect_context::<DocState>()
}
