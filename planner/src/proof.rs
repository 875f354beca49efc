//! Infeasibility that can be proven before searching: an appointment or a
//! window that no order reaches in time, or two that cannot both be kept in
//! either order. The search then need not try every order to say so.
use crate::{PlanInput, Timing};

/// Why no order keeps every appointment and window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// This stop cannot be reached in time even straight from the start.
    TooFar(usize),
    /// These two stops cannot both be kept, in either order: their times,
    /// the showing, the buffer and the drive between them overlap.
    Clash(usize, usize),
    /// Every order misses some time; this stop is the first missed in the
    /// best one.
    NoOrder(usize),
}

impl Cause {
    /// The stop to name first.
    pub fn stop(self) -> usize {
        match self {
            Cause::TooFar(s) | Cause::Clash(s, _) | Cause::NoOrder(s) => s,
        }
    }
}

/// Shortest minutes between places through any others (a leg set by hand
/// may be longer than a way round), flat: `m * a + b`.
pub(crate) fn shortest_legs(input: &PlanInput) -> Vec<u32> {
    let m = input.stops.len() + 2;
    let mut d: Vec<u32> = (0..m * m)
        .map(|k| crate::leg(input, k / m, k % m))
        .collect();
    // Without an end place, its row and column (read as 0) are no way round.
    let through = if input.has_end { m } else { m - 1 };
    for k in 0..through {
        for a in 0..m {
            for b in 0..m {
                let via = d[a * m + k].saturating_add(d[k * m + b]);
                if via < d[a * m + b] {
                    d[a * m + b] = via;
                }
            }
        }
    }
    d
}

/// A cause proven from the times alone, if there is one.
pub(crate) fn proven(input: &PlanInput, shortest: &[u32]) -> Option<Cause> {
    let n = input.stops.len();
    let m = n + 2;
    let timed: Vec<usize> = (0..n)
        .filter(|&s| input.stops[s].timing != Timing::Free)
        .collect();
    let start = input.start_time;
    if let Some(&s) = timed
        .iter()
        .find(|&&s| start.saturating_add(shortest[s + 1]) > input.stops[s].timing.latest())
    {
        return Some(Cause::TooFar(s));
    }
    // `a` can come before `b` only if `a`'s earliest start, its showing, the
    // buffer and the drive reach `b` by its latest start.
    let before = |a: usize, b: usize| {
        let stop = input.stops[a];
        stop.timing
            .earliest()
            .max(start.saturating_add(shortest[a + 1]))
            .saturating_add(stop.duration + input.buffer)
            .saturating_add(shortest[(a + 1) * m + b + 1])
            <= input.stops[b].timing.latest()
    };
    for (k, &a) in timed.iter().enumerate() {
        for &b in &timed[k + 1..] {
            if !before(a, b) && !before(b, a) {
                return Some(Cause::Clash(a, b));
            }
        }
    }
    None
}
