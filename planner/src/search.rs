//! Local search on a tour: 2-opt (reverse a run) and Or-opt (move a run of
//! one to three stops elsewhere, as it was or reversed), every move judged
//! in constant time by joining runs (`run`), then iterated: a local
//! double-bridge kick, repaired by the same search, kept when no worse.
//! Deterministic: the same input gives the same tour, and the work is
//! counted in moves judged, not in time.
use crate::rng::Rng;
use crate::run::{Key, Places, Run};
use std::rc::Rc;

/// A tour being improved: its places (start, stops.., end) and the runs of
/// every prefix and suffix, so a move joins at most four runs.
struct Tour<R: Run> {
    p: Rc<Places>,
    places: Vec<usize>,
    /// The position of each place in `places`.
    at: Vec<usize>,
    prefix: Vec<R>,
    suffix: Vec<R>,
    /// Positions 1..=last_stop hold the stops.
    last_stop: usize,
    /// Moves judged, for the work budget.
    judged: u64,
    /// Stops whose moves are still to be looked at, and which those are.
    active: Vec<usize>,
    flagged: Vec<bool>,
}

impl<R: Run> Tour<R> {
    fn new(p: Rc<Places>, places: Vec<usize>, stops: usize) -> Self {
        let mut tour = Tour {
            p,
            at: vec![0; places.len() + 1],
            prefix: Vec::with_capacity(places.len()),
            suffix: Vec::with_capacity(places.len()),
            places,
            last_stop: stops,
            judged: 0,
            active: Vec::new(),
            flagged: vec![false; stops + 2],
        };
        tour.refresh();
        tour
    }

    fn node(&self, k: usize) -> R {
        R::node(&self.p, self.places[k])
    }

    fn join(&self, a: R, b: R) -> R {
        R::join(&self.p, a, b)
    }

    fn refresh(&mut self) {
        let len = self.places.len();
        self.prefix.clear();
        self.suffix.clear();
        let mut run = self.node(0);
        self.prefix.push(run);
        for k in 1..len {
            run = self.join(run, self.node(k));
            self.prefix.push(run);
        }
        self.suffix.resize(len, run);
        let mut run = self.node(len - 1);
        self.suffix[len - 1] = run;
        for k in (0..len - 1).rev() {
            run = self.join(self.node(k), run);
            self.suffix[k] = run;
        }
        for (k, &place) in self.places.iter().enumerate() {
            self.at[place] = k;
        }
    }

    /// The tour's key (warp first).
    fn key(&self) -> Key {
        R::key(&self.p, self.prefix[self.places.len() - 1])
    }

    /// The key of `head` followed by the tour from position `k` on.
    #[inline]
    fn close(&mut self, head: R, k: usize) -> Key {
        self.judged += 1;
        let whole = match self.suffix.get(k) {
            Some(&tail) => self.join(head, tail),
            None => head,
        };
        R::key(&self.p, whole)
    }

    /// The best improving move that reverses a run with one end at position
    /// `i`, applied; whether there was one.
    fn two_opt(&mut self, i: usize, best: &mut Key) -> Option<(usize, usize)> {
        let mut found = None;
        // Runs i..=j, j after i: the reversed run grows at its front.
        let mut rev = self.node(i);
        for j in i + 1..=self.last_stop {
            rev = self.join(self.node(j), rev);
            let head = self.join(self.prefix[i - 1], rev);
            let key = self.close(head, j + 1);
            if key < *best {
                *best = key;
                found = Some((i, j));
            }
        }
        // Runs h..=i, h before i: the reversed run grows at its back.
        let mut rev = self.node(i);
        for h in (1..i).rev() {
            rev = self.join(rev, self.node(h));
            let head = self.join(self.prefix[h - 1], rev);
            let key = self.close(head, i + 1);
            if key < *best {
                *best = key;
                found = Some((h, i));
            }
        }
        let (from, to) = found?;
        self.places[from..=to].reverse();
        self.refresh();
        Some((from, to))
    }

    /// The best improving move of the run of `len` stops starting at
    /// position `i` to another place, as it is or reversed, applied.
    fn or_opt(&mut self, i: usize, len: usize, best: &mut Key) -> Option<(usize, usize)> {
        let end = i + len - 1;
        if end > self.last_stop {
            return None;
        }
        let mut run = self.node(i);
        for k in i + 1..=end {
            run = self.join(run, self.node(k));
        }
        let mut back = self.node(end);
        for k in (i..end).rev() {
            back = self.join(back, self.node(k));
        }
        let ways = [run, back];
        let ways = &ways[..if len == 1 { 1 } else { 2 }];
        // (insert after position, reversed)
        let mut found: Option<(usize, bool)> = None;
        // Earlier: between p and p+1, p + 1 < i; the skipped run p+1..i-1
        // grows at its front.
        if i >= 2 {
            let mut mid = self.node(i - 1);
            for p in (0..=i - 2).rev() {
                for (w, &way) in ways.iter().enumerate() {
                    let head = self.join(self.join(self.prefix[p], way), mid);
                    let key = self.close(head, end + 1);
                    if key < *best {
                        *best = key;
                        found = Some((p, w == 1));
                    }
                }
                if p > 0 {
                    mid = self.join(self.node(p), mid);
                }
            }
        }
        // Later: between p and p+1, p > end; the skipped run end+1..=p
        // grows at its back.
        if end < self.last_stop {
            let mut mid = self.node(end + 1);
            for p in end + 1..=self.last_stop {
                if p > end + 1 {
                    mid = self.join(mid, self.node(p));
                }
                for (w, &way) in ways.iter().enumerate() {
                    let head = self.join(self.join(self.prefix[i - 1], mid), way);
                    let key = self.close(head, p + 1);
                    if key < *best {
                        *best = key;
                        found = Some((p, w == 1));
                    }
                }
            }
        }
        let (p, reversed) = found?;
        let mut moved: Vec<usize> = self.places.drain(i..=end).collect();
        if reversed {
            moved.reverse();
        }
        let at = if p < i { p + 1 } else { p + 1 - len };
        self.places.splice(at..at, moved);
        self.refresh();
        Some((at.min(i), (at + len - 1).max(end)))
    }

    /// Marks the stop at position `k` to be looked at.
    fn activate(&mut self, k: usize) {
        if (1..=self.last_stop).contains(&k) {
            let q = self.places[k];
            if !self.flagged[q] {
                self.flagged[q] = true;
                self.active.push(q);
            }
        }
    }

    /// Improves the tour, looking at the active stops (and at the stops
    /// next to any change), until no move helps (true) or `limit` moves
    /// have been judged in all (false: it goes on from there when called
    /// again).
    fn descend(&mut self, limit: u64) -> bool {
        let mut best = self.key();
        while let Some(&place) = self.active.last() {
            if self.judged >= limit {
                return false;
            }
            self.active.pop();
            self.flagged[place] = false;
            let i = self.at[place];
            let mut changed = self.two_opt(i, &mut best);
            for len in 1..=3 {
                if changed.is_some() {
                    break;
                }
                changed = self.or_opt(i, len, &mut best);
                if changed.is_none() && i > len - 1 && len > 1 {
                    // The runs that end at this stop.
                    changed = self.or_opt(i + 1 - len, len, &mut best);
                }
            }
            if let Some((from, to)) = changed {
                for k in [from.saturating_sub(1), from, to, to + 1] {
                    self.activate(k);
                }
                let k = self.at[place];
                self.activate(k);
            }
        }
        true
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
    /// Moves judged by tours no longer searched.
    spent: u64,
    starts: Vec<Vec<usize>>,
    per_start: u64,
    /// The start being improved, and what it may judge.
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
    reach: usize,
}

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

    /// Searches until about `moves` more moves have been judged, or to the
    /// end of the budget; true when the search is over.
    pub(crate) fn step(&mut self, moves: u64) -> bool {
        let pause = self.judged().saturating_add(moves);
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

    /// Works on the next start; when the starts are done, sets up the kicks.
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
        let Some((tour, _)) = self.start.take() else {
            return;
        };
        self.spent += tour.judged;
        let key = tour.key();
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
            tour: Tour::new(Rc::clone(&self.p), places, self.stops),
            current: key,
            before: None,
            reach: self.stops.min(60),
        });
    }

    /// A double bridge within a stretch of the tour (three cuts at most
    /// `reach` positions apart), repaired from the stops beside the cuts,
    /// kept when no worse. (Cuts at most 12 apart did worse on the peers'
    /// benchmark, and so did 30 on the largest tours.)
    fn kick(&mut self, pause: u64) {
        let stops = self.stops;
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
        let start = 1 + self.rng.below(stops + 1 - k.reach);
        let mut cuts = [
            start,
            start + 1 + self.rng.below(k.reach - 1),
            start + 1 + self.rng.below(k.reach - 1),
        ];
        cuts.sort_unstable();
        let [a, b, c] = cuts;
        if a == b || b == c {
            k.tour.judged += stops as u64;
            return;
        }
        k.before = Some(k.tour.places.clone());
        // a..b and b..c swap places.
        k.tour.places[a..c].rotate_left(b - a);
        k.tour.refresh();
        for at in [a - 1, a, b - 1, b, c - 1, c] {
            k.tour.activate(at);
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
