//! Host tests for form validation: what an agent types becomes a record or
//! a list of problems by field.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use chrono::Utc;
use showplan::domain::forms::*;
use showplan::domain::model::*;

#[test]
fn a_complete_buyer_draft_becomes_a_buyer() {
    let base = Buyer::new("x", Utc::now());
    let draft = BuyerDraft {
        name: "  Maria Ortega ".into(),
        phone: "+1 503 555 0142".into(),
        budget_min: "$500,000".into(),
        budget_max: "725000".into(),
        min_beds: "3".into(),
        min_baths: "2.5".into(),
        property_types: vec![PropertyType::House],
        preferred_areas: "Sellwood, Richmond,".into(),
        must_haves: "fenced yard\n\n garage \n".into(),
        nice_to_haves: "gas range: 2\nbig kitchen".into(),
        agreement_signed: "2026-10-03".into(),
        ..Default::default()
    };
    let b = draft.to_buyer(&base, Utc::now()).expect("valid");
    assert_eq!(b.id, base.id);
    assert_eq!(b.name, "Maria Ortega");
    assert_eq!((b.budget_min, b.budget_max), (Some(500_000), Some(725_000)));
    assert_eq!((b.min_beds, b.min_baths), (Some(3), Some(2.5)));
    assert_eq!(b.preferred_areas, vec!["Sellwood", "Richmond"]);
    assert_eq!(b.must_haves, vec!["fenced yard", "garage"]);
    assert_eq!(
        b.nice_to_haves,
        vec![
            WeightedWish {
                text: "gas range".into(),
                weight: 2
            },
            WeightedWish {
                text: "big kitchen".into(),
                weight: 3
            }
        ]
    );
    assert_eq!(b.contacts[0].phone, "+1 503 555 0142");
    assert_eq!(
        BuyerDraft::from_buyer(&b)
            .to_buyer(&b, b.stamp.updated)
            .expect("round trip"),
        b
    );
}

#[test]
fn buyer_problems_are_named_by_field() {
    let base = Buyer::new("x", Utc::now());
    let draft = BuyerDraft {
        name: "   ".into(),
        budget_min: "800000".into(),
        budget_max: "700000".into(),
        min_beds: "-2".into(),
        min_baths: "lots".into(),
        agreement_signed: "yesterday".into(),
        ..Default::default()
    };
    let problems = draft.to_buyer(&base, Utc::now()).expect_err("invalid");
    assert_eq!(
        problems,
        vec![
            ("name", Problem::Required),
            ("budget_min", Problem::MinAboveMax),
            ("min_beds", Problem::Negative),
            ("min_baths", Problem::NotANumber),
            ("agreement_signed", Problem::NotADate),
        ]
    );
}

#[test]
fn property_draft_reads_coordinates_from_a_map_link() {
    let base = Property::new(Utc::now());
    let draft = PropertyDraft {
        address: "1842 SE Harold St".into(),
        coords: "https://www.openstreetmap.org/#map=18/45.4829/-122.6469".into(),
        list_price: "$612,500".into(),
        beds: "3".into(),
        baths: "2".into(),
        year_built: "1926".into(),
        ..Default::default()
    };
    let p = draft.to_property(&base, Utc::now()).expect("valid");
    assert_eq!(
        p.coords,
        Some(LatLon {
            lat: 45.4829,
            lon: -122.6469
        })
    );
    assert_eq!(p.list_price, Some(612_500));
    let bad = PropertyDraft {
        coords: "somewhere nice".into(),
        year_built: "12".into(),
        ..draft
    };
    assert_eq!(
        bad.to_property(&base, Utc::now()).expect_err("invalid"),
        vec![
            ("coords", Problem::NoCoordinates),
            ("year_built", Problem::OutOfRange)
        ]
    );
}

#[test]
fn renovation_rows_need_an_item_and_costs_in_order() {
    let ok = renovation("Roof", "Exterior", Priority::High, "$14,000", "22000").expect("valid");
    assert_eq!((ok.cost_low, ok.cost_high), (14_000, 22_000));
    let single = renovation("Paint", "", Priority::Low, "", "1500").expect("one cost is both");
    assert_eq!((single.cost_low, single.cost_high), (1_500, 1_500));
    assert_eq!(
        renovation("", "", Priority::Low, "900", "100").expect_err("invalid"),
        vec![
            ("item", Problem::Required),
            ("cost_low", Problem::MinAboveMax)
        ]
    );
    assert_eq!(
        renovation("Roof", "", Priority::Low, "", "").expect_err("no cost"),
        vec![("cost_low", Problem::Required)]
    );
    assert_eq!(
        renovation("Roof", "", Priority::Low, "-5", "10").expect_err("negative"),
        vec![("cost_low", Problem::Negative)]
    );
}
