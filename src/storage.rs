//! The one module that touches `localStorage`. Keys live here and nowhere else.
//!
//! Every call returns a `Result` or an `Option`: storage may be blocked
//! (some private modes), full, or hold something another version wrote.

/// Every key Showplan writes, so nothing else invents one.
pub mod keys {
    /// The language the user picked (a locale code such as `"es"`).
    pub const LOCALE: &str = "showplan.locale";
}

/// Why a storage call failed, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser does not let this page use `localStorage`.
    Unavailable,
    /// The browser refused the write (full quota or similar).
    WriteFailed(String),
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageError::Unavailable)
}

/// Reads a raw value; `None` when absent or when storage is unavailable.
pub fn read(key: &str) -> Option<String> {
    local_storage().ok()?.get_item(key).ok().flatten()
}

/// Writes a raw value.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?.set_item(key, value).map_err(|e| {
        StorageError::WriteFailed(
            js_sys::JSON::stringify(&e)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_else(|| "unknown error".to_string()),
        )
    })
}

/// The language the user chose last time, if any.
pub fn load_locale() -> Option<String> {
    read(keys::LOCALE)
}

/// Remembers the language the user chose.
pub fn save_locale(code: &str) -> Result<(), StorageError> {
    write(keys::LOCALE, code)
}
