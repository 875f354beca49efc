//! What travels in a share link (an [`Itinerary`]) and back in a reply (a
//! [`Reply`]): types that only have fields a buyer may see.
use crate::domain::model::{AreaUnit, Id, LatLon, Property, PropertyType, Tour, Verdict};
use crate::domain::tour_day::day::{has_begun, retimed_to_finish};
use crate::domain::tour_day::retime::Progress;
use crate::domain::tour_plan::plan;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The most stops an itinerary may carry.
pub const MAX_STOPS: usize = 100;

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
    pub category: crate::domain::model::NoteCategory,
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
    /// Left out on the tour day: the buyer sees it is not on the way.
    #[serde(rename = "s", default, skip_serializing_if = "std::ops::Not::not")]
    pub skipped: bool,
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
    /// The agent's street map file (a path from the app's folder, or a
    /// full address), so the buyer sees streets too; empty: the plain map.
    #[serde(rename = "p", default, skip_serializing_if = "String::is_empty")]
    pub map: String,
}

/// Who shares, and what the buyer may see beyond the listing facts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ShareOptions {
    pub agent: String,
    pub agent_contact: String,
    /// The agent's currency (ISO 4217), so the buyer sees prices in it.
    pub currency: String,
    pub renovations: bool,
    /// The clock (minutes after midnight) when the link is made on the
    /// tour's own day; `None` on any other day. Once the tour day has
    /// begun, the link carries the day re-timed from it.
    pub now: Option<u32>,
    /// The street map file to show the buyer (see [`Itinerary::map`]).
    pub map: String,
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
pub(crate) const TOUR_HEX_V1: usize = 12;

/// The last `hex` digits of an id (random in v4 ids; distinct in the
/// sample data's fixed ids, which differ at the end).
pub(crate) fn short(id: Id, hex: usize) -> String {
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

fn shared_stop(
    p: &Property,
    id: String,
    (times, skipped): ([u32; 3], bool),
    options: &ShareOptions,
) -> SharedStop {
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
        skipped,
    }
}

/// Each stop's times and whether it was skipped, and when the tour ends:
/// as planned, or once the tour day has begun (anything recorded), as the
/// day now stands.
fn shared_times(
    tour: &Tour,
    properties: &[Property],
    now: Option<u32>,
) -> (Vec<([u32; 3], bool)>, u32) {
    if has_begun(tour) {
        let (day, finish) = retimed_to_finish(tour, properties, now.unwrap_or(0), now.is_some());
        let times = day
            .iter()
            .map(|r| ([r.arrive, r.start, r.end], r.progress == Progress::Skipped))
            .collect();
        (times, finish)
    } else {
        let timed = plan(tour, properties);
        let times = timed
            .stops
            .iter()
            .map(|t| ([t.arrive, t.start, t.end], false))
            .collect();
        (times, timed.finish)
    }
}

/// The buyer's view of `tour`: timed as planned, or as the tour day stands
/// once it has begun, with the stops skipped on the day marked. Stops whose
/// home was deleted are left out. Nothing agent-private travels: not the
/// appointment, the listing agent, the recorded times as such or an impression.
pub fn itinerary(tour: &Tour, properties: &[Property], options: &ShareOptions) -> Itinerary {
    let (times, finish) = shared_times(tour, properties, options.now);
    let hex = stop_hex(tour);
    let stops = tour
        .stops
        .iter()
        .zip(times)
        .filter_map(|(s, t)| {
            let p = properties.iter().find(|p| p.id == s.property)?;
            Some(shared_stop(p, short(s.id, hex), t, options))
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
        end: tour.end_place().map(|e| SharedPlace {
            label: e.label.clone(),
            coords: e.coords.map(rounded),
        }),
        stops,
        finish,
        map: options.map.clone(),
    }
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
