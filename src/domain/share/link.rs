//! The fragment a link or reply travels in: `<version>.<base64url(raw
//! DEFLATE)>`, capped before and after inflating, with an error for every
//! way it can be broken.
use super::payload::{Itinerary, Reply, MAX_STOPS, TOUR_HEX, TOUR_HEX_V1};
use super::wire;
use crate::domain::json::{self, FromJson};
use crate::domain::packing::{
    deflate_base64_with, inflate_base64, inflate_base64_with, UnpackError,
};

/// The share format this build writes; it still reads format 1 (JSON).
pub const VERSION: u32 = 2;
/// The longest fragment accepted (characters), links and replies alike.
pub const MAX_ENCODED: usize = 12_000;
/// The most JSON a fragment may inflate to (bytes): no decompression bombs.
pub const MAX_JSON: usize = 128 * 1024;

/// Why a link could not be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing after the `#`.
    Empty,
    /// Not `<version>.<data>`: not a Showplan link, or cut before the dot.
    NotALink,
    /// Made by a newer Showplan.
    Newer(u32),
    /// Longer than [`MAX_ENCODED`].
    TooLong,
    /// Characters that base64url does not have (a mangled or tampered link).
    Garbled,
    /// The compressed data stops short or is damaged (cut off, or tampered).
    Damaged,
    /// Inflates past [`MAX_JSON`].
    TooLarge,
    /// Inflates, but is not what this kind of link carries.
    WrongContent,
}

/// What was left out of a link to keep it short enough.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub features: bool,
    pub notes: bool,
    pub renovations: bool,
}

/// The longest link messaging apps and QR codes carry reliably (characters).
pub const MAX_LINK: usize = 2000;

/// The itinerary's fragment, leaving out features, then neighbourhood notes,
/// then renovation totals until a link of `prefix_len + fragment` characters
/// fits in [`MAX_LINK`]. Times, addresses and listing facts always stay.
pub fn encode_within(it: &Itinerary, prefix_len: usize) -> (String, LeftOut) {
    let mut it = it.clone();
    let mut left = LeftOut::default();
    let mut fragment = encode_itinerary(&it);
    let steps: [fn(&mut Itinerary, &mut LeftOut); 3] = [
        |it, l| {
            l.features = it.stops.iter().any(|s| !s.features.is_empty());
            it.stops.iter_mut().for_each(|s| s.features.clear());
        },
        |it, l| {
            l.notes = it.stops.iter().any(|s| !s.notes.is_empty());
            it.stops.iter_mut().for_each(|s| s.notes.clear());
        },
        |it, l| {
            l.renovations = it.stops.iter().any(|s| s.renovations.is_some());
            it.stops.iter_mut().for_each(|s| s.renovations = None);
        },
    ];
    for step in steps {
        if prefix_len + fragment.len() <= MAX_LINK {
            break;
        }
        step(&mut it, &mut left);
        fragment = encode_itinerary(&it);
    }
    (fragment, left)
}

/// `2.<base64url(DEFLATE(bytes))>`, ready to follow a `#`; the bytes are
/// laid out by [`wire`] and compressed against its preset dictionary.
fn encode(bytes: &[u8]) -> String {
    let mut out = format!("{VERSION}.");
    deflate_base64_with(wire::DICTIONARY, bytes, &mut out);
    out
}

/// A checked fragment's format and its inflated bytes.
fn open(fragment: &str) -> Result<(u32, Vec<u8>), ShareError> {
    let text = fragment.trim().trim_start_matches('#');
    if text.is_empty() {
        return Err(ShareError::Empty);
    }
    if text.len() > MAX_ENCODED {
        return Err(ShareError::TooLong);
    }
    let (version, body) = text.split_once('.').ok_or(ShareError::NotALink)?;
    let version: u32 = version.parse().map_err(|_| ShareError::NotALink)?;
    if version > VERSION {
        return Err(ShareError::Newer(version));
    }
    if version == 0 {
        return Err(ShareError::NotALink);
    }
    let alphabet = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if !body.chars().all(alphabet) {
        return Err(ShareError::Garbled);
    }
    let bytes = if version == 1 {
        inflate_base64(body, MAX_JSON)
    } else {
        inflate_base64_with(wire::DICTIONARY, body, MAX_JSON)
    };
    let bytes = bytes.map_err(|e| match e {
        // Only letters base64url has, yet not decodable: cut off mid-character.
        UnpackError::NotBase64 => ShareError::Damaged,
        UnpackError::TooLarge => ShareError::TooLarge,
        UnpackError::NotDeflate | UnpackError::NotUtf8 => ShareError::Damaged,
    })?;
    Ok((version, bytes))
}

/// Format 1 carried compact JSON; links made then still open.
fn from_json<T: FromJson>(bytes: &[u8]) -> Result<T, ShareError> {
    let text = std::str::from_utf8(bytes).map_err(|_| ShareError::WrongContent)?;
    json::read(text).map_err(|_| ShareError::WrongContent)
}

/// The fragment for an itinerary link.
pub fn encode_itinerary(it: &Itinerary) -> String {
    encode(&wire::write_itinerary(it))
}

/// Reads an itinerary link's fragment (format 2, or 1), checking what it carries.
pub fn decode_itinerary(fragment: &str) -> Result<Itinerary, ShareError> {
    let it: Itinerary = match open(fragment)? {
        (1, json) => from_json(&json)?,
        (_, bytes) => wire::read_itinerary(&bytes).map_err(|_| ShareError::WrongContent)?,
    };
    if it.stops.len() > MAX_STOPS || ![TOUR_HEX, TOUR_HEX_V1].contains(&it.tour.len()) {
        return Err(ShareError::WrongContent);
    }
    Ok(it)
}

/// The fragment for a feedback reply.
pub fn encode_reply(reply: &Reply) -> String {
    encode(&wire::write_reply(reply))
}

/// Reads a feedback reply's fragment (format 2, or 1).
pub fn decode_reply(fragment: &str) -> Result<Reply, ShareError> {
    let reply: Reply = match open(fragment)? {
        (1, json) => from_json(&json)?,
        (_, bytes) => wire::read_reply(&bytes).map_err(|_| ShareError::WrongContent)?,
    };
    let valid = [TOUR_HEX, TOUR_HEX_V1].contains(&reply.tour.len())
        && reply.reactions.len() <= MAX_STOPS * 10
        && reply
            .reactions
            .iter()
            .all(|r| r.rating.is_none_or(|v| (1..=5).contains(&v)));
    if valid {
        Ok(reply)
    } else {
        Err(ShareError::WrongContent)
    }
}
