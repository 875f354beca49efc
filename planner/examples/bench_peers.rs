//! The planner against LKH-3 and OR-Tools on the same integer matrices
//! (seconds of driving), for 25, 50, 100 and 200 stops: symmetric and
//! asymmetric (each leg up to 20 % longer one way), with and without a
//! quarter of the stops windowed. Closed tours from and back to a depot, as
//! the peers solve them. Run by `scripts/bench-peers.sh`:
//!
//!   bench_peers make DIR [SEED]   writes the instances (NAME.txt); another
//!                          seed, other instances (19 by default)
//!   (scripts/bench_peers.py DIR solves them with the peers: NAME.peers)
//!   bench_peers solve DIR   solves them with the planner, prints the table
use showplan_planner::testing::Rng;
use showplan_planner::{optimise, PlanInput, PlanStop, Timing};
use std::fs;
use std::path::Path;
use std::time::Instant;

const SIZES: [usize; 4] = [25, 50, 100, 200];
const CASES: [&str; 4] = [
    "symmetric-plain",
    "asymmetric-plain",
    "symmetric-windows",
    "asymmetric-windows",
];
const START: u32 = 9 * 3600;
const SHOWING: u32 = 20 * 60;

/// Instances per case and size.
const INSTANCES: usize = 6;

/// Driving seconds between random homes in a 15 km square (30 km/h, roads
/// 1.3 times the straight line); one way of each pair up to 20 % longer
/// when `asymmetric`.
fn matrix(rng: &mut Rng, n: usize, asymmetric: bool) -> Vec<Vec<u32>> {
    let points: Vec<(f64, f64)> = (0..=n)
        .map(|_| (rng.below(15_000) as f64, rng.below(15_000) as f64))
        .collect();
    let mut m = vec![vec![0u32; n + 1]; n + 1];
    for a in 0..=n {
        for b in a + 1..=n {
            let metres =
                ((points[a].0 - points[b].0).powi(2) + (points[a].1 - points[b].1).powi(2)).sqrt();
            let secs = metres * 1.3 / (30_000.0 / 3600.0);
            let (mut ab, mut ba) = (secs, secs);
            if asymmetric {
                let longer = 1.0 + rng.below(2001) as f64 / 10_000.0;
                if rng.below(2) == 0 {
                    ab *= longer;
                } else {
                    ba *= longer;
                }
            }
            m[a][b] = ab.round() as u32;
            m[b][a] = ba.round() as u32;
        }
    }
    m
}

fn make(dir: &Path, seed: u64) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    let mut rng = Rng::new(seed);
    for case in CASES {
        for n in SIZES {
            for k in 0..INSTANCES {
                let m = matrix(&mut rng, n, case.starts_with("asymmetric"));
                let mut text = format!("{n} {START} {SHOWING}\n");
                for row in &m {
                    let row: Vec<String> = row.iter().map(u32::to_string).collect();
                    text += &row.join(" ");
                    text.push('\n');
                }
                fs::write(dir.join(format!("{case}-{n:03}-{k}.txt")), text)?;
            }
        }
    }
    Ok(())
}

struct Peers {
    lkh: f64,
    lkh_secs: f64,
    ortools: Option<f64>,
    ortools_secs: f64,
    windows: Vec<(usize, u32, u32)>,
}

fn read_peers(path: &Path) -> Option<Peers> {
    let text = fs::read_to_string(path).ok()?;
    let mut peers = Peers {
        lkh: 0.0,
        lkh_secs: 0.0,
        ortools: None,
        ortools_secs: 0.0,
        windows: vec![],
    };
    for line in text.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        match parts.as_slice() {
            ["lkh", len, secs] => {
                (peers.lkh, peers.lkh_secs) = (len.parse().ok()?, secs.parse().ok()?)
            }
            ["ortools", len, secs] => {
                let len: f64 = len.parse().ok()?;
                peers.ortools = (len >= 0.0).then_some(len);
                peers.ortools_secs = secs.parse().ok()?;
            }
            ["window", stop, lo, hi] => {
                peers
                    .windows
                    .push((stop.parse().ok()?, lo.parse().ok()?, hi.parse().ok()?))
            }
            _ => {}
        }
    }
    Some(peers)
}

fn input(text: &str, windows: &[(usize, u32, u32)]) -> Option<PlanInput> {
    let mut lines = text.lines();
    let head: Vec<u32> = lines
        .next()?
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    let [n, start, showing] = head[..] else {
        return None;
    };
    let n = n as usize;
    let file: Vec<Vec<u32>> = lines
        .take(n + 1)
        .map(|l| {
            l.split_whitespace()
                .filter_map(|x| x.parse().ok())
                .collect()
        })
        .collect();
    // Places: 0 the depot, 1..=n the stops, n+1 the depot again (the end).
    let place = |p: usize| if p == n + 1 { 0 } else { p };
    let travel = (0..n + 2)
        .map(|a| (0..n + 2).map(|b| file[place(a)][place(b)]).collect())
        .collect();
    let stops = (1..=n)
        .map(|s| PlanStop {
            duration: showing,
            timing: windows.iter().find(|w| w.0 == s).map_or(
                Timing::Free,
                |&(_, earliest, latest)| Timing::Window { earliest, latest },
            ),
        })
        .collect();
    Some(PlanInput {
        start_time: start,
        stops,
        travel,
        has_end: true,
        buffer: 0,
        latest_end: None,
    })
}

fn solve(dir: &Path) -> std::io::Result<()> {
    println!("planner (release, host) against LKH-3 (elkai, 10 runs) and OR-Tools (guided local search, 1-4 s)");
    println!("gap = planner's tour length / peer's - 1; negative: the planner's is shorter");
    println!(
        "{:<20} {:>5} {:>4} {:>10} {:>10} {:>12} {:>11} {:>9} {:>11}",
        "case",
        "stops",
        "runs",
        "mean gap",
        "max gap",
        "vs OR-Tools",
        "planner ms",
        "LKH-3 ms",
        "OR-Tools ms"
    );
    let mut worst = (f64::MIN, String::new());
    // Every instance, one line each, beside the instances.
    let mut each = String::from(
        "instance,planner,lkh3,ortools,gap_to_lkh3_percent,planner_ms,lkh3_ms,ortools_ms\n",
    );
    for case in CASES {
        for n in SIZES {
            let (mut gaps, mut ot_gaps, mut ms, mut lkh_ms, mut ot_ms) =
                (vec![], vec![], vec![], vec![], vec![]);
            for k in 0..INSTANCES {
                let name = format!("{case}-{n:03}-{k}");
                let text = fs::read_to_string(dir.join(format!("{name}.txt")))?;
                let Some(peers) = read_peers(&dir.join(format!("{name}.peers"))) else {
                    eprintln!("{name}: no peers' answer (run scripts/bench-peers.sh)");
                    continue;
                };
                let Some(input) = input(&text, &peers.windows) else {
                    continue;
                };
                let began = Instant::now();
                let schedule = match optimise(&input) {
                    Ok(s) => s,
                    Err(e) => {
                        eprintln!("{name}: a window missed by {} s", e.best.missed);
                        e.best
                    }
                };
                ms.push(began.elapsed().as_secs_f64() * 1e3);
                let ours = f64::from(schedule.travel);
                let gap = (ours / peers.lkh - 1.0) * 100.0;
                if gap > worst.0 {
                    worst = (gap, name.clone());
                }
                gaps.push(gap);
                if let Some(ot) = peers.ortools {
                    ot_gaps.push((ours / ot - 1.0) * 100.0);
                }
                lkh_ms.push(peers.lkh_secs * 1e3);
                ot_ms.push(peers.ortools_secs * 1e3);
                each += &format!(
                    "{name},{ours},{},{},{gap:.3},{:.1},{:.1},{:.1}\n",
                    peers.lkh,
                    peers.ortools.map_or(String::new(), |o| o.to_string()),
                    ms[ms.len() - 1],
                    peers.lkh_secs * 1e3,
                    peers.ortools_secs * 1e3
                );
            }
            let mean = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len().max(1) as f64;
            let max = gaps.iter().cloned().fold(f64::MIN, f64::max);
            println!(
                "{case:<20} {n:>5} {:>4} {:>9.3}% {:>9.3}% {:>11.3}% {:>11.1} {:>9.1} {:>11.1}",
                gaps.len(),
                mean(&gaps),
                max,
                mean(&ot_gaps),
                mean(&ms),
                mean(&lkh_ms),
                mean(&ot_ms)
            );
        }
    }
    println!(
        "largest gap to LKH-3 on any instance: {:.3} % ({}; goal: at most 2 %)",
        worst.0, worst.1
    );
    let csv = dir.join("instances.csv");
    fs::write(&csv, each)?;
    println!("each instance: {}", csv.display());
    Ok(())
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    match (args.get(1).map(String::as_str), args.get(2)) {
        (Some("make"), Some(dir)) => {
            let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(19);
            make(Path::new(dir), seed)
        }
        (Some("solve"), Some(dir)) => solve(Path::new(dir)),
        _ => {
            eprintln!("usage: bench_peers make DIR [SEED] | bench_peers solve DIR");
            std::process::exit(2);
        }
    }
}
