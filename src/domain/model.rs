//! The saved document: everything an agent records. Plain data, no web code.
//!
//! Every record has a stable id (uuid v4) and created/updated times (stored
//! as Unix milliseconds), which is what merging (other tabs, backups) works
//! on. Its saved form is written and read field by field in
//! `document_json`: a new field must read as empty when it is missing, so
//! older saved documents still read; empty values are left out of the saved
//! text to keep it small.
//!
//! Enums are stored by their stable names (`names::Named`); serde reads and
//! writes them by the same names where share links carry them.
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A record's identity: a random uuid v4.
pub type Id = Uuid;

/// Creation and last-change times of one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
}

impl Stamp {
    /// A record made now.
    pub fn new(now: DateTime<Utc>) -> Self {
        Stamp {
            created: now,
            updated: now,
        }
    }
}

/// Anything with an id and a stamp can be merged record by record.
pub trait Record {
    fn id(&self) -> Id;
    fn stamp(&self) -> Stamp;
    /// Marks the record as changed `now`.
    fn touch(&mut self, now: DateTime<Utc>);
}

macro_rules! record {
    ($($t:ty),*) => {$(
        impl Record for $t {
            fn id(&self) -> Id { self.id }
            fn stamp(&self) -> Stamp { self.stamp }
            fn touch(&mut self, now: DateTime<Utc>) { self.stamp.updated = now; }
        }
    )*};
}

/// A record taken out of a list, with where it was, so it can be put back.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed<T> {
    pub index: usize,
    pub record: T,
}

/// Removes the record with `id` from `list` and remembers the deletion in
/// `deleted`, so merges with other tabs or backups do not bring it back.
pub fn remove_record<T: Record>(
    list: &mut Vec<T>,
    deleted: &mut Vec<Tombstone>,
    id: Id,
    now: DateTime<Utc>,
) -> Option<Removed<T>> {
    let index = list.iter().position(|r| r.id() == id)?;
    let record = list.remove(index);
    deleted.retain(|t| t.id != id);
    deleted.push(Tombstone { id, at: now });
    Some(Removed { index, record })
}

/// Undoes [`remove_record`]: the record goes back where it was, marked as
/// changed after its deletion so that it wins over the tombstone everywhere.
pub fn restore_record<T: Record>(
    list: &mut Vec<T>,
    deleted: &mut Vec<Tombstone>,
    removed: Removed<T>,
    now: DateTime<Utc>,
) {
    let Removed { index, mut record } = removed;
    let id = record.id();
    deleted.retain(|t| t.id != id);
    record.touch(now);
    if list.iter().all(|r| r.id() != id) {
        list.insert(index.min(list.len()), record);
    }
}
record!(Buyer, Property, Tour, Feedback);

/// The whole saved document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub buyers: Vec<Buyer>,
    pub properties: Vec<Property>,
    pub tours: Vec<Tour>,
    pub feedback: Vec<Feedback>,
    /// Records deleted here, so a merge does not bring them back.
    pub deleted: Vec<Tombstone>,
    /// When this document last replaced everything (a backup restored,
    /// a fresh start), in Unix milliseconds; 0 for never. Tabs merge saves
    /// of the same generation; a newer one is taken whole (`domain::merge`).
    pub generation: i64,
}

/// A deleted record's id and when it was deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tombstone {
    pub id: Id,
    pub at: DateTime<Utc>,
}

/// How to reach someone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contact {
    pub name: String,
    pub phone: String,
    pub email: String,
}

/// A nice-to-have and how much it matters (1 = a little, 5 = a lot).
#[derive(Debug, Clone, PartialEq)]
pub struct WeightedWish {
    pub text: String,
    pub weight: u8,
}

/// Kinds of home.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&\'static str")]
pub enum PropertyType {
    #[default]
    House,
    Townhouse,
    Condo,
    Apartment,
    MultiFamily,
    Land,
    Other,
}

impl PropertyType {
    /// Every kind, in display order. Their positions are also the codes
    /// share links use (`wire`), so new kinds go at the end.
    pub const ALL: [PropertyType; 7] = [
        PropertyType::House,
        PropertyType::Townhouse,
        PropertyType::Condo,
        PropertyType::Apartment,
        PropertyType::MultiFamily,
        PropertyType::Land,
        PropertyType::Other,
    ];
}

/// A buyer's profile: what they can spend, what they need, what rules a home out.
#[derive(Debug, Clone, PartialEq)]
pub struct Buyer {
    pub id: Id,
    pub stamp: Stamp,
    pub name: String,
    pub contacts: Vec<Contact>,
    pub budget_min: Option<u64>,
    pub budget_max: Option<u64>,
    pub min_beds: Option<u8>,
    pub min_baths: Option<f32>,
    pub property_types: Vec<PropertyType>,
    pub preferred_areas: Vec<String>,
    pub must_haves: Vec<String>,
    pub nice_to_haves: Vec<WeightedWish>,
    pub deal_breakers: Vec<String>,
    pub agreement_signed: Option<NaiveDate>,
    pub notes: String,
    /// What the buyer can put down, for the monthly cost of a home.
    pub down_payment: Option<u64>,
    /// The loan's yearly interest rate, in percent.
    pub rate_percent: Option<f64>,
    /// The loan's term in years.
    pub term_years: Option<u16>,
    /// Places that matter to the buyer (work, school, family), with the
    /// longest drive to each they accept (format 4).
    pub places: Vec<ImportantPlace>,
    /// Road times from homes to those places, when fetched
    /// (`roads::CommuteTimes` as text; empty when none). A cache: the
    /// estimate stands in without it.
    pub commute_times: String,
}

/// A place that matters to a buyer, and the longest drive to it they accept.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportantPlace {
    pub name: String,
    pub coords: Option<LatLon>,
    /// Minutes; a home further than this by car is ruled out.
    pub max_minutes: Option<u16>,
}

/// Units for floor area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&\'static str")]
pub enum AreaUnit {
    #[default]
    SqFt,
    SqM,
}

/// Where a listing stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&\'static str")]
pub enum ListingStatus {
    #[default]
    Active,
    Pending,
    Sold,
    Withdrawn,
}

/// A point on the map (defined with the planner, which measures between them).
pub use showplan_planner::LatLon;

/// One feature of a home, by room or category ("Kitchen": "gas range").
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    pub category: String,
    pub text: String,
}

/// How urgent a renovation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&\'static str")]
pub enum Priority {
    High,
    #[default]
    Medium,
    Low,
}

/// Work a home needs, with a cost range in whole currency units.
#[derive(Debug, Clone, PartialEq)]
pub struct Renovation {
    pub id: Id,
    pub item: String,
    pub room: String,
    pub priority: Priority,
    pub cost_low: u64,
    pub cost_high: u64,
    pub note: String,
}

/// What a neighbourhood note is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&\'static str")]
pub enum NoteCategory {
    Schools,
    Transit,
    Shopping,
    Parks,
    Safety,
    Noise,
    Community,
    #[default]
    Other,
}

impl NoteCategory {
    /// Every category, in display order. Their positions are also the
    /// codes share links use (`wire`), so new categories go at the end.
    pub const ALL: [NoteCategory; 8] = [
        NoteCategory::Schools,
        NoteCategory::Transit,
        NoteCategory::Shopping,
        NoteCategory::Parks,
        NoteCategory::Safety,
        NoteCategory::Noise,
        NoteCategory::Community,
        NoteCategory::Other,
    ];
}

/// A note about the neighbourhood or community, rated 1-5.
#[derive(Debug, Clone, PartialEq)]
pub struct NeighbourhoodNote {
    pub id: Id,
    pub category: NoteCategory,
    pub rating: u8,
    pub text: String,
    /// May this note travel to the buyer in a share link?
    pub shareable: bool,
}

/// A home that may interest a buyer.
#[derive(Debug, Clone, PartialEq)]
pub struct Property {
    pub id: Id,
    pub stamp: Stamp,
    pub address: String,
    pub area: String,
    pub coords: Option<LatLon>,
    pub list_price: Option<u64>,
    pub beds: Option<u8>,
    pub baths: Option<f32>,
    pub floor_area: Option<f64>,
    pub area_unit: AreaUnit,
    pub lot_size: Option<f64>,
    pub year_built: Option<u16>,
    pub property_type: PropertyType,
    pub status: ListingStatus,
    pub listing_link: String,
    pub mls_number: String,
    /// The type and status as the imported file wrote them ("Condo/Townhome",
    /// "Active Under Contract"), kept beside the kind they were read as.
    pub listed_type: String,
    pub listed_status: String,
    pub features: Vec<Feature>,
    pub renovations: Vec<Renovation>,
    pub neighbourhood: Vec<NeighbourhoodNote>,
    /// The agent's photos and voice notes, in the agent's order (the
    /// bytes are on the device: `media_store`).
    pub media: super::media::MediaList,
    /// Never shared with a buyer.
    pub private_notes: String,
    /// Who to ask for a showing. Agent-private: never in a share link.
    pub listing_agent: ListingAgent,
    /// Property taxes a year, insurance a year and HOA fees a month, where
    /// known: the running costs of the monthly estimate.
    pub taxes_year: Option<u64>,
    pub insurance_year: Option<u64>,
    pub hoa_month: Option<u64>,
    /// When the agent last made sure the home is still on the market.
    pub checked: Option<DateTime<Utc>>,
}

/// The listing agent of a home, as the MLS names them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListingAgent {
    pub name: String,
    pub phone: String,
    pub email: String,
    pub brokerage: String,
    /// The language messages to them are written in ("es"), once chosen.
    pub language: String,
}

impl ListingAgent {
    /// Nothing known about the listing agent.
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty()
            && self.phone.trim().is_empty()
            && self.email.trim().is_empty()
            && self.brokerage.trim().is_empty()
    }
}

/// A fixed appointment or a window for one stop's start. Saved as
/// `{"kind":"pinned","at":..}` or `{"kind":"window","earliest":..,"latest":..}`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StopTiming {
    Pinned {
        at: NaiveTime,
    },
    Window {
        earliest: NaiveTime,
        latest: NaiveTime,
    },
}

/// One showing in a tour.
#[derive(Debug, Clone, PartialEq)]
pub struct Stop {
    pub id: Id,
    pub property: Id,
    pub duration_min: Option<u16>,
    pub timing: Option<StopTiming>,
    pub note: String,
    /// Where the showing appointment stands with the listing agent.
    pub appointment: AppointmentState,
    /// When the appointment's state last changed.
    pub appointment_changed: Option<DateTime<Utc>>,
    /// On the day: when the agent tapped Arrived, local time.
    pub arrived: Option<NaiveTime>,
    /// On the day: when the agent tapped Done, local time.
    pub left: Option<NaiveTime>,
    /// Left out of the day.
    pub skipped: bool,
    /// The agent's impression at the showing, 1 to 5.
    pub impression: Option<u8>,
}

/// Where a showing appointment stands with the listing agent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&\'static str")]
pub enum AppointmentState {
    #[default]
    ToRequest,
    Requested,
    Confirmed,
    Declined,
    Cancelled,
}

impl AppointmentState {
    /// The showing will not happen at this appointment.
    pub fn is_off(self) -> bool {
        matches!(
            self,
            AppointmentState::Declined | AppointmentState::Cancelled
        )
    }
}

/// A travel time the agent set by hand for the leg from one stop to the next.
#[derive(Debug, Clone, PartialEq)]
pub struct LegOverride {
    pub from: Id,
    pub to: Id,
    pub minutes: u16,
}

/// A named place with optional coordinates (tour start or end).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Place {
    pub label: String,
    pub coords: Option<LatLon>,
}

/// A planned morning (or day) of showings for one buyer.
#[derive(Debug, Clone, PartialEq)]
pub struct Tour {
    pub id: Id,
    pub stamp: Stamp,
    pub name: String,
    pub buyer: Option<Id>,
    pub date: Option<NaiveDate>,
    pub start: Place,
    pub start_time: Option<NaiveTime>,
    pub end: Option<Place>,
    pub latest_end: Option<NaiveTime>,
    pub default_duration_min: u16,
    pub buffer_min: u16,
    pub stops: Vec<Stop>,
    pub leg_overrides: Vec<LegOverride>,
    /// Road distance over straight-line distance; 1.3 when not set.
    pub circuity: Option<f64>,
    /// Average speed in km/h; 30 (car in town) when not set.
    pub speed_kmh: Option<f64>,
    /// Road times from the routing engine for the tour's places, when
    /// fetched (`roads::RoadMatrix` as text; empty when none). A cache:
    /// the estimate stands in without it.
    pub road_times: String,
}

/// Would the buyer see this home again?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&\'static str")]
pub enum Verdict {
    SeeAgain,
    Maybe,
    No,
}

/// One person's reaction to one stop of a tour.
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    pub id: Id,
    pub stamp: Stamp,
    pub tour: Id,
    pub stop: Id,
    pub person: String,
    pub rating: Option<u8>,
    pub verdict: Option<Verdict>,
    pub comment: String,
    pub at: DateTime<Utc>,
}

impl Document {
    /// Each buyer's id and name, in list order (for pickers and lists).
    pub fn buyer_names(&self) -> Vec<(Id, String)> {
        self.buyers.iter().map(|b| (b.id, b.name.clone())).collect()
    }

    /// This document as the one that replaces `previous` whole: a new
    /// generation, later than `previous`'s, started at `now_ms`.
    pub fn replacing(mut self, previous: &Document, now_ms: i64) -> Document {
        self.generation = now_ms.max(previous.generation + 1);
        self
    }

    /// True when there is nothing in the document.
    pub fn is_empty(&self) -> bool {
        self.buyers.is_empty()
            && self.properties.is_empty()
            && self.tours.is_empty()
            && self.feedback.is_empty()
    }

    /// How many records of each kind, for previews and summaries.
    pub fn counts(&self) -> Counts {
        Counts {
            buyers: self.buyers.len(),
            properties: self.properties.len(),
            tours: self.tours.len(),
            feedback: self.feedback.len(),
        }
    }
}

/// Record counts of a document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub buyers: usize,
    pub properties: usize,
    pub tours: usize,
    pub feedback: usize,
}

impl Buyer {
    /// A new buyer with only a name, made `now`.
    pub fn new(name: &str, now: DateTime<Utc>) -> Self {
        Buyer {
            id: Uuid::new_v4(),
            stamp: Stamp::new(now),
            name: name.trim().to_string(),
            contacts: vec![],
            budget_min: None,
            budget_max: None,
            min_beds: None,
            min_baths: None,
            property_types: vec![],
            preferred_areas: vec![],
            must_haves: vec![],
            nice_to_haves: vec![],
            deal_breakers: vec![],
            agreement_signed: None,
            notes: String::new(),
            down_payment: None,
            rate_percent: None,
            term_years: None,
            places: vec![],
            commute_times: String::new(),
        }
    }
}

impl Place {
    /// Neither a name nor a position: no place at all.
    pub fn is_empty(&self) -> bool {
        self.label.trim().is_empty() && self.coords.is_none()
    }
}

impl Tour {
    /// Where `property` is among the stops, if it is one.
    pub fn stop_of(&self, property: Id) -> Option<usize> {
        self.stops.iter().position(|s| s.property == property)
    }

    /// Where the tour ends, if it ends somewhere other than the last home.
    /// An empty end (an older version kept one when its position was
    /// cleared) is none.
    pub fn end_place(&self) -> Option<&Place> {
        self.end.as_ref().filter(|p| !p.is_empty())
    }

    /// Sets where the tour ends; `None` with no name clears the end.
    pub fn set_end_coords(&mut self, coords: Option<LatLon>) {
        match (&mut self.end, coords) {
            (Some(place), c) => place.coords = c,
            (None, Some(c)) => {
                self.end = Some(Place {
                    label: String::new(),
                    coords: Some(c),
                })
            }
            (None, None) => {}
        }
        if self.end.as_ref().is_some_and(Place::is_empty) {
            self.end = None;
        }
    }

    /// A new tour with a name and the usual defaults (20 min showings,
    /// 5 min buffer), made `now`.
    pub fn new(name: &str, buyer: Option<Id>, now: DateTime<Utc>) -> Self {
        Tour {
            id: Uuid::new_v4(),
            stamp: Stamp::new(now),
            name: name.trim().to_string(),
            buyer,
            date: None,
            start: Place::default(),
            start_time: None,
            end: None,
            latest_end: None,
            default_duration_min: 20,
            buffer_min: 5,
            stops: vec![],
            leg_overrides: vec![],
            circuity: None,
            speed_kmh: None,
            road_times: String::new(),
        }
    }
}

impl Stop {
    /// The time this stop is held to: its appointment or window, unless the
    /// listing agent declined the appointment or it was cancelled.
    pub fn binding_timing(&self) -> Option<StopTiming> {
        self.timing.filter(|_| !self.appointment.is_off())
    }

    /// A stop at `property` with the tour's default duration and no timing.
    pub fn at(property: Id) -> Self {
        Stop {
            id: Uuid::new_v4(),
            property,
            duration_min: None,
            timing: None,
            note: String::new(),
            appointment: AppointmentState::ToRequest,
            appointment_changed: None,
            arrived: None,
            left: None,
            skipped: false,
            impression: None,
        }
    }
}

impl Property {
    /// The ids of its photos (or voice notes), in the agent's order.
    pub fn media_ids(&self, kind: super::media::MediaKind) -> Vec<Id> {
        self.media
            .items()
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| m.id)
            .collect()
    }

    /// The neighbourhood or city, when the address does not already say it
    /// ("1842 SE Harold St, Portland, OR" with area "Portland": none), so a
    /// list row does not repeat it.
    pub fn area_beside_address(&self) -> Option<&str> {
        let area = self.area.trim();
        let area_lower = area.to_lowercase();
        let said = self
            .address
            .split(',')
            .any(|part| part.trim().to_lowercase() == area_lower);
        (!area.is_empty() && !said).then_some(area)
    }

    /// An empty property, made `now`.
    pub fn new(now: DateTime<Utc>) -> Self {
        Property {
            id: Uuid::new_v4(),
            stamp: Stamp::new(now),
            address: String::new(),
            area: String::new(),
            coords: None,
            list_price: None,
            beds: None,
            baths: None,
            floor_area: None,
            area_unit: AreaUnit::SqFt,
            lot_size: None,
            year_built: None,
            property_type: PropertyType::House,
            status: ListingStatus::Active,
            listing_link: String::new(),
            mls_number: String::new(),
            listed_type: String::new(),
            listed_status: String::new(),
            features: vec![],
            renovations: vec![],
            neighbourhood: vec![],
            media: Default::default(),
            private_notes: String::new(),
            listing_agent: ListingAgent::default(),
            taxes_year: None,
            insurance_year: None,
            hoa_month: None,
            checked: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn home(address: &str, area: &str) -> Property {
        let mut p = Property::new(DateTime::<Utc>::default());
        p.address = address.into();
        p.area = area.into();
        p
    }

    #[test]
    fn a_list_row_names_the_area_only_when_the_address_does_not() {
        let said = home("1842 SE Harold St, Portland, OR 97202", "Portland");
        assert_eq!(said.area_beside_address(), None);
        let other_case = home("12 Calle Mayor, MADRID", "Madrid");
        assert_eq!(other_case.area_beside_address(), None);
        let neighbourhood = home("1842 SE Harold St, Portland, OR 97202", "Sellwood");
        assert_eq!(neighbourhood.area_beside_address(), Some("Sellwood"));
        // A part of a word is not the area.
        let inside = home("5 Portland Ave, Salem", "Portland");
        assert_eq!(inside.area_beside_address(), Some("Portland"));
        assert_eq!(home("1 A St", " ").area_beside_address(), None);
    }
}
