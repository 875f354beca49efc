//! The planner's timings in headless Chromium (`make bench`): prints the
//! median time to optimise 8 to 100 stops, the same instances as the host
//! bench (`examples/bench_planner.rs`). Ignored in `make test`: it measures,
//! it does not check.
#![cfg(target_arch = "wasm32")]
use showplan::domain::planner::testing::{bench_instance, Rng};
use showplan::domain::planner::{optimise, EXACT_MAX};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

#[wasm_bindgen_test]
#[ignore]
fn optimise_timings_in_the_browser() {
    let mut rng = Rng::new(2026);
    console_log!("optimise time (Chromium, wasm release; median of 5 instances; one in five stops has a window):");
    for n in [8, 12, 15, 25, 50, 100] {
        let mut times = Vec::new();
        for _ in 0..5 {
            let input = bench_instance(&mut rng, n, true);
            let t = now();
            std::hint::black_box(optimise(&input).is_ok());
            times.push(now() - t);
        }
        times.sort_by(f64::total_cmp);
        let method = if n <= EXACT_MAX { "exact" } else { "heuristic" };
        console_log!(
            "  {n:>3} stops ({method}): {:>8.2} ms (max {:.2} ms)",
            times[2],
            times[4]
        );
    }
    // The same 15-stop size with no windows or appointments: only travel
    // orders routes, so the search keeps one route per state.
    let mut times = Vec::new();
    for _ in 0..5 {
        let input = bench_instance(&mut rng, 15, false);
        let t = now();
        std::hint::black_box(optimise(&input).is_ok());
        times.push(now() - t);
    }
    times.sort_by(f64::total_cmp);
    console_log!(
        "   15 stops (exact, no windows): {:>8.2} ms (max {:.2} ms)",
        times[2],
        times[4]
    );
}
