//! What the local search knows of a run of consecutive places, so that a
//! move is judged by joining a few runs: constant time per move, whether
//! legs differ by direction (one-way streets) and whether stops have times.
//!
//! A timed run is summarised as in Vidal et al., "Time-window relaxations
//! in vehicle routing heuristics" (2015): its duration, its "time warp"
//! (minutes it would have to go back in time to keep every window; zero
//! exactly when some schedule keeps them all), and the earliest and latest
//! start of its first showing that give them. Joining two runs is a few
//! additions, so reversing or moving a run costs no re-timing of the tour.
use crate::{leg, PlanInput, Timing};

/// What a search minimises, compared in order: minutes of windows and
/// appointments missed (as time warp), travel, minutes past the latest end.
pub(crate) type Key = (i64, i64, i64);

/// A time no window reaches.
const OPEN: i64 = 1 << 40;

/// The places of an instance as the runs read them: 0 the start, 1..=n the
/// stops, n+1 the end when there is one.
pub(crate) struct Places {
    m: usize,
    travel: Vec<i64>,
    service: Vec<i64>,
    earliest: Vec<i64>,
    latest: Vec<i64>,
    start_time: i64,
    buffer: i64,
    stops: usize,
    has_end: bool,
    latest_end: Option<i64>,
    /// Each place's [`NEAR`] closest places (by the shorter way between
    /// them), `near_k` a place, one place after another.
    near: Vec<u32>,
    near_k: usize,
}

/// How many closest places a move may join a place to: the local search
/// looks at a move only when one of the legs it adds joins near places.
const NEAR: usize = 10;

impl Places {
    pub(crate) fn new(input: &PlanInput) -> Places {
        let n = input.stops.len();
        let m = n + 2;
        let travel: Vec<i64> = (0..m * m)
            .map(|k| i64::from(leg(input, k / m, k % m)))
            .collect();
        let mut service = vec![0; m];
        let mut earliest = vec![0; m];
        let mut latest = vec![OPEN; m];
        earliest[0] = i64::from(input.start_time);
        latest[0] = i64::from(input.start_time);
        for (s, stop) in input.stops.iter().enumerate() {
            // The buffer follows every showing (before the next, or the end).
            service[s + 1] = i64::from(stop.duration) + i64::from(input.buffer);
            let (e, l) = match stop.timing {
                Timing::Free => (0, OPEN),
                Timing::Pinned(at) => (i64::from(at), i64::from(at)),
                Timing::Window { earliest, latest } => (i64::from(earliest), i64::from(latest)),
            };
            earliest[s + 1] = e;
            latest[s + 1] = l;
        }
        let near_k = NEAR.min(m - 1);
        let near = near_places(m, &travel, near_k);
        Places {
            m,
            near,
            near_k,
            travel,
            service,
            earliest,
            latest,
            start_time: i64::from(input.start_time),
            buffer: i64::from(input.buffer),
            stops: n,
            has_end: input.has_end,
            latest_end: input.latest_end.map(i64::from),
        }
    }

    pub(crate) fn leg(&self, a: usize, b: usize) -> i64 {
        self.travel[a * self.m + b]
    }

    /// The places a leg from or to `a` is worth trying with.
    #[inline]
    pub(crate) fn near(&self, a: usize) -> &[u32] {
        &self.near[a * self.near_k..(a + 1) * self.near_k]
    }

    /// Whether every leg takes as long both ways.
    pub(crate) fn symmetric(&self) -> bool {
        (0..self.m).all(|a| (a + 1..self.m).all(|b| self.leg(a, b) == self.leg(b, a)))
    }

    /// Whether only travel tells orders apart: no stop has a time. (A
    /// latest end then only adds to travel's order: no one waits.)
    pub(crate) fn untimed(&self) -> bool {
        (1..=self.stops).all(|p| self.earliest[p] == 0 && self.latest[p] == OPEN)
    }
}

/// Each place's `k` closest (by the shorter way between them), one place
/// after another.
fn near_places(m: usize, travel: &[i64], k: usize) -> Vec<u32> {
    let mut near = Vec::with_capacity(m * k);
    let mut others: Vec<usize> = Vec::with_capacity(m);
    for a in 0..m {
        others.clear();
        others.extend((0..m).filter(|&b| b != a));
        let apart = |b: usize| travel[a * m + b].min(travel[b * m + a]);
        others.sort_by_key(|&b| (apart(b), b));
        near.extend(others.iter().take(k).map(|&b| b as u32));
    }
    near
}

/// A run of consecutive places, summarised for joining.
pub(crate) trait Run: Copy {
    fn node(p: &Places, place: usize) -> Self;
    /// `a` then `b`, with the leg between them.
    fn join(p: &Places, a: Self, b: Self) -> Self;
    /// The key of a whole tour (from the start place to the last place).
    fn key(p: &Places, tour: Self) -> Key;
    /// Whether the key is travel alone, (0, travel, 0): a move is then
    /// judged from its legs, with no runs joined.
    const TRAVEL_ONLY: bool = false;
}

/// Travel alone: for tours whose stops have no times.
#[derive(Clone, Copy)]
pub(crate) struct Travel {
    first: u32,
    last: u32,
    travel: i64,
}

impl Run for Travel {
    const TRAVEL_ONLY: bool = true;

    #[inline]
    fn node(_: &Places, place: usize) -> Self {
        Travel {
            first: place as u32,
            last: place as u32,
            travel: 0,
        }
    }

    #[inline]
    fn join(p: &Places, a: Self, b: Self) -> Self {
        Travel {
            first: a.first,
            last: b.last,
            travel: a.travel + b.travel + p.leg(a.last as usize, b.first as usize),
        }
    }

    fn key(_: &Places, tour: Self) -> Key {
        (0, tour.travel, 0)
    }
}

/// Travel and times (Vidal et al. 2015).
#[derive(Clone, Copy)]
pub(crate) struct Timed {
    first: u32,
    last: u32,
    travel: i64,
    /// From the first showing's start to the last one's end (with the
    /// buffer after it), waiting included.
    duration: i64,
    warp: i64,
    earliest: i64,
    latest: i64,
}

impl Run for Timed {
    #[inline]
    fn node(p: &Places, place: usize) -> Self {
        Timed {
            first: place as u32,
            last: place as u32,
            travel: 0,
            duration: p.service[place],
            warp: 0,
            earliest: p.earliest[place],
            latest: p.latest[place],
        }
    }

    #[inline]
    fn join(p: &Places, a: Self, b: Self) -> Self {
        let step = p.leg(a.last as usize, b.first as usize);
        let delta = a.duration - a.warp + step;
        let wait = (b.earliest - delta - a.latest).max(0);
        let warp = (a.earliest + delta - b.latest).max(0);
        Timed {
            first: a.first,
            last: b.last,
            travel: a.travel + b.travel + step,
            duration: a.duration + b.duration + step + wait,
            warp: a.warp + b.warp + warp,
            earliest: (b.earliest - delta).max(a.earliest) - wait,
            latest: (b.latest - delta).min(a.latest) + warp,
        }
    }

    fn key(p: &Places, tour: Self) -> Key {
        // Without an end place the tour ends with the last showing, not
        // its buffer.
        let trailing = if p.has_end || p.stops == 0 {
            0
        } else {
            p.buffer
        };
        let finish = p.start_time + tour.duration - tour.warp - trailing;
        let overrun = p.latest_end.map_or(0, |l| (finish - l).max(0));
        (tour.warp, tour.travel, overrun)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{random_legs, Rng};
    use crate::{cost, PlanStop};

    /// A random instance: one-way legs, windows, appointments, a buffer.
    fn instance(rng: &mut Rng, n: usize) -> PlanInput {
        let has_end = rng.below(2) == 0;
        let m = n + 2;
        let travel = random_legs(rng, m, 3, 25);
        let stops = (0..n)
            .map(|_| PlanStop {
                duration: 10 + rng.below(20) as u32,
                timing: match rng.below(4) {
                    0 => Timing::Pinned(540 + rng.below(n * 40) as u32),
                    1 => {
                        let earliest = 540 + rng.below(n * 40) as u32;
                        Timing::Window {
                            earliest,
                            latest: earliest + rng.below(90) as u32,
                        }
                    }
                    _ => Timing::Free,
                },
            })
            .collect();
        PlanInput {
            start_time: 540,
            stops,
            travel,
            has_end,
            buffer: rng.below(10) as u32,
            latest_end: (rng.below(2) == 0).then(|| 540 + n as u32 * 30),
        }
    }

    /// The run of `places`, joined left to right, or as two halves joined.
    fn run_of(p: &Places, places: &[usize], split: usize) -> Timed {
        let join_all = |part: &[usize]| {
            part[1..].iter().fold(Timed::node(p, part[0]), |run, &q| {
                Timed::join(p, run, Timed::node(p, q))
            })
        };
        if split == 0 || split >= places.len() {
            join_all(places)
        } else {
            Timed::join(p, join_all(&places[..split]), join_all(&places[split..]))
        }
    }

    #[test]
    fn a_joined_run_times_a_tour_as_the_schedule_does() {
        let mut rng = Rng::new(7);
        for round in 0..2_000 {
            let n = 1 + rng.below(9);
            let input = instance(&mut rng, n);
            let p = Places::new(&input);
            let mut order: Vec<usize> = (0..n).collect();
            for i in (1..n).rev() {
                order.swap(i, rng.below(i + 1));
            }
            let places: Vec<usize> = std::iter::once(0)
                .chain(order.iter().map(|s| s + 1))
                .chain(input.has_end.then_some(n + 1))
                .collect();
            let split = rng.below(places.len() + 1);
            let (warp, travel, overrun) = Timed::key(&p, run_of(&p, &places, split));
            let (missed, real_travel, real_overrun) = cost(&input, &order);
            assert_eq!(travel, i64::from(real_travel), "round {round}");
            assert_eq!(
                warp == 0,
                missed == 0,
                "round {round}: warp {warp}, missed {missed}"
            );
            if warp == 0 {
                assert_eq!(overrun, i64::from(real_overrun), "round {round}");
            }
            // Without times, travel alone orders tours the same way.
            let (_, alone, _) = Travel::key(
                &p,
                places[1..].iter().fold(Travel::node(&p, 0), |run, &q| {
                    Travel::join(&p, run, Travel::node(&p, q))
                }),
            );
            assert_eq!(alone, travel);
        }
    }
}
