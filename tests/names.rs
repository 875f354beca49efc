//! Stable enum names: the same as the stored (serde) names, one per value,
//! and CSV export words that the importer reads back as the same value.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use chrono::Utc;
use showplan::domain::csv_import::{detect_all, export, import, read_table, FileNumbers};
use showplan::domain::model::{
    AppointmentState, AreaUnit, ListingStatus, NoteCategory, Priority, Property, PropertyType,
    Verdict,
};
use showplan::domain::names::Named;
use showplan::domain::numbers::Marks;

fn names_match_serde<T: Named + serde::Serialize + std::fmt::Debug>(all: &[T]) {
    for &value in all {
        let stored = serde_json::to_value(value).unwrap();
        assert_eq!(stored.as_str(), Some(value.as_str()), "{value:?}");
        assert_eq!(T::from_name(value.as_str()), Some(value));
    }
    assert_eq!(T::NAMES.len(), all.len(), "every value is named once");
    assert_eq!(T::from_name("not a name"), None);
    assert_eq!(T::from_name(""), None);
}

#[test]
fn every_named_enum_uses_its_stored_name() {
    names_match_serde(&PropertyType::ALL);
    names_match_serde(&NoteCategory::ALL);
    names_match_serde(&[
        ListingStatus::Active,
        ListingStatus::Pending,
        ListingStatus::Sold,
        ListingStatus::Withdrawn,
    ]);
    names_match_serde(&[Priority::High, Priority::Medium, Priority::Low]);
    names_match_serde(&[AreaUnit::SqFt, AreaUnit::SqM]);
    names_match_serde(&[Verdict::SeeAgain, Verdict::Maybe, Verdict::No]);
    names_match_serde(&[
        AppointmentState::ToRequest,
        AppointmentState::Requested,
        AppointmentState::Confirmed,
        AppointmentState::Declined,
        AppointmentState::Cancelled,
    ]);
}

#[test]
fn named_order_is_the_display_order() {
    let kinds: Vec<_> = PropertyType::NAMES.iter().map(|(v, _)| *v).collect();
    assert_eq!(kinds, PropertyType::ALL);
    let categories: Vec<_> = NoteCategory::NAMES.iter().map(|(v, _)| *v).collect();
    assert_eq!(categories, NoteCategory::ALL);
}

#[test]
fn exported_kinds_and_statuses_read_back_as_themselves() {
    let mut properties = Vec::new();
    for &kind in &PropertyType::ALL {
        for &(status, _) in ListingStatus::NAMES {
            let mut p = Property::new(Utc::now());
            p.address = format!("{} {}", kind.as_str(), status.as_str());
            p.property_type = kind;
            p.status = status;
            properties.push(p);
        }
    }
    let csv = export(&properties);
    assert!(csv.contains("Multi-family"), "{csv}");
    assert!(!csv.contains("MultiFamily"), "no Debug names: {csv}");
    let table = read_table(&csv).unwrap();
    let mapping = detect_all(&table.headers);
    let again = import(
        &table,
        &mapping,
        FileNumbers::Detect,
        Marks::POINT,
        Utc::now(),
    )
    .properties;
    assert_eq!(again.len(), properties.len());
    for (a, b) in properties.iter().zip(&again) {
        assert_eq!(
            (a.property_type, a.status),
            (b.property_type, b.status),
            "{}",
            a.address
        );
    }
}
