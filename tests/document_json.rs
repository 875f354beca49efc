//! Host tests for the document's JSON (`domain::document_json`): what a
//! build before it saved reads field for field, every field goes and comes
//! back, empty ones are left out, and a bad value names its field.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use showplan::domain::codec::{decode, decode_checked, document_json, encode, DecodeError};
use showplan::domain::media::Media;
use showplan::domain::model::*;
use uuid::Uuid;

fn id(n: u128) -> Id {
    Uuid::from_u128(0x6f1c_0000_0000_4000_8000_0000_0000_0000 + n)
}

fn at(h: u32, m: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, h, m, 0)
        .single()
        .expect("valid time")
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
}

/// A document with every field of every record set to something not empty.
fn full_document() -> Document {
    let stamp = Stamp {
        created: at(9, 0),
        updated: at(9, 30),
    };
    let buyer = Buyer {
        id: id(1),
        stamp,
        name: "Ana \"Ani\" Popescu — Ștefan, 東京\n".into(),
        contacts: vec![Contact {
            name: "Ana".into(),
            phone: "+40 721 000 111".into(),
            email: "ana@example.ro".into(),
        }],
        budget_min: Some(350_000),
        budget_max: Some(1_250_000_000),
        min_beds: Some(3),
        min_baths: Some(1.1),
        property_types: vec![PropertyType::House, PropertyType::MultiFamily],
        preferred_areas: vec!["Sellwood".into(), "Brooklyn".into()],
        must_haves: vec!["garage".into()],
        nice_to_haves: vec![WeightedWish {
            text: "yard".into(),
            weight: 4,
        }],
        deal_breakers: vec!["busy road".into()],
        agreement_signed: NaiveDate::from_ymd_opt(2026, 11, 2),
        notes: "Pre-approved.".into(),
        down_payment: Some(70_000),
        rate_percent: Some(6.125),
        term_years: Some(30),
        places: vec![ImportantPlace {
            name: "Work".into(),
            coords: Some(LatLon {
                lat: 45.512_3,
                lon: -122.658_7,
            }),
            max_minutes: Some(25),
        }],
        commute_times: "c1;x".into(),
    };
    let property = Property {
        id: id(2),
        stamp,
        address: "1842 SE Harold St".into(),
        area: "Sellwood".into(),
        coords: Some(LatLon {
            lat: 45.476,
            lon: -122.648,
        }),
        list_price: Some(650_000),
        beds: Some(3),
        baths: Some(2.5),
        floor_area: Some(1_720.5),
        area_unit: AreaUnit::SqM,
        lot_size: Some(5_000.0),
        year_built: Some(1924),
        property_type: PropertyType::Townhouse,
        status: ListingStatus::Pending,
        listing_link: "https://example.com/l/1".into(),
        mls_number: "MLS-1".into(),
        listed_type: "Condo/Townhome".into(),
        listed_status: "Active Under Contract".into(),
        features: vec![Feature {
            category: "Kitchen".into(),
            text: "gas range".into(),
        }],
        renovations: vec![Renovation {
            id: id(3),
            item: "Roof".into(),
            room: "Attic".into(),
            priority: Priority::High,
            cost_low: 0,
            cost_high: 12_000,
            note: "soon".into(),
        }],
        neighbourhood: vec![NeighbourhoodNote {
            id: id(4),
            category: NoteCategory::Schools,
            rating: 5,
            text: "Good schools".into(),
            shareable: true,
        }],
        media: Default::default(),
        private_notes: "Seller motivated".into(),
        listing_agent: ListingAgent {
            name: "Li Wei".into(),
            phone: "+1 503 555 0111".into(),
            email: "li@example.com".into(),
            brokerage: "Harbor Realty".into(),
            language: "es".into(),
        },
        taxes_year: Some(5_400),
        insurance_year: Some(1_200),
        hoa_month: Some(150),
        checked: Some(at(8, 15)),
    };
    let stop = |n: u128, timing, appointment| Stop {
        id: id(n),
        property: id(2),
        duration_min: Some(30),
        timing: Some(timing),
        note: "Lockbox 1234".into(),
        appointment,
        appointment_changed: Some(at(7, 45)),
        arrived: Some(time(10, 5)),
        left: Some(time(10, 40)),
        skipped: true,
        impression: Some(4),
    };
    let tour = Tour {
        id: id(5),
        stamp,
        name: "Saturday".into(),
        buyer: Some(id(1)),
        date: NaiveDate::from_ymd_opt(2026, 11, 28),
        start: Place {
            label: "Office".into(),
            coords: Some(LatLon {
                lat: 45.5,
                lon: -122.6,
            }),
        },
        start_time: Some(time(9, 30)),
        end: Some(Place {
            label: "Home".into(),
            coords: None,
        }),
        latest_end: Some(time(17, 0)),
        default_duration_min: 20,
        buffer_min: 5,
        stops: vec![
            stop(
                6,
                StopTiming::Pinned { at: time(10, 30) },
                AppointmentState::Confirmed,
            ),
            stop(
                7,
                StopTiming::Window {
                    earliest: time(11, 0),
                    latest: time(12, 15),
                },
                AppointmentState::Cancelled,
            ),
        ],
        leg_overrides: vec![LegOverride {
            from: id(6),
            to: id(7),
            minutes: 12,
        }],
        circuity: Some(1.3),
        speed_kmh: Some(40.0),
        road_times: "r1;y".into(),
    };
    let feedback = Feedback {
        id: id(8),
        stamp,
        tour: id(5),
        stop: id(6),
        person: "Ana".into(),
        rating: Some(5),
        verdict: Some(Verdict::SeeAgain),
        comment: "Loved the kitchen".into(),
        at: at(12, 0),
    };
    Document {
        buyers: vec![buyer],
        properties: vec![property],
        tours: vec![tour],
        feedback: vec![feedback],
        deleted: vec![Tombstone {
            id: id(9),
            at: at(6, 0),
        }],
        generation: 1_790_000_000_000,
    }
}

/// Written by the build before this one (serde_json), with every field set.
const SAVED_BEFORE: &str = include_str!("fixtures/document-v4-full.json");

#[test]
fn a_document_saved_by_the_previous_build_reads_field_for_field() {
    let decoded = decode(SAVED_BEFORE).expect("decodes");
    assert_eq!(decoded.migrated_from, None);
    assert_eq!(decoded.saved_at, Some(at(13, 0)));
    assert_eq!(decoded.document, full_document());
}

#[test]
fn every_field_goes_and_comes_back() {
    let document = full_document();
    let text = encode(&document, at(13, 0));
    let back = decode(&text).expect("decodes");
    assert_eq!(back.document, document);
    assert_eq!(back.saved_at, Some(at(13, 0)));
    // Written once more, the same text: saving compares it to skip writes.
    assert_eq!(document_json(&back.document), document_json(&document));
    // Numbers as a person would write them, not binary leftovers.
    assert!(text.contains("\"min_baths\":1.1,"), "{text}");
    assert!(text.contains("\"budget_max\":1250000000,"), "{text}");
}

#[test]
fn photos_and_voice_notes_of_a_home_go_and_come_back() {
    let mut document = full_document();
    let media = vec![
        Media {
            caption: "Cracked tile by the door".into(),
            room: "Kitchen".into(),
            renovation: Some(id(3)),
            feature: "gas range".into(),
            ..Media::photo(id(20), at(9, 0), 1600, 1200, 412_345)
        },
        Media::voice(id(21), at(9, 5), 31_500, 88_000),
    ];
    document.properties[0].media = media.clone().into();
    let text = encode(&document, at(13, 0));
    assert!(text.contains("\"kind\":\"voice\""), "{text}");
    let back = decode(&text).expect("decodes");
    assert_eq!(back.document, document);
    assert_eq!(back.document.properties[0].media.read(), Ok(media.clone()));
    // Written again, the list is the same text.
    assert_eq!(encode(&back.document, at(13, 0)), text);
}

#[test]
fn a_homes_media_list_is_kept_as_written_until_read() {
    let mut document = full_document();
    document.properties[0].media = vec![Media::photo(id(20), at(9, 0), 4, 3, 10)].into();
    let text = encode(&document, at(13, 0));
    // A photo with no id: read as a list, and refused only when read.
    let damaged = text.replace(&format!("\"id\":\"{}\",\"kind\"", id(20)), "\"kind\"");
    assert_ne!(damaged, text);
    let back = decode(&damaged).expect("the document itself reads");
    let list = &back.document.properties[0].media;
    assert_eq!(list.read(), Err("entry 1: \"id\" is missing".into()));
    assert!(list.items().is_empty());
    // An edit of a list that does not read changes nothing.
    let mut edited = list.clone();
    assert_eq!(edited.edit(|m| m.clear()), None);
    assert_eq!(&edited, list);
    // A file from outside the device is checked whole.
    assert_eq!(
        decode_checked(&damaged).map(|_| ()),
        Err(DecodeError::Invalid(
            "\"properties\": entry 1: \"media\": entry 1: \"id\" is missing".into()
        ))
    );
    assert!(decode_checked(&text).is_ok());
    // Not a list where the list belongs: the document does not read.
    let list = format!("\"media\":{}", document.properties[0].media.json_text());
    assert!(text.contains(&list));
    let not_a_list = text.replace(&list, "\"media\":{\"a\":[1]}");
    assert!(decode(&not_a_list).is_err());
}

#[test]
fn empty_values_are_left_out_and_read_back_empty() {
    let buyer = Buyer::new("Ana", at(9, 0));
    let mut tour = Tour::new("", None, at(9, 0));
    tour.stops.push(Stop::at(id(2)));
    let document = Document {
        buyers: vec![buyer],
        tours: vec![tour],
        ..Document::default()
    };
    let json = document_json(&document);
    for left_out in [
        "notes",
        "contacts",
        "budget_min",
        "commute_times",
        "generation",
        "skipped",
        "appointment",
        "\"name\":\"\"",
        "properties",
    ] {
        assert!(!json.contains(left_out), "{left_out} in {json}");
    }
    let back = decode(&encode(&document, at(10, 0)))
        .expect("decodes")
        .document;
    assert_eq!(back, document);
    assert_eq!(document_json(&Document::default()), "{}");
}

#[test]
fn a_bad_value_names_its_field() {
    let with = |from: &str, to: &str| {
        let text = encode(&full_document(), at(13, 0)).replacen(from, to, 1);
        match decode(&text) {
            Err(DecodeError::Invalid(why)) => why,
            other => panic!("{other:?} for {to}"),
        }
    };
    let why = with("\"beds\":3", "\"beds\":300");
    assert!(why.contains("\"beds\"") && why.contains("300"), "{why}");
    let why = with("\"status\":\"pending\"", "\"status\":\"gone\"");
    assert!(why.contains("\"status\"") && why.contains("gone"), "{why}");
    let why = with("\"date\":\"2026-11-28\"", "\"date\":\"28/11/2026\"");
    assert!(
        why.contains("\"date\"") && why.contains("28/11/2026"),
        "{why}"
    );
    let why = with("\"address\":\"1842 SE Harold St\",", "");
    assert!(why.contains("\"address\" is missing"), "{why}");
    assert!(matches!(
        decode("{\"format\":\"showplan\",\"version\":4,"),
        Err(DecodeError::NotJson(_))
    ));
}

/// Every character a person can type, and the ones they cannot (control
/// characters from a pasted spreadsheet), is written as JSON that reads
/// back the same.
#[test]
fn any_text_is_written_as_json_that_reads_back_the_same() {
    let mut document = full_document();
    let tricky = "quote \" backslash \\ slash / tab \t cr \r nl \n bell \u{7} nul \u{0} del \u{7f} \u{2028} é 東京 🏠";
    document.buyers[0].name = tricky.into();
    document.properties[0].private_notes = "\\\"".into();
    let text = encode(&document, at(13, 0));
    assert!(text.contains(r#"bell \u0007 nul \u0000"#), "{text}");
    let back = decode(&text).expect("decodes").document;
    assert_eq!(back.buyers[0].name, tricky);
    assert_eq!(back, document);
    // And serde_json, another reader, reads the same text.
    let other: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(other["document"]["buyers"][0]["name"], tricky);
}
