//! Each record of the saved document as JSON, field by field (`json`).
//!
//! A field that a format added later reads as empty when it is missing, so
//! older documents still read; a record's id, stamp and the few values it
//! cannot be without are required. Enums are written by their stable names
//! (`names`, with their JSON), times as Unix milliseconds, dates and times of day as
//! chrono writes them ("2026-09-14", "10:30:00").
use super::iso;
use super::json::{record_json, write_text, Fields, FromJson, Json, Out, Result, ToJson};
use super::media::{Media, MediaList};
use super::model::*;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use uuid::Uuid;

impl FromJson for Id {
    fn from_json(value: Json<'_>) -> Result<Self> {
        let text = value.text()?;
        Id::parse_str(&text).map_err(|_| format!("\"{text}\" is not an id"))
    }
}

impl ToJson for Id {
    fn write_json(&self, out: &mut String) {
        write_text(
            self.hyphenated().encode_lower(&mut Uuid::encode_buffer()),
            out,
        );
    }
}

/// An instant, as Unix milliseconds; format 1 wrote it as RFC 3339 text
/// (read here, so its upgrade needs no pass of its own; `codec`).
impl FromJson for DateTime<Utc> {
    fn from_json(value: Json<'_>) -> Result<Self> {
        let millis = match value.text() {
            Ok(text) => iso::rfc3339_millis(&text)
                .ok_or_else(|| format!("time {text:?} is not an RFC 3339 date and time"))?,
            Err(_) => i64::from_json(value)?,
        };
        DateTime::from_timestamp_millis(millis).ok_or_else(|| format!("{millis} is out of range"))
    }
}

impl ToJson for DateTime<Utc> {
    fn write_json(&self, out: &mut String) {
        self.timestamp_millis().write_json(out);
    }
}

impl FromJson for NaiveDate {
    fn from_json(value: Json<'_>) -> Result<Self> {
        let text = value.text()?;
        iso::parse_date(&text).ok_or_else(|| format!("\"{text}\" is not a date (YYYY-MM-DD)"))
    }
}

impl FromJson for NaiveTime {
    fn from_json(value: Json<'_>) -> Result<Self> {
        let text = value.text()?;
        iso::parse_time(&text).ok_or_else(|| format!("\"{text}\" is not a time (HH:MM:SS)"))
    }
}

macro_rules! as_text {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                write_text(&self.to_string(), out);
            }
        }
    )*};
}

as_text!(NaiveDate, NaiveTime);

record_json!(
    Stamp,
    |f| Stamp {
        created: f.need("created")?,
        updated: f.need("updated")?
    },
    |s| Out::new()
        .put("created", &s.created)
        .put("updated", &s.updated)
);

record_json!(
    LatLon,
    |f| LatLon {
        lat: f.need("lat")?,
        lon: f.need("lon")?
    },
    |s| Out::new().put("lat", &s.lat).put("lon", &s.lon)
);

record_json!(
    Tombstone,
    |f| Tombstone {
        id: f.need("id")?,
        at: f.need("at")?
    },
    |s| Out::new().put("id", &s.id).put("at", &s.at)
);

record_json!(
    Contact,
    |f| Contact {
        name: f.or_default("name")?,
        phone: f.or_default("phone")?,
        email: f.or_default("email")?
    },
    |s| Out::new()
        .put("name", &s.name)
        .put("phone", &s.phone)
        .put("email", &s.email)
);

record_json!(
    WeightedWish,
    |f| WeightedWish {
        text: f.need("text")?,
        weight: f.need("weight")?
    },
    |s| Out::new().put("text", &s.text).put("weight", &s.weight)
);

record_json!(
    ImportantPlace,
    |f| ImportantPlace {
        name: f.need("name")?,
        coords: f.opt("coords")?,
        max_minutes: f.opt("max_minutes")?
    },
    |s| Out::new()
        .put("name", &s.name)
        .put("coords", &s.coords)
        .put("max_minutes", &s.max_minutes)
);

record_json!(
    Feature,
    |f| Feature {
        category: f.need("category")?,
        text: f.need("text")?
    },
    |s| Out::new().put("category", &s.category).put("text", &s.text)
);

record_json!(
    Renovation,
    |f| Renovation {
        id: f.need("id")?,
        item: f.need("item")?,
        room: f.or_default("room")?,
        priority: f.or_default("priority")?,
        cost_low: f.need("cost_low")?,
        cost_high: f.need("cost_high")?,
        note: f.or_default("note")?,
    },
    |s| Out::new()
        .put("id", &s.id)
        .put("item", &s.item)
        .put("room", &s.room)
        .put("priority", &s.priority)
        .put("cost_low", &s.cost_low)
        .put("cost_high", &s.cost_high)
        .put("note", &s.note)
);

/// A home's photos and voice notes, kept as written and read when needed
/// (`MediaList`): taken with no reader of their own (nor a copy of the
/// generic field reader), since opening the app reads every home.
fn media_list(f: &Fields<'_>) -> Result<MediaList> {
    match f.value("media") {
        Some(list) => list
            .list_text()
            .map(MediaList::from_json_text)
            .map_err(|e| format!("\"media\": {e}")),
        None => Ok(MediaList::default()),
    }
}

record_json!(
    Media,
    |f| Media {
        id: f.need("id")?,
        kind: f.or_default("kind")?,
        added: f.need("added")?,
        caption: f.or_default("caption")?,
        room: f.or_default("room")?,
        renovation: f.opt("renovation")?,
        feature: f.or_default("feature")?,
        width: f.or_default("width")?,
        height: f.or_default("height")?,
        duration_ms: f.or_default("duration_ms")?,
        bytes: f.or_default("bytes")?,
    },
    |s| Out::new()
        .put("id", &s.id)
        .put("kind", &s.kind)
        .put("added", &s.added)
        .put("caption", &s.caption)
        .put("room", &s.room)
        .put("renovation", &s.renovation)
        .put("feature", &s.feature)
        .put("width", &s.width)
        .put("height", &s.height)
        .put("duration_ms", &s.duration_ms)
        .put("bytes", &s.bytes)
);

record_json!(
    NeighbourhoodNote,
    |f| NeighbourhoodNote {
        id: f.need("id")?,
        category: f.need("category")?,
        rating: f.need("rating")?,
        text: f.need("text")?,
        shareable: f.or_default("shareable")?,
    },
    |s| Out::new()
        .put("id", &s.id)
        .put("category", &s.category)
        .put("rating", &s.rating)
        .put("text", &s.text)
        .put("shareable", &s.shareable)
);

record_json!(
    ListingAgent,
    |f| ListingAgent {
        name: f.or_default("name")?,
        phone: f.or_default("phone")?,
        email: f.or_default("email")?,
        brokerage: f.or_default("brokerage")?,
        language: f.or_default("language")?,
    },
    |s| Out::new()
        .put("name", &s.name)
        .put("phone", &s.phone)
        .put("email", &s.email)
        .put("brokerage", &s.brokerage)
        .put("language", &s.language)
);

record_json!(
    Place,
    |f| Place {
        label: f.or_default("label")?,
        coords: f.opt("coords")?
    },
    |s| Out::new().put("label", &s.label).put("coords", &s.coords)
);

record_json!(
    LegOverride,
    |f| LegOverride {
        from: f.need("from")?,
        to: f.need("to")?,
        minutes: f.need("minutes")?
    },
    |s| Out::new()
        .put("from", &s.from)
        .put("to", &s.to)
        .put("minutes", &s.minutes)
);

/// `{"kind":"pinned","at":..}` or `{"kind":"window","earliest":..,"latest":..}`.
impl FromJson for StopTiming {
    fn from_json(value: Json<'_>) -> Result<Self> {
        let f = Fields::of(value)?;
        let kind: String = f.need("kind")?;
        match kind.as_str() {
            "pinned" => Ok(StopTiming::Pinned { at: f.need("at")? }),
            "window" => Ok(StopTiming::Window {
                earliest: f.need("earliest")?,
                latest: f.need("latest")?,
            }),
            other => Err(format!("unknown stop time kind \"{other}\"")),
        }
    }
}

impl ToJson for StopTiming {
    fn write_json(&self, out: &mut String) {
        let text = match self {
            StopTiming::Pinned { at } => Out::new().put("kind", &"pinned").put("at", at),
            StopTiming::Window { earliest, latest } => Out::new()
                .put("kind", &"window")
                .put("earliest", earliest)
                .put("latest", latest),
        }
        .done();
        out.push_str(&text);
    }
}

record_json!(
    Stop,
    |f| Stop {
        id: f.need("id")?,
        property: f.need("property")?,
        duration_min: f.opt("duration_min")?,
        timing: f.opt("timing")?,
        note: f.or_default("note")?,
        appointment: f.or_default("appointment")?,
        appointment_changed: f.opt("appointment_changed")?,
        arrived: f.opt("arrived")?,
        left: f.opt("left")?,
        skipped: f.or_default("skipped")?,
        impression: f.opt("impression")?,
    },
    |s| Out::new()
        .put("id", &s.id)
        .put("property", &s.property)
        .put("duration_min", &s.duration_min)
        .put("timing", &s.timing)
        .put("note", &s.note)
        .put(
            "appointment",
            &(s.appointment != AppointmentState::ToRequest).then_some(s.appointment)
        )
        .put("appointment_changed", &s.appointment_changed)
        .put("arrived", &s.arrived)
        .put("left", &s.left)
        .put("skipped", &s.skipped)
        .put("impression", &s.impression)
);

record_json!(
    Buyer,
    |f| Buyer {
        id: f.need("id")?,
        stamp: f.need("stamp")?,
        name: f.need("name")?,
        contacts: f.or_default("contacts")?,
        budget_min: f.opt("budget_min")?,
        budget_max: f.opt("budget_max")?,
        min_beds: f.opt("min_beds")?,
        min_baths: f.opt("min_baths")?,
        property_types: f.or_default("property_types")?,
        preferred_areas: f.or_default("preferred_areas")?,
        must_haves: f.or_default("must_haves")?,
        nice_to_haves: f.or_default("nice_to_haves")?,
        deal_breakers: f.or_default("deal_breakers")?,
        agreement_signed: f.opt("agreement_signed")?,
        notes: f.or_default("notes")?,
        down_payment: f.opt("down_payment")?,
        rate_percent: f.opt("rate_percent")?,
        term_years: f.opt("term_years")?,
        places: f.or_default("places")?,
        commute_times: f.or_default("commute_times")?,
    },
    |s| Out::new()
        .put("id", &s.id)
        .put("stamp", &s.stamp)
        .put("name", &s.name)
        .put("contacts", &s.contacts)
        .put("budget_min", &s.budget_min)
        .put("budget_max", &s.budget_max)
        .put("min_beds", &s.min_beds)
        .put("min_baths", &s.min_baths)
        .put("property_types", &s.property_types)
        .put("preferred_areas", &s.preferred_areas)
        .put("must_haves", &s.must_haves)
        .put("nice_to_haves", &s.nice_to_haves)
        .put("deal_breakers", &s.deal_breakers)
        .put("agreement_signed", &s.agreement_signed)
        .put("notes", &s.notes)
        .put("down_payment", &s.down_payment)
        .put("rate_percent", &s.rate_percent)
        .put("term_years", &s.term_years)
        .put("places", &s.places)
        .put("commute_times", &s.commute_times)
);

record_json!(
    Property,
    |f| Property {
        id: f.need("id")?,
        stamp: f.need("stamp")?,
        address: f.need("address")?,
        area: f.or_default("area")?,
        coords: f.opt("coords")?,
        // Format 1 called the asking price `price`.
        list_price: match f.opt("list_price")? {
            Some(price) => Some(price),
            None => f.opt("price")?,
        },
        beds: f.opt("beds")?,
        baths: f.opt("baths")?,
        floor_area: f.opt("floor_area")?,
        area_unit: f.or_default("area_unit")?,
        lot_size: f.opt("lot_size")?,
        year_built: f.opt("year_built")?,
        property_type: f.or_default("property_type")?,
        status: f.or_default("status")?,
        listing_link: f.or_default("listing_link")?,
        mls_number: f.or_default("mls_number")?,
        listed_type: f.or_default("listed_type")?,
        listed_status: f.or_default("listed_status")?,
        features: f.or_default("features")?,
        renovations: f.or_default("renovations")?,
        neighbourhood: f.or_default("neighbourhood")?,
        media: media_list(&f)?,
        private_notes: f.or_default("private_notes")?,
        listing_agent: f.or_default("listing_agent")?,
        taxes_year: f.opt("taxes_year")?,
        insurance_year: f.opt("insurance_year")?,
        hoa_month: f.opt("hoa_month")?,
        checked: f.opt("checked")?,
    },
    |s| Out::new()
        .put("id", &s.id)
        .put("stamp", &s.stamp)
        .put("address", &s.address)
        .put("area", &s.area)
        .put("coords", &s.coords)
        .put("list_price", &s.list_price)
        .put("beds", &s.beds)
        .put("baths", &s.baths)
        .put("floor_area", &s.floor_area)
        .put("area_unit", &s.area_unit)
        .put("lot_size", &s.lot_size)
        .put("year_built", &s.year_built)
        .put("property_type", &s.property_type)
        .put("status", &s.status)
        .put("listing_link", &s.listing_link)
        .put("mls_number", &s.mls_number)
        .put("listed_type", &s.listed_type)
        .put("listed_status", &s.listed_status)
        .put("features", &s.features)
        .put("renovations", &s.renovations)
        .put("neighbourhood", &s.neighbourhood)
        .put_json("media", s.media.json_text())
        .put("private_notes", &s.private_notes)
        .put(
            "listing_agent",
            &(!s.listing_agent.is_empty()).then_some(&s.listing_agent)
        )
        .put("taxes_year", &s.taxes_year)
        .put("insurance_year", &s.insurance_year)
        .put("hoa_month", &s.hoa_month)
        .put("checked", &s.checked)
);

record_json!(
    Tour,
    |f| Tour {
        id: f.need("id")?,
        stamp: f.need("stamp")?,
        name: f.or_default("name")?,
        buyer: f.opt("buyer")?,
        date: f.opt("date")?,
        start: f.or_default("start")?,
        start_time: f.opt("start_time")?,
        end: f.opt("end")?,
        latest_end: f.opt("latest_end")?,
        default_duration_min: f.need("default_duration_min")?,
        buffer_min: f.need("buffer_min")?,
        stops: f.or_default("stops")?,
        leg_overrides: f.or_default("leg_overrides")?,
        circuity: f.opt("circuity")?,
        speed_kmh: f.opt("speed_kmh")?,
        road_times: f.or_default("road_times")?,
    },
    |s| Out::new()
        .put("id", &s.id)
        .put("stamp", &s.stamp)
        .put("name", &s.name)
        .put("buyer", &s.buyer)
        .put("date", &s.date)
        .put("start", &s.start)
        .put("start_time", &s.start_time)
        .put("end", &s.end)
        .put("latest_end", &s.latest_end)
        .put("default_duration_min", &s.default_duration_min)
        .put("buffer_min", &s.buffer_min)
        .put("stops", &s.stops)
        .put("leg_overrides", &s.leg_overrides)
        .put("circuity", &s.circuity)
        .put("speed_kmh", &s.speed_kmh)
        .put("road_times", &s.road_times)
);

record_json!(
    Feedback,
    |f| Feedback {
        id: f.need("id")?,
        stamp: f.need("stamp")?,
        tour: f.need("tour")?,
        stop: f.need("stop")?,
        person: f.need("person")?,
        rating: f.opt("rating")?,
        verdict: f.opt("verdict")?,
        comment: f.or_default("comment")?,
        at: f.need("at")?,
    },
    |s| Out::new()
        .put("id", &s.id)
        .put("stamp", &s.stamp)
        .put("tour", &s.tour)
        .put("stop", &s.stop)
        .put("person", &s.person)
        .put("rating", &s.rating)
        .put("verdict", &s.verdict)
        .put("comment", &s.comment)
        .put("at", &s.at)
);

record_json!(
    Document,
    |f| Document {
        buyers: f.or_default("buyers")?,
        properties: f.or_default("properties")?,
        tours: f.or_default("tours")?,
        feedback: f.or_default("feedback")?,
        deleted: f.or_default("deleted")?,
        generation: f.or_default("generation")?,
    },
    |s| Out::new()
        .put("buyers", &s.buyers)
        .put("properties", &s.properties)
        .put("tours", &s.tours)
        .put("feedback", &s.feedback)
        .put("deleted", &s.deleted)
        .put("generation", &(s.generation != 0).then_some(s.generation))
);
