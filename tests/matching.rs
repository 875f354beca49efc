//! Host tests for match scores and ranking.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use chrono::Utc;
use showplan::domain::matching::*;
use showplan::domain::model::*;
use showplan::domain::sample::sample_document;
use uuid::Uuid;

fn home(price: u64, beds: u8, baths: f32, kind: PropertyType, area: &str) -> Property {
    let mut p = sample_document(Utc::now()).properties[0].clone();
    p.id = Uuid::new_v4();
    p.list_price = Some(price);
    p.beds = Some(beds);
    p.baths = Some(baths);
    p.property_type = kind;
    p.area = area.into();
    p.renovations.clear();
    p.features = vec![Feature {
        category: "Outside".into(),
        text: "fenced back yard".into(),
    }];
    p.neighbourhood.clear();
    p
}

fn buyer() -> Buyer {
    let mut b = Buyer::new("Test", Utc::now());
    b.budget_max = Some(700_000);
    b.min_beds = Some(3);
    b.min_baths = Some(2.0);
    b.property_types = vec![PropertyType::House];
    b.preferred_areas = vec!["Sellwood".into()];
    b.must_haves = vec!["fenced yard".into()];
    b.nice_to_haves = vec![WeightedWish {
        text: "garage".into(),
        weight: 3,
    }];
    b
}

fn renovation(low: u64, high: u64) -> Renovation {
    Renovation {
        id: Uuid::new_v4(),
        item: "Roof".into(),
        room: String::new(),
        priority: Priority::High,
        cost_low: low,
        cost_high: high,
        note: String::new(),
    }
}

#[test]
fn a_home_that_meets_every_need_scores_high_with_reasons() {
    let m = score(
        &buyer(),
        &home(650_000, 3, 2.0, PropertyType::House, "Sellwood"),
    );
    assert_eq!(m.score, 90, "everything but the nice-to-have");
    assert!(m.reasons.contains(&Reason::WithinBudget {
        low: 650_000,
        high: 650_000
    }));
    assert!(m.reasons.contains(&Reason::BedsOk { have: 3, want: 3 }));
    assert!(m
        .reasons
        .contains(&Reason::MustHaveMet("fenced yard".into())));
    assert!(m.reasons.contains(&Reason::AreaMatch("Sellwood".into())));
}

#[test]
fn renovation_costs_count_against_the_budget() {
    let mut p = home(650_000, 3, 2.0, PropertyType::House, "Sellwood");
    p.renovations = vec![renovation(20_000, 80_000)];
    assert_eq!(effective_price(&p), Some((670_000, 730_000)));
    let tight = score(&buyer(), &p);
    assert!(tight.reasons.contains(&Reason::BudgetTight {
        low: 670_000,
        high: 730_000,
        max: 700_000
    }));
    p.renovations = vec![renovation(60_000, 90_000)];
    let over = score(&buyer(), &p);
    assert!(over.reasons.contains(&Reason::OverBudget { by: 10_000 }));
    assert!(over.score < tight.score);
}

#[test]
fn each_shortfall_costs_points() {
    let b = buyer();
    let best = score(&b, &home(650_000, 3, 2.0, PropertyType::House, "Sellwood")).score;
    for worse in [
        home(650_000, 2, 2.0, PropertyType::House, "Sellwood"),
        home(650_000, 3, 1.0, PropertyType::House, "Sellwood"),
        home(650_000, 3, 2.0, PropertyType::Condo, "Sellwood"),
        home(650_000, 3, 2.0, PropertyType::House, "Lents"),
        home(900_000, 3, 2.0, PropertyType::House, "Sellwood"),
    ] {
        assert!(score(&b, &worse).score < best, "{:?}", score(&b, &worse));
    }
    let mut no_yard = home(650_000, 3, 2.0, PropertyType::House, "Sellwood");
    no_yard.features.clear();
    let m = score(&b, &no_yard);
    assert!(m
        .reasons
        .contains(&Reason::MustHaveMissing("fenced yard".into())));
    assert!(m.score < best);
}

#[test]
fn nice_to_haves_count_by_weight() {
    let mut b = buyer();
    b.nice_to_haves = vec![
        WeightedWish {
            text: "garage".into(),
            weight: 4,
        },
        WeightedWish {
            text: "gas range".into(),
            weight: 1,
        },
    ];
    let mut garage = home(650_000, 3, 2.0, PropertyType::House, "Sellwood");
    garage.features.push(Feature {
        category: "Outside".into(),
        text: "detached garage".into(),
    });
    let mut range = home(650_000, 3, 2.0, PropertyType::House, "Sellwood");
    range.features.push(Feature {
        category: "Kitchen".into(),
        text: "gas range".into(),
    });
    assert!(score(&b, &garage).score > score(&b, &range).score);
}

#[test]
fn a_deal_breaker_ranks_last_with_its_reason() {
    let mut b = buyer();
    b.deal_breakers = vec!["busy street".into()];
    let mut noisy = home(600_000, 4, 3.0, PropertyType::House, "Sellwood");
    noisy.neighbourhood.push(NeighbourhoodNote {
        id: Uuid::new_v4(),
        category: NoteCategory::Noise,
        rating: 2,
        text: "Busy street at rush hour.".into(),
        shareable: true,
    });
    let weak = home(900_000, 1, 1.0, PropertyType::Condo, "Lents");
    let homes = vec![noisy.clone(), weak.clone()];
    let ranked = rank(&b, &homes, false);
    assert_eq!(ranked[0].0.id, weak.id);
    assert_eq!(ranked[1].0.id, noisy.id);
    assert_eq!(ranked[1].1.deal_breaker.as_deref(), Some("busy street"));
    assert_eq!(
        ranked[1].1.reasons,
        vec![Reason::DealBreaker("busy street".into())]
    );
    assert_eq!(shortlist(&b, &homes, 5), vec![weak.id]);
}

#[test]
fn scores_stay_within_0_and_100_for_the_sample() {
    let doc = sample_document(Utc::now());
    for b in &doc.buyers {
        let ranked = rank(b, &doc.properties, true);
        assert_eq!(ranked.len(), doc.properties.len());
        let key = |(p, m): &(&Property, Match)| (!on_market(p), m.deal_breaker.is_some());
        assert!(ranked.windows(2).all(|w| key(&w[0]) <= key(&w[1])));
        for (_, m) in ranked {
            assert!(m.score <= 100);
        }
    }
}

#[test]
fn sold_and_withdrawn_homes_are_left_out_unless_asked_for_and_pending_is_marked() {
    let b = buyer();
    let mut sold = home(500_000, 3, 2.0, PropertyType::House, "Sellwood");
    sold.status = ListingStatus::Sold;
    let mut withdrawn = home(500_000, 3, 2.0, PropertyType::House, "Sellwood");
    withdrawn.status = ListingStatus::Withdrawn;
    let mut pending = home(500_000, 3, 2.0, PropertyType::House, "Sellwood");
    pending.status = ListingStatus::Pending;
    let active = home(700_000, 2, 1.0, PropertyType::Condo, "Lents");
    let homes = vec![
        sold.clone(),
        withdrawn.clone(),
        pending.clone(),
        active.clone(),
    ];

    let ids =
        |ranked: Vec<(&Property, Match)>| ranked.into_iter().map(|(p, _)| p.id).collect::<Vec<_>>();
    assert_eq!(ids(rank(&b, &homes, false)), vec![pending.id, active.id]);
    assert_eq!(
        ids(rank(&b, &homes, true)),
        vec![pending.id, active.id, sold.id, withdrawn.id],
        "off the market after everything on it, however well they fit"
    );
    let reasons = |p: &Property| score(&b, p).reasons;
    assert_eq!(reasons(&pending)[0], Reason::Pending);
    assert_eq!(reasons(&sold)[0], Reason::OffMarket(ListingStatus::Sold));
    assert_eq!(
        reasons(&withdrawn)[0],
        Reason::OffMarket(ListingStatus::Withdrawn)
    );
    assert!(!reasons(&active).contains(&Reason::Pending));
    assert_eq!(shortlist(&b, &homes, 5), vec![pending.id, active.id]);
}

mod commute {
    use super::*;

    fn at(lat: f64, lon: f64) -> Option<LatLon> {
        Some(LatLon { lat, lon })
    }

    #[test]
    fn each_place_shows_its_drive_and_one_beyond_the_limit_rules_the_home_out() {
        let mut b = buyer();
        b.places = vec![
            ImportantPlace {
                name: "Work".into(),
                coords: at(45.50, -122.60),
                max_minutes: Some(20),
            },
            ImportantPlace {
                name: "Grandma".into(),
                coords: at(45.52, -122.60),
                max_minutes: None,
            },
            ImportantPlace {
                name: "Gym".into(),
                coords: None,
                max_minutes: Some(5),
            },
        ];
        // 2.2 km from work: 2.2 x 1.3 / 30 km/h = 5.7, so 6 min.
        let mut near = home(500_000, 3, 2.0, PropertyType::House, "Sellwood");
        near.coords = at(45.52, -122.60);
        let m = score(&b, &near);
        assert_eq!(m.deal_breaker, None);
        assert!(
            m.reasons.contains(&Reason::Commute {
                place: "Work".into(),
                minutes: 6,
                by_road: false
            }),
            "{:?}",
            m.reasons
        );
        assert!(m.reasons.contains(&Reason::Commute {
            place: "Grandma".into(),
            minutes: 0,
            by_road: false
        }));
        assert!(
            !m.reasons
                .iter()
                .any(|r| matches!(r, Reason::Commute { place, .. } if place == "Gym")),
            "no position: no drive"
        );
        assert!(m.score > 0);

        // 22 km away: about an hour by the estimate, more than 20 minutes.
        let mut far = near.clone();
        far.id = Uuid::new_v4();
        far.coords = at(45.70, -122.60);
        let m = score(&b, &far);
        assert_eq!(m.score, 0);
        assert_eq!(m.deal_breaker.as_deref(), Some("Work"));
        assert!(
            matches!(&m.reasons[0], Reason::CommuteTooLong { place, max: 20, minutes, by_road: false } if place == "Work" && *minutes > 20)
        );

        // A home with no position has no drive to tell, and is not ruled out.
        let mut unknown = near.clone();
        unknown.id = Uuid::new_v4();
        unknown.coords = None;
        assert_eq!(score(&b, &unknown).deal_breaker, None);

        // The far home ranks below the others.
        let homes = vec![far.clone(), near.clone(), unknown.clone()];
        let ranked = rank(&b, &homes, false);
        assert_eq!(ranked.last().map(|(p, _)| p.id), Some(far.id));
    }
}
