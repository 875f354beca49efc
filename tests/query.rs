//! Host tests for the property search, filters and sorting.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use chrono::Utc;
use showplan::domain::model::{ListingStatus, PropertyType};
use showplan::domain::query::*;
use showplan::domain::sample::sample_document;

#[test]
fn text_search_matches_every_word_in_address_area_or_mls() {
    let homes = sample_document(Utc::now()).properties;
    let q = PropertyQuery {
        text: "se sellwood".into(),
        ..Default::default()
    };
    let hits = apply(&q, &homes);
    assert_eq!(hits.len(), 1);
    assert!(homes[hits[0]].address.starts_with("8123 SE 13th"));
    let by_mls = apply(
        &PropertyQuery {
            text: homes[3].mls_number.clone(),
            ..Default::default()
        },
        &homes,
    );
    assert_eq!(by_mls, vec![3]);
    assert!(apply(
        &PropertyQuery {
            text: "nowhere-street".into(),
            ..Default::default()
        },
        &homes
    )
    .is_empty());
}

#[test]
fn filters_combine() {
    let homes = sample_document(Utc::now()).properties;
    let q = PropertyQuery {
        price_min: Some(500_000),
        price_max: Some(700_000),
        beds_min: Some(3),
        baths_min: Some(2.0),
        property_type: Some(PropertyType::House),
        status: Some(ListingStatus::Active),
        ..Default::default()
    };
    let hits = apply(&q, &homes);
    assert!(!hits.is_empty());
    for i in &hits {
        let p = &homes[*i];
        let price = p.list_price.unwrap();
        assert!((500_000..=700_000).contains(&price));
        assert!(p.beds.unwrap() >= 3 && p.baths.unwrap() >= 2.0);
        assert_eq!(
            (p.property_type, p.status),
            (PropertyType::House, ListingStatus::Active)
        );
    }
    let condos = apply(
        &PropertyQuery {
            property_type: Some(PropertyType::Condo),
            ..Default::default()
        },
        &homes,
    );
    assert_eq!(condos.len(), 3);
    let area = apply(
        &PropertyQuery {
            area: Some("laurelhurst".into()),
            ..Default::default()
        },
        &homes,
    );
    assert_eq!(area.len(), 1);
}

#[test]
fn sorting_orders_and_puts_unpriced_homes_last() {
    let mut homes = sample_document(Utc::now()).properties;
    homes[5].list_price = None;
    let low = apply(
        &PropertyQuery {
            sort: Sort::PriceLow,
            ..Default::default()
        },
        &homes,
    );
    let prices: Vec<Option<u64>> = low.iter().map(|i| homes[*i].list_price).collect();
    assert_eq!(prices.last(), Some(&None));
    assert!(prices[..prices.len() - 1].windows(2).all(|w| w[0] <= w[1]));
    let high = apply(
        &PropertyQuery {
            sort: Sort::PriceHigh,
            ..Default::default()
        },
        &homes,
    );
    assert_eq!(homes[high[0]].list_price, Some(1_125_000));
    assert_eq!(homes[*high.last().unwrap()].list_price, None);
    let by_address = apply(
        &PropertyQuery {
            sort: Sort::Address,
            ..Default::default()
        },
        &homes,
    );
    assert!(homes[by_address[0]].address.starts_with("1025"));
    assert_eq!(areas(&homes).len(), 25);
}
