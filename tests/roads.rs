//! Road times: the OSRM table request and its answer, blocks above the
//! server's limit, the matrix kept with a tour, and when it is stale.
//! The answer below was recorded from the real osrm-routed of the e2e
//! setup (the synthetic town, scripts/osrm.sh), hints shortened.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use chrono::{TimeZone, Utc};
use showplan::domain::model::LatLon;
use showplan::domain::roads::*;

const RIVER: &str = include_str!("fixtures/osrm-table-river.json");

fn p(lat: f64, lon: f64) -> LatLon {
    LatLon { lat, lon }
}

/// Three corners of the town: west bank, east bank (300 m across the
/// river, 5.1 km by the bridge), and one block west.
fn river_places() -> Vec<LatLon> {
    vec![
        p(45.45, -122.7344),
        p(45.45, -122.7305),
        p(45.45, -122.7383),
    ]
}

#[test]
fn one_request_names_every_place_as_longitude_latitude() {
    let places = river_places();
    let all = blocks(3, 100);
    assert_eq!(all.len(), 1);
    assert_eq!(
        table_url("http://127.0.0.1:5011", &places, &all[0]),
        "http://127.0.0.1:5011/table/v1/driving/-122.734400,45.450000;-122.730500,45.450000;-122.738300,45.450000?annotations=duration,distance"
    );
}

#[test]
fn the_answer_is_read_into_seconds_and_metres() {
    let block = &blocks(3, 100)[0];
    let table = read_table(RIVER, block).unwrap();
    assert_eq!(table.seconds[0][1], Some(739));
    assert_eq!(table.metres[0][1], Some(5106));
    assert_eq!(table.seconds[0][2], Some(44));
    assert!(table.off_road.is_empty());
    let mut m = RoadMatrix::new(&river_places(), Utc.timestamp_millis_opt(0).unwrap());
    m.fill(block, &table);
    let places = river_places();
    assert_eq!(m.leg(places[0], places[1]), Some((739, 5106)));
    assert_eq!(m.leg(places[1], places[0]), Some((750, 5106)));
    assert_eq!(m.leg(places[0], p(45.0, -122.0)), None);
}

#[test]
fn above_the_limit_the_matrix_comes_in_blocks_that_cover_every_pair_once() {
    for (n, limit) in [(13, 10), (26, 10), (101, 100), (7, 2), (5, 1)] {
        let all = blocks(n, limit);
        let mut seen = vec![vec![0u32; n]; n];
        for b in &all {
            assert!(
                b.places().len() <= limit.max(2),
                "{n} places, limit {limit}: {b:?}"
            );
            for i in b.sources.clone() {
                for j in b.destinations.clone() {
                    seen[i][j] += 1;
                }
            }
        }
        for (i, row) in seen.iter().enumerate() {
            for (j, c) in row.iter().enumerate() {
                // A place alone in its group is not asked about itself.
                let alone = i == j
                    && all
                        .iter()
                        .all(|b| !b.sources.contains(&i) || b.sources != b.destinations);
                assert_eq!(*c, u32::from(!alone), "{n} by {limit}: {i} to {j}");
            }
        }
        assert!(
            all.iter().all(|b| b.places().len() >= 2),
            "OSRM wants two places"
        );
    }
    // Sources and destinations apart: the request says which is which.
    let all = blocks(13, 10);
    let places: Vec<LatLon> = (0..13)
        .map(|i| p(45.0 + f64::from(i) * 0.001, -122.0))
        .collect();
    let other = all.iter().find(|b| b.sources != b.destinations).unwrap();
    let url = table_url("https://osrm.example.org", &places, other);
    assert!(
        url.ends_with("&sources=0;1;2;3;4&destinations=5;6;7;8;9"),
        "{url}"
    );
    assert!(blocks(0, 10).is_empty());
    assert!(blocks(1, 10).is_empty(), "one place: nothing to ask");
}

#[test]
fn every_way_an_engine_fails_is_named() {
    let block = &blocks(3, 100)[0];
    assert_eq!(
        read_table(
            r#"{"code":"TooBig","message":"Too many table coordinates"}"#,
            block
        ),
        Err(EngineError::TooBig)
    );
    assert_eq!(
        read_table(
            r#"{"code":"NoSegment","message":"Could not find a matching segment"}"#,
            block
        ),
        Err(EngineError::NoRoad(vec![0, 1, 2]))
    );
    assert_eq!(
        read_table("<html>502 Bad Gateway</html>", block),
        Err(EngineError::BadAnswer)
    );
    assert_eq!(
        read_table(r#"{"code":"InvalidQuery"}"#, block),
        Err(EngineError::BadAnswer)
    );
    // Rows that do not match the request are not believed.
    let short = r#"{"code":"Ok","durations":[[0,1]],"distances":[[0,1]]}"#;
    assert_eq!(read_table(short, block), Err(EngineError::BadAnswer));
    // A point snapped 2 km away is a place with no road: its legs stay empty.
    let far = RIVER.replacen(
        r#""name":"Avenue 5 / East 0 Street","distance":0"#,
        r#""name":"Avenue 5 / East 0 Street","distance":2000"#,
        1,
    );
    let table = read_table(&far, block).unwrap();
    assert_eq!(table.off_road, vec![1]);
    let mut m = RoadMatrix::new(&river_places(), Utc.timestamp_millis_opt(0).unwrap());
    m.fill(block, &table);
    let places = river_places();
    assert_eq!(m.leg(places[0], places[1]), None);
    assert_eq!(m.leg(places[0], places[2]), Some((44, 305)));
}

#[test]
fn an_engine_address_must_be_a_web_address() {
    assert_eq!(
        base_address(" https://osrm.example.org/ "),
        Some("https://osrm.example.org".into())
    );
    assert_eq!(
        base_address("http://127.0.0.1:5011"),
        Some("http://127.0.0.1:5011".into())
    );
    assert_eq!(
        base_address("https://maps.example.org/osrm"),
        Some("https://maps.example.org/osrm".into())
    );
    for bad in [
        "",
        "osrm.example.org",
        "ftp://x.org",
        "https://",
        "https://a b.org",
        "https://x.org/?q=1",
        "javascript:alert(1)",
    ] {
        assert_eq!(base_address(bad), None, "{bad}");
    }
}

#[test]
fn the_matrix_is_kept_as_text_and_says_when_stops_changed_since() {
    let block = &blocks(3, 100)[0];
    let mut m = RoadMatrix::new(
        &river_places(),
        Utc.timestamp_millis_opt(1_764_000_000_000).unwrap(),
    );
    m.fill(block, &read_table(RIVER, block).unwrap());
    let text = m.to_text();
    assert!(text.starts_with("r1;1764000000000;45.45 -122.7344|"));
    assert_eq!(RoadMatrix::from_text(&text), Some(m.clone()));
    for broken in [
        "",
        "r2;0;1 2;0;0",
        "r1;0;;;",
        "r1;x;45 1;0;0",
        "r1;0;45 1|46 1;0,1,2;0,1,2,3",
        "r1;0;95 1;0;0",
        &text[..text.len() - 2],
    ] {
        assert_eq!(RoadMatrix::from_text(broken), None, "{broken}");
    }
    let places = river_places();
    let now: Vec<Option<LatLon>> = vec![Some(places[0]), Some(places[1]), None];
    assert_eq!(
        m.missing(&now),
        0,
        "a place with no coordinates is not missing"
    );
    let moved = vec![Some(places[0]), Some(p(45.46, -122.73))];
    assert_eq!(m.missing(&moved), 1);
    assert_eq!(
        distinct(&[Some(places[0]), None, Some(places[0]), Some(places[1])]).len(),
        2
    );
}

mod in_the_plan {
    use super::*;
    use showplan::domain::model::{Property, Stop, Tour};
    use showplan::domain::roads::LegSource;
    use showplan::domain::tour_plan::{
        optimise, plan, road_state, set_leg_override, Optimised, RoadState, START,
    };

    /// Homes in pairs across a river (300 m apart), pairs 420 m apart up
    /// it; the only bridge is 2.4 km north. Road times: 1 min per 300 m
    /// on a bank, crossing costs the trip to the bridge and back.
    fn river_town() -> (Tour, Vec<Property>, RoadMatrix) {
        let now = Utc.timestamp_millis_opt(1_764_000_000_000).unwrap();
        let bank = |side: usize, row: usize| {
            p(
                45.45 + row as f64 * 0.0038,
                -122.7344 + side as f64 * 0.0039,
            )
        };
        let mut properties = Vec::new();
        for row in 0..3 {
            for side in 0..2 {
                let mut home = Property::new(now);
                home.address = format!("{row} {}", if side == 0 { "West" } else { "East" });
                home.coords = Some(bank(side, row));
                properties.push(home);
            }
        }
        let mut tour = Tour::new("River", None, now);
        tour.start.coords = Some(bank(0, 0));
        tour.stops = properties.iter().map(|h| Stop::at(h.id)).collect();
        let mut places = vec![bank(0, 0)];
        places.extend(properties.iter().filter_map(|h| h.coords));
        let places = distinct(&places.into_iter().map(Some).collect::<Vec<_>>());
        let mut road = RoadMatrix::new(&places, now);
        let side = |q: &LatLon| usize::from(q.lon > -122.733);
        let row = |q: &LatLon| ((q.lat - 45.45) / 0.0038).round();
        for (i, a) in places.iter().enumerate() {
            for (j, b) in places.iter().enumerate() {
                let along = (row(a) - row(b)).abs() * 420.0;
                let metres = if side(a) == side(b) {
                    along
                } else {
                    // Up to the bridge (row 6.3) and back down.
                    (6.3 - row(a)) * 420.0 + 300.0 + (6.3 - row(b)) * 420.0
                };
                road.seconds[i][j] = Some((metres / 7.0) as u32);
                road.metres[i][j] = Some(metres as u32);
            }
        }
        (tour, properties, road)
    }

    fn crossings(tour: &Tour, order: &[showplan::domain::model::Id], homes: &[Property]) -> usize {
        let bank: Vec<bool> = order
            .iter()
            .map(|sid| {
                let s = tour.stops.iter().find(|s| s.id == *sid).unwrap();
                homes
                    .iter()
                    .find(|h| h.id == s.property)
                    .unwrap()
                    .address
                    .ends_with("East")
            })
            .collect();
        bank.windows(2).filter(|w| w[0] != w[1]).count()
    }

    fn order(o: Optimised) -> Vec<showplan::domain::model::Id> {
        match o {
            Optimised::Order { stops, .. } | Optimised::Infeasible { stops, .. } => stops,
        }
    }

    #[test]
    fn road_times_time_the_legs_and_change_the_optimisers_order() {
        let (mut tour, homes, road) = river_town();
        let estimate = plan(&tour, &homes);
        assert!(estimate
            .stops
            .iter()
            .all(|s| s.source == LegSource::Estimate));
        let by_estimate = order(optimise(&tour, &homes));
        assert!(
            crossings(&tour, &by_estimate, &homes) > 1,
            "the estimate zig-zags"
        );

        tour.road_times = road.to_text();
        let timed = plan(&tour, &homes);
        assert!(timed.stops.iter().all(|s| s.source == LegSource::Road));
        // 0 West -> 0 East: up to the bridge and back, whole minutes rounded up.
        let across = road
            .leg(homes[0].coords.unwrap(), homes[1].coords.unwrap())
            .unwrap();
        assert_eq!(timed.stops[1].travel, across.0.div_ceil(60));
        assert_eq!(
            timed.stops[1].distance_km,
            Some(f64::from(across.1) / 1000.0)
        );
        assert!(timed.finish > estimate.finish);
        let by_road = order(optimise(&tour, &homes));
        assert_eq!(
            crossings(&tour, &by_road, &homes),
            1,
            "one bank, the bridge, the other"
        );
        assert_ne!(by_road, by_estimate);

        // A leg set by hand still wins, and says so.
        let first = tour.stops[0].id;
        set_leg_override(&mut tour, START, first, Some(9));
        let hand = plan(&tour, &homes);
        assert_eq!(
            (hand.stops[0].travel, hand.stops[0].source),
            (9, LegSource::Hand)
        );
    }

    #[test]
    fn a_stop_added_or_moved_since_makes_the_road_times_older() {
        let (mut tour, mut homes, road) = river_town();
        assert_eq!(road_state(&tour, &homes), RoadState::None);
        tour.road_times = road.to_text();
        assert_eq!(
            road_state(&tour, &homes),
            RoadState::Current { at: road.at }
        );
        // Reordering changes nothing: every pair is there.
        tour.stops.reverse();
        assert_eq!(
            road_state(&tour, &homes),
            RoadState::Current { at: road.at }
        );
        let mut extra = Property::new(road.at);
        extra.coords = Some(p(45.47, -122.70));
        tour.stops.push(Stop::at(extra.id));
        homes.push(extra);
        assert_eq!(
            road_state(&tour, &homes),
            RoadState::Older {
                at: road.at,
                missing: 1
            }
        );
        let timed = plan(&tour, &homes);
        assert_eq!(timed.stops.last().unwrap().source, LegSource::Estimate);
        // A home moved: its old place no longer counts.
        homes[0].coords = Some(p(45.40, -122.80));
        assert_eq!(
            road_state(&tour, &homes),
            RoadState::Older {
                at: road.at,
                missing: 2
            }
        );
        // Unreadable road times are none: the estimate stands in.
        tour.road_times = "r1;garbage".into();
        assert_eq!(road_state(&tour, &homes), RoadState::None);
        assert!(plan(&tour, &homes)
            .stops
            .iter()
            .all(|s| s.source == LegSource::Estimate));
    }
}

mod commutes {
    use super::*;
    use showplan::domain::matching::{score, Reason};
    use showplan::domain::model::{Buyer, ImportantPlace, Property};

    #[test]
    fn homes_go_in_groups_with_every_place_each_time() {
        let all = commute_blocks(250, 3, 100);
        assert_eq!(all.len(), 3);
        assert_eq!(all[0].sources, 0..97);
        assert_eq!(all[2].sources, 194..250);
        assert!(all.iter().all(|b| b.destinations == (250..253)));
        assert!(all.iter().all(|b| b.places().len() <= 100));
        // A tiny limit still asks one home at a time.
        assert_eq!(commute_blocks(3, 5, 4).len(), 3);
        assert!(commute_blocks(0, 2, 100).is_empty());
        assert!(commute_blocks(5, 0, 100).is_empty());
    }

    #[test]
    fn times_are_filled_kept_as_text_merged_and_found_by_position() {
        let at = Utc.timestamp_millis_opt(1_764_000_000_000).unwrap();
        let homes = [p(45.45, -122.7305), p(45.45, -122.7383)];
        let work = [p(45.45, -122.7344)];
        // The river answer, asked as homes 0-1 to place 2: rows 1 and 2 to column 0.
        let block = &commute_blocks(2, 1, 100)[0];
        let table = Table {
            seconds: vec![vec![Some(750)], vec![Some(44)]],
            metres: vec![vec![Some(5106)], vec![Some(305)]],
            off_road: vec![],
        };
        let mut times = CommuteTimes::new(&homes, &work, at);
        times.fill(block, &table);
        let times = times.done();
        assert_eq!(times.seconds(homes[0], work[0]), Some(750));
        assert_eq!(times.seconds(homes[1], work[0]), Some(44));
        assert_eq!(times.seconds(p(45.0, -122.0), work[0]), None);
        let text = times.to_text();
        assert_eq!(CommuteTimes::from_text(&text), Some(times.clone()));
        assert!(times.for_places(&work));
        assert!(!times.for_places(&[p(45.5, -122.6)]));
        let more = [p(45.46, -122.73)];
        assert_eq!(times.missing(&[homes[0], more[0]]), vec![more[0]]);
        let mut extra = CommuteTimes::new(&more, &work, at);
        extra.fill(
            &commute_blocks(1, 1, 100)[0],
            &Table {
                seconds: vec![vec![Some(300)]],
                metres: vec![vec![Some(1)]],
                off_road: vec![],
            },
        );
        let all = times.merged(extra.done());
        assert_eq!(all.seconds(more[0], work[0]), Some(300));
        assert_eq!(all.seconds(homes[0], work[0]), Some(750));
        // A home moved or gone is not kept.
        let kept = all.only(&[homes[1], more[0]]);
        assert_eq!(kept.seconds(homes[0], work[0]), None);
        assert_eq!(kept.seconds(homes[1], work[0]), Some(44));
        assert_eq!(kept.homes.len(), 2);
        for bad in ["", "c1;0;;", "c1;0;45 1;45 1=1,2", "r1;0;45 1;"] {
            assert_eq!(CommuteTimes::from_text(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_commute_by_road_can_rule_out_a_home_the_estimate_would_keep() {
        let at = Utc.timestamp_millis_opt(1_764_000_000_000).unwrap();
        // Across the river from work: 300 m as the crow flies, 12.5 min by road.
        let mut home = Property::new(at);
        home.coords = Some(p(45.45, -122.7305));
        let work = p(45.45, -122.7344);
        let mut buyer = Buyer::new("Ana", at);
        buyer.places.push(ImportantPlace {
            name: "Work".into(),
            coords: Some(work),
            max_minutes: Some(10),
        });
        let m = score(&buyer, &home);
        assert_eq!(m.deal_breaker, None, "1 min by the estimate");
        assert!(m.reasons.contains(&Reason::Commute {
            place: "Work".into(),
            minutes: 1,
            by_road: false
        }));
        let mut times = CommuteTimes::new(&[home.coords.unwrap()], &[work], at);
        times.fill(
            &commute_blocks(1, 1, 100)[0],
            &Table {
                seconds: vec![vec![Some(750)]],
                metres: vec![vec![Some(5106)]],
                off_road: vec![],
            },
        );
        buyer.commute_times = times.done().to_text();
        let m = score(&buyer, &home);
        assert_eq!(m.deal_breaker.as_deref(), Some("Work"));
        assert_eq!(
            m.reasons[0],
            Reason::CommuteTooLong {
                place: "Work".into(),
                minutes: 13,
                max: 10,
                by_road: true
            }
        );
    }
}
