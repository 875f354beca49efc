//! Host tests for the saved document: encode, decode, migrate, merge, backup.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use chrono::{DateTime, TimeZone, Utc};
use showplan::domain::codec::{decode, encode, DecodeError, CURRENT_VERSION};
use showplan::domain::merge::{merge, preview, MergePreview};
use showplan::domain::model::*;
use showplan::domain::sample::sample_document;
use uuid::Uuid;

fn t(h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, h, 0, 0)
        .single()
        .expect("valid time")
}

fn buyer(name: &str, updated: DateTime<Utc>) -> Buyer {
    let mut b = Buyer::new(name, t(1));
    b.stamp.updated = updated;
    b.budget_max = Some(500_000);
    b
}

#[test]
fn encode_then_decode_gives_the_same_document() {
    let doc = sample_document(t(9));
    let text = encode(&doc, t(10));
    let back = decode(&text).expect("decodes");
    assert_eq!(back.document, doc);
    assert_eq!(back.saved_at, Some(t(10)));
    assert_eq!(back.migrated_from, None);
}

/// Saving skips a write when storage already holds the same document, by
/// checking that the stored envelope ends with the document's JSON
/// (`storage::holds_document_json`); that needs the document to be the
/// envelope's last field.
#[test]
fn the_envelope_ends_with_the_document_json() {
    let document = sample_document(t(9));
    let json = showplan::domain::codec::document_json(&document);
    let text = encode(&document, t(10));
    let head = text
        .strip_suffix('}')
        .and_then(|t| t.strip_suffix(json.as_str()))
        .unwrap_or_default();
    assert!(head.ends_with("\"document\":"), "{head}");
    assert_eq!(decode(&text).map(|d| d.document), Ok(document));
}

#[test]
fn a_version_1_fixture_migrates_to_the_current_version() {
    let text = include_str!("fixtures/document-v1.json");
    let decoded = decode(text).expect("v1 decodes");
    assert_eq!(decoded.migrated_from, Some(1));
    let doc = decoded.document;
    assert_eq!(doc.buyers.len(), 1);
    assert_eq!(doc.buyers[0].name, "Ana Popescu");
    assert_eq!(doc.properties.len(), 2);
    assert_eq!(
        doc.properties[0].list_price,
        Some(189_000),
        "v1 `price` becomes `list_price`"
    );
    assert_eq!(
        doc.properties[1].list_price, None,
        "a property without a price stays without one"
    );
    assert_eq!(doc.properties[0].renovations[0].cost_high, 1_500);
    assert_eq!(
        doc.properties[0].private_notes,
        "Owner open to offers below asking."
    );
    assert_eq!(
        doc.properties[0].address,
        "Strada Barbu Văcărescu 120, București"
    );

    // Saved again, it is a current-version document that reads back the same.
    let again = decode(&encode(&doc, t(12))).expect("re-encoded decodes");
    assert_eq!(again.migrated_from, None);
    assert_eq!(again.document, doc);
    assert!(encode(&doc, t(12)).contains(&format!("\"version\":{CURRENT_VERSION}")));
}

/// Format 2 (before tour day) reads as it is, with the new fields empty,
/// and they survive a save and a read.
#[test]
fn a_version_2_document_reads_with_tour_day_fields_empty_and_keeps_them_once_set() {
    let text = r#"{"format":"showplan","version":2,"saved_at":"2026-11-20T10:00:00.000Z","document":{"properties":[{"id":"00000000-0000-4000-8000-000000000101","stamp":{"created":1763632800000,"updated":1763632800000},"address":"1 A St"}],"tours":[{"id":"00000000-0000-4000-8000-000000000301","stamp":{"created":1763632800000,"updated":1763632800000},"default_duration_min":20,"buffer_min":5,"stops":[{"id":"00000000-0000-4000-8000-000000003001","property":"00000000-0000-4000-8000-000000000101","note":"gate code 12"}]}]}}"#;
    let decoded = decode(text).expect("v2 decodes");
    assert_eq!(decoded.migrated_from, Some(2));
    let mut doc = decoded.document;
    let stop = &doc.tours[0].stops[0];
    assert_eq!(stop.note, "gate code 12");
    assert_eq!(stop.appointment, AppointmentState::ToRequest);
    assert_eq!((stop.arrived, stop.left, stop.skipped), (None, None, false));
    assert!(doc.properties[0].listing_agent.is_empty());
    assert_eq!(doc.properties[0].checked, None);

    let stop = &mut doc.tours[0].stops[0];
    stop.appointment = AppointmentState::Confirmed;
    stop.appointment_changed = Some(t(8));
    stop.arrived = chrono::NaiveTime::from_hms_opt(9, 12, 0);
    stop.left = chrono::NaiveTime::from_hms_opt(9, 31, 0);
    stop.impression = Some(4);
    doc.tours[0].stops.push(Stop {
        skipped: true,
        ..Stop::at(doc.properties[0].id)
    });
    doc.properties[0].listing_agent.name = "Dana Whitfield".into();
    doc.properties[0].checked = Some(t(7));
    let text = encode(&doc, t(12));
    assert!(
        text.contains(&format!("\"version\":{CURRENT_VERSION}")),
        "{text}"
    );
    assert!(text.contains("\"appointment\":\"confirmed\""), "{text}");
    assert!(text.contains("\"arrived\":\"09:12:00\""), "{text}");
    let again = decode(&text).expect("the current version decodes");
    assert_eq!(again.migrated_from, None);
    assert_eq!(again.document, doc);
}

#[test]
fn unreadable_inputs_name_their_problem() {
    assert!(matches!(decode(""), Err(DecodeError::NotJson(_))));
    assert!(matches!(
        decode("{\"format\":\"showplan\",\"vers"),
        Err(DecodeError::NotJson(_))
    ));
    assert!(matches!(decode("[1,2,3]"), Err(DecodeError::NotShowplan)));
    assert!(matches!(
        decode("{\"name\":\"a todo list\"}"),
        Err(DecodeError::NotShowplan)
    ));
    assert!(matches!(
        decode("{\"format\":\"showplan\",\"version\":99,\"document\":{}}"),
        Err(DecodeError::NewerVersion { found: 99, .. })
    ));
    assert!(matches!(
        decode("{\"format\":\"showplan\",\"version\":1,\"document\":{\"properties\":7}}"),
        Err(DecodeError::Migration { from: 1, .. })
    ));
    assert!(matches!(
        decode("{\"format\":\"showplan\",\"version\":1,\"document\":{\"buyers\":[{\"stamp\":{\"created\":\"yesterday\"}}]}}"),
        Err(DecodeError::Migration { from: 1, .. })
    ));
    assert!(matches!(
        decode("{\"format\":\"showplan\",\"version\":2,\"document\":{\"buyers\":[{\"name\":3}]}}"),
        Err(DecodeError::Invalid(_))
    ));
}

#[test]
fn merge_keeps_both_sides_new_records() {
    let a = buyer("Only here", t(2));
    let b = buyer("Only there", t(3));
    let local = Document {
        buyers: vec![a.clone()],
        ..Document::default()
    };
    let incoming = Document {
        buyers: vec![b.clone()],
        ..Document::default()
    };
    let merged = merge(&local, &incoming);
    assert_eq!(merged.buyers, vec![a, b]);
}

#[test]
fn merge_takes_the_later_edit_of_the_same_record() {
    let older = buyer("Old name", t(2));
    let mut newer = older.clone();
    newer.name = "New name".into();
    newer.stamp.updated = t(5);
    let local = Document {
        buyers: vec![older.clone()],
        ..Document::default()
    };
    let incoming = Document {
        buyers: vec![newer.clone()],
        ..Document::default()
    };
    assert_eq!(merge(&local, &incoming).buyers, vec![newer.clone()]);
    assert_eq!(
        merge(&incoming, &local).buyers,
        vec![newer],
        "whichever side holds it"
    );
}

#[test]
fn a_tie_keeps_the_local_copy() {
    let mine = buyer("Mine", t(2));
    let mut theirs = mine.clone();
    theirs.name = "Theirs".into();
    let local = Document {
        buyers: vec![mine.clone()],
        ..Document::default()
    };
    let incoming = Document {
        buyers: vec![theirs],
        ..Document::default()
    };
    assert_eq!(merge(&local, &incoming).buyers, vec![mine]);
}

#[test]
fn a_deletion_wins_over_older_copies_but_not_newer_edits() {
    let kept = buyer("Edited after the delete", t(2));
    let dropped = buyer("Deleted", t(2));
    let local = Document {
        buyers: vec![],
        deleted: vec![
            Tombstone {
                id: dropped.id,
                at: t(4),
            },
            Tombstone {
                id: kept.id,
                at: t(4),
            },
        ],
        ..Document::default()
    };
    let mut edited = kept.clone();
    edited.stamp.updated = t(6);
    let incoming = Document {
        buyers: vec![edited.clone(), dropped],
        ..Document::default()
    };
    let merged = merge(&local, &incoming);
    assert_eq!(merged.buyers, vec![edited]);
    assert_eq!(
        merged.deleted.len(),
        2,
        "tombstones travel with the document"
    );
}

#[test]
fn merging_a_document_with_itself_changes_nothing() {
    let doc = sample_document(t(9));
    assert_eq!(merge(&doc, &doc), doc);
    assert_eq!(
        preview(&doc, &doc),
        MergePreview {
            added: 0,
            updated: 0,
            unchanged: doc.buyers.len() + doc.properties.len() + doc.tours.len()
        }
    );
}

#[test]
fn preview_counts_what_an_import_would_do() {
    let same = buyer("Same", t(2));
    let old = buyer("Old", t(2));
    let mut newer = old.clone();
    newer.notes = "changed".into();
    newer.stamp.updated = t(3);
    let added = buyer("New", t(2));
    let local = Document {
        buyers: vec![same.clone(), old],
        ..Document::default()
    };
    let incoming = Document {
        buyers: vec![same, newer, added],
        ..Document::default()
    };
    assert_eq!(
        preview(&local, &incoming),
        MergePreview {
            added: 1,
            updated: 1,
            unchanged: 1
        }
    );
}

#[test]
fn a_backup_file_round_trip_gives_an_identical_document() {
    let mut doc = sample_document(t(9));
    doc.deleted.push(Tombstone {
        id: Uuid::new_v4(),
        at: t(10),
    });
    doc.feedback.push(Feedback {
        id: Uuid::new_v4(),
        stamp: Stamp::new(t(11)),
        tour: doc.tours[0].id,
        stop: doc.tours[0].stops[0].id,
        person: "Maria".into(),
        rating: Some(4),
        verdict: Some(Verdict::SeeAgain),
        comment: "Loved the porch — \"perfect\" <b>really</b>".into(),
        at: t(11),
    });
    let file = encode(&doc, t(12));
    let restored = decode(&file).expect("backup reads back").document;
    assert_eq!(restored, doc);
    assert_eq!(
        encode(&restored, t(12)),
        file,
        "byte-identical when saved again"
    );
}

#[test]
fn sample_data_is_realistic_and_stable() {
    let a = sample_document(t(1));
    let b = sample_document(t(2));
    assert_eq!(a.properties.len(), 25);
    assert!(a.buyers.len() >= 3);
    for p in &a.properties {
        let c = p.coords.expect("every sample home has coordinates");
        assert!(
            (45.4..45.6).contains(&c.lat) && (-122.8..-122.5).contains(&c.lon),
            "{} is in Portland",
            p.address
        );
    }
    let ids = |d: &Document| d.properties.iter().map(|p| p.id).collect::<Vec<_>>();
    assert_eq!(
        ids(&a),
        ids(&b),
        "loading the sample twice merges instead of duplicating"
    );
    assert_eq!(merge(&a, &b).properties.len(), 25);
}

#[test]
fn a_removed_record_can_be_restored_and_wins_over_its_tombstone_elsewhere() {
    let a = buyer("A", t(2));
    let b = buyer("B", t(2));
    let mut doc = Document {
        buyers: vec![a.clone(), b.clone()],
        ..Document::default()
    };
    let removed = remove_record(&mut doc.buyers, &mut doc.deleted, a.id, t(3)).expect("removed");
    assert_eq!(doc.buyers, vec![b.clone()]);
    let other_tab = doc.clone();
    restore_record(&mut doc.buyers, &mut doc.deleted, removed, t(4));
    assert_eq!(
        doc.buyers
            .iter()
            .map(|b| b.name.as_str())
            .collect::<Vec<_>>(),
        ["A", "B"]
    );
    assert!(doc.deleted.is_empty());
    // The other tab still holds the tombstone; merging keeps the restored record.
    assert_eq!(merge(&other_tab, &doc).buyers.len(), 2);
    assert_eq!(merge(&doc, &other_tab).buyers.len(), 2);
    assert!(remove_record(&mut doc.buyers, &mut doc.deleted, Uuid::new_v4(), t(5)).is_none());
}

/// Format 3 (before a buyer's places) reads as it is; the places survive
/// a save and a read.
#[test]
fn a_version_3_document_reads_with_no_places_and_keeps_them_once_set() {
    let text = r#"{"format":"showplan","version":3,"saved_at":"2026-11-20T10:00:00.000Z","document":{"buyers":[{"id":"00000000-0000-4000-8000-000000000201","stamp":{"created":1763632800000,"updated":1763632800000},"name":"Ana","rate_percent":6.0}]}}"#;
    let decoded = decode(text).expect("v3 decodes");
    assert_eq!(decoded.migrated_from, Some(3));
    let mut doc = decoded.document;
    assert!(doc.buyers[0].places.is_empty());
    assert_eq!(doc.buyers[0].rate_percent, Some(6.0));
    doc.buyers[0].places.push(ImportantPlace {
        name: "Work".into(),
        coords: Some(LatLon {
            lat: 45.5,
            lon: -122.6,
        }),
        max_minutes: Some(25),
    });
    let text = encode(&doc, t(12));
    assert!(text.contains("\"version\":4"), "{text}");
    assert!(text.contains("\"max_minutes\":25"), "{text}");
    let again = decode(&text).expect("v4 decodes");
    assert_eq!(again.migrated_from, None);
    assert_eq!(again.document, doc);
}
