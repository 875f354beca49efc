//! Host tests for form validation: what an agent types becomes a record or
//! a list of problems by field.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use chrono::Utc;
use showplan::domain::forms::*;
use showplan::domain::model::*;
use showplan::domain::numbers::Marks;

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
    let b = draft
        .to_buyer(&base, Utc::now(), Marks::POINT)
        .expect("valid");
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
        BuyerDraft::from_buyer(&b, Marks::POINT)
            .to_buyer(&b, b.stamp.updated, Marks::POINT)
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
    let problems = draft
        .to_buyer(&base, Utc::now(), Marks::POINT)
        .expect_err("invalid");
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
    let p = draft
        .to_property(&base, Utc::now(), Marks::POINT)
        .expect("valid");
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
        bad.to_property(&base, Utc::now(), Marks::POINT)
            .expect_err("invalid"),
        vec![
            ("coords", Problem::NoCoordinates),
            ("year_built", Problem::OutOfRange)
        ]
    );
}

#[test]
fn renovation_rows_need_an_item_and_costs_in_order() {
    let ok = renovation(
        "Roof",
        "Exterior",
        Priority::High,
        "$14,000",
        "22000",
        Marks::POINT,
    )
    .expect("valid");
    assert_eq!((ok.cost_low, ok.cost_high), (14_000, 22_000));
    let single =
        renovation("Paint", "", Priority::Low, "", "1500", Marks::POINT).expect("one cost is both");
    assert_eq!((single.cost_low, single.cost_high), (1_500, 1_500));
    assert_eq!(
        renovation("", "", Priority::Low, "900", "100", Marks::POINT).expect_err("invalid"),
        vec![
            ("item", Problem::Required),
            ("cost_low", Problem::MinAboveMax)
        ]
    );
    assert_eq!(
        renovation("Roof", "", Priority::Low, "", "", Marks::POINT).expect_err("no cost"),
        vec![("cost_low", Problem::Required)]
    );
    assert_eq!(
        renovation("Roof", "", Priority::Low, "-5", "10", Marks::POINT).expect_err("negative"),
        vec![("cost_low", Problem::Negative)]
    );
}

#[test]
fn a_property_typed_in_spanish_keeps_its_thousands_and_decimals() {
    let base = Property::new(Utc::now());
    let draft = PropertyDraft {
        address: "Calle Mayor 5".into(),
        list_price: "650.000".into(),
        baths: "2,5".into(),
        floor_area: "1.250".into(),
        lot_size: "0,125".into(),
        ..Default::default()
    };
    let p = draft
        .to_property(&base, Utc::now(), Marks::COMMA)
        .expect("valid");
    assert_eq!(p.list_price, Some(650_000));
    assert_eq!(p.baths, Some(2.5));
    assert_eq!(p.floor_area, Some(1250.0));
    assert_eq!(p.lot_size, Some(0.125));
    // Shown again for editing, it reads back the same.
    let again = PropertyDraft::from_property(&p, Marks::COMMA);
    assert_eq!(again.baths, "2,5");
    assert_eq!(again.to_property(&p, p.stamp.updated, Marks::COMMA), Ok(p));
}

#[test]
fn a_number_that_reads_two_ways_is_asked_about_unless_one_way_is_out_of_range() {
    let base = Property::new(Utc::now());
    let draft = PropertyDraft {
        address: "Calle Mayor 5".into(),
        floor_area: "1,500".into(),
        baths: "2,500".into(),
        ..Default::default()
    };
    // 2,500 bathrooms is out of range, so 2.5; a floor area of 1.5 or 1500
    // could both be meant.
    assert_eq!(
        draft.to_property(&base, Utc::now(), Marks::COMMA),
        Err(vec![(
            "floor_area",
            Problem::Ambiguous {
                as_written: 1.5,
                other: 1500.0
            }
        )])
    );
}

#[test]
fn a_budget_typed_in_vietnamese_or_indonesian_is_read_whole() {
    let base = Buyer::new("x", Utc::now());
    let draft = BuyerDraft {
        name: "Nguyễn".into(),
        budget_min: "2.500.000.000 ₫".into(),
        budget_max: "Rp 3.000.000.000".into(),
        min_baths: "1,5".into(),
        ..Default::default()
    };
    let b = draft
        .to_buyer(&base, Utc::now(), Marks::COMMA)
        .expect("valid");
    assert_eq!(b.budget_min, Some(2_500_000_000));
    assert_eq!(b.budget_max, Some(3_000_000_000));
    assert_eq!(b.min_baths, Some(1.5));
}

#[test]
fn a_field_is_read_the_same_way_when_left_and_when_saved() {
    use showplan::domain::numbers::NumberKind;
    let read = |t: &str, max| read_field(t, Marks::COMMA, NumberKind::Quantity, max);
    assert_eq!(read("2,500", MAX_ROOMS), Ok(Some(2.5)));
    assert_eq!(
        read("1,500", f64::MAX),
        Err(Problem::Ambiguous {
            as_written: 1.5,
            other: 1500.0
        })
    );
    assert_eq!(read("-2", MAX_ROOMS), Err(Problem::Negative));
    assert_eq!(read("300", MAX_ROOMS), Err(Problem::OutOfRange));
    assert_eq!(read("", MAX_ROOMS), Ok(None));
}
