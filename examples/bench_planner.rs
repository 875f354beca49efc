//! Prints how long the planner takes for 8 to 100 stops on this machine, and
//! how good the heuristic's tours are: against the exact optimum (up to 12
//! stops) and against the best of many random restarts (larger tours).
//!
//! Run with `make bench` (or `cargo run --release --example bench_planner`).
use showplan::domain::planner::testing::*;
use showplan::domain::planner::*;
use std::time::Instant;

fn cost(input: &PlanInput) -> (u32, u32, u32) {
    match optimise(input) {
        Ok(s) => s.cost(),
        Err(e) => e.best.cost(),
    }
}

fn main() {
    let mut rng = Rng::new(2026);
    println!(
        "optimise time (host, release; median of 5 instances; one in five stops has a window):"
    );
    for n in [8, 12, 15, 25, 50, 100] {
        let mut times = Vec::new();
        for _ in 0..5 {
            let input = bench_instance(&mut rng, n, true);
            let t = Instant::now();
            std::hint::black_box(cost(&input));
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        let method = if n <= EXACT_MAX { "exact" } else { "heuristic" };
        println!(
            "  {n:>3} stops ({method}): {:>8.2} ms (max {:.2} ms)",
            times[2], times[4]
        );
    }

    // The exact search's worst shape: every stop windowed in one hour,
    // close together, more showings than the hour holds.
    let mut times = Vec::new();
    for _ in 0..5 {
        let input = crowded_instance(&mut rng, EXACT_MAX);
        let t = Instant::now();
        std::hint::black_box(optimise(&input).is_ok());
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "   15 stops (exact, a crowded hour no order keeps): {:>8.2} ms (max {:.2} ms)",
        times[2], times[4]
    );
    // The same 15-stop size with no windows or appointments: only travel
    // orders routes, so the search keeps one route per state.
    let mut times = Vec::new();
    for _ in 0..5 {
        let input = bench_instance(&mut rng, 15, false);
        let t = Instant::now();
        std::hint::black_box(optimise(&input).is_ok());
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "   15 stops (exact, no windows): {:>8.2} ms (max {:.2} ms)",
        times[2], times[4]
    );

    println!("heuristic against the exact optimum (total travel):");
    for n in [8, 10, 12] {
        let (mut same, mut worst) = (0, 0.0f64);
        let rounds = 20;
        for _ in 0..rounds {
            let input = bench_instance(&mut rng, n, false);
            let exact = cost(&input);
            let h = schedule(&input, &heuristic_for_tests(&input)).cost();
            same += usize::from(h == exact);
            worst = worst.max(h.1 as f64 / exact.1.max(1) as f64 - 1.0);
        }
        println!(
            "  {n:>3} stops: optimal on {same} of {rounds}, worst gap {:.2} %",
            worst * 100.0
        );
    }

    println!("heuristic against the best of 200 random restarts of 2-opt + Or-opt (total travel):");
    for n in [25, 50, 100] {
        let mut gaps = Vec::new();
        for _ in 0..3 {
            let input = bench_instance(&mut rng, n, false);
            let h = cost(&input).1;
            let mut best = u32::MAX;
            for _ in 0..200 {
                let mut order: Vec<usize> = (0..n).collect();
                for i in (1..n).rev() {
                    order.swap(i, rng.below(i + 1));
                }
                let improved = improve_for_tests(&input, order);
                best = best.min(schedule(&input, &improved).travel);
            }
            gaps.push((h as f64 / best as f64 - 1.0) * 100.0);
        }
        let worst = gaps.iter().cloned().fold(f64::MIN, f64::max);
        println!("  {n:>3} stops: gap to best restart {:?} % (worst {worst:.2} %; negative = heuristic better)", gaps.iter().map(|g| (g * 100.0).round() / 100.0).collect::<Vec<_>>());
    }
}
