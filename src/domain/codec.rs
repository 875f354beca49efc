//! The saved form of the document: a versioned envelope, and the migrations
//! that bring an older envelope up to date when it is read.
//!
//! The same envelope is the backup file format, so a backup can always be
//! read back by this or a later version of Showplan.
use super::json::{self, Fields};
use super::model::Document;
use chrono::{DateTime, SecondsFormat, Utc};
use std::fmt;

/// The `format` field that marks a Showplan file or stored document.
pub const FORMAT: &str = "showplan";
/// The version this build writes. Older versions are migrated on read.
pub const CURRENT_VERSION: u32 = 4;

/// A document read back, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub document: Document,
    pub saved_at: Option<DateTime<Utc>>,
    /// The version it was stored as, when a migration ran.
    pub migrated_from: Option<u32>,
}

/// Why a stored document or a file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// Not JSON at all (truncated, binary, another kind of file).
    NotJson(String),
    /// JSON, but not a Showplan document.
    NotShowplan,
    /// Written by a newer Showplan than this one.
    NewerVersion { found: u32, supported: u32 },
    /// An older version whose upgrade failed.
    Migration { from: u32, reason: String },
    /// The right format and version, but a field holds something unexpected.
    Invalid(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(e) => write!(f, "not readable as JSON: {e}"),
            DecodeError::NotShowplan => write!(f, "not a Showplan file"),
            DecodeError::NewerVersion { found, supported } => write!(
                f,
                "written by a newer Showplan (format {found}; this one reads up to {supported})"
            ),
            DecodeError::Migration { from, reason } => {
                write!(f, "could not upgrade from format {from}: {reason}")
            }
            DecodeError::Invalid(e) => write!(f, "damaged content: {e}"),
        }
    }
}

/// The document alone as JSON: what saving compares to skip unchanged writes.
pub fn document_json(document: &Document) -> String {
    json::to_text(document)
}

impl std::error::Error for DecodeError {}

/// The envelope text around a document already turned into JSON.
pub fn envelope(document_json: &str, saved_at: DateTime<Utc>) -> String {
    let saved_at = saved_at.to_rfc3339_opts(SecondsFormat::AutoSi, true);
    format!(
        "{{\"format\":\"{FORMAT}\",\"version\":{CURRENT_VERSION},\"saved_at\":\"{saved_at}\",\"document\":{document_json}}}"
    )
}

/// The envelope text for a document.
pub fn encode(document: &Document, saved_at: DateTime<Utc>) -> String {
    envelope(&document_json(document), saved_at)
}

/// Reads an envelope of any known version, migrating it to the current one.
///
/// Each format so far only added fields, except format 1, which called a
/// property's asking price `price` (now `list_price`, beside the renovation
/// costs that make up the effective price) and wrote record times as
/// RFC 3339 text (now Unix milliseconds, which keeps a large document well
/// under the storage quota). The records read both (`document_json`), so
/// reading a format-1 document is its upgrade, with no pass of its own.
/// Formats 3 and 4 added fields (tour-day, a buyer's important places):
/// their numbers changed so that a tab still open on an older build never
/// saves over them.
pub fn decode(text: &str) -> Result<Decoded, DecodeError> {
    let tape = json::parse(text).map_err(DecodeError::NotJson)?;
    let envelope = Fields::of(tape.root()).map_err(|_| DecodeError::NotShowplan)?;
    let from = version(&envelope)?;
    let saved_at = envelope
        .opt::<String>("saved_at")
        .ok()
        .flatten()
        .and_then(|at| super::iso::rfc3339_millis(&at))
        .and_then(DateTime::from_timestamp_millis);
    let document = envelope
        .or_default::<Document>("document")
        .map_err(|reason| match from {
            1 => DecodeError::Migration { from, reason },
            _ => DecodeError::Invalid(reason),
        })?;
    Ok(Decoded {
        document,
        saved_at,
        migrated_from: (from != CURRENT_VERSION).then_some(from),
    })
}

/// [`decode`], with every home's photos and voice notes read too: for a
/// file from outside the device (a backup being restored). Opening the app
/// reads its own document without them (`media::MediaList`).
pub fn decode_checked(text: &str) -> Result<Decoded, DecodeError> {
    let decoded = decode(text)?;
    for (i, home) in decoded.document.properties.iter().enumerate() {
        home.media.read().map_err(|e| {
            DecodeError::Invalid(format!("\"properties\": entry {}: \"media\": {e}", i + 1))
        })?;
    }
    Ok(decoded)
}

/// The envelope's version, if it is a Showplan document this build reads.
fn version(envelope: &Fields) -> Result<u32, DecodeError> {
    let format = envelope.opt::<String>("format").ok().flatten();
    if format.as_deref() != Some(FORMAT) {
        return Err(DecodeError::NotShowplan);
    }
    match envelope.opt::<u32>("version").ok().flatten() {
        None | Some(0) => Err(DecodeError::NotShowplan),
        Some(found) if found > CURRENT_VERSION => Err(DecodeError::NewerVersion {
            found,
            supported: CURRENT_VERSION,
        }),
        Some(from) => Ok(from),
    }
}
