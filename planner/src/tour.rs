//! A tour being improved, and its moves: 2-opt (reverse a run), swap
//! (two stops trade places) and Or-opt (move a run of one to three stops
//! elsewhere, as it was or reversed), applied until none helps.
//!
//! A move is looked at only when a leg it adds joins a place to one of its
//! ten closest (neighbour lists, as LKH and HGS do). Its travel comes from
//! the legs it adds and removes and the tour's running travel both ways
//! round, in constant time; only a move whose travel leaves it a chance has
//! its runs joined (`run`: times, windows), and the run it skips over is
//! joined only as far as such a move needs.
use crate::run::{Key, Places, Run};
use std::rc::Rc;

/// A tour being improved: its places (start, stops.., end), the runs of
/// every prefix and suffix, so a move joins at most four runs, and the
/// travel to every position.
pub(crate) struct Tour<R: Run> {
    p: Rc<Places>,
    pub(crate) places: Vec<usize>,
    /// The position of each place in `places`.
    at: Vec<usize>,
    prefix: Vec<R>,
    suffix: Vec<R>,
    /// Positions 1..=last_stop hold the stops.
    last_stop: usize,
    /// Moves judged, for the work budget.
    pub(crate) judged: u64,
    /// Stops whose moves are still to be looked at, and which those are.
    active: Vec<usize>,
    flagged: Vec<bool>,
    /// What a minute of time warp costs in minutes of travel, when moves
    /// may pass through tours that miss a window; `None`: never (warp is
    /// compared first).
    pub(crate) penalty: Option<i64>,
    /// Travel from the first place to each position, forward and with
    /// every leg driven the other way: a run's travel either way round.
    forward: Vec<i64>,
    backward: Vec<i64>,
    /// Positions a move may join, reused between moves.
    candidates: Vec<usize>,
}

impl<R: Run> Tour<R> {
    pub(crate) fn new(p: Rc<Places>, places: Vec<usize>, stops: usize) -> Self {
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
            penalty: None,
            forward: Vec::new(),
            backward: Vec::new(),
            candidates: Vec::new(),
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

    /// Everything read from the tour, again.
    pub(crate) fn refresh(&mut self) {
        let len = self.places.len();
        let filler = self.node(0);
        for list in [&mut self.prefix, &mut self.suffix] {
            list.clear();
            list.resize(len, filler);
        }
        self.forward.resize(len, 0);
        self.backward.resize(len, 0);
        self.refresh_between(0, len - 1);
    }

    /// What is read from the tour, after the places at positions
    /// `from..=to` changed: the positions there, the travel and the runs
    /// from `from` on, the runs that end at `to` or before. (Travel-only
    /// runs need no runs joined.)
    pub(crate) fn refresh_between(&mut self, from: usize, to: usize) {
        let len = self.places.len();
        for k in from..=to {
            self.at[self.places[k]] = k;
        }
        for k in from.max(1)..len {
            let (a, b) = (self.places[k - 1], self.places[k]);
            self.forward[k] = self.forward[k - 1] + self.p.leg(a, b);
            self.backward[k] = self.backward[k - 1] + self.p.leg(b, a);
        }
        if R::TRAVEL_ONLY {
            return;
        }
        if from == 0 {
            self.prefix[0] = self.node(0);
        }
        for k in from.max(1)..len {
            self.prefix[k] = self.join(self.prefix[k - 1], self.node(k));
        }
        if to == len - 1 {
            self.suffix[len - 1] = self.node(len - 1);
        }
        for k in (0..=to.min(len - 2)).rev() {
            self.suffix[k] = self.join(self.node(k), self.suffix[k + 1]);
        }
    }

    /// The tour's key (warp first).
    pub(crate) fn true_key(&self) -> Key {
        if R::TRAVEL_ONLY {
            (0, self.travel(), 0)
        } else {
            R::key(&self.p, self.prefix[self.places.len() - 1])
        }
    }

    /// How the search compares tours: warp first, or weighed with travel.
    #[inline]
    fn score(&self, key: Key) -> Key {
        match self.penalty {
            None => key,
            Some(penalty) => (0, key.1 + penalty * key.0, key.2),
        }
    }

    /// The tour's score.
    pub(crate) fn key(&self) -> Key {
        self.score(self.true_key())
    }

    /// The key of `head` followed by the tour from position `k` on.
    #[inline]
    fn close(&mut self, head: R, k: usize) -> Key {
        self.judged += 1;
        let whole = match self.suffix.get(k) {
            Some(&tail) => self.join(head, tail),
            None => head,
        };
        self.score(R::key(&self.p, whole))
    }

    /// The leg from position `a`'s place to `b`'s; 0 past the end.
    #[inline]
    fn leg_at(&self, a: usize, b: usize) -> i64 {
        match (self.places.get(a), self.places.get(b)) {
            (Some(&x), Some(&y)) => self.p.leg(x, y),
            _ => 0,
        }
    }

    /// Travel of the run from position `a` to `b`, as it is and reversed.
    #[inline]
    fn travel_within(&self, a: usize, b: usize) -> (i64, i64) {
        (
            self.forward[b] - self.forward[a],
            self.backward[b] - self.backward[a],
        )
    }

    /// The tour's travel.
    fn travel(&self) -> i64 {
        self.forward[self.places.len() - 1]
    }

    /// Whether a move whose tour drives `travel` cannot beat `best`: no
    /// key is below (0, travel), and none beats a best with no warp while
    /// driving more.
    #[inline]
    fn beaten(travel: i64, best: &Key) -> bool {
        best.0 == 0 && travel > best.1
    }

    /// Fills `self.candidates` with the positions `at(place) + shift` of
    /// the places near the one at position `of`, within `range`, sorted
    /// (descending when `down`) without repeats.
    fn candidates(&mut self, of: &[(usize, isize)], range: (usize, usize), down: bool) {
        let mut found = std::mem::take(&mut self.candidates);
        found.clear();
        for &(k, shift) in of {
            let Some(&place) = self.places.get(k) else {
                continue;
            };
            for &q in self.p.near(place) {
                let at = self.at[q as usize] as isize + shift;
                if at >= range.0 as isize && at <= range.1 as isize {
                    found.push(at as usize);
                }
            }
        }
        // Runs are grown along the candidates, in order; travel alone
        // needs no order.
        if !R::TRAVEL_ONLY {
            found.sort_unstable();
            found.dedup();
            if down {
                found.reverse();
            }
        }
        self.judged += found.len() as u64;
        self.candidates = found;
    }

    /// Judges a move whose tour drives `travel`: from the legs alone for
    /// travel-only runs, else by joining `runs()` (called only when the
    /// travel leaves the move a chance).
    #[inline]
    fn judge(
        &mut self,
        travel: i64,
        best: &Key,
        runs: impl FnOnce(&mut Self) -> Key,
    ) -> Option<Key> {
        if Self::beaten(travel, best) {
            return None;
        }
        let key = if R::TRAVEL_ONLY {
            (0, travel, 0)
        } else {
            runs(self)
        };
        (key < *best).then_some(key)
    }

    /// Travel after reversing the run of positions `x..=y`.
    #[inline]
    fn reversed_travel(&self, total: i64, x: usize, y: usize) -> i64 {
        let (ahead, back) = self.travel_within(x, y);
        total - self.leg_at(x - 1, x) - self.leg_at(y, y + 1) - ahead
            + self.leg_at(x - 1, y)
            + self.leg_at(x, y + 1)
            + back
    }

    /// The best improving move that reverses a run with one end at position
    /// `i`, applied; whether there was one. Only moves that add a leg
    /// between near places are judged, and runs are joined only for moves
    /// whose travel (known from the legs) leaves them a chance, the
    /// reversed run only as far as such a move needs it.
    fn two_opt(&mut self, i: usize, best: &mut Key) -> Option<(usize, usize)> {
        let total = self.travel();
        let last = self.last_stop;
        let mut found = None;
        // Runs i..=j, j after i (legs i-1 -> j, i -> j+1): the reversed run
        // grows at its front.
        self.candidates(&[(i - 1, 0), (i, -1)], (i + 1, last), false);
        let (mut rev, mut grown) = (self.node(i), i);
        for c in 0..self.candidates.len() {
            let j = self.candidates[c];
            let travel = self.reversed_travel(total, i, j);
            let judged = self.judge(travel, best, |t| {
                t.judged += (j - grown) as u64;
                while grown < j {
                    grown += 1;
                    rev = t.join(t.node(grown), rev);
                }
                let head = t.join(t.prefix[i - 1], rev);
                t.close(head, j + 1)
            });
            if let Some(key) = judged {
                *best = key;
                found = Some((i, j));
            }
        }
        // Runs h..=i, h before i (legs h-1 -> i, h -> i+1): the reversed
        // run grows at its back.
        self.candidates(&[(i, 1), (i + 1, 0)], (1, i - 1), true);
        let (mut rev, mut grown) = (self.node(i), i);
        for c in 0..self.candidates.len() {
            let h = self.candidates[c];
            let travel = self.reversed_travel(total, h, i);
            let judged = self.judge(travel, best, |t| {
                t.judged += (grown - h) as u64;
                while grown > h {
                    grown -= 1;
                    rev = t.join(rev, t.node(grown));
                }
                let head = t.join(t.prefix[h - 1], rev);
                t.close(head, i + 1)
            });
            if let Some(key) = judged {
                *best = key;
                found = Some((h, i));
            }
        }
        let (from, to) = found?;
        self.places[from..=to].reverse();
        self.refresh_between(from, to);
        Some((from, to))
    }

    /// Travel after swapping the stops at positions `x` < `y`.
    #[inline]
    fn swapped_travel(&self, total: i64, x: usize, y: usize) -> i64 {
        let outer = -self.leg_at(x - 1, x) - self.leg_at(y, y + 1)
            + self.leg_at(x - 1, y)
            + self.leg_at(x, y + 1);
        if y == x + 1 {
            total + outer - self.leg_at(x, y) + self.leg_at(y, x)
        } else {
            total + outer - self.leg_at(x, x + 1) - self.leg_at(y - 1, y)
                + self.leg_at(y, x + 1)
                + self.leg_at(y - 1, x)
        }
    }

    /// The key after swapping the stops at positions `x` < `y`, given the
    /// run between them (none when they are next to each other).
    #[inline]
    fn swapped_key(&mut self, x: usize, y: usize, mid: Option<R>) -> Key {
        let mut head = self.join(self.prefix[x - 1], self.node(y));
        if let Some(mid) = mid {
            head = self.join(head, mid);
        }
        let head = self.join(head, self.node(x));
        self.close(head, y + 1)
    }

    /// The best improving swap of the stop at position `i` with another
    /// stop, applied: it moves two stops without shifting the ones between
    /// by a whole showing (as or-opt does), so tours held by windows still
    /// improve. Judged as [`Tour::two_opt`] judges.
    fn swap(&mut self, i: usize, best: &mut Key) -> Option<(usize, usize)> {
        let total = self.travel();
        let last = self.last_stop;
        let mut found = None;
        // With a later stop j (legs i-1 -> j, j -> i+1, j-1 -> i, i -> j+1):
        // the run i+1..j-1 grows at its back.
        self.candidates(
            &[(i - 1, 0), (i + 1, 0), (i, 1), (i, -1)],
            (i + 1, last),
            false,
        );
        let (mut mid, mut grown): (Option<R>, usize) = (None, i);
        for c in 0..self.candidates.len() {
            let j = self.candidates[c];
            let travel = self.swapped_travel(total, i, j);
            let judged = self.judge(travel, best, |t| {
                t.judged += (j - 1 - grown) as u64;
                while grown + 1 < j {
                    grown += 1;
                    let node = t.node(grown);
                    mid = Some(mid.map_or(node, |m| t.join(m, node)));
                }
                t.swapped_key(i, j, mid)
            });
            if let Some(key) = judged {
                *best = key;
                found = Some((i, j));
            }
        }
        // With an earlier stop h (legs h-1 -> i, i -> h+1, i-1 -> h,
        // h -> i+1): the run h+1..i-1 grows at its front.
        self.candidates(&[(i, 1), (i, -1), (i - 1, 0), (i + 1, 0)], (1, i - 1), true);
        let (mut mid, mut grown): (Option<R>, usize) = (None, i);
        for c in 0..self.candidates.len() {
            let h = self.candidates[c];
            let travel = self.swapped_travel(total, h, i);
            let judged = self.judge(travel, best, |t| {
                t.judged += (grown - 1 - h) as u64;
                while grown - 1 > h {
                    grown -= 1;
                    let node = t.node(grown);
                    mid = Some(mid.map_or(node, |m| t.join(node, m)));
                }
                t.swapped_key(h, i, mid)
            });
            if let Some(key) = judged {
                *best = key;
                found = Some((h, i));
            }
        }
        let (x, y) = found?;
        self.places.swap(x, y);
        self.refresh_between(x, y);
        Some((x, y))
    }

    /// Travel with the run of positions `i..=end` taken out.
    #[inline]
    fn removed_travel(&self, total: i64, i: usize, end: usize) -> i64 {
        let (ahead, _) = self.travel_within(i, end);
        total - self.leg_at(i - 1, i) - self.leg_at(end, end + 1) - ahead
            + self.leg_at(i - 1, end + 1)
    }

    /// Travel (`without` the run) with the run put back between positions
    /// `p` and `p + 1`, entered at position `first`, left at `last`, and
    /// driving `inside` within.
    #[inline]
    fn inserted_travel(
        &self,
        without: i64,
        p: usize,
        (first, last, inside): (usize, usize, i64),
    ) -> i64 {
        without - self.leg_at(p, p + 1) + self.leg_at(p, first) + self.leg_at(last, p + 1) + inside
    }

    /// The best improving move of the run of `len` stops starting at
    /// position `i` to another place, as it is or reversed, applied.
    /// Judged as [`Tour::two_opt`] judges.
    pub(crate) fn or_opt(
        &mut self,
        i: usize,
        len: usize,
        best: &mut Key,
    ) -> Option<(usize, usize)> {
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
        let (ahead, behind) = self.travel_within(i, end);
        // Travel with the run taken out.
        let without = self.removed_travel(self.travel(), i, end);
        // The run as it is or reversed: (run, its first position, its
        // last, its travel).
        let ways = [(run, i, end, ahead), (back, end, i, behind)];
        let ways = &ways[..if len == 1 { 1 } else { 2 }];
        // Travel with a way of the run put back between p and p + 1.
        let put = |t: &Self, p: usize, (_, first, last, inside): (R, usize, usize, i64)| {
            t.inserted_travel(without, p, (first, last, inside))
        };
        // Legs p -> first, last -> p+1: p at a place near the first, or
        // just before one near the last.
        let ends = [(i, 0), (end, -1), (end, 0), (i, -1)];
        let ends = &ends[..if len == 1 { 2 } else { 4 }];
        // (insert after position, reversed)
        let mut found: Option<(usize, bool)> = None;
        // The places near the run's ends, in order; travel alone needs
        // no order, and then the two ways round need no second pass.
        self.candidates(ends, (0, self.last_stop), false);
        // Earlier: between p and p+1, p + 1 < i; the skipped run p+1..i-1
        // grows at its front.
        let (mut mid, mut grown) = (self.node(i - 1), i - 1);
        for c in (0..self.candidates.len()).rev() {
            let p = self.candidates[c];
            if p + 2 > i {
                continue;
            }
            for (w, &way) in ways.iter().enumerate() {
                let judged = self.judge(put(self, p, way), best, |t| {
                    t.judged += (grown - (p + 1)) as u64;
                    while grown > p + 1 {
                        grown -= 1;
                        mid = t.join(t.node(grown), mid);
                    }
                    let head = t.join(t.join(t.prefix[p], way.0), mid);
                    t.close(head, end + 1)
                });
                if let Some(key) = judged {
                    *best = key;
                    found = Some((p, w == 1));
                }
            }
        }
        // Later: between p and p+1, p > end; the skipped run end+1..=p
        // grows at its back.
        if end < self.last_stop {
            let (mut mid, mut grown) = (self.node(end + 1), end + 1);
            for c in 0..self.candidates.len() {
                let p = self.candidates[c];
                if p <= end {
                    continue;
                }
                for (w, &way) in ways.iter().enumerate() {
                    let judged = self.judge(put(self, p, way), best, |t| {
                        t.judged += (p - grown) as u64;
                        while grown < p {
                            grown += 1;
                            mid = t.join(mid, t.node(grown));
                        }
                        let head = t.join(t.join(t.prefix[i - 1], mid), way.0);
                        t.close(head, p + 1)
                    });
                    if let Some(key) = judged {
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
        let (from, to) = (at.min(i), (at + len - 1).max(end));
        self.refresh_between(from, to);
        Some((from, to))
    }

    /// Marks the stop at position `k` to be looked at.
    pub(crate) fn activate(&mut self, k: usize) {
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
    pub(crate) fn descend(&mut self, limit: u64) -> bool {
        let mut best = self.key();
        while let Some(&place) = self.active.last() {
            if self.judged >= limit {
                return false;
            }
            self.active.pop();
            self.flagged[place] = false;
            let i = self.at[place];
            let mut changed = self.two_opt(i, &mut best);
            if changed.is_none() {
                changed = self.swap(i, &mut best);
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{random_legs, Rng};
    use crate::run::Travel;
    use crate::{PlanInput, PlanStop, Timing};

    /// A tour over random one-way legs, with or without an end place.
    fn tour(rng: &mut Rng, n: usize, has_end: bool) -> Tour<Travel> {
        let m = n + 2;
        let travel = random_legs(rng, m, 1, 60);
        let input = PlanInput {
            start_time: 540,
            stops: vec![
                PlanStop {
                    duration: 20,
                    timing: Timing::Free,
                };
                n
            ],
            travel,
            has_end,
            buffer: 0,
            latest_end: None,
        };
        let mut order: Vec<usize> = (1..=n).collect();
        for k in (1..n).rev() {
            order.swap(k, rng.below(k + 1));
        }
        let places = std::iter::once(0)
            .chain(order)
            .chain(has_end.then_some(n + 1))
            .collect();
        Tour::new(Rc::new(Places::new(&input)), places, n)
    }

    /// The travel of `places`, leg by leg.
    fn driven(t: &Tour<Travel>, places: &[usize]) -> i64 {
        places.windows(2).map(|w| t.p.leg(w[0], w[1])).sum()
    }

    #[test]
    fn a_move_s_travel_from_its_legs_is_the_travel_of_the_tour_it_makes() {
        let mut rng = Rng::new(3);
        for round in 0..300 {
            let n = 2 + rng.below(9);
            let t = tour(&mut rng, n, round % 2 == 0);
            let total = t.travel();
            assert_eq!(total, driven(&t, &t.places));
            for x in 1..=n {
                for y in x..=n {
                    let mut reversed = t.places.clone();
                    reversed[x..=y].reverse();
                    assert_eq!(t.reversed_travel(total, x, y), driven(&t, &reversed));
                    if y > x {
                        let mut swapped = t.places.clone();
                        swapped.swap(x, y);
                        assert_eq!(t.swapped_travel(total, x, y), driven(&t, &swapped));
                    }
                    if y - x > 2 {
                        continue;
                    }
                    // The run x..=y moved between p and p + 1, either way round.
                    let without = t.removed_travel(total, x, y);
                    let (ahead, back) = t.travel_within(x, y);
                    for p in (0..x.saturating_sub(1)).chain(y + 1..=n) {
                        for reversed in [false, true] {
                            let mut run: Vec<usize> = t.places[x..=y].to_vec();
                            let way = if reversed {
                                run.reverse();
                                (y, x, back)
                            } else {
                                (x, y, ahead)
                            };
                            let mut moved = t.places.clone();
                            moved.drain(x..=y);
                            let at = if p < x { p + 1 } else { p + 1 - run.len() };
                            moved.splice(at..at, run);
                            assert_eq!(
                                t.inserted_travel(without, p, way),
                                driven(&t, &moved),
                                "round {round}: run {x}..={y} after {p}, reversed {reversed}"
                            );
                        }
                    }
                }
            }
        }
    }
}
