//! Helpers for tests and benchmarks, outside the planner's API: built only
//! with the `testing` feature, which the app's dev-dependencies turn on (so
//! the release wasm never carries them).
use crate::{travel_matrix, LatLon, PlanInput, PlanStop, Timing, TravelSettings};

pub use crate::rng::Rng;

/// The heuristic's order for any size (tests compare it with the exact one).
pub fn heuristic_for_tests(input: &PlanInput) -> Vec<usize> {
    crate::heuristic(input)
}

/// Local search from a given order (benchmarks use it for random restarts).
pub fn improve_for_tests(input: &PlanInput, mut order: Vec<usize>) -> Vec<usize> {
    let mut budget = u64::MAX / 2;
    crate::local_search(input, &mut order, &mut budget);
    order
}

/// A city-sized morning for benchmarks and tests: `n` random homes in a
/// 15 km square, starting at 9:00; with `windows`, one stop in five has a
/// 90-minute window.
pub fn bench_instance(rng: &mut Rng, n: usize, windows: bool) -> PlanInput {
    let places: Vec<Option<LatLon>> = (0..=n)
        .map(|_| {
            Some(LatLon {
                lat: 45.43 + rng.below(1300) as f64 / 10_000.0,
                lon: -122.75 + rng.below(1900) as f64 / 10_000.0,
            })
        })
        .collect();
    let travel = travel_matrix(&places, &TravelSettings::default());
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
    PlanInput {
        start_time: 540,
        stops,
        travel,
        has_end: false,
        buffer: 5,
        latest_end: None,
    }
}
