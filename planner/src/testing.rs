//! Helpers for tests and benchmarks, outside the planner's API: built only
//! with the `testing` feature, which the app's dev-dependencies turn on (so
//! the release wasm never carries them).
use crate::{travel_matrix, LatLon, PlanInput, PlanStop, Timing, TravelSettings};

pub use crate::rng::Rng;

/// The heuristic's order for any size (tests compare it with the exact one).
pub fn heuristic_for_tests(input: &PlanInput) -> Vec<usize> {
    crate::search(input, None)
}

/// Local search alone (no kicks) from a given order, to a local optimum
/// (benchmarks use it for random restarts).
pub fn improve_for_tests(input: &PlanInput, order: Vec<usize>) -> Vec<usize> {
    let places = crate::run::Places::new(input);
    let n = input.stops.len();
    if places.untimed() {
        crate::search::descend_only::<crate::run::Travel>(places, n, input.has_end, order)
    } else {
        crate::search::descend_only::<crate::run::Timed>(places, n, input.has_end, order)
    }
}

/// A city-sized morning for benchmarks and tests: `n` random homes in a
/// 15 km square, starting at 9:00; with `windows`, one stop in five has a
/// 90-minute window.
pub fn bench_instance(rng: &mut Rng, n: usize, windows: bool) -> PlanInput {
    let travel = random_travel(rng, n, (45.43, -122.75), (1300, 1900));
    let stops = (0..n)
        .map(|i| PlanStop {
            duration: 20,
            timing: if windows && i % 5 == 0 {
                let earliest = 540 + rng.below(n * 35) as u32;
                Timing::Window {
                    earliest,
                    latest: earliest + 90,
                }
            } else {
                Timing::Free
            },
        })
        .collect();
    morning(stops, travel)
}

/// The exact search's hardest shape found: `n` stops a few minutes apart,
/// every one with a window in the same hour, more showings than the hour
/// holds (so no order keeps them, and no pair alone proves it).
pub fn crowded_instance(rng: &mut Rng, n: usize) -> PlanInput {
    let travel = random_travel(rng, n, (45.50, -122.65), (100, 100));
    let stops = (0..n)
        .map(|_| PlanStop {
            duration: 15 + rng.below(10) as u32,
            timing: Timing::Window {
                earliest: 570 + rng.below(20) as u32,
                latest: 630 + rng.below(20) as u32,
            },
        })
        .collect();
    morning(stops, travel)
}

/// The estimated travel between `n + 1` random places (a start and `n`
/// stops) north-east of `corner`, within `spread` ten-thousandths of a
/// degree (latitude, longitude).
fn random_travel(
    rng: &mut Rng,
    n: usize,
    corner: (f64, f64),
    spread: (usize, usize),
) -> Vec<Vec<u32>> {
    let places: Vec<Option<LatLon>> = (0..=n)
        .map(|_| {
            Some(LatLon {
                lat: corner.0 + rng.below(spread.0) as f64 / 10_000.0,
                lon: corner.1 + rng.below(spread.1) as f64 / 10_000.0,
            })
        })
        .collect();
    travel_matrix(&places, &TravelSettings::default())
}

/// A tour from 9:00 with a 5-minute buffer, no end place, no finish time.
fn morning(stops: Vec<PlanStop>, travel: Vec<Vec<u32>>) -> PlanInput {
    PlanInput {
        start_time: 540,
        stops,
        travel,
        has_end: false,
        buffer: 5,
        latest_end: None,
    }
}
