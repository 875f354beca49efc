//! Host tests for the tour planner: schedules, the exact optimiser against
//! brute force, appointments kept, infeasible tours explained, and the
//! heuristic against the exact optimum.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use showplan::domain::model::LatLon;
use showplan::domain::planner::testing::*;
use showplan::domain::planner::*;

/// A random morning in a 12 km square: start 9:00, 20-30 minute showings,
/// some stops with a window or a pinned time (kept reachable often enough).
fn instance(rng: &mut Rng, n: usize, timed: bool, has_end: bool) -> PlanInput {
    let point = |rng: &mut Rng| {
        Some(LatLon {
            lat: 45.45 + rng.below(1000) as f64 / 10_000.0,
            lon: -122.70 + rng.below(1500) as f64 / 10_000.0,
        })
    };
    let places: Vec<Option<LatLon>> = (0..n + 1 + usize::from(has_end))
        .map(|_| point(rng))
        .collect();
    let travel = travel_matrix(&places, &TravelSettings::default());
    let start_time = 9 * 60;
    let stops = (0..n)
        .map(|_| PlanStop {
            duration: 20 + rng.below(11) as u32,
            timing: match (timed, rng.below(6)) {
                (true, 0) => Timing::Pinned(start_time + 30 + rng.below(n * 30) as u32),
                (true, 1) => {
                    let earliest = start_time + rng.below(n * 30) as u32;
                    Timing::Window {
                        earliest,
                        latest: earliest + 60 + rng.below(60) as u32,
                    }
                }
                _ => Timing::Free,
            },
        })
        .collect();
    PlanInput {
        start_time,
        stops,
        travel,
        has_end,
        buffer: 5,
        latest_end: Some(start_time + n as u32 * 45),
    }
}

fn permutations(items: &mut Vec<usize>, k: usize, out: &mut dyn FnMut(&[usize])) {
    if k == items.len() {
        out(items);
        return;
    }
    for i in k..items.len() {
        items.swap(k, i);
        permutations(items, k + 1, out);
        items.swap(k, i);
    }
}

fn brute_force(input: &PlanInput) -> (u32, u32, u32) {
    let mut best = (u32::MAX, u32::MAX, u32::MAX);
    let mut order: Vec<usize> = (0..input.stops.len()).collect();
    permutations(&mut order, 0, &mut |o| {
        best = best.min(schedule(input, o).cost())
    });
    best
}

fn optimum(input: &PlanInput) -> Schedule {
    match optimise(input) {
        Ok(s) => s,
        Err(e) => e.best,
    }
}

#[test]
fn a_schedule_times_each_showing_with_travel_buffer_and_waiting() {
    let input = PlanInput {
        start_time: 540,
        stops: vec![
            PlanStop {
                duration: 20,
                timing: Timing::Free,
            },
            PlanStop {
                duration: 30,
                timing: Timing::Pinned(620),
            },
        ],
        travel: vec![
            vec![0, 10, 15, 5],
            vec![10, 0, 12, 9],
            vec![15, 12, 0, 7],
            vec![5, 9, 7, 0],
        ],
        has_end: true,
        buffer: 5,
        latest_end: Some(650),
    };
    let s = schedule(&input, &[0, 1]);
    assert_eq!(
        (s.visits[0].arrive, s.visits[0].start, s.visits[0].end),
        (550, 550, 570)
    );
    // 570 + 5 buffer + 12 travel = 587: early, so it waits until 620.
    assert_eq!(
        (s.visits[1].arrive, s.visits[1].start, s.visits[1].wait),
        (587, 620, 33)
    );
    assert_eq!(s.finish, 650 + 5 + 7);
    assert_eq!((s.travel, s.missed, s.overrun), (10 + 12 + 7, 0, 12));
    let late = schedule(&input, &[1, 0]);
    assert_eq!(
        late.visits[0].start, 620,
        "a pinned appointment is never moved earlier"
    );
}

#[test]
fn the_exact_optimiser_equals_brute_force_up_to_9_stops() {
    let mut rng = Rng::new(0x5eed);
    for n in 1..=9 {
        let rounds = if n <= 7 { 12 } else { 3 };
        for round in 0..rounds {
            let mut input = instance(&mut rng, n, round % 2 == 0, round % 3 == 0);
            if round % 4 == 1 {
                // Legs set by hand: slower one way, so the matrix is neither
                // symmetric nor keeps the triangle inequality.
                let places = input.travel.len();
                for _ in 0..places {
                    let (a, b) = (rng.below(places), rng.below(places));
                    if a != b {
                        input.travel[a][b] = input.travel[a][b] * 4 + 7;
                    }
                }
            }
            assert_eq!(
                optimum(&input).cost(),
                brute_force(&input),
                "n = {n}, round {round}"
            );
        }
    }
}

#[test]
fn pinned_appointments_keep_their_times_when_an_order_allows() {
    let mut rng = Rng::new(7);
    let mut checked = 0;
    for _ in 0..60 {
        let input = instance(&mut rng, 8, true, false);
        if let Ok(s) = optimise(&input) {
            for v in &s.visits {
                match input.stops[v.stop].timing {
                    Timing::Pinned(at) => assert_eq!(v.start, at),
                    Timing::Window { earliest, latest } => {
                        assert!((earliest..=latest).contains(&v.start))
                    }
                    Timing::Free => {}
                }
            }
            checked += 1;
        }
    }
    assert!(
        checked > 30,
        "most random mornings are feasible ({checked})"
    );
}

#[test]
fn an_impossible_tour_is_explained_by_the_stop_that_breaks_it() {
    // Two appointments at 10:00, 40 minutes apart: one must be missed.
    let input = PlanInput {
        start_time: 540,
        stops: vec![
            PlanStop {
                duration: 20,
                timing: Timing::Free,
            },
            PlanStop {
                duration: 20,
                timing: Timing::Pinned(600),
            },
            PlanStop {
                duration: 20,
                timing: Timing::Pinned(600),
            },
        ],
        travel: vec![
            vec![0, 5, 10, 10],
            vec![5, 0, 8, 8],
            vec![10, 8, 0, 40],
            vec![10, 8, 40, 0],
        ],
        has_end: false,
        buffer: 0,
        latest_end: None,
    };
    let err = optimise(&input).expect_err("cannot keep both");
    assert!(err.stop == 1 || err.stop == 2);
    assert!(err.best.missed > 0);
    assert!(err
        .best
        .visits
        .iter()
        .any(|v| v.stop == err.stop && v.late > 0));

    // A window that closes before the stop can be reached from the start.
    let unreachable = PlanInput {
        stops: vec![
            PlanStop {
                duration: 20,
                timing: Timing::Free,
            },
            PlanStop {
                duration: 20,
                timing: Timing::Window {
                    earliest: 500,
                    latest: 545,
                },
            },
        ],
        travel: vec![vec![0, 5, 10], vec![5, 0, 8], vec![10, 8, 0]],
        ..input
    };
    assert_eq!(optimise(&unreachable).expect_err("too late").stop, 1);
}

#[test]
fn the_heuristic_matches_the_exact_optimum_on_most_10_to_12_stop_tours() {
    let mut rng = Rng::new(0xabc);
    let (mut same, mut total) = (0, 0);
    for n in 10..=12 {
        for round in 0..6 {
            let input = instance(&mut rng, n, round % 2 == 0, false);
            let exact = optimum(&input).cost();
            let order = heuristic_order(&input);
            let h = schedule(&input, &order).cost();
            assert!(h >= exact, "the exact result is a lower bound");
            same += usize::from(h == exact);
            total += 1;
        }
    }
    assert!(
        same * 10 >= total * 8,
        "heuristic optimal on {same} of {total}"
    );
}

/// The heuristic alone, on sizes the exact optimiser also solves.
fn heuristic_order(input: &PlanInput) -> Vec<usize> {
    showplan::domain::planner::testing::heuristic_for_tests(input)
}

#[test]
fn the_optimiser_is_deterministic_and_handles_many_stops() {
    let mut rng = Rng::new(99);
    let input = instance(&mut rng, 40, true, true);
    let a = optimum(&input);
    let b = optimum(&input);
    assert_eq!(a, b);
    let mut seen: Vec<usize> = a.visits.iter().map(|v| v.stop).collect();
    seen.sort_unstable();
    assert_eq!(seen, (0..40).collect::<Vec<_>>(), "every stop once");
    assert!(optimum(&PlanInput {
        stops: vec![],
        travel: vec![vec![0]],
        ..input.clone()
    })
    .visits
    .is_empty());
}

#[test]
fn travel_minutes_follow_distance_circuity_and_speed() {
    let office = LatLon {
        lat: 45.5122,
        lon: -122.6525,
    };
    let sellwood = LatLon {
        lat: 45.4651,
        lon: -122.6528,
    };
    let km = distance_km(office, sellwood);
    assert!((km - 5.24).abs() < 0.05, "{km}");
    let s = TravelSettings::default();
    // 5.24 km × 1.3 ÷ 30 km/h = 13.6 min, rounded up.
    assert_eq!(travel_minutes(Some(office), Some(sellwood), &s), 14);
    assert_eq!(travel_minutes(Some(office), None, &s), s.unknown_leg);
    let m = travel_matrix(&[Some(office), Some(sellwood)], &s);
    assert_eq!(m, vec![vec![0, 14], vec![14, 0]]);
}

#[test]
fn the_exact_optimiser_stays_exact_when_legs_are_set_by_hand() {
    // Overridden legs can make a detour faster than the direct leg; the
    // search's bounds must not prune the best order then.
    let mut rng = Rng::new(0x1e95);
    for round in 0..150 {
        let n = 5 + round % 3;
        let mut input = instance(&mut rng, n, true, round % 2 == 0);
        let places = input.travel.len();
        for _ in 0..2 * places {
            let (a, b) = (rng.below(places), rng.below(places));
            if a != b {
                input.travel[a][b] = input.travel[a][b] * 6 + 10;
            }
        }
        assert_eq!(optimum(&input).cost(), brute_force(&input), "round {round}");
    }
}

/// Each leg of one pair up to 20 % longer one way (one-way streets, turns).
fn one_way(rng: &mut Rng, mut input: PlanInput) -> PlanInput {
    let m = input.travel.len();
    for a in 0..m {
        for b in a + 1..m {
            let longer = |t: u32, rng: &mut Rng| t + (t * rng.below(21) as u32).div_ceil(100);
            if rng.below(2) == 0 {
                input.travel[a][b] = longer(input.travel[a][b], rng);
            } else {
                input.travel[b][a] = longer(input.travel[b][a], rng);
            }
        }
    }
    input
}

#[test]
fn the_exact_optimiser_equals_brute_force_with_one_way_legs_and_windows() {
    let mut rng = Rng::new(0x0e_a7);
    for n in 1..=9 {
        for round in 0..4 {
            let input = instance(&mut rng, n, round != 0, round % 2 == 1);
            let input = one_way(&mut rng, input);
            assert_eq!(
                optimum(&input).cost(),
                brute_force(&input),
                "{n} stops, round {round}"
            );
        }
    }
}

#[test]
fn the_heuristic_matches_the_exact_optimum_on_nine_in_ten_one_way_windowed_tours() {
    let mut rng = Rng::new(0x1e_55);
    let (mut same, mut total) = (0, 0);
    for n in 10..=12 {
        for round in 0..10 {
            let input = instance(&mut rng, n, true, round % 2 == 0);
            let input = one_way(&mut rng, input);
            let exact = optimum(&input).cost();
            let h = schedule(&input, &heuristic_order(&input)).cost();
            assert!(h >= exact, "the exact result is a lower bound");
            same += usize::from(h == exact);
            total += 1;
        }
    }
    assert!(
        same * 10 >= total * 9,
        "heuristic optimal on {same} of {total}"
    );
}

/// Three stops at one corner (a minute apart), `timings` theirs, 30-minute
/// showings, no buffer, starting at 9:00 next to them.
fn corner(timings: [Timing; 3]) -> PlanInput {
    PlanInput {
        start_time: 540,
        stops: timings
            .map(|timing| PlanStop {
                duration: 30,
                timing,
            })
            .to_vec(),
        travel: (0..5)
            .map(|a| (0..5).map(|b| u32::from(a != b)).collect())
            .collect(),
        has_end: false,
        buffer: 0,
        latest_end: None,
    }
}

#[test]
fn an_impossible_tour_names_its_cause() {
    let window = |earliest, latest| Timing::Window { earliest, latest };
    // Pinned at 9:00, but the start is a minute away.
    let too_far = corner([Timing::Free, Timing::Pinned(540), Timing::Free]);
    assert_eq!(
        optimise(&too_far).expect_err("late").cause,
        Cause::TooFar(1)
    );
    // 10:00 and 10:20, with 30-minute showings: neither can come first.
    let clash = corner([Timing::Pinned(600), Timing::Free, Timing::Pinned(620)]);
    let e = optimise(&clash).expect_err("overlap");
    assert_eq!(e.cause, Cause::Clash(0, 2));
    assert_eq!(e.stop, 0);
    // Any two fit in 10:00-10:59, the three do not.
    let crowded = corner([window(600, 659), window(600, 659), window(600, 659)]);
    let e = optimise(&crowded).expect_err("no order");
    assert!(matches!(e.cause, Cause::NoOrder(_)), "{:?}", e.cause);
    assert_eq!(
        e.best.missed, 3,
        "the least-late order: 10:00, 10:31, 11:02"
    );
    // With the last window an hour later, all three fit.
    let fits = corner([window(600, 659), window(600, 659), window(600, 720)]);
    assert_eq!(optimise(&fits).map(|s| s.missed), Ok(0));
}

#[test]
fn the_exact_search_gives_way_when_no_order_keeps_a_crowded_hour() {
    let mut rng = Rng::new(15);
    for _ in 0..3 {
        let input = crowded_instance(&mut rng, EXACT_MAX);
        let e = optimise(&input).expect_err("more showings than the hour holds");
        assert!(matches!(e.cause, Cause::NoOrder(_)));
        // The order returned is a whole tour of every stop.
        let mut stops: Vec<usize> = e.best.visits.iter().map(|v| v.stop).collect();
        stops.sort_unstable();
        assert_eq!(stops, (0..EXACT_MAX).collect::<Vec<_>>());
    }
}

#[test]
fn an_optimiser_says_when_its_exact_search_gave_way() {
    let mut rng = Rng::new(15);
    let crowded = crowded_instance(&mut rng, EXACT_MAX);
    let mut optimiser = Optimiser::new(crowded);
    while !optimiser.step(u64::MAX) {}
    assert!(
        optimiser.gave_way(),
        "a crowded hour stops the exact search"
    );
    // An ordinary morning of 12 is solved exactly; 40 never try.
    for n in [12, 40] {
        let mut optimiser = Optimiser::new(bench_instance(&mut rng, n, true));
        while !optimiser.step(u64::MAX) {}
        assert!(!optimiser.gave_way(), "{n} stops");
    }
}

#[test]
fn an_optimisation_in_slices_finds_what_one_in_one_go_does() {
    let mut rng = Rng::new(0x511ce);
    for (n, windows) in [(40, false), (40, true), (90, true), (12, true)] {
        let input = bench_instance(&mut rng, n, windows);
        let at_once = optimise(&input);
        let mut optimiser = Optimiser::new(input.clone());
        let mut slices = 0;
        while !optimiser.step(50_000) {
            slices += 1;
        }
        assert_eq!(optimiser.finish(), at_once, "{n} stops");
        if n > EXACT_MAX {
            assert!(slices > 10, "{n} stops took {slices} slices");
        }
    }
}
