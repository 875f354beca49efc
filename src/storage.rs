//! The one module that touches `localStorage`. Keys live here and nowhere else.
//!
//! The document is kept in one of two slots. A save writes the slot that is
//! not in use, reads it back, checks it, and only then points
//! `showplan.doc.active` at it and removes the old slot. A failed or partial
//! save therefore never touches the last good copy. A stored document that
//! cannot be read is copied aside under its own `showplan.unreadable.*` key,
//! which no save ever writes.
//!
//! Document text is packed (DEFLATE + base64url, see `domain::packing`)
//! at rest; backups and everything above this module see plain JSON.
use crate::domain::codec::{self, DecodeError, Decoded};
use crate::domain::packing::{pack, unpack_with, UnpackError};
use wasm_bindgen::JsCast;

/// Every key Showplan writes, so nothing else invents one.
pub mod keys {
    /// The language the user picked (a locale code such as `"es"`).
    pub const LOCALE: &str = "showplan.locale";
    /// Which slot holds the current document: `"a"` or `"b"`.
    pub const ACTIVE: &str = "showplan.doc.active";
    /// The two document slots.
    pub const SLOT_A: &str = "showplan.doc.a";
    pub const SLOT_B: &str = "showplan.doc.b";
    /// Prefix of copies of unreadable documents (never overwritten).
    pub const UNREADABLE_PREFIX: &str = "showplan.unreadable.";
    /// When the user last downloaded a backup (RFC 3339).
    pub const LAST_BACKUP: &str = "showplan.last-backup";
    /// When the backup reminder was last put off with "Later" (RFC 3339).
    pub const BACKUP_LATER: &str = "showplan.backup-later";
    /// The agent's name and contact for share links (two lines).
    pub const AGENT: &str = "showplan.agent";
    /// Itineraries a buyer kept on this device: share fragments, one per line.
    pub const KEPT: &str = "showplan.kept";
    /// The currency prices are in (ISO 4217), as the agent chose it.
    pub const CURRENCY: &str = "showplan.currency";
    /// Days a "still on the market?" check stays good (1-60; 2 unless set).
    pub const MARKET_DAYS: &str = "showplan.market-days";
    /// Set once the agent dismissed the note on photographing with the
    /// seller's consent.
    pub const PHOTO_CONSENT_READ: &str = "showplan.photo-consent-read";
    /// The routing engine's base address (an OSRM server); none unless set.
    pub const ROUTING_ENGINE: &str = "showplan.routing-engine";
    /// The street map's archive (a `.pmtiles` address); none: the plain map.
    pub const MAP_FILE: &str = "showplan.map-file";
    /// The geocoder address search asks ("" or absent: the public one).
    pub const GEOCODER: &str = "showplan.geocoder";
    /// Sync's settings: the database, user, password and passphrase.
    pub const SYNC: &str = "showplan.sync";
    /// Where this device is with the sync database (`domain::sync::State`).
    pub const SYNC_STATE: &str = "showplan.sync.state";
    /// Versions that lost to a later edit on another device (sync), kept
    /// until the agent takes one or keeps the other.
    pub const SYNC_LOSERS: &str = "showplan.sync.losers";
    /// Where this device is with the team's shared database.
    pub const SYNC_TEAM_STATE: &str = "showplan.sync.team.state";
    /// When this device last finished a sync (ms since 1970), for the top
    /// bar's "last synced" before the runner's chunk has loaded.
    pub const SYNC_AT: &str = "showplan.sync.at";
    /// Prefix of a buyer's ratings not yet sent, per shared tour id.
    pub const REPLY_DRAFT_PREFIX: &str = "showplan.reply-draft.";
    /// The stored document's generation (`Document::generation`), beside
    /// it so a save can check it without reading the document.
    pub const GENERATION: &str = "showplan.generation";
    /// The format version (`codec::CURRENT_VERSION`) of the Showplan that
    /// saved the document, beside it: an older tab still open after a
    /// deploy reads it before writing, and never writes over a newer one.
    pub const FORMAT: &str = "showplan.format";
}

/// Why a storage call failed, in terms the UI can explain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser does not let this page use `localStorage` (some private modes).
    Unavailable,
    /// The browser's storage for this site is full.
    Full,
    /// The write went through but reading it back gave something else.
    VerifyFailed,
    /// Any other refusal, with the browser's words.
    WriteFailed(String),
    /// A newer Showplan (another tab, after a deploy) saved the document in
    /// a format this one does not know: this tab must not write over it.
    NewerVersion,
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageError::Unavailable)
}

fn classify(err: wasm_bindgen::JsValue) -> StorageError {
    match err.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 => StorageError::Full,
        Some(e) => StorageError::WriteFailed(format!("{}: {}", e.name(), e.message())),
        None => StorageError::WriteFailed(format!("{err:?}")),
    }
}

/// Reads a raw value; `None` when absent or when storage is unavailable.
fn read(key: &str) -> Option<String> {
    local_storage().ok()?.get_item(key).ok().flatten()
}

fn write(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?.set_item(key, value).map_err(classify)
}

fn remove(key: &str) {
    if let Ok(storage) = local_storage() {
        // Removing what is not there, or from blocked storage, changes nothing.
        let _ = storage.remove_item(key);
    }
}

/// Whether this page may use `localStorage` at all.
pub fn available() -> bool {
    local_storage().is_ok()
}

/// The language the user chose last time, if any.
pub fn load_locale() -> Option<String> {
    read(keys::LOCALE)
}

/// Remembers the language the user chose.
pub fn save_locale(code: &str) -> Result<(), StorageError> {
    write(keys::LOCALE, code)
}

/// The currency the agent chose, if any (only a known code is returned).
pub fn load_currency() -> Option<String> {
    read(keys::CURRENCY).filter(|c| crate::domain::currency::is_known(c))
}

/// Remembers the currency the agent chose.
pub fn save_currency(code: &str) -> Result<(), StorageError> {
    write(keys::CURRENCY, code)
}

/// The longest a market check may be kept, in days.
pub const MAX_MARKET_DAYS: u32 = 60;

/// Days a "still on the market?" check stays good, as the agent set it.
pub fn market_days() -> u32 {
    read(keys::MARKET_DAYS)
        .and_then(|t| t.trim().parse().ok())
        .filter(|d| (1..=MAX_MARKET_DAYS).contains(d))
        .unwrap_or(crate::domain::tour_day::market::CHECK_DAYS)
}

/// Remembers how many days a market check stays good.
pub fn save_market_days(days: u32) -> Result<(), StorageError> {
    write(keys::MARKET_DAYS, &days.to_string())
}

/// The routing engine's base address, when one is set.
pub fn routing_engine() -> Option<String> {
    read(keys::ROUTING_ENGINE).filter(|t| !t.trim().is_empty())
}

/// Remembers the routing engine's base address (empty: none, estimates only).
pub fn save_routing_engine(base: &str) -> Result<(), StorageError> {
    write(keys::ROUTING_ENGINE, base)
}

/// The street map's archive address, when one is set.
pub fn map_file() -> Option<String> {
    read(keys::MAP_FILE).filter(|t| !t.trim().is_empty())
}

/// Remembers the street map's archive address (empty: the plain map).
pub fn save_map_file(url: &str) -> Result<(), StorageError> {
    write(keys::MAP_FILE, url)
}

/// The geocoder address search asks: the one set, else the public one.
pub fn geocoder() -> String {
    read(keys::GEOCODER)
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| crate::domain::geocode::PUBLIC_GEOCODER.to_string())
}

/// Remembers the geocoder's address (empty: the public one).
pub fn save_geocoder(base: &str) -> Result<(), StorageError> {
    write(keys::GEOCODER, base)
}

/// Whether sync is set on this device (without reading its settings).
pub fn sync_is_set() -> bool {
    read(keys::SYNC).is_some()
}

/// Sync's settings, when set.
pub fn sync_settings() -> Option<crate::sync::Settings> {
    use crate::domain::json::{parse, Fields};
    let text = read(keys::SYNC)?;
    let tape = parse(&text).ok()?;
    let f = Fields::of(tape.root()).ok()?;
    let settings = crate::sync::Settings {
        database: f.or_default("database").ok()?,
        user: f.or_default("user").ok()?,
        password: f.or_default("password").ok()?,
        passphrase: f.or_default("passphrase").ok()?,
        team_database: f.or_default("team_database").ok()?,
        team_passphrase: f.or_default("team_passphrase").ok()?,
    };
    (!settings.database.is_empty()).then_some(settings)
}

/// Remembers sync's settings (`None`: sync off, and where it was forgotten).
pub fn save_sync_settings(settings: Option<&crate::sync::Settings>) -> Result<(), StorageError> {
    match settings {
        None => {
            remove(keys::SYNC);
            remove(keys::SYNC_STATE);
            remove(keys::SYNC_TEAM_STATE);
            remove(keys::SYNC_AT);
            Ok(())
        }
        Some(s) => {
            // Another database: where this device was in the old one means
            // nothing there.
            let old = sync_settings();
            if old.as_ref().is_none_or(|old| old.database != s.database) {
                remove(keys::SYNC_STATE);
                remove(keys::SYNC_AT);
            }
            if old.is_none_or(|old| old.team_database != s.team_database) {
                remove(keys::SYNC_TEAM_STATE);
            }
            write(
                keys::SYNC,
                &crate::domain::json::Out::new()
                    .put("database", &s.database)
                    .put("user", &s.user)
                    .put("password", &s.password)
                    .put("passphrase", &s.passphrase)
                    .put("team_database", &s.team_database)
                    .put("team_passphrase", &s.team_passphrase)
                    .done(),
            )
        }
    }
}

/// When this device last finished a sync.
pub fn synced_at() -> Option<chrono::DateTime<chrono::Utc>> {
    read(keys::SYNC_AT)
        .and_then(|t| t.parse::<i64>().ok())
        .and_then(chrono::DateTime::from_timestamp_millis)
}

/// Remembers when this device last finished a sync.
pub fn save_synced_at(at: chrono::DateTime<chrono::Utc>) -> Result<(), StorageError> {
    write(keys::SYNC_AT, &at.timestamp_millis().to_string())
}

/// The versions kept from conflicts (see `keys::SYNC_LOSERS`).
pub fn sync_losers() -> Vec<crate::domain::sync::Body> {
    let Some(text) = read(keys::SYNC_LOSERS) else {
        return Vec::new();
    };
    let Ok(tape) = crate::domain::json::parse(&text) else {
        return Vec::new();
    };
    let Ok(items) = tape.root().items() else {
        return Vec::new();
    };
    items
        .filter_map(|i| i.text().ok())
        .filter_map(|t| crate::domain::sync::Body::from_text(&t))
        .collect()
}

/// Keeps the versions kept from conflicts.
pub fn save_sync_losers(losers: &[crate::domain::sync::Body]) -> Result<(), StorageError> {
    let texts: Vec<String> = losers.iter().map(|b| b.to_text()).collect();
    write(keys::SYNC_LOSERS, &crate::domain::json::to_text(&texts))
}

fn state_key(scope: crate::sync::Scope) -> &'static str {
    match scope {
        crate::sync::Scope::Own => keys::SYNC_STATE,
        crate::sync::Scope::Team => keys::SYNC_TEAM_STATE,
    }
}

/// Where this device is with a sync database.
pub fn sync_state(scope: crate::sync::Scope) -> crate::domain::sync::State {
    read(state_key(scope))
        .map(|t| crate::domain::sync::State::from_text(&t))
        .unwrap_or_default()
}

/// Keeps where this device is with a sync database.
pub fn save_sync_state(
    scope: crate::sync::Scope,
    state: &crate::domain::sync::State,
) -> Result<(), StorageError> {
    write(state_key(scope), &state.to_text())
}

/// The agent's name and contact, as last typed in a share panel.
pub fn load_agent() -> (String, String) {
    let text = read(keys::AGENT).unwrap_or_default();
    let mut lines = text.lines();
    let name = lines.next().unwrap_or_default().to_string();
    (name, lines.next().unwrap_or_default().to_string())
}

/// Remembers the agent's name and contact (each kept to one line).
pub fn save_agent(name: &str, contact: &str) -> Result<(), StorageError> {
    let line = |s: &str| s.replace(['\n', '\r'], " ");
    write(keys::AGENT, &format!("{}\n{}", line(name), line(contact)))
}

/// Share fragments of the itineraries kept on this device, newest first.
pub fn kept_itineraries() -> Vec<String> {
    read(keys::KEPT)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Keeps an itinerary's fragment on this device (once; newest first, at
/// most 20). A newer link to the same tour (new times on the tour day)
/// takes the place of the one kept before.
pub fn keep_itinerary(fragment: &str) -> Result<(), StorageError> {
    use crate::domain::share::decode_itinerary;
    let tour = decode_itinerary(fragment).ok().map(|it| it.tour);
    let mut kept = kept_itineraries();
    kept.retain(|k| {
        k != fragment && (tour.is_none() || decode_itinerary(k).ok().map(|it| it.tour) != tour)
    });
    kept.insert(0, fragment.to_string());
    kept.truncate(20);
    write(keys::KEPT, &kept.join("\n"))
}

/// A buyer's ratings for the shared tour `tour`, not yet sent.
pub fn load_reply_draft(tour: &str) -> Option<String> {
    read(&format!("{}{tour}", keys::REPLY_DRAFT_PREFIX))
}

/// Keeps a buyer's ratings for the shared tour `tour` until they are sent.
pub fn save_reply_draft(tour: &str, text: &str) -> Result<(), StorageError> {
    write(&format!("{}{tour}", keys::REPLY_DRAFT_PREFIX), text)
}

type Moment = chrono::DateTime<chrono::Utc>;

/// A moment kept under `key` (RFC 3339), if one is there and reads.
fn read_moment(key: &str) -> Option<Moment> {
    let text = read(key)?;
    chrono::DateTime::from_timestamp_millis(crate::domain::iso::rfc3339_millis(&text)?)
}

/// When the user last downloaded a backup.
pub fn last_backup() -> Option<Moment> {
    read_moment(keys::LAST_BACKUP)
}

/// Remembers that a backup was just downloaded.
pub fn set_last_backup(at: Moment) -> Result<(), StorageError> {
    write(keys::LAST_BACKUP, &at.to_rfc3339())
}

/// Whether the agent dismissed the note on the seller's consent to photos.
pub fn photo_consent_read() -> bool {
    read(keys::PHOTO_CONSENT_READ).is_some()
}

/// Remembers that the note on the seller's consent was read.
pub fn set_photo_consent_read() -> Result<(), StorageError> {
    write(keys::PHOTO_CONSENT_READ, "1")
}

/// When the backup reminder was last put off.
pub fn backup_later() -> Option<Moment> {
    read_moment(keys::BACKUP_LATER)
}

/// Remembers that the backup reminder was put off `at`.
pub fn set_backup_later(at: Moment) -> Result<(), StorageError> {
    write(keys::BACKUP_LATER, &at.to_rfc3339())
}

/// What was found in storage at start-up.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet.
    Empty,
    /// A document, migrated to the current version if it was older.
    Ready { decoded: Decoded },
    /// Something is stored but cannot be read. It was copied to `backup_key`
    /// (when there was room) and is left where it was.
    Unreadable {
        error: DecodeError,
        backup_key: Option<String>,
    },
}

fn active_slot() -> &'static str {
    match read(keys::ACTIVE).as_deref() {
        Some("b") => keys::SLOT_B,
        _ => keys::SLOT_A,
    }
}

fn other_slot(slot: &str) -> &'static str {
    if slot == keys::SLOT_A {
        keys::SLOT_B
    } else {
        keys::SLOT_A
    }
}

/// The stored document as it is kept (packed), from the active slot (or the
/// other one when the active one is missing).
pub fn read_stored_document() -> Option<String> {
    let active = active_slot();
    read(active).or_else(|| read(other_slot(active)))
}

/// The stored document's text, unpacked, if there is one that unpacks.
pub fn stored_document_text() -> Option<String> {
    read_stored_document().and_then(|s| unpack(&s).ok())
}

/// Loads the stored document.
pub fn load_document() -> Result<Loaded, StorageError> {
    local_storage()?;
    // Unpacked by boot.js already, when it could (no wasm inflate then, and
    // the stored text is not read into the wasm at all).
    let text = match crate::browser::boot_document() {
        Some(text) => Ok(text),
        None => match read_stored_document() {
            Some(stored) => unpack(&stored),
            None => return Ok(Loaded::Empty),
        },
    };
    let decoded = text
        .map_err(|e| DecodeError::NotJson(e.to_string()))
        .and_then(|text| codec::decode(&text));
    match decoded {
        Ok(decoded) => Ok(Loaded::Ready { decoded }),
        Err(error) => Ok(Loaded::Unreadable {
            error,
            backup_key: read_stored_document().and_then(|stored| set_aside(&stored)),
        }),
    }
}

/// Copies unreadable text to a key of its own, unless an earlier copy
/// already holds the same bytes. Returns the key, or `None` when full.
fn set_aside(text: &str) -> Option<String> {
    let storage = local_storage().ok()?;
    let len = storage.length().ok()?;
    for i in 0..len {
        if let Some(key) = storage.key(i).ok().flatten() {
            if key.starts_with(keys::UNREADABLE_PREFIX) && read(&key).as_deref() == Some(text) {
                return Some(key);
            }
        }
    }
    let stamp = chrono::Utc::now().timestamp_millis();
    let key = format!("{}{stamp}", keys::UNREADABLE_PREFIX);
    write(&key, text).ok().map(|_| key)
}

/// The raw text kept under an unreadable-copy key.
pub fn read_unreadable(key: &str) -> Option<String> {
    if key.starts_with(keys::UNREADABLE_PREFIX) {
        read(key)
    } else {
        None
    }
}

/// Whether the stored envelope holds exactly this document JSON (as this
/// version writes it: the document is the envelope's last field).
pub fn holds_document_json(json: &str) -> bool {
    let Some(text) = read_stored_document().and_then(|s| unpack(&s).ok()) else {
        return false;
    };
    text.strip_suffix('}')
        .and_then(|t| t.strip_suffix(json))
        .is_some_and(|t| t.ends_with("\"document\":"))
}

/// Unpacks stored text with the browser's base64 decoder (`atob`), so the
/// first load carries no base64 code of its own.
fn unpack(stored: &str) -> Result<String, UnpackError> {
    unpack_with(stored, crate::browser::decode_base64url)
}

/// The format version of the Showplan that last saved (0: noted by none,
/// as before the note existed).
pub fn stored_format() -> u32 {
    read(keys::FORMAT).and_then(|v| v.parse().ok()).unwrap_or(0)
}

/// The generation of the stored document (0 when none was ever replaced).
pub fn stored_generation() -> i64 {
    read(keys::GENERATION)
        .and_then(|g| g.parse().ok())
        .unwrap_or(0)
}

/// Saves envelope text of a document of `generation`: write the spare slot,
/// read it back, then switch, and note the generation beside it.
pub fn save_document(text: &str, generation: i64) -> Result<(), StorageError> {
    let storage = local_storage()?;
    // A newer Showplan saved in another tab (a deploy while this one was
    // open), in a format this one does not know: never written over.
    if stored_format() > crate::domain::codec::CURRENT_VERSION {
        return Err(StorageError::NewerVersion);
    }
    let packed = pack(text);
    let text = packed.as_str();
    let active = active_slot();
    let spare = other_slot(active);
    if let Err(e) = storage.set_item(spare, text) {
        // Leave no half-used spare slot behind; the active copy is untouched.
        let _ = storage.remove_item(spare);
        return Err(classify(e));
    }
    if storage.get_item(spare).ok().flatten().as_deref() != Some(text) {
        let _ = storage.remove_item(spare);
        return Err(StorageError::VerifyFailed);
    }
    let flag = if spare == keys::SLOT_B { "b" } else { "a" };
    storage.set_item(keys::ACTIVE, flag).map_err(classify)?;
    // The old copy is no longer needed; removing it keeps one copy at rest.
    let _ = storage.remove_item(active);
    // The document is saved: a generation note that does not fit (full
    // storage) must not report it as lost. Without the note a stale tab may
    // write once more, and this tab, seeing an older generation, writes its
    // own document back (`state.rs`).
    if generation != stored_generation() {
        let _ = write(keys::GENERATION, &generation.to_string());
    }
    let format = crate::domain::codec::CURRENT_VERSION;
    if stored_format() != format {
        let _ = write(keys::FORMAT, &format.to_string());
    }
    Ok(())
}

/// Asks the browser to keep this site's storage (best effort, no prompt in
/// most browsers). Safari otherwise clears it after 7 days without a visit.
pub fn request_persistence() {
    if let Some(window) = web_sys::window() {
        let storage = window.navigator().storage();
        if let Ok(promise) = storage.persist() {
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}

/// Calls `on_change` with the new document text whenever another tab saves
/// (the `storage` event fires only in the other tabs, never the writer).
pub fn on_other_tab_save(
    on_change: impl Fn(String) + 'static,
) -> leptos::prelude::WindowListenerHandle {
    leptos::prelude::window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(keys::ACTIVE) {
            if let Some(text) = stored_document_text() {
                on_change(text);
            }
        }
    })
}
