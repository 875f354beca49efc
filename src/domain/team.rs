//! A brokerage's shared database: the team's catalogue of homes, with their
//! features, renovations and neighbourhood notes, beside each agent's own
//! database (buyers, tours, feedback, and everything of the homes).
//!
//! What may reach it is decided here, by construction as for the share
//! link: a home is written out field by field, so a field added to
//! `Property` later reaches the team only once someone adds it here. The
//! agent's private notes and own photos and voice notes never do.
use super::model::{Document, Property};
use super::sync::Body;
use std::collections::HashMap;

/// A home as the team database holds it: everything but the agent's
/// private notes and the agent's own photos and voice notes.
pub fn for_team(home: &Property) -> Property {
    let Property {
        id,
        stamp,
        address,
        area,
        coords,
        list_price,
        beds,
        baths,
        floor_area,
        area_unit,
        lot_size,
        year_built,
        property_type,
        status,
        listing_link,
        mls_number,
        listed_type,
        listed_status,
        features,
        renovations,
        neighbourhood,
        media: _,
        private_notes: _,
        listing_agent,
        taxes_year,
        insurance_year,
        hoa_month,
        checked,
    } = home.clone();
    Property {
        id,
        stamp,
        address,
        area,
        coords,
        list_price,
        beds,
        baths,
        floor_area,
        area_unit,
        lot_size,
        year_built,
        property_type,
        status,
        listing_link,
        mls_number,
        listed_type,
        listed_status,
        features,
        renovations,
        neighbourhood,
        media: Default::default(),
        private_notes: String::new(),
        listing_agent,
        taxes_year,
        insurance_year,
        hoa_month,
        checked,
    }
}

/// A home from the team database, with what this device keeps of its own
/// copy (its private notes, its photos and voice notes).
pub fn from_team(local: &Document, mut theirs: Property) -> Property {
    if let Some(mine) = local.properties.iter().find(|p| p.id == theirs.id) {
        theirs.private_notes = mine.private_notes.clone();
        theirs.media = mine.media.clone();
    }
    theirs
}

/// What this device takes from the team database: homes (with its own
/// private parts kept) and their deletions; anything else there (a buyer,
/// a tour) is not the team's to send, and is left alone.
pub fn incoming(local: &Document, bodies: Vec<Body>) -> Vec<Body> {
    let not_a_home = |id| {
        local.buyers.iter().any(|r| r.id == id)
            || local.tours.iter().any(|r| r.id == id)
            || local.feedback.iter().any(|r| r.id == id)
    };
    bodies
        .into_iter()
        .filter_map(|body| match body {
            Body::Property(home) => Some(Body::Property(from_team(local, home))),
            Body::Deleted(t) if !not_a_home(t.id) => Some(Body::Deleted(t)),
            _ => None,
        })
        .collect()
}

/// What goes up to the team database of what changed here: homes, as
/// [`for_team`] writes them, and the deletions of records the team
/// database has (`known`: its revisions this device knows).
pub fn outgoing(bodies: Vec<Body>, known: &HashMap<String, String>) -> Vec<Body> {
    bodies
        .into_iter()
        .filter_map(|body| match body {
            Body::Property(home) => Some(Body::Property(for_team(&home))),
            Body::Deleted(t) if known.contains_key(&t.id.to_string()) => Some(Body::Deleted(t)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Id, Tombstone};
    use crate::domain::sample::sample_document;
    use crate::domain::sync::bodies_where;
    use chrono::{TimeZone, Utc};

    fn doc() -> Document {
        let now = Utc.timestamp_millis_opt(1_800_000_000_000).unwrap();
        let mut doc = sample_document(now);
        doc.properties[0].private_notes = "Seller must move by March PRIVATE".into();
        doc
    }

    #[test]
    fn a_home_for_the_team_has_every_field_but_the_agents_own() {
        let doc = doc();
        let home = &doc.properties[0];
        let shared = for_team(home);
        assert_eq!(shared.private_notes, "");
        assert!(shared.media.is_empty());
        assert_eq!(shared.address, home.address);
        assert_eq!(shared.neighbourhood, home.neighbourhood);
        assert_eq!(shared.features, home.features);
        assert_eq!(shared.renovations, home.renovations);
        assert_eq!(shared.stamp, home.stamp);
        // With the private parts put back, it is the home again.
        let mut back = shared.clone();
        back.private_notes = home.private_notes.clone();
        back.media = home.media.clone();
        assert_eq!(&back, home);
        assert!(!Body::Property(shared).to_text().contains("PRIVATE"));
    }

    #[test]
    fn only_homes_and_their_deletions_go_to_the_team() {
        let doc = doc();
        let mut bodies = bodies_where(&doc, |_, _| true);
        let known_gone = Id::from_u128(1);
        let never_there = Id::from_u128(2);
        let at = doc.properties[0].stamp.updated;
        bodies.push(Body::Deleted(Tombstone { id: known_gone, at }));
        bodies.push(Body::Deleted(Tombstone {
            id: never_there,
            at,
        }));
        let known = HashMap::from([(known_gone.to_string(), "1-a".to_string())]);
        let out = outgoing(bodies, &known);
        let homes = out
            .iter()
            .filter(|b| matches!(b, Body::Property(_)))
            .count();
        assert_eq!(homes, doc.properties.len());
        assert_eq!(out.len(), homes + 1, "only the deletion the team has");
        for body in &out {
            let text = body.to_text();
            assert!(!text.contains("PRIVATE"), "{text}");
            assert!(matches!(body, Body::Property(_) | Body::Deleted(_)));
        }
    }

    #[test]
    fn from_the_team_homes_keep_this_devices_private_parts_and_nothing_else_is_taken() {
        let doc = doc();
        let mut theirs = for_team(&doc.properties[0]);
        theirs.address = "A colleague's spelling".into();
        let buyer = doc.buyers[0].clone();
        let at = doc.properties[0].stamp.updated;
        let came = incoming(
            &doc,
            vec![
                Body::Property(theirs),
                Body::Buyer(buyer.clone()),
                Body::Deleted(Tombstone { id: buyer.id, at }),
                Body::Deleted(Tombstone {
                    id: doc.properties[1].id,
                    at,
                }),
            ],
        );
        assert_eq!(came.len(), 2, "{came:?}");
        let Body::Property(home) = &came[0] else {
            panic!("a home first");
        };
        assert_eq!(home.address, "A colleague's spelling");
        assert_eq!(home.private_notes, "Seller must move by March PRIVATE");
        assert_eq!(came[1].id(), doc.properties[1].id);
    }
}
