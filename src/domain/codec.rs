//! The saved form of the document: a versioned envelope, and the migrations
//! that bring an older envelope up to date when it is read.
//!
//! The same envelope is the backup file format, so a backup can always be
//! read back by this or a later version of Showplan.
use super::json::{self, Fields};
use super::model::Document;
use chrono::{DateTime, SecondsFormat, Utc};
use miniserde::json::{Number, Object, Value};
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
pub fn decode(text: &str) -> Result<Decoded, DecodeError> {
    let value = json::parse(text).map_err(DecodeError::NotJson)?;
    let (value, from) = upgrade(value)?;
    let envelope = Fields::of(&value).map_err(|_| DecodeError::NotShowplan)?;
    let saved_at = envelope
        .opt::<String>("saved_at")
        .ok()
        .flatten()
        .and_then(|at| super::iso::rfc3339_millis(&at))
        .and_then(DateTime::from_timestamp_millis);
    let document = envelope
        .or_default::<Document>("document")
        .map_err(DecodeError::Invalid)?;
    Ok(Decoded {
        document,
        saved_at,
        migrated_from: (from != CURRENT_VERSION).then_some(from),
    })
}

/// Checks the envelope's header and runs every migration from its version on.
/// Returns the current-version value and the version it started at.
pub fn upgrade(mut value: Value) -> Result<(Value, u32), DecodeError> {
    let (format, from) = match Fields::of(&value) {
        Ok(header) => (header.opt::<String>("format"), header.opt::<u32>("version")),
        Err(_) => return Err(DecodeError::NotShowplan),
    };
    if format.ok().flatten().as_deref() != Some(FORMAT) {
        return Err(DecodeError::NotShowplan);
    }
    let from = from.ok().flatten().ok_or(DecodeError::NotShowplan)?;
    if from > CURRENT_VERSION {
        return Err(DecodeError::NewerVersion {
            found: from,
            supported: CURRENT_VERSION,
        });
    }
    if from == 0 {
        return Err(DecodeError::NotShowplan);
    }
    let mut version = from;
    while version < CURRENT_VERSION {
        value = match version {
            1 => v1_to_v2(value),
            // Format 3 adds tour-day fields (listing agent, last checked,
            // appointment states, actual times), all optional: a format-2
            // document reads as it is. The number changed so that a tab
            // still open on a format-2 build never saves over them.
            2 => Ok(value),
            // Format 4 adds a buyer's important places (commutes), optional:
            // a format-3 document reads as it is, and a tab still open on a
            // format-3 build never saves over them.
            3 => Ok(value),
            other => Err(format!("no migration from format {other}")),
        }
        .map_err(|reason| DecodeError::Migration { from, reason })?;
        version += 1;
        if let Value::Object(envelope) = &mut value {
            envelope.insert(
                "version".to_string(),
                Value::Number(Number::U64(u64::from(version))),
            );
        }
    }
    Ok((value, from))
}

/// Format 1 called a property's asking price `price` and wrote times as
/// RFC 3339 text. Format 2 calls it `list_price` (beside the renovation
/// costs that make up the effective price) and writes record times as Unix
/// milliseconds, which keeps a large document well under the storage quota.
fn v1_to_v2(mut value: Value) -> Result<Value, String> {
    let Value::Object(envelope) = &mut value else {
        return Ok(value);
    };
    let Some(Value::Object(document)) = envelope.get_mut("document") else {
        return Ok(value);
    };
    for list in ["buyers", "properties", "tours", "feedback", "deleted"] {
        let records = match document.get_mut(list) {
            None | Some(Value::Null) => continue,
            Some(Value::Array(records)) => records,
            Some(_) => return Err(format!("{list} is not a list")),
        };
        for record in records.iter_mut() {
            let Value::Object(fields) = record else {
                return Err(format!("an entry of {list} is not an object"));
            };
            if list == "properties" {
                if let Some(price) = fields.remove("price") {
                    fields.entry("list_price".to_string()).or_insert(price);
                }
            }
            if let Some(Value::Object(stamp)) = fields.get_mut("stamp") {
                for key in ["created", "updated"] {
                    to_millis(stamp, key)?;
                }
            }
            to_millis(fields, "at")?;
        }
    }
    Ok(value)
}

/// An RFC 3339 time in `fields[key]` rewritten as Unix milliseconds.
fn to_millis(fields: &mut Object, key: &str) -> Result<(), String> {
    let Some(time) = fields.get_mut(key) else {
        return Ok(());
    };
    let Value::String(text) = &*time else {
        return Err("a time is not text".to_string());
    };
    let millis = super::iso::rfc3339_millis(text)
        .ok_or_else(|| format!("time {text:?} is not an RFC 3339 date and time"))?;
    *time = Value::Number(Number::I64(millis));
    Ok(())
}
