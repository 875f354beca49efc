//! The order of the stops: optimised, reordered by ids, or one stop moved.
use super::input::plan_input;
use crate::domain::model::{Id, Property, Tour};
use crate::domain::planner;

/// What optimising found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Optimised {
    /// Every appointment and window kept: the stops in their best order.
    Order {
        stops: Vec<Id>,
        travel_before: u32,
        travel_after: u32,
        /// The exact search stopped at its bound (a crowded tour of up to
        /// 15 stops): the best order the heuristic found, not one proven
        /// shortest.
        gave_way: bool,
    },
    /// No order keeps them all; `culprit` is the stop that cannot be kept,
    /// and `clashes_with` the one it cannot be kept with, when two clash in
    /// either order. `stops` is the order that misses the fewest minutes.
    Infeasible {
        culprit: Id,
        clashes_with: Option<Id>,
        stops: Vec<Id>,
        /// Proven (a stop too far, two that clash, or every order tried):
        /// else no order *found* keeps them all (a long tour, or a crowded
        /// one the exact search gave way on).
        proven: bool,
    },
}

/// The best order of the tour's stops (deterministic for the same tour).
pub fn optimise(tour: &Tour, properties: &[Property]) -> Optimised {
    let mut job = Optimising::new(tour, properties);
    while !job.step(u64::MAX) {}
    job.finish()
}

/// Optimising a tour in slices, so the page answers between them
/// (`planner::Optimiser`): the same order as [`optimise`] in the end.
pub struct Optimising {
    stops: Vec<Id>,
    input: planner::PlanInput,
    before: u32,
    optimiser: planner::Optimiser,
}

impl Optimising {
    pub fn new(tour: &Tour, properties: &[Property]) -> Optimising {
        let input = plan_input(tour, properties);
        let order: Vec<usize> = (0..tour.stops.len()).collect();
        Optimising {
            stops: tour.stops.iter().map(|s| s.id).collect(),
            before: planner::schedule(&input, &order).travel,
            optimiser: planner::Optimiser::new(input.clone()),
            input,
        }
    }

    /// Works for about `moves` moves (see `planner::Optimiser::step`);
    /// true when done.
    pub fn step(&mut self, moves: u64) -> bool {
        self.optimiser.step(moves)
    }

    /// Whether `tour` is still the tour being optimised (same stops, times
    /// and travel), so that what is found may be applied to it.
    pub fn still_for(&self, tour: &Tour, properties: &[Property]) -> bool {
        tour.stops
            .iter()
            .map(|s| s.id)
            .eq(self.stops.iter().copied())
            && plan_input(tour, properties) == self.input
    }

    /// What was found.
    pub fn finish(self) -> Optimised {
        let stops = &self.stops;
        let gave_way = self.optimiser.gave_way();
        let exact = self.optimiser.exact();
        let ids = |visits: &[planner::Visit]| visits.iter().map(|v| stops[v.stop]).collect();
        match self.optimiser.finish() {
            Ok(s) => Optimised::Order {
                stops: ids(&s.visits),
                travel_before: self.before,
                travel_after: s.travel,
                gave_way,
            },
            Err(e) => Optimised::Infeasible {
                culprit: stops[e.stop],
                clashes_with: match e.cause {
                    planner::Cause::Clash(_, other) => Some(stops[other]),
                    _ => None,
                },
                stops: ids(&e.best.visits),
                proven: exact || !matches!(e.cause, planner::Cause::NoOrder(_)),
            },
        }
    }
}

/// Puts the tour's stops in `order` (ids); stops not named keep their place at the end.
pub fn reorder(tour: &mut Tour, order: &[Id]) {
    let mut stops = std::mem::take(&mut tour.stops);
    let mut out = Vec::with_capacity(stops.len());
    for id in order {
        if let Some(at) = stops.iter().position(|s| s.id == *id) {
            out.push(stops.remove(at));
        }
    }
    out.append(&mut stops);
    tour.stops = out;
}

/// Moves the stop at `from` to index `to` (both clamped to the list).
pub fn move_stop(tour: &mut Tour, from: usize, to: usize) {
    if from >= tour.stops.len() {
        return;
    }
    let stop = tour.stops.remove(from);
    let to = to.min(tour.stops.len());
    tour.stops.insert(to, stop);
}
