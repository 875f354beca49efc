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
//! non-dominated arrival time) up to [`EXACT_MAX`] stops, within
//! [`EXACT_LABELS`] partial routes; beyond that, local search (`search`:
//! 2-opt and Or-opt, each move judged in constant time by joining runs of
//! places, `run`, one-way legs and times included) from two starts, with
//! kicks, deterministic for the same input and bounded in work. A tour that
//! cannot keep every time names why ([`Cause`], `proof`).
use serde::{Deserialize, Serialize};

pub use proof::Cause;

mod proof;
mod rng;
mod run;
mod search;
#[cfg(feature = "testing")]
pub mod testing;
mod tour;

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
    /// Why: a stop too far, two that clash, or no order found that keeps all.
    pub cause: Cause,
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
///
/// The exact search is bounded: past [`EXACT_LABELS`] partial routes (a
/// tour of many appointments close together that no order keeps) it stops
/// and the heuristic's order is taken. All at once: [`Optimiser`] does the
/// same in slices.
pub fn optimise(input: &PlanInput) -> Result<Schedule, Infeasible> {
    let mut optimiser = Optimiser::new(input.clone());
    while !optimiser.step(u64::MAX) {}
    optimiser.finish()
}

/// An optimisation in slices, so that a page answers between them: call
/// [`Optimiser::step`] until it returns true, then [`Optimiser::finish`].
/// The tour found is the same as [`optimise`]'s, whatever the slices.
pub struct Optimiser {
    input: PlanInput,
    stage: Stage,
    /// The exact search was tried and gave way to the heuristic.
    gave_way: bool,
}

enum Stage {
    /// Not started: the first step runs the exact search, when the tour is
    /// small enough (it is bounded), or sets up the heuristic.
    New,
    Travel(search::Improver<run::Travel>, Vec<Vec<usize>>),
    Timed(search::Improver<run::Timed>, Vec<Vec<usize>>),
    Found(Vec<usize>),
}

impl Optimiser {
    pub fn new(input: PlanInput) -> Optimiser {
        Optimiser {
            input,
            stage: Stage::New,
            gave_way: false,
        }
    }

    /// Works for about `moves` units of work (moves judged and runs
    /// joined; the exact search, up to 15 stops, in one step); true when
    /// done. 300,000 take about 5 ms in a browser.
    pub fn step(&mut self, moves: u64) -> bool {
        match &mut self.stage {
            Stage::New => {
                let n = self.input.stops.len();
                let exact = (n <= EXACT_MAX)
                    .then(|| exact(&self.input, &proof::shortest_legs(&self.input)))
                    .flatten();
                self.gave_way = n <= EXACT_MAX && exact.is_none();
                self.stage = match exact {
                    Some(order) => Stage::Found(order),
                    None => searching(&self.input, None),
                };
                matches!(self.stage, Stage::Found(_))
            }
            Stage::Travel(search, _) => search.step(moves),
            Stage::Timed(search, _) => search.step(moves),
            Stage::Found(_) => true,
        }
    }

    /// Whether the exact search was tried (up to [`EXACT_MAX`] stops) and
    /// stopped at its bound ([`EXACT_LABELS`]), so that the order found is
    /// the best the heuristic found, not one proven shortest.
    pub fn gave_way(&self) -> bool {
        self.gave_way
    }

    /// Whether the order was found by the exact search, so that a tour it
    /// finds missing a window proves no order keeps them all.
    pub fn exact(&self) -> bool {
        matches!(self.stage, Stage::Found(_))
    }

    /// The result (what [`optimise`] returns); unfinished, the best so far.
    pub fn finish(self) -> Result<Schedule, Infeasible> {
        let input = &self.input;
        let best = match self.stage {
            Stage::Found(order) => order,
            Stage::Travel(search, starts) => better(input, search.best(), starts),
            Stage::Timed(search, starts) => better(input, search.best(), starts),
            Stage::New => (0..input.stops.len()).collect(),
        };
        let best = schedule(input, &best);
        if best.missed == 0 {
            return Ok(best);
        }
        let shortest = proof::shortest_legs(input);
        let cause = proof::proven(input, &shortest).unwrap_or_else(|| {
            let first = best
                .visits
                .iter()
                .find(|v| v.late > 0)
                .map_or(0, |v| v.stop);
            Cause::NoOrder(first)
        });
        Err(Infeasible {
            stop: cause.stop(),
            cause,
            best,
        })
    }
}

/// Partial routes the exact search may keep before it gives way to the
/// heuristic: a crowded 15-stop hour that no order keeps stops after
/// about 15 ms on this machine natively; a 15-stop tour with a window on
/// one stop in five needs far fewer.
pub const EXACT_LABELS: usize = 120_000;

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
fn exact(input: &PlanInput, shortest: &[u32]) -> Option<Vec<usize>> {
    let n = input.stops.len();
    if n == 0 {
        return Some(vec![]);
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
            if arena.len() > EXACT_LABELS {
                return None;
            }
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
        return Some(bound_order);
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
    Some(order)
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

/// Stops with a time in time order, and the others.
fn by_time(input: &PlanInput) -> (Vec<usize>, Vec<usize>) {
    let n = input.stops.len();
    let (mut timed, free): (Vec<usize>, Vec<usize>) =
        (0..n).partition(|&s| input.stops[s].timing != Timing::Free);
    timed.sort_by_key(|&s| {
        (
            input.stops[s].timing.latest(),
            input.stops[s].timing.earliest(),
            s,
        )
    });
    (timed, free)
}

/// A good order found fast, as the exact search's first bound.
fn quick_bound(input: &PlanInput) -> Vec<usize> {
    let n = input.stops.len() as u64;
    search(input, Some(n * n * 400))
}

/// Work the heuristic may do for `n` stops (moves judged, runs joined):
/// with times, or with legs longer one way than the other, or neither.
/// Counted, not timed, so the same input always gives the same tour;
/// about 0.1 s natively for 100 stops, 0.1-0.14 s for 200
/// (scripts/bench-peers.sh).
fn work_budget(n: usize, timed: bool, one_way: bool) -> u64 {
    let (per, most) = match (timed, one_way) {
        (true, _) => TIMED_WORK,
        (false, true) => ONE_WAY_WORK,
        (false, false) => TRAVEL_WORK,
    };
    let n = n as u64;
    (n * n * per).clamp(300_000, most)
}

/// Work per stop squared, and at most (see [`work_budget`]).
const TRAVEL_WORK: (u64, u64) = (1_000, 9_000_000);
const ONE_WAY_WORK: (u64, u64) = (1_300, 12_000_000);
const TIMED_WORK: (u64, u64) = (800, 8_000_000);

/// The heuristic search, set up from nearest neighbour and from time order
/// with cheapest insertion; `budget` (else [`work_budget`]) bounds its work.
fn searching(input: &PlanInput, budget: Option<u64>) -> Stage {
    let n = input.stops.len();
    let places = std::rc::Rc::new(run::Places::new(input));
    let seed = 0x9E37_79B9_7F4A_7C15 ^ n as u64;
    let (timed, free) = by_time(input);
    let untimed = places.untimed();
    let budget = budget.unwrap_or_else(|| work_budget(n, !untimed, !places.symmetric()));
    let nearest = nearest_neighbour(input);
    if untimed {
        let starts = vec![
            nearest,
            search::insertion::<run::Travel>(&places, n, input.has_end, &timed, &free),
        ];
        let search = search::Improver::new(places, n, input.has_end, starts.clone(), budget, seed);
        Stage::Travel(search, starts)
    } else {
        // The shortest tour with times left out (a tenth of the work) is a
        // third start, whichever way round misses fewer minutes: where the
        // windows leave room for it, the search only has to mend it.
        let mut shortest = search::Improver::<run::Travel>::new(
            std::rc::Rc::clone(&places),
            n,
            input.has_end,
            vec![nearest.clone()],
            budget / 10,
            seed,
        );
        while !shortest.step(u64::MAX) {}
        let ahead = shortest.best();
        let back: Vec<usize> = ahead.iter().rev().copied().collect();
        let starts = vec![
            nearest,
            search::insertion::<run::Timed>(&places, n, input.has_end, &timed, &free),
            std::cmp::min_by_key(ahead, back, |o| cost(input, o)),
        ];
        let budget = budget - budget / 10;
        let search = search::Improver::new(places, n, input.has_end, starts.clone(), budget, seed);
        Stage::Timed(search, starts)
    }
}

/// The better of what the search found and its starts, by the real cost
/// (minutes late rather than time warp).
fn better(input: &PlanInput, found: Vec<usize>, starts: Vec<Vec<usize>>) -> Vec<usize> {
    std::iter::once(found)
        .chain(starts)
        .min_by_key(|order| cost(input, order))
        .unwrap_or_default()
}

/// The heuristic search to its end.
fn search(input: &PlanInput, budget: Option<u64>) -> Vec<usize> {
    match searching(input, budget) {
        Stage::Travel(mut search, starts) => {
            while !search.step(u64::MAX) {}
            better(input, search.best(), starts)
        }
        Stage::Timed(mut search, starts) => {
            while !search.step(u64::MAX) {}
            better(input, search.best(), starts)
        }
        Stage::New | Stage::Found(_) => vec![],
    }
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
