//! A saved tour through the planner: legs, warnings, optimising, map.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use chrono::{NaiveTime, TimeZone, Utc};
use showplan::domain::model::{AppointmentState, LatLon, Place, Property, Stop, StopTiming, Tour};
use showplan::domain::tour_plan::{
    apple_directions, clock, google_directions, leg_override, move_stop, optimise, plan, project,
    reorder, set_leg_override, DistanceUnit, Optimised, Warning, START,
};

fn at(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// Homes due east of the start, `km` kilometres each (at 45°N).
fn home(km: f64) -> Property {
    let mut p = Property::new(Utc.timestamp_millis_opt(0).unwrap());
    p.address = format!("{km} km east");
    p.coords = Some(LatLon {
        lat: 45.0,
        lon: -122.0 + km / (111.32 * 45f64.to_radians().cos()),
    });
    p
}

fn tour(homes: &[Property]) -> Tour {
    let mut t = Tour::new("Test", None, Utc.timestamp_millis_opt(0).unwrap());
    t.start = Place {
        label: "Office".into(),
        coords: Some(LatLon {
            lat: 45.0,
            lon: -122.0,
        }),
    };
    t.start_time = Some(at(9, 0));
    t.default_duration_min = 20;
    t.buffer_min = 5;
    t.stops = homes.iter().map(|p| Stop::at(p.id)).collect();
    t
}

#[test]
fn times_follow_travel_duration_and_buffer() {
    let homes = [home(5.0), home(10.0)];
    let t = tour(&homes);
    let p = plan(&t, &homes);
    // 5 km × 1.3 ÷ 30 km/h = 13 min.
    assert_eq!(p.stops[0].travel, 13);
    assert_eq!(clock(p.stops[0].arrive), "09:13");
    assert_eq!(clock(p.stops[0].end), "09:33");
    assert_eq!(p.stops[1].travel, 13);
    assert_eq!(clock(p.stops[1].arrive), "09:51"); // 09:33 + 5 buffer + 13
    assert_eq!(p.travel, 26);
    assert!(p.stops.iter().all(|s| s.warnings.is_empty()));
    let km = p.stops[1].distance_km.unwrap();
    assert!((km - 5.0).abs() < 0.05, "{km}");
}

#[test]
fn a_leg_override_replaces_the_estimate() {
    let homes = [home(5.0), home(10.0)];
    let mut t = tour(&homes);
    let (a, b) = (t.stops[0].id, t.stops[1].id);
    set_leg_override(&mut t, START, a, Some(30));
    set_leg_override(&mut t, a, b, Some(2));
    assert_eq!(leg_override(&t, a, b), Some(2));
    let p = plan(&t, &homes);
    assert_eq!((p.stops[0].travel, p.stops[1].travel), (30, 2));
    set_leg_override(&mut t, a, b, None);
    assert_eq!(plan(&t, &homes).stops[1].travel, 13);
}

#[test]
fn a_pinned_appointment_waits_or_warns() {
    let homes = [home(5.0), home(10.0)];
    let mut t = tour(&homes);
    t.stops[1].timing = Some(StopTiming::Pinned { at: at(10, 30) });
    let p = plan(&t, &homes);
    assert_eq!(clock(p.stops[1].start), "10:30");
    assert_eq!(p.stops[1].wait, 39);
    assert!(p.stops[1].warnings.is_empty());

    // Pinned before the showing before it ends: the showings overlap, and
    // the appointment itself is reached 31 minutes late (09:51), which is
    // said on its own.
    t.stops[1].timing = Some(StopTiming::Pinned { at: at(9, 20) });
    assert_eq!(
        plan(&t, &homes).stops[1].warnings,
        vec![Warning::Late { late: 31 }, Warning::Overlap { minutes: 13 }]
    );

    // Pinned after the previous showing, but the drive makes it late.
    t.stops[1].timing = Some(StopTiming::Pinned { at: at(9, 40) });
    assert_eq!(
        plan(&t, &homes).stops[1].warnings,
        vec![Warning::Late { late: 11 }]
    );
}

/// An appointment the listing agent declined, or one cancelled, binds
/// nothing: the plan (like the tour day) neither waits for it nor warns.
#[test]
fn a_declined_or_cancelled_appointment_binds_nothing() {
    let homes = [home(5.0)];
    let mut t = tour(&homes);
    // Arriving 09:13: a 09:00 appointment would be 13 minutes late, a
    // 10:00 one would be waited for.
    t.stops[0].timing = Some(StopTiming::Pinned { at: at(9, 0) });
    assert_eq!(
        plan(&t, &homes).stops[0].warnings,
        vec![Warning::Late { late: 13 }]
    );
    for off in [AppointmentState::Declined, AppointmentState::Cancelled] {
        t.stops[0].appointment = off;
        t.stops[0].timing = Some(StopTiming::Pinned { at: at(9, 0) });
        assert!(plan(&t, &homes).stops[0].warnings.is_empty(), "{off:?}");
        t.stops[0].timing = Some(StopTiming::Pinned { at: at(10, 0) });
        assert_eq!(clock(plan(&t, &homes).stops[0].start), "09:13", "{off:?}");
    }
}

#[test]
fn a_broken_window_is_named() {
    let homes = [home(5.0), home(10.0)];
    let mut t = tour(&homes);
    t.stops[1].timing = Some(StopTiming::Window {
        earliest: at(9, 0),
        latest: at(9, 45),
    });
    assert_eq!(
        plan(&t, &homes).stops[1].warnings,
        vec![Warning::WindowBroken { late: 6 }]
    );
}

#[test]
fn running_past_the_latest_end_is_counted() {
    let homes = [home(5.0), home(10.0)];
    let mut t = tour(&homes);
    t.latest_end = Some(at(10, 0));
    assert_eq!(plan(&t, &homes).overrun, 11); // last showing ends 10:11
}

#[test]
fn optimising_shortens_travel_and_keeps_the_appointment() {
    // Saved in a zig-zag order: 10 km, 2 km, 8 km, 4 km.
    let homes = [home(10.0), home(2.0), home(8.0), home(4.0)];
    let mut t = tour(&homes);
    let pinned = t.stops[2].id; // the 8 km home
    t.stops[2].timing = Some(StopTiming::Pinned { at: at(11, 0) });
    let before = plan(&t, &homes);
    let Optimised::Order {
        stops,
        travel_before,
        travel_after,
        gave_way,
    } = optimise(&t, &homes)
    else {
        panic!("feasible");
    };
    assert!(!gave_way, "four stops are solved exactly");
    assert_eq!(travel_before, before.travel);
    assert!(
        travel_after < travel_before,
        "{travel_after} < {travel_before}"
    );
    reorder(&mut t, &stops);
    let after = plan(&t, &homes);
    assert_eq!(after.travel, travel_after);
    let kept = after.stops.iter().find(|s| s.stop == pinned).unwrap();
    assert_eq!(clock(kept.start), "11:00");
    assert!(after.stops.iter().all(|s| s.warnings.is_empty()));
    // Same input, same answer.
    assert_eq!(optimise(&t, &homes), optimise(&t, &homes));
}

#[test]
fn impossible_appointments_name_the_stop_or_both_that_clash() {
    let homes = [home(5.0), home(40.0)];
    let mut t = tour(&homes);
    t.stops[0].timing = Some(StopTiming::Pinned { at: at(10, 0) });
    // 40 km away (about 104 minutes' drive): not reachable by 10:30.
    t.stops[1].timing = Some(StopTiming::Pinned { at: at(10, 30) });
    match optimise(&t, &homes) {
        Optimised::Infeasible {
            culprit,
            clashes_with,
            ..
        } => {
            assert_eq!(culprit, t.stops[1].id);
            assert_eq!(clashes_with, None);
        }
        other => panic!("expected infeasible, got {other:?}"),
    }
    // Reachable by 11:30, but not after the 10:00 showing, nor before it.
    t.stops[1].timing = Some(StopTiming::Pinned { at: at(11, 30) });
    match optimise(&t, &homes) {
        Optimised::Infeasible {
            culprit,
            clashes_with,
            stops,
            proven,
        } => {
            assert_eq!(culprit, t.stops[0].id);
            assert_eq!(clashes_with, Some(t.stops[1].id));
            assert_eq!(stops.len(), 2);
            assert!(proven);
        }
        other => panic!("expected infeasible, got {other:?}"),
    }
}

#[test]
fn an_appointment_missed_is_proven_missed_only_when_every_order_was_weighed() {
    // Showings of 20 minutes, every one to start between 10:00 and 10:30:
    // any two fit, three do not.
    let crowded = |n: usize| {
        let homes: Vec<Property> = (0..n).map(|k| home(1.0 + k as f64 * 0.01)).collect();
        let mut t = tour(&homes);
        for stop in &mut t.stops {
            stop.timing = Some(StopTiming::Window {
                earliest: at(10, 0),
                latest: at(10, 30),
            });
        }
        (t, homes)
    };
    // Three: the exact search weighs every order.
    let (t, homes) = crowded(3);
    assert!(matches!(
        optimise(&t, &homes),
        Optimised::Infeasible { proven: true, .. }
    ));
    // Twenty: past the exact search, no order found, none proven.
    let (t, homes) = crowded(20);
    assert!(matches!(
        optimise(&t, &homes),
        Optimised::Infeasible { proven: false, .. }
    ));
}

#[test]
fn moving_and_reordering_keep_every_stop() {
    let homes = [home(1.0), home(2.0), home(3.0)];
    let mut t = tour(&homes);
    let ids: Vec<_> = t.stops.iter().map(|s| s.id).collect();
    move_stop(&mut t, 0, 2);
    assert_eq!(
        t.stops.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![ids[1], ids[2], ids[0]]
    );
    move_stop(&mut t, 9, 0); // out of range: nothing happens
    assert_eq!(t.stops.len(), 3);
    reorder(&mut t, &[ids[2]]);
    assert_eq!(t.stops[0].id, ids[2]);
    assert_eq!(t.stops.len(), 3);
}

#[test]
fn the_map_fits_the_box_north_up_and_keeps_the_shape() {
    let pts = [
        Some(LatLon {
            lat: 45.50,
            lon: -122.70,
        }),
        None,
        Some(LatLon {
            lat: 45.55,
            lon: -122.60,
        }),
    ];
    let out = project(&pts, 1000.0, 600.0, 40.0);
    assert!(out[1].is_none());
    let (a, b) = (out[0].unwrap(), out[2].unwrap());
    for p in [a, b] {
        assert!((40.0 - 1e-6..=960.0 + 1e-6).contains(&p.x), "{p:?}");
        assert!((40.0 - 1e-6..=560.0 + 1e-6).contains(&p.y), "{p:?}");
    }
    assert!(b.y < a.y, "north is up");
    assert!(b.x > a.x, "east is right");
    // 0.1° of longitude at 45.5°N is 0.07° of latitude wide: the ratio holds.
    let ratio = (b.x - a.x) / (a.y - b.y);
    let expected = 0.1 * 45.525f64.to_radians().cos() / 0.05;
    assert!((ratio - expected).abs() < 1e-6, "{ratio} vs {expected}");
    // One point alone sits in the middle.
    let one = project(&pts[..1], 1000.0, 600.0, 40.0)[0].unwrap();
    assert_eq!((one.x.round(), one.y.round()), (500.0, 300.0));
}

#[test]
fn directions_links_and_units() {
    let a = LatLon {
        lat: 45.5,
        lon: -122.6,
    };
    let b = LatLon {
        lat: 45.6,
        lon: -122.7,
    };
    assert_eq!(
        google_directions(a, b),
        "https://www.google.com/maps/dir/?api=1&origin=45.5,-122.6&destination=45.6,-122.7&travelmode=driving"
    );
    assert_eq!(
        apple_directions(a, b),
        "https://maps.apple.com/?saddr=45.5,-122.6&daddr=45.6,-122.7&dirflg=d"
    );
    assert_eq!(DistanceUnit::for_locale("en"), DistanceUnit::Miles);
    assert_eq!(DistanceUnit::for_locale("es"), DistanceUnit::Km);
    assert_eq!(DistanceUnit::Miles.amount(16.09344), 10.0);
}

#[test]
fn clock_text_round_trips() {
    use showplan::domain::tour_plan::{clock_of, parse_clock};
    assert_eq!(parse_clock("09:30"), Some(at(9, 30)));
    assert_eq!(parse_clock("14:05:00"), Some(at(14, 5)));
    assert_eq!(parse_clock(""), None);
    assert_eq!(parse_clock("25:00"), None);
    assert_eq!(parse_clock("nine"), None);
    assert_eq!(clock_of(Some(at(7, 5))), "07:05");
    assert_eq!(clock_of(None), "");
}

#[test]
fn clearing_the_end_place_removes_the_end_and_its_leg() {
    let homes = [home(5.0), home(10.0)];
    let mut t = tour(&homes);
    let without = plan(&t, &homes);
    t.set_end_coords(Some(LatLon {
        lat: 45.0,
        lon: -122.0,
    }));
    assert!(
        plan(&t, &homes).finish > without.finish,
        "the end adds a leg home"
    );
    t.set_end_coords(None);
    assert_eq!(t.end, None);
    assert_eq!(plan(&t, &homes), without);
    // An empty end saved by an older version adds no leg either, and no
    // share link carries it.
    t.end = Some(Place::default());
    assert_eq!(plan(&t, &homes), without);
    let shared = showplan::domain::share::itinerary(&t, &homes, &Default::default());
    assert_eq!(shared.end, None);
}

#[test]
fn a_new_appointment_or_window_starts_at_the_planned_time_and_warns_of_nothing() {
    let homes = [home(5.0), home(10.0)];
    let mut t = tour(&homes);
    let before = plan(&t, &homes);
    // The second home is planned to start at 09:51.
    assert_eq!(clock(before.stops[1].start), "09:51");
    for kind in ["pinned", "window"] {
        t.stops[1].timing =
            showplan::domain::tour_plan::timing_from_plan(kind, before.stops[1].start);
        let after = plan(&t, &homes);
        assert_eq!(clock(after.stops[1].start), "09:55", "{kind}");
        assert!(
            after.stops.iter().all(|s| s.warnings.is_empty()),
            "{kind}: {:?}",
            after.stops
        );
    }
    assert_eq!(
        t.stops[1].timing,
        Some(StopTiming::Window {
            earliest: at(9, 55),
            latest: at(10, 25)
        })
    );
    assert_eq!(
        showplan::domain::tour_plan::timing_from_plan("free", 600),
        None
    );
}

#[test]
fn speeds_are_in_miles_per_hour_for_english_and_kept_in_kmh() {
    let mi = DistanceUnit::for_locale("en");
    assert_eq!(mi.speed(30.0), 18.6);
    assert!((mi.speed_to_kmh(25.0) - 40.2336).abs() < 1e-9);
    let km = DistanceUnit::for_locale("es");
    assert_eq!(km.speed(30.0), 30.0);
    assert_eq!(km.speed_to_kmh(30.0), 30.0);
}
