//! The showing planner: travel estimates, the schedule of a given order, and
//! an optimiser that keeps appointments.
//!
//! Small public API: [`PlanInput`] (stops, travel minutes between every pair
//! of places, start time) in; [`schedule`] for a given order, [`optimise`]
//! for the best order. Times are minutes after midnight.
//!
//! Cost of an order, compared in this order: minutes by which pinned
//! appointments or time windows are missed, then total travel, then minutes
//! past the latest end. Exact (Held-Karp over subsets, keeping every
//! non-dominated arrival time) up to [`EXACT_MAX`] stops; beyond that,
//! 2-opt and Or-opt local search from several starts with perturbation
//! (deterministic for the same input), bounded in work.
use serde::{Deserialize, Serialize};

mod rng;
#[cfg(feature = "testing")]
pub mod testing;

use rng::Rng;

/// A point on the map.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

/// Up to this many stops the optimiser is exact.
pub const EXACT_MAX: usize = 15;

/// When a stop may start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    /// Any time.
    Free,
    /// An appointment confirmed for exactly this time.
    Pinned(u32),
    /// Start no earlier than `earliest` and no later than `latest`.
    Window { earliest: u32, latest: u32 },
}

impl Timing {
    fn earliest(self) -> u32 {
        match self {
            Timing::Free => 0,
            Timing::Pinned(at) => at,
            Timing::Window { earliest, .. } => earliest,
        }
    }

    fn latest(self) -> u32 {
        match self {
            Timing::Free => u32::MAX,
            Timing::Pinned(at) => at,
            Timing::Window { latest, .. } => latest,
        }
    }
}

/// One showing to place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanStop {
    pub duration: u32,
    pub timing: Timing,
}

/// Everything the planner needs. Places are numbered: 0 is the start,
/// 1..=n the stops in `stops` order, and n+1 the end when `has_end`.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanInput {
    pub start_time: u32,
    pub stops: Vec<PlanStop>,
    /// `travel[a][b]`: minutes from place a to place b.
    pub travel: Vec<Vec<u32>>,
    pub has_end: bool,
    /// Minutes between leaving one showing and... added after each showing.
    pub buffer: u32,
    pub latest_end: Option<u32>,
}

/// One stop in a schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visit {
    /// Index into `PlanInput::stops`.
    pub stop: usize,
    pub arrive: u32,
    pub start: u32,
    pub end: u32,
    /// Minutes waited before starting (early for an appointment or window).
    pub wait: u32,
    /// Minutes after the pinned time or the window's latest start.
    pub late: u32,
}

/// A timed order of stops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub visits: Vec<Visit>,
    /// Arrival at the end place, or the end of the last showing.
    pub finish: u32,
    pub travel: u32,
    /// Total minutes appointments and windows are missed by.
    pub missed: u32,
    /// Minutes past the latest end.
    pub overrun: u32,
}

impl Schedule {
    /// The comparison key: missed, then travel, then overrun.
    pub fn cost(&self) -> (u32, u32, u32) {
        (self.missed, self.travel, self.overrun)
    }
}

/// Why no order keeps every appointment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Infeasible {
    /// The stop that cannot be kept (index into `PlanInput::stops`).
    pub stop: usize,
    /// The best order found anyway (fewest minutes missed).
    pub best: Schedule,
}

/// Minutes from place `a` to place `b`; 0 when the matrix has no such entry.
fn leg(input: &PlanInput, a: usize, b: usize) -> u32 {
    input
        .travel
        .get(a)
        .and_then(|row| row.get(b))
        .copied()
        .unwrap_or(0)
}

/// Times `order` (indices into `input.stops`).
pub fn schedule(input: &PlanInput, order: &[usize]) -> Schedule {
    let n = input.stops.len();
    let mut visits = Vec::with_capacity(order.len());
    let (mut t, mut place, mut travel, mut missed) = (input.start_time, 0usize, 0u32, 0u32);
    for (k, &s) in order.iter().enumerate() {
        let leg = leg(input, place, s + 1);
        let arrive = t + if k == 0 { leg } else { input.buffer + leg };
        travel += leg;
        let stop = input.stops[s];
        let start = arrive.max(stop.timing.earliest());
        let late = start.saturating_sub(stop.timing.latest());
        missed += late;
        let end = start + stop.duration;
        visits.push(Visit {
            stop: s,
            arrive,
            start,
            end,
            wait: start - arrive,
            late,
        });
        t = end;
        place = s + 1;
    }
    if input.has_end {
        let leg = leg(input, place, n + 1);
        travel += leg;
        t += if order.is_empty() {
            leg
        } else {
            input.buffer + leg
        };
    }
    let overrun = input.latest_end.map_or(0, |l| t.saturating_sub(l));
    Schedule {
        visits,
        finish: t,
        travel,
        missed,
        overrun,
    }
}

/// The best order: `Ok` when every appointment and window is kept,
/// otherwise `Err` naming the stop that breaks, with the least-bad order.
pub fn optimise(input: &PlanInput) -> Result<Schedule, Infeasible> {
    let n = input.stops.len();
    let best = if n <= EXACT_MAX {
        exact(input)
    } else {
        heuristic(input)
    };
    let best = schedule(input, &best);
    if best.missed == 0 {
        return Ok(best);
    }
    Err(Infeasible {
        stop: culprit(input, &best),
        best,
    })
}

/// The stop to blame: one that cannot be reached in time even straight from
/// the start, else the first one missed in the best order.
fn culprit(input: &PlanInput, best: &Schedule) -> usize {
    (0..input.stops.len())
        .find(|&s| input.start_time + leg(input, 0, s + 1) > input.stops[s].timing.latest())
        .or_else(|| best.visits.iter().find(|v| v.late > 0).map(|v| v.stop))
        .unwrap_or(0)
}

/// A partial route's state in the exact search.
#[derive(Clone, Copy)]
struct Label {
    missed: u32,
    travel: u32,
    time: u32,
    /// Index of the label this one extends (`u32::MAX` for the first stop).
    from: u32,
    /// The stop the route ends at.
    last: u8,
}

impl Label {
    fn dominates(&self, o: &Label) -> bool {
        self.missed <= o.missed && self.travel <= o.travel && self.time <= o.time
    }
}

/// Held-Karp over (set of visited stops, last stop), keeping for each the
/// labels not dominated in (missed, travel, time): exact with waiting.
/// Labels live in one flat arena; each state's labels are contiguous.
fn exact(input: &PlanInput) -> Vec<usize> {
    let n = input.stops.len();
    if n == 0 {
        return vec![];
    }
    let full = (1usize << n) - 1;
    // An upper bound from a quick local search: missed minutes and travel
    // only grow along a route, so a label already worse than it can be dropped.
    let bound_order = quick_bound(input);
    let (bound_missed, bound_travel, _) = cost(input, &bound_order);
    // The travel matrix, flat: the inner loops read it millions of times.
    let m = n + 2;
    let flat: Vec<u32> = (0..m * m).map(|k| leg(input, k / m, k % m)).collect();
    let d = |a: usize, b: usize| flat[a * m + b];
    // A lower bound on the travel still to come after a route has visited
    // `set` and stands at `last`: every stop not yet visited (and the end
    // place) must be entered from an unvisited stop or from `last`, at least
    // by the cheapest such leg. `entry` holds, per set, each unvisited
    // place's cheapest leg from another unvisited stop; adding `last` is one
    // `min` per place. Predecessors are sorted by distance once, so the
    // cheapest unvisited one is usually among the first looked at.
    let targets: Vec<usize> = (1..=n).chain(input.has_end.then_some(n + 1)).collect();
    let preds: Vec<Vec<(u32, usize)>> = targets
        .iter()
        .map(|&place| {
            let mut p: Vec<(u32, usize)> = (0..n)
                .filter(|&u| u + 1 != place)
                .map(|u| (d(u + 1, place), u))
                .collect();
            p.sort_unstable();
            p
        })
        .collect();
    let end_bit = if input.has_end { 1usize << n } else { 0 };
    // Shortest travel between places through any others (the matrix need
    // not keep the triangle inequality: a leg may be overridden by hand).
    // A route at `last` at time t reaches stop v no sooner than
    // t + buffer + shortest(last, v), so a window or appointment that is
    // already out of reach adds at least that lateness.
    let mut shortest = flat.clone();
    for k in 0..m {
        for a in 0..m {
            for b in 0..m {
                let via = shortest[a * m + k].saturating_add(shortest[k * m + b]);
                if via < shortest[a * m + b] {
                    shortest[a * m + b] = via;
                }
            }
        }
    }
    let timed: usize = (0..n)
        .filter(|&s| input.stops[s].timing.latest() != u32::MAX)
        .fold(0, |bits, s| bits | 1 << s);
    // Per unvisited timed stop: the latest time a route may leave `last`
    // and still reach it in time.
    let mut deadlines: Vec<u32> = Vec::with_capacity(n);
    let mut entry = [u32::MAX; EXACT_MAX + 1];
    // Labels live in one flat arena, set after set in increasing order:
    // the labels of routes through `set` are arena[start[set]..start[set + 1]].
    // A route through `set` ending at `last` extends any route through
    // `set - last`, which is one contiguous run: the search reads memory in
    // order, which matters more than arithmetic here.
    let mut set_start: Vec<u32> = vec![0; full + 2];
    let mut arena: Vec<Label> = Vec::new();
    let mut buffer: Vec<Label> = Vec::new();
    for set in 1..=full {
        set_start[set] = arena.len() as u32;
        let mut entry_ready = false;
        let mut bits = set;
        while bits != 0 {
            let last = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let stop = input.stops[last];
            let rest = set & !(1 << last);
            let (from_at, to_at) = if rest == 0 {
                (0, 0)
            } else {
                (set_start[rest], set_start[rest + 1])
            };
            if rest != 0 && from_at == to_at {
                // Every route through `rest` was pruned.
                continue;
            }
            if !entry_ready {
                entry_ready = true;
                let unvisited = full & !set;
                let mut places = unvisited | end_bit;
                while places != 0 {
                    let v = places.trailing_zeros() as usize;
                    places &= places - 1;
                    entry[v] = preds[v]
                        .iter()
                        .find(|(_, u)| unvisited & (1 << u) != 0)
                        .map_or(u32::MAX, |(t, _)| *t);
                }
            }
            let mut lb = 0u32;
            let mut places = (full & !set) | end_bit;
            while places != 0 {
                let v = places.trailing_zeros() as usize;
                places &= places - 1;
                lb += entry[v].min(d(last + 1, targets[v]));
            }
            deadlines.clear();
            let mut pending = timed & !set;
            while pending != 0 {
                let v = pending.trailing_zeros() as usize;
                pending &= pending - 1;
                let reach = input.buffer + shortest[(last + 1) * m + v + 1];
                deadlines.push(input.stops[v].timing.latest().saturating_sub(reach));
            }
            let hopeless = |l: &Label| {
                let late: u32 = deadlines.iter().map(|&by| l.time.saturating_sub(by)).sum();
                (l.missed + late, l.travel + lb) > (bound_missed, bound_travel)
            };
            buffer.clear();
            if rest == 0 {
                let first = leg(input, 0, last + 1);
                let start = (input.start_time + first).max(stop.timing.earliest());
                let label = Label {
                    missed: start.saturating_sub(stop.timing.latest()),
                    travel: first,
                    time: start + stop.duration,
                    from: u32::MAX,
                    last: last as u8,
                };
                if !hopeless(&label) {
                    buffer.push(label);
                }
            } else {
                for li in from_at..to_at {
                    let l = arena[li as usize];
                    let step = d(usize::from(l.last) + 1, last + 1);
                    let start = (l.time + input.buffer + step).max(stop.timing.earliest());
                    let cand = Label {
                        missed: l.missed + start.saturating_sub(stop.timing.latest()),
                        travel: l.travel + step,
                        time: start + stop.duration,
                        from: li,
                        last: last as u8,
                    };
                    if hopeless(&cand) || buffer.iter().any(|b| b.dominates(&cand)) {
                        continue;
                    }
                    buffer.retain(|b| !cand.dominates(b));
                    buffer.push(cand);
                }
            }
            arena.extend_from_slice(&buffer);
        }
    }
    // Close the route at the end place and pick the best full label.
    let mut best: Option<((u32, u32, u32), u32)> = None;
    for (li, l) in arena.iter().enumerate().skip(set_start[full] as usize) {
        let (travel, finish) = if input.has_end {
            let step = d(usize::from(l.last) + 1, n + 1);
            (l.travel + step, l.time + input.buffer + step)
        } else {
            (l.travel, l.time)
        };
        let overrun = input.latest_end.map_or(0, |e| finish.saturating_sub(e));
        let key = (l.missed, travel, overrun);
        if best.is_none_or(|(k, _)| key < k) {
            best = Some((key, li as u32));
        }
    }
    let Some((_, mut li)) = best else {
        // Every route was pruned: the bound itself is optimal.
        return bound_order;
    };
    let mut order = Vec::with_capacity(n);
    loop {
        order.push(usize::from(arena[li as usize].last));
        let from = arena[li as usize].from;
        if from == u32::MAX {
            break;
        }
        li = from;
    }
    order.reverse();
    order
}

/// The cost of an order, as `schedule(..).cost()` but without building it.
fn cost(input: &PlanInput, order: &[usize]) -> (u32, u32, u32) {
    let n = input.stops.len();
    let (mut t, mut place, mut travel, mut missed) = (input.start_time, 0usize, 0u32, 0u32);
    for (k, &s) in order.iter().enumerate() {
        let step = leg(input, place, s + 1);
        travel += step;
        let arrive = t + step + if k == 0 { 0 } else { input.buffer };
        let stop = input.stops[s];
        let start = arrive.max(stop.timing.earliest());
        missed += start.saturating_sub(stop.timing.latest());
        t = start + stop.duration;
        place = s + 1;
    }
    if input.has_end {
        let step = leg(input, place, n + 1);
        travel += step;
        t += step + if order.is_empty() { 0 } else { input.buffer };
    }
    (
        missed,
        travel,
        input.latest_end.map_or(0, |l| t.saturating_sub(l)),
    )
}

/// Local search with 2-opt (reverse a run) and Or-opt (move a run of 1-3),
/// first improvement, until no move helps or the work budget runs out.
fn local_search(input: &PlanInput, order: &mut Vec<usize>, budget: &mut u64) {
    let n = order.len();
    let mut best = cost(input, order);
    let mut improved = true;
    while improved && *budget > 0 {
        improved = false;
        'two_opt: for i in 0..n.saturating_sub(1) {
            for j in i + 1..n {
                *budget = budget.saturating_sub(n as u64);
                order[i..=j].reverse();
                let c = cost(input, order);
                if c < best {
                    best = c;
                    improved = true;
                    continue 'two_opt;
                }
                order[i..=j].reverse();
                if *budget == 0 {
                    return;
                }
            }
        }
        for len in 1..=3usize.min(n.saturating_sub(1)) {
            let mut i = 0;
            while i + len <= n {
                let mut moved = false;
                for to in 0..=n - len {
                    if to == i {
                        continue;
                    }
                    *budget = budget.saturating_sub(n as u64);
                    let run: Vec<usize> = order.drain(i..i + len).collect();
                    let at = to.min(order.len());
                    for (k, s) in run.iter().enumerate() {
                        order.insert(at + k, *s);
                    }
                    let c = cost(input, order);
                    if c < best {
                        best = c;
                        improved = true;
                        moved = true;
                        break;
                    }
                    order.drain(at..at + len);
                    for (k, s) in run.iter().enumerate() {
                        order.insert(i + k, *s);
                    }
                    if *budget == 0 {
                        return;
                    }
                }
                if !moved {
                    i += 1;
                }
            }
        }
    }
}

/// Whether the order only affects travel (no appointments or windows), so
/// moves can be judged by their change in travel alone.
fn travel_only(input: &PlanInput) -> bool {
    input.stops.iter().all(|s| s.timing == Timing::Free)
}

fn symmetric(input: &PlanInput) -> bool {
    let m = &input.travel;
    (0..m.len()).all(|a| (0..m.len()).all(|b| leg(input, a, b) == leg(input, b, a)))
}

/// 2-opt and Or-opt judged by the change in travel, O(1) per move: for tours
/// without appointments or windows, and a symmetric travel matrix.
fn fast_local_search(input: &PlanInput, order: &mut [usize], budget: &mut u64) {
    let n = order.len();
    let end = input.has_end.then_some(n + 1);
    // Route of places: start, stops.., (end).
    let mut r: Vec<usize> = std::iter::once(0)
        .chain(order.iter().map(|s| s + 1))
        .chain(end)
        .collect();
    let t = |a: usize, b: usize| i64::from(leg(input, a, b));
    let last = r.len() - 1;
    let mut improved = true;
    while improved && *budget > 0 {
        improved = false;
        // 2-opt: reverse r[i..=j].
        for i in 1..=n {
            for j in i + 1..=n {
                let (a, b, c) = (r[i - 1], r[i], r[j]);
                let after = (j < last).then(|| r[j + 1]);
                let delta = t(a, c) - t(a, b) + after.map_or(0, |d| t(b, d) - t(c, d));
                if delta < 0 {
                    r[i..=j].reverse();
                    improved = true;
                }
            }
            *budget = budget.saturating_sub(n as u64);
        }
        // Or-opt: move r[i..i+len] between r[p] and r[p+1].
        for len in 1..=3usize.min(n) {
            let mut i = 1;
            while i + len - 1 <= n {
                let (a, s1, s2) = (r[i - 1], r[i], r[i + len - 1]);
                let b = (i + len <= last).then(|| r[i + len]);
                let gain = t(a, s1) + b.map_or(0, |b| t(s2, b) - t(a, b));
                let mut moved = false;
                for p in 0..=n {
                    if p + 1 >= i && p < i + len {
                        continue;
                    }
                    if end.is_some() && p == last {
                        continue;
                    }
                    let x = r[p];
                    let y = (p < last).then(|| r[p + 1]);
                    let cost = t(x, s1) + y.map_or(0, |y| t(s2, y) - t(x, y));
                    if cost < gain {
                        let run: Vec<usize> = r.drain(i..i + len).collect();
                        let at = if p < i { p + 1 } else { p + 1 - len };
                        r.splice(at..at, run);
                        improved = true;
                        moved = true;
                        break;
                    }
                }
                if !moved {
                    i += 1;
                }
                *budget = budget.saturating_sub(n as u64);
            }
        }
    }
    for (k, place) in r[1..=n].iter().enumerate() {
        order[k] = place - 1;
    }
}

/// Nearest neighbour from the start, breaking ties by stop index.
fn nearest_neighbour(input: &PlanInput) -> Vec<usize> {
    let n = input.stops.len();
    let mut left: Vec<usize> = (0..n).collect();
    let mut order = Vec::with_capacity(n);
    let mut place = 0;
    while !left.is_empty() {
        let (k, _) = left
            .iter()
            .enumerate()
            .min_by_key(|(_, s)| (leg(input, place, **s + 1), **s))
            .unwrap_or((0, &0));
        let s = left.remove(k);
        order.push(s);
        place = s + 1;
    }
    order
}

/// Stops with a time first, in time order, the rest by nearest neighbour.
fn by_time(input: &PlanInput) -> Vec<usize> {
    let mut order: Vec<usize> = (0..input.stops.len()).collect();
    order.sort_by_key(|&s| {
        (
            input.stops[s].timing.latest(),
            input.stops[s].timing.earliest(),
            s,
        )
    });
    order
}

/// A good order found fast, as the exact search's first bound: local search
/// from nearest neighbour and from time order, the better of the two.
fn quick_bound(input: &PlanInput) -> Vec<usize> {
    let fast = travel_only(input) && symmetric(input);
    let mut best: Option<(Vec<usize>, (u32, u32, u32))> = None;
    for mut order in [nearest_neighbour(input), by_time(input)] {
        let mut budget = u64::MAX / 2;
        if fast {
            fast_local_search(input, &mut order, &mut budget);
        } else {
            local_search(input, &mut order, &mut budget);
        }
        let c = cost(input, &order);
        if best.as_ref().is_none_or(|(_, bc)| c < *bc) {
            best = Some((order, c));
        }
    }
    best.map(|(o, _)| o).unwrap_or_default()
}

/// Several starts, each improved by local search, then perturbed
/// (double-bridge) and improved again while the work budget lasts.
fn heuristic(input: &PlanInput) -> Vec<usize> {
    let n = input.stops.len();
    // Work budget in "places timed" (one schedule evaluation costs n),
    // growing with n and capped, so the page never freezes.
    let n64 = n as u64;
    let mut budget: u64 = (n64 * n64 * n64 * 600).clamp(200_000, 25_000_000);
    let mut rng = Rng::new(0x9E37_79B9_7F4A_7C15 ^ n as u64);
    let mut starts = vec![nearest_neighbour(input), by_time(input)];
    for _ in 0..4 {
        let mut random: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            random.swap(i, rng.below(i + 1));
        }
        starts.push(random);
    }
    let fast = travel_only(input) && symmetric(input);
    let improve = |order: &mut Vec<usize>, b: &mut u64| {
        if fast {
            fast_local_search(input, order, b);
        } else {
            local_search(input, order, b);
        }
    };
    let per_start = budget / (starts.len() as u64 * 2);
    let mut best: Option<(Vec<usize>, (u32, u32, u32))> = None;
    for mut order in starts {
        let mut b = per_start;
        improve(&mut order, &mut b);
        budget = budget.saturating_sub(per_start - b);
        let c = cost(input, &order);
        if best.as_ref().is_none_or(|(_, bc)| c < *bc) {
            best = Some((order, c));
        }
    }
    // Iterated local search from the best: double-bridge kicks, until the
    // budget is spent or many kicks in a row found nothing better.
    let mut idle = 0;
    while budget > 0 && n >= 8 && idle < 3 * n {
        idle += 1;
        let Some((ref current, current_cost)) = best else {
            break;
        };
        let mut cuts = [
            1 + rng.below(n - 2),
            1 + rng.below(n - 2),
            1 + rng.below(n - 2),
        ];
        cuts.sort_unstable();
        let [a, b, c] = cuts;
        if a == b || b == c {
            budget = budget.saturating_sub(n as u64);
            continue;
        }
        let mut kicked = Vec::with_capacity(n);
        kicked.extend_from_slice(&current[..a]);
        kicked.extend_from_slice(&current[b..c]);
        kicked.extend_from_slice(&current[a..b]);
        kicked.extend_from_slice(&current[c..]);
        let mut b = budget.min(per_start);
        let before = b;
        improve(&mut kicked, &mut b);
        budget = budget.saturating_sub((before - b).max(n as u64));
        let cost_kicked = cost(input, &kicked);
        if cost_kicked < current_cost {
            best = Some((kicked, cost_kicked));
            idle = 0;
        }
    }
    best.map(|(o, _)| o).unwrap_or_default()
}

/// How travel minutes are estimated when no override is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TravelSettings {
    /// Road distance over straight-line distance (1.3 in a typical town).
    pub circuity: f64,
    /// Average speed in km/h (car in town: 30).
    pub speed_kmh: f64,
    /// Minutes assumed for a leg when a place has no coordinates.
    pub unknown_leg: u32,
}

impl Default for TravelSettings {
    fn default() -> Self {
        TravelSettings {
            circuity: 1.3,
            speed_kmh: 30.0,
            unknown_leg: 15,
        }
    }
}

/// Great-circle distance in kilometres (`geo`'s haversine, mean Earth radius).
pub fn distance_km(a: LatLon, b: LatLon) -> f64 {
    use geo::{Distance, Haversine, Point};
    Haversine.distance(Point::new(a.lon, a.lat), Point::new(b.lon, b.lat)) / 1000.0
}

/// Minutes to drive from `a` to `b`: distance × circuity ÷ speed, rounded up.
pub fn travel_minutes(a: Option<LatLon>, b: Option<LatLon>, s: &TravelSettings) -> u32 {
    match (a, b) {
        (Some(a), Some(b)) => {
            let hours = distance_km(a, b) * s.circuity / s.speed_kmh.max(1.0);
            (hours * 60.0).ceil() as u32
        }
        _ => s.unknown_leg,
    }
}

/// The travel matrix for places in order (start, stops.., end).
pub fn travel_matrix(places: &[Option<LatLon>], s: &TravelSettings) -> Vec<Vec<u32>> {
    places
        .iter()
        .enumerate()
        .map(|(i, a)| {
            places
                .iter()
                .enumerate()
                .map(|(j, b)| if i == j { 0 } else { travel_minutes(*a, *b, s) })
                .collect()
        })
        .collect()
}
