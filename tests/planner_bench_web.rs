//! The planner's timings in headless Chromium (`make bench`): prints the
//! median time to optimise 8 to 200 stops, the same instances as the host
//! bench (`examples/bench_planner.rs`). Ignored in `make test`: it measures,
//! it does not check.
#![cfg(target_arch = "wasm32")]
use showplan::domain::planner::testing::{bench_instance, crowded_instance, Rng};
use showplan::domain::planner::{optimise, PlanInput, EXACT_MAX};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Median and largest time of optimising five instances from `make`.
fn timed(rng: &mut Rng, make: impl Fn(&mut Rng) -> PlanInput) -> (f64, f64) {
    let mut times: Vec<f64> = (0..5)
        .map(|_| {
            let input = make(rng);
            let t = now();
            std::hint::black_box(optimise(&input).is_ok());
            now() - t
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[2], times[4])
}

#[wasm_bindgen_test]
#[ignore]
fn optimise_timings_in_the_browser() {
    let mut rng = Rng::new(2026);
    console_log!("optimise time (Chromium, wasm release; median of 5 instances; one in five stops has a window):");
    let method = |n: usize| if n <= EXACT_MAX { "exact" } else { "heuristic" };
    for n in [8, 12, 15, 25, 50, 100, 200] {
        let (median, max) = timed(&mut rng, |r| bench_instance(r, n, true));
        console_log!(
            "  {n:>3} stops ({}): {median:>8.2} ms (max {max:.2} ms)",
            method(n)
        );
    }
    // The exact search's worst shape: every stop windowed in one hour,
    // close together, more showings than the hour holds.
    let (median, max) = timed(&mut rng, |r| crowded_instance(r, EXACT_MAX));
    console_log!(
        "   15 stops (exact, a crowded hour no order keeps): {median:>8.2} ms (max {max:.2} ms)"
    );
    // The same sizes with no windows or appointments: for the exact
    // search, only travel orders routes, so it keeps one route per state;
    // the heuristic judges a move by its legs alone, joining no runs.
    for n in [15, 100, 200] {
        let (median, max) = timed(&mut rng, |r| bench_instance(r, n, false));
        console_log!(
            "  {n:>3} stops ({}, no windows): {median:>8.2} ms (max {max:.2} ms)",
            method(n)
        );
    }
    // One-way legs (each pair up to 20 % longer one way), with and
    // without windows: the heuristic's largest budgets.
    for (n, windows) in [(100, false), (200, false), (200, true)] {
        let (median, max) = timed(&mut rng, |r| {
            let input = bench_instance(r, n, windows);
            one_way(r, input)
        });
        let with = if windows {
            "one-way legs, windows"
        } else {
            "one-way legs"
        };
        console_log!("  {n:>3} stops (heuristic, {with}): {median:>8.2} ms (max {max:.2} ms)");
    }
}

/// `input` with one way of each pair of places up to 20 % longer.
fn one_way(rng: &mut Rng, mut input: PlanInput) -> PlanInput {
    let m = input.travel.len();
    for a in 0..m {
        for b in a + 1..m {
            let longer = 1.0 + rng.below(201) as f64 / 1000.0;
            let (x, y) = if rng.below(2) == 0 { (a, b) } else { (b, a) };
            input.travel[x][y] = (f64::from(input.travel[x][y]) * longer).round() as u32;
        }
    }
    input
}
