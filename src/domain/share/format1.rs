//! Format 1 links carried compact JSON (one-letter names); links made then
//! still open. Read only: links are written in format 2 (`wire`).
use super::payload::{Itinerary, Reaction, Reply, SharedNote, SharedPlace, SharedStop};
use crate::domain::json::{record_json, Out};

record_json!(SharedPlace, |f| SharedPlace {
    label: f.or_default("l")?,
    coords: f.opt("c")?
});

record_json!(SharedNote, |f| SharedNote {
    category: f.need("c")?,
    rating: f.need("r")?,
    text: f.need("t")?
});

record_json!(SharedStop, |f| SharedStop {
    id: f.need("i")?,
    address: f.need("a")?,
    coords: f.opt("c")?,
    price: f.opt("p")?,
    beds: f.opt("b")?,
    baths: f.opt("h")?,
    floor_area: f.opt("f")?,
    area_unit: f.or_default("u")?,
    kind: f.need("k")?,
    features: f.or_default("x")?,
    notes: f.or_default("n")?,
    renovations: f.opt("r")?,
    times: f.need("t")?,
    skipped: f.or_default("s")?,
});

record_json!(Itinerary, |f| Itinerary {
    tour: f.need("i")?,
    name: f.or_default("n")?,
    date: f.opt("d")?,
    agent: f.or_default("g")?,
    agent_contact: f.or_default("o")?,
    currency: f.or_default("m")?,
    start: f.need("s")?,
    end: f.opt("e")?,
    stops: f.need("w")?,
    finish: f.need("z")?,
    map: String::new(),
});

record_json!(Reply, |f| Reply {
    tour: f.need("i")?,
    sent: f.need("at")?,
    reactions: f.need("f")?
});

// Also how a buyer's unsent reactions are kept on the phone (`draft`).
record_json!(
    Reaction,
    |f| Reaction {
        stop: f.need("s")?,
        // Empty while a buyer has not given their name (a draft).
        person: f.or_default("p")?,
        rating: f.opt("r")?,
        verdict: f.opt("v")?,
        comment: f.or_default("c")?,
    },
    |s| Out::new()
        .put("s", &s.stop)
        .put("p", &s.person)
        .put("r", &s.rating)
        .put("v", &s.verdict)
        .put("c", &s.comment)
);
