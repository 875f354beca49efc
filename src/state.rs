//! The saved document as app state: one signal for the document, one
//! debounced persist effect, and the listener for saves made in other tabs.
//!
//! Cross-tab rule: when another tab saves, its document is merged into this
//! one record by record (the later edit wins, deletions are remembered; see
//! `domain::merge`). Neither tab's edits to different records are lost, and
//! nothing is written back unless the merge added something of this tab's.
use crate::domain::codec::{self, DecodeError};
use crate::domain::merge::merge;
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
    /// When the user last downloaded a backup.
    pub last_backup: RwSignal<Option<chrono::DateTime<Utc>>>,
    /// The document JSON known to be in storage: saves that match it are skipped.
    stored_json: StoredValue<String>,
    /// Debounce generation: only the newest scheduled save runs.
    generation: StoredValue<u64>,
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

    /// Merges `incoming` into the document (newer record wins).
    pub fn merge_in(&self, incoming: &Document) {
        self.doc.update(|d| *d = merge(d, incoming));
    }

    /// Replaces the whole document.
    pub fn replace(&self, incoming: Document) {
        self.doc.set(incoming);
    }

    /// Drops an unreadable stored document for an empty one. Its copy under
    /// the backup key stays.
    pub fn start_fresh(&self) {
        self.unreadable.set(None);
        self.doc.set(Document::default());
        self.stored_json.set_value(String::new());
        self.save_now();
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

    /// Saves at once if the document differs from what is stored.
    pub fn save_now(&self) {
        if self.held() {
            return;
        }
        // `try_` so a timer that outlives the app (tests unmount it) does nothing.
        let Some(json) = self.doc.try_with_untracked(codec::document_json) else {
            return;
        };
        if self.stored_json.try_with_value(|s| *s == json) != Some(false) {
            return;
        }
        match storage::save_document(&codec::envelope(&json, Utc::now())) {
            Ok(()) => {
                self.stored_json.set_value(json);
                self.save_state.set(SaveState::Saved);
            }
            Err(e) => self.save_state.set(SaveState::Failed(e)),
        }
    }

    fn schedule_save(&self) {
        let this = *self;
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
        let Ok(decoded) = codec::decode(&text) else {
            return;
        };
        let incoming = decoded.document;
        let current = self.doc.get_untracked();
        let merged = merge(&current, &incoming);
        if merged == incoming {
            // Storage already holds exactly this: no write needed.
            self.stored_json.set_value(codec::document_json(&incoming));
        }
        if merged != current {
            self.doc.set(merged);
            self.merged_from_other_tab.update(|n| *n += 1);
        }
    }
}

/// Loads the document from storage, provides it as context, and sets up
/// saving and cross-tab sync. Call once, at the root.
pub fn provide_document() -> DocState {
    // `stored_json` is what storage already holds, as far as saving cares:
    // nothing is written until the document differs from it. A migrated
    // document starts "unsaved", so it is written back in the current format.
    let empty = Document::default();
    let nothing_to_write = codec::document_json(&empty);
    let (document, stored_json, unreadable, save_state) = match storage::load_document() {
        Ok(Loaded::Ready { decoded }) => {
            let stored = match decoded.migrated_from {
                None => codec::document_json(&decoded.document),
                Some(_) => String::new(),
            };
            (decoded.document, stored, None, SaveState::Saved)
        }
        Ok(Loaded::Empty) => (empty, nothing_to_write, None, SaveState::Saved),
        Ok(Loaded::Unreadable { error, backup_key }) => (
            empty,
            nothing_to_write,
            Some(Unreadable { error, backup_key }),
            SaveState::Saved,
        ),
        Err(e) => (empty, nothing_to_write, None, SaveState::Failed(e)),
    };
    let state = DocState {
        stored_json: StoredValue::new(stored_json),
        doc: RwSignal::new(document),
        save_state: RwSignal::new(save_state),
        unreadable: RwSignal::new(unreadable),
        merged_from_other_tab: RwSignal::new(0),
        last_backup: RwSignal::new(storage::last_backup()),
        generation: StoredValue::new(0),
    };
    provide_context(state);

    Effect::new(move |_| {
        state.doc.track();
        state.schedule_save();
    });
    let other_tabs = storage::on_other_tab_save(move |text| state.receive_other_tab(text));
    // Leaving the page (reload, close, switch app on a tablet) saves at once.
    let flush = window_event_listener(leptos::ev::pagehide, move |_| state.save_now());
    on_cleanup(move || {
        other_tabs.remove();
        flush.remove();
    });
    storage::request_persistence();
    state
}

/// The document handle provided by [`provide_document`]. There is exactly
/// one: a second store would mean a second persist effect writing the same
/// keys, so a missing provider is a programming error, not a fallback.
pub fn use_document() -> DocState {
    expect_context::<DocState>()
}
