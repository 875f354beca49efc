//! What travels in a share link, and back in a feedback reply.
//!
//! The link is the message: there is no server. A tour goes to the buyer as
//! an [`Itinerary`], a type that only has fields a buyer may see (no private
//! notes, no budget, no other buyers or tours). The buyer's ratings come back
//! as a [`Reply`]. Both travel in the URL fragment, which browsers never send
//! to the host: `<version>.<base64url(raw DEFLATE(compact JSON))>`.
//!
//! Decoding never trusts the text: the fragment and the inflated JSON both
//! have hard caps, and every way a link can be broken has its own error.
use super::model::{
    AreaUnit, Document, Feedback, Id, LatLon, Property, PropertyType, Stamp, Tour, Verdict,
};
use super::packing::{deflate_base64_with, inflate_base64, inflate_base64_with, UnpackError};
use super::tour_plan::plan;
use super::wire;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// The share format this build writes; it still reads format 1 (JSON).
pub const VERSION: u32 = 2;
/// The longest fragment accepted (characters), links and replies alike.
pub const MAX_ENCODED: usize = 12_000;
/// The most JSON a fragment may inflate to (bytes): no decompression bombs.
pub const MAX_JSON: usize = 128 * 1024;
/// The most stops an itinerary may carry.
pub const MAX_STOPS: usize = 100;

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

/// One place with its coordinates, rounded to about a metre.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedPlace {
    #[serde(rename = "l", default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(rename = "c", default, skip_serializing_if = "Option::is_none")]
    pub coords: Option<[f64; 2]>,
}

/// A neighbourhood note the agent marked shareable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedNote {
    #[serde(rename = "c")]
    pub category: super::model::NoteCategory,
    #[serde(rename = "r")]
    pub rating: u8,
    #[serde(rename = "t")]
    pub text: String,
}

/// One showing as the buyer sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedStop {
    /// Short id of the stop (last hex digits), for feedback.
    #[serde(rename = "i")]
    pub id: String,
    #[serde(rename = "a")]
    pub address: String,
    #[serde(rename = "c", default, skip_serializing_if = "Option::is_none")]
    pub coords: Option<[f64; 2]>,
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    pub price: Option<u64>,
    #[serde(rename = "b", default, skip_serializing_if = "Option::is_none")]
    pub beds: Option<u8>,
    #[serde(rename = "h", default, skip_serializing_if = "Option::is_none")]
    pub baths: Option<f32>,
    #[serde(rename = "f", default, skip_serializing_if = "Option::is_none")]
    pub floor_area: Option<u32>,
    #[serde(rename = "u", default, skip_serializing_if = "is_sq_ft")]
    pub area_unit: AreaUnit,
    #[serde(rename = "k")]
    pub kind: PropertyType,
    /// "Kitchen: gas range", one per feature.
    #[serde(rename = "x", default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<String>,
    #[serde(rename = "n", default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<SharedNote>,
    /// Renovations, low and high total, when the agent chose to share them.
    #[serde(rename = "r", default, skip_serializing_if = "Option::is_none")]
    pub renovations: Option<[u64; 2]>,
    /// Minutes after midnight: arrival, showing start and end.
    #[serde(rename = "t")]
    pub times: [u32; 3],
}

/// A tour as the buyer sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Itinerary {
    /// Short id of the tour (last hex digits), for feedback.
    #[serde(rename = "i")]
    pub tour: String,
    #[serde(rename = "n", default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(rename = "d", default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    #[serde(rename = "g", default, skip_serializing_if = "String::is_empty")]
    pub agent: String,
    #[serde(rename = "o", default, skip_serializing_if = "String::is_empty")]
    pub agent_contact: String,
    /// The currency prices are in (ISO 4217); empty in links made before it travelled.
    #[serde(rename = "m", default, skip_serializing_if = "String::is_empty")]
    pub currency: String,
    #[serde(rename = "s")]
    pub start: SharedPlace,
    #[serde(rename = "e", default, skip_serializing_if = "Option::is_none")]
    pub end: Option<SharedPlace>,
    #[serde(rename = "w")]
    pub stops: Vec<SharedStop>,
    /// Minutes after midnight the tour ends.
    #[serde(rename = "z")]
    pub finish: u32,
}

/// Who shares, and what the buyer may see beyond the listing facts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ShareOptions {
    pub agent: String,
    pub agent_contact: String,
    /// The agent's currency (ISO 4217), so the buyer sees prices in it.
    pub currency: String,
    pub renovations: bool,
}

fn is_sq_ft(unit: &AreaUnit) -> bool {
    *unit == AreaUnit::SqFt
}

/// Hex digits of a stop's id in a link, at least (format 1 used 6), and of
/// a tour's. A reply names stops of one tour only, so four usually tell
/// them apart; when two stops share their last four, the link uses more.
/// A reply id that matches two stops is left out rather than guessed.
pub(crate) const STOP_HEX: usize = 4;
pub(crate) const TOUR_HEX: usize = 8;
/// Format 1 links named tours by 12 hex digits.
const TOUR_HEX_V1: usize = 12;

/// The last `hex` digits of an id (random in v4 ids; distinct in the
/// sample data's fixed ids, which differ at the end).
fn short(id: Id, hex: usize) -> String {
    let full = id.simple().to_string();
    full[full.len() - hex..].to_string()
}

/// Four decimals: about 11 m, enough to find a front door.
fn rounded(c: LatLon) -> [f64; 2] {
    let r = |v: f64| (v * 10_000.0).round() / 10_000.0;
    [r(c.lat), r(c.lon)]
}

/// The fewest hex digits (from [`STOP_HEX`]) that tell the tour's stops apart.
fn stop_hex(tour: &Tour) -> usize {
    (STOP_HEX..32)
        .step_by(2)
        .find(|&hex| {
            let mut ids: Vec<String> = tour.stops.iter().map(|s| short(s.id, hex)).collect();
            ids.sort_unstable();
            ids.dedup();
            ids.len() == tour.stops.len()
        })
        .unwrap_or(32)
}

fn shared_stop(p: &Property, id: String, times: [u32; 3], options: &ShareOptions) -> SharedStop {
    SharedStop {
        id,
        address: p.address.clone(),
        coords: p.coords.map(rounded),
        price: p.list_price,
        beds: p.beds,
        baths: p.baths,
        floor_area: p
            .floor_area
            .map(|a| a.round().clamp(0.0, f64::from(u32::MAX)) as u32),
        area_unit: p.area_unit,
        kind: p.property_type,
        features: p
            .features
            .iter()
            .map(|f| {
                if f.category.is_empty() {
                    f.text.clone()
                } else {
                    format!("{}: {}", f.category, f.text)
                }
            })
            .collect(),
        notes: p
            .neighbourhood
            .iter()
            .filter(|n| n.shareable)
            .map(|n| SharedNote {
                category: n.category,
                rating: n.rating,
                text: n.text.clone(),
            })
            .collect(),
        renovations: (options.renovations && !p.renovations.is_empty()).then(|| {
            [
                p.renovations.iter().map(|r| r.cost_low).sum(),
                p.renovations.iter().map(|r| r.cost_high).sum(),
            ]
        }),
        times,
    }
}

/// The buyer's view of `tour`, timed as planned. Stops whose home was deleted are left out.
pub fn itinerary(tour: &Tour, properties: &[Property], options: &ShareOptions) -> Itinerary {
    let timed = plan(tour, properties);
    let hex = stop_hex(tour);
    let stops = tour
        .stops
        .iter()
        .zip(&timed.stops)
        .filter_map(|(s, t)| {
            let p = properties.iter().find(|p| p.id == s.property)?;
            Some(shared_stop(
                p,
                short(s.id, hex),
                [t.arrive, t.start, t.end],
                options,
            ))
        })
        .collect();
    Itinerary {
        tour: short(tour.id, TOUR_HEX),
        name: tour.name.clone(),
        date: tour.date,
        agent: options.agent.trim().to_string(),
        agent_contact: options.agent_contact.trim().to_string(),
        currency: options.currency.clone(),
        start: SharedPlace {
            label: tour.start.label.clone(),
            coords: tour.start.coords.map(rounded),
        },
        end: tour.end.as_ref().map(|e| SharedPlace {
            label: e.label.clone(),
            coords: e.coords.map(rounded),
        }),
        stops,
        finish: timed.finish,
    }
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
fn from_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ShareError> {
    serde_json::from_slice(bytes).map_err(|_| ShareError::WrongContent)
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

/// One person's reaction to one home, as the buyer sends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reaction {
    /// The stop's short id from the itinerary.
    #[serde(rename = "s")]
    pub stop: String,
    #[serde(rename = "p")]
    pub person: String,
    #[serde(rename = "r", default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
    #[serde(rename = "v", default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    #[serde(rename = "c", default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

/// Feedback on a tour, as it travels back to the agent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    /// The tour's short id from the itinerary.
    #[serde(rename = "i")]
    pub tour: String,
    /// When the buyer sent it (ms since 1970), so the same reply twice is the same.
    #[serde(rename = "at")]
    pub sent: i64,
    #[serde(rename = "f")]
    pub reactions: Vec<Reaction>,
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

/// Why a reply cannot be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplyProblem {
    /// No tour here has this id (another device's tour, or deleted).
    UnknownTour,
}

/// A reply matched to this device's tour: feedback records ready to add,
/// and how many of them are already here.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchedReply {
    pub tour: Id,
    pub feedback: Vec<Feedback>,
    pub already_here: usize,
}

/// Matches a reply to its tour and stops. Reactions to stops the tour no
/// longer has are dropped. Each record's id is derived from the reply, so
/// importing the same reply twice adds nothing the second time.
pub fn match_reply(doc: &Document, reply: &Reply) -> Result<MatchedReply, ReplyProblem> {
    let tour = doc
        .tours
        .iter()
        .find(|t| short(t.id, TOUR_HEX_V1).ends_with(&reply.tour))
        .ok_or(ReplyProblem::UnknownTour)?;
    let sent = DateTime::<Utc>::from_timestamp_millis(reply.sent).unwrap_or_default();
    let feedback: Vec<Feedback> = reply
        .reactions
        .iter()
        .filter_map(|r| {
            let mut named = tour
                .stops
                .iter()
                .filter(|s| !r.stop.is_empty() && short(s.id, 32).ends_with(&r.stop));
            let stop = named.next().filter(|_| named.next().is_none())?;
            let key = format!("{}|{}|{}|{}", tour.id, stop.id, r.person.trim(), reply.sent);
            Some(Feedback {
                id: stable_id(&key),
                stamp: Stamp::new(sent),
                tour: tour.id,
                stop: stop.id,
                person: r.person.trim().to_string(),
                rating: r.rating,
                verdict: r.verdict,
                comment: r.comment.trim().to_string(),
                at: sent,
            })
        })
        .collect();
    let already_here = feedback
        .iter()
        .filter(|f| doc.feedback.iter().any(|g| g.id == f.id))
        .count();
    Ok(MatchedReply {
        tour: tour.id,
        feedback,
        already_here,
    })
}

/// Adds the reply's new feedback records; returns how many were new.
pub fn add_reply(doc: &mut Document, matched: &MatchedReply) -> usize {
    let mut added = 0;
    for f in &matched.feedback {
        if !doc.feedback.iter().any(|g| g.id == f.id) {
            doc.feedback.push(f.clone());
            added += 1;
        }
    }
    added
}

/// The same id for the same text (two FNV-1a hashes), so one reaction
/// imported twice is one record.
fn stable_id(key: &str) -> Id {
    let hash = |seed: u64| {
        key.bytes().fold(seed, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    };
    let high = hash(0xcbf2_9ce4_8422_2325);
    let low = hash(0x8422_2325_cbf2_9ce4);
    uuid::Builder::from_u128((u128::from(high) << 64) | u128::from(low))
        .with_variant(uuid::Variant::RFC4122)
        .with_version(uuid::Version::Custom)
        .into_uuid()
}
