//! The search: each start improved to a local optimum (`tour`), missed
//! windows first weighed with travel, the weight growing until the tour
//! keeps them (or cannot): a search that never gives up a kept window gets
//! stuck in the first tour that keeps them all. Then iterated: a local
//! double-bridge kick, repaired by the same moves, kept when no worse
//! (kicks never give up a kept window).
//!
//! Deterministic: the same input gives the same tour, and the work is
//! counted (moves judged, runs joined), not timed.
use crate::rng::Rng;
use crate::run::{Key, Places, Run};
use crate::tour::Tour;
use std::rc::Rc;

/// Stops with a time in time order (`timed`), then each other stop
/// inserted where the tour's key grows least: minutes of windows missed
/// first, then travel. Each insertion weighs every place in the tour by
/// joining its prefix, the stop and its suffix.
pub(crate) fn insertion<R: Run>(
    p: &Places,
    stops: usize,
    has_end: bool,
    timed: &[usize],
    free: &[usize],
) -> Vec<usize> {
    let mut places: Vec<usize> = std::iter::once(0)
        .chain(timed.iter().map(|s| s + 1))
        .chain(has_end.then_some(stops + 1))
        .collect();
    let free: Vec<usize> = free.iter().map(|s| s + 1).collect();
    insert_each::<R>(p, &mut places, has_end, &free);
    stops_of(&places, stops)
}

/// Inserts each of `insert` (places) into `places` in turn, where the
/// tour's key grows least (the end place, when there is one, stays last).
fn insert_each<R: Run>(p: &Places, places: &mut Vec<usize>, has_end: bool, insert: &[usize]) {
    let mut prefix: Vec<R> = Vec::with_capacity(places.len() + insert.len());
    let mut suffix: Vec<R> = Vec::with_capacity(places.len() + insert.len());
    for &place in insert {
        let len = places.len();
        prefix.clear();
        let mut run = R::node(p, places[0]);
        prefix.push(run);
        for &q in &places[1..] {
            run = R::join(p, run, R::node(p, q));
            prefix.push(run);
        }
        suffix.clear();
        suffix.resize(len, run);
        let mut run = R::node(p, places[len - 1]);
        suffix[len - 1] = run;
        for k in (0..len - 1).rev() {
            run = R::join(p, R::node(p, places[k]), run);
            suffix[k] = run;
        }
        let node = R::node(p, place);
        // After position k.
        let last = if has_end { len - 2 } else { len - 1 };
        let mut best: Option<(Key, usize)> = None;
        for (k, &before) in prefix.iter().enumerate().take(last + 1) {
            let head = R::join(p, before, node);
            let whole = match suffix.get(k + 1) {
                Some(&tail) => R::join(p, head, tail),
                None => head,
            };
            let key = R::key(p, whole);
            if best.is_none_or(|(b, _)| key < b) {
                best = Some((key, k));
            }
        }
        let at = best.map_or(last, |(_, k)| k) + 1;
        places.insert(at, place);
    }
}

/// The stops (indices into the input's stops) in the order of `places`.
fn stops_of(places: &[usize], stops: usize) -> Vec<usize> {
    places[1..=stops].iter().map(|p| p - 1).collect()
}

/// The search, in slices: each of `starts` improved to a local optimum,
/// then kicks that repair the best, until the work budget is spent.
/// [`Improver::step`] goes on from where it stopped, so the tour found is
/// the same whatever the slices.
pub(crate) struct Improver<R: Run> {
    p: Rc<Places>,
    stops: usize,
    has_end: bool,
    budget: u64,
    /// Work done by tours no longer searched.
    spent: u64,
    starts: Vec<Vec<usize>>,
    per_start: u64,
    /// The start being improved, and the work it may do.
    start: Option<(Tour<R>, u64)>,
    best: Option<(Key, Vec<usize>)>,
    kicks: Option<Kicks<R>>,
    rng: Rng,
    done: bool,
}

/// Iterated local search from the best start.
struct Kicks<R: Run> {
    tour: Tour<R>,
    current: Key,
    /// The tour before the kick being repaired.
    before: Option<Vec<usize>>,
}

/// How far apart a double bridge's cuts may be (positions): with times,
/// short stretches keep windows; without, half the kicks span the tour.
/// (Both chosen on the peers' benchmark, `make bench-peers`, two seeds.)
const KICK_REACH: usize = 60;
const TIMED_KICK_REACH: usize = 30;
/// One kick in this many moves a run of stops (up to [`SEGMENT_MOST`]) to
/// its best place instead: what brings back a run left for the end of a
/// tour, when its stops one by one (Or-opt moves up to three) would each
/// add driving.
const SEGMENT_EVERY: usize = 4;
const SEGMENT_MOST: usize = 30;

/// The penalty of a minute of warp that a start's search begins with,
/// and how much it grows each time the search ends missing a window: at
/// first the search may pass through tours that miss windows, to find
/// one that keeps them all with little travel.
const FIRST_PENALTY: i64 = 1;
const PENALTY_GROWTH: i64 = 4;
/// Past this, warp is compared first again.
const LAST_PENALTY: i64 = 1 << 16;

impl<R: Run> Improver<R> {
    pub(crate) fn new(
        p: Rc<Places>,
        stops: usize,
        has_end: bool,
        mut starts: Vec<Vec<usize>>,
        budget: u64,
        seed: u64,
    ) -> Self {
        starts.reverse();
        let per_start = budget / (2 * starts.len().max(1) as u64);
        Improver {
            p,
            stops,
            has_end,
            budget,
            spent: 0,
            starts,
            per_start,
            start: None,
            best: None,
            kicks: None,
            rng: Rng::new(seed),
            done: false,
        }
    }

    fn places_of(&self, order: &[usize]) -> Vec<usize> {
        std::iter::once(0)
            .chain(order.iter().map(|s| s + 1))
            .chain(self.has_end.then_some(self.stops + 1))
            .collect()
    }

    /// Searches until about `work` more units of work are done, or to the
    /// end of the budget; true when the search is over.
    pub(crate) fn step(&mut self, work: u64) -> bool {
        let pause = self.judged().saturating_add(work);
        while !self.done {
            if self.judged() >= pause {
                return false;
            }
            if self.kicks.is_some() {
                self.kick(pause);
            } else {
                self.improve_start(pause);
            }
        }
        true
    }

    fn judged(&self) -> u64 {
        self.spent
            + self.start.as_ref().map_or(0, |(t, _)| t.judged)
            + self.kicks.as_ref().map_or(0, |k| k.tour.judged)
    }

    /// Works on the next start, missed minutes weighed with travel more
    /// each time it ends missing one; when the starts are done, sets up
    /// the kicks.
    fn improve_start(&mut self, pause: u64) {
        if self.start.is_none() {
            let Some(order) = self.starts.pop() else {
                self.begin_kicks();
                return;
            };
            let mut tour = Tour::new(Rc::clone(&self.p), self.places_of(&order), self.stops);
            for k in (1..=self.stops).rev() {
                tour.activate(k);
            }
            tour.penalty = Some(FIRST_PENALTY);
            self.start = Some((tour, self.per_start));
        }
        let Some((tour, allowed)) = self.start.as_mut() else {
            return;
        };
        // Stops at the start's share of the budget, or at the pause.
        let limit = (*allowed).min(pause.saturating_sub(self.spent));
        if !tour.descend(limit) && tour.judged < *allowed {
            return; // paused
        }
        if tour.judged < *allowed && tour.true_key().0 > 0 {
            if let Some(penalty) = tour.penalty {
                tour.penalty = (penalty < LAST_PENALTY).then_some(penalty * PENALTY_GROWTH);
                for k in (1..=self.stops).rev() {
                    tour.activate(k);
                }
                return;
            }
        }
        let Some((tour, _)) = self.start.take() else {
            return;
        };
        self.spent += tour.judged;
        let key = tour.true_key();
        if self.best.as_ref().is_none_or(|(k, _)| key < *k) {
            self.best = Some((key, tour.places));
        }
    }

    fn begin_kicks(&mut self) {
        let Some((key, places)) = self.best.clone() else {
            self.done = true;
            return;
        };
        if self.stops < 8 || self.spent >= self.budget {
            self.done = true;
            return;
        }
        self.kicks = Some(Kicks {
            // Warp first: a kick never gives up a window kept.
            tour: Tour::new(Rc::clone(&self.p), places, self.stops),
            current: key,
            before: None,
        });
    }

    /// A kick, repaired from the stops beside its cuts, kept when no worse:
    /// a double bridge within a stretch of the tour, or a run moved.
    fn kick(&mut self, pause: u64) {
        let (spent, budget) = (self.spent, self.budget);
        let Some(k) = self.kicks.as_mut() else {
            return;
        };
        if k.before.is_some() {
            let limit = pause.min(budget).saturating_sub(spent);
            if !k.tour.descend(limit) && spent + k.tour.judged < budget {
                return; // paused
            }
            let key = k.tour.key();
            let before = k.before.take();
            if key <= k.current {
                k.current = key;
                if self.best.as_ref().is_none_or(|(b, _)| key < *b) {
                    self.best = Some((key, k.tour.places.clone()));
                }
            } else if let Some(before) = before {
                k.tour.places = before;
                k.tour.refresh();
            }
        }
        if spent + k.tour.judged >= budget {
            self.done = true;
            return;
        }
        let before = k.tour.places.clone();
        let kicked = if self.rng.below(SEGMENT_EVERY) == 0 {
            move_run(&mut self.rng, &mut k.tour, self.stops)
        } else {
            let reach = if R::TRAVEL_ONLY {
                [KICK_REACH, self.stops][self.rng.below(2)]
            } else {
                TIMED_KICK_REACH
            };
            double_bridge(&mut self.rng, &mut k.tour, self.stops, reach)
        };
        match kicked {
            Some(touched) => {
                k.before = Some(before);
                for at in touched {
                    k.tour.activate(at);
                }
            }
            None => k.tour.judged += self.stops as u64,
        }
    }

    /// The best order found (stops, indices into the input's).
    pub(crate) fn best(&self) -> Vec<usize> {
        self.best
            .as_ref()
            .map(|(_, places)| stops_of(places, self.stops))
            .unwrap_or_default()
    }
}

/// A double bridge within `reach` positions: two runs next to each other
/// trade places. The positions to look at again, or none when the cuts
/// drawn make no change.
fn double_bridge<R: Run>(
    rng: &mut Rng,
    tour: &mut Tour<R>,
    stops: usize,
    reach: usize,
) -> Option<Vec<usize>> {
    let reach = reach.min(stops);
    let start = 1 + rng.below(stops + 1 - reach);
    let mut cuts = [
        start,
        start + 1 + rng.below(reach - 1),
        start + 1 + rng.below(reach - 1),
    ];
    cuts.sort_unstable();
    let [a, b, c] = cuts;
    if a == b || b == c {
        return None;
    }
    // a..b and b..c swap places.
    tour.places[a..c].rotate_left(b - a);
    tour.refresh_between(a, c - 1);
    Some(vec![a - 1, a, b - 1, b, c - 1, c])
}

/// A run of 2 to [`SEGMENT_MOST`] stops moved, either way round, to where
/// the tour's key is best among the places near its ends: a longer Or-opt
/// move, made even when the tour gets worse. The positions to look at
/// again, or none when no place was found.
fn move_run<R: Run>(rng: &mut Rng, tour: &mut Tour<R>, stops: usize) -> Option<Vec<usize>> {
    let len = 2 + rng.below(SEGMENT_MOST.min(stops / 2) - 1);
    let a = 1 + rng.below(stops + 1 - len);
    let mut anything = (i64::MAX, i64::MAX, i64::MAX);
    let (from, to) = tour.or_opt(a, len, &mut anything)?;
    // The seams: where the run was and where it went, whichever came first.
    Some(
        [
            from - 1,
            from,
            from + len - 1,
            from + len,
            to + 1 - len,
            to + 2 - len,
            to,
            to + 1,
        ]
        .map(|k| k.clamp(1, stops))
        .to_vec(),
    )
}

/// Local search alone from one order, to a local optimum (no kicks).
#[cfg(feature = "testing")]
pub(crate) fn descend_only<R: Run>(
    p: Places,
    stops: usize,
    has_end: bool,
    order: Vec<usize>,
) -> Vec<usize> {
    let places = std::iter::once(0)
        .chain(order.iter().map(|s| s + 1))
        .chain(has_end.then_some(stops + 1))
        .collect();
    let mut tour = Tour::<R>::new(Rc::new(p), places, stops);
    for k in (1..=stops).rev() {
        tour.activate(k);
    }
    tour.descend(u64::MAX);
    stops_of(&tour.places, stops)
}
