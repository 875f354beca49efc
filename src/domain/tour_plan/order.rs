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
    },
    /// No order keeps them all; `culprit` is the stop that cannot be kept.
    /// `stops` is the order that misses the fewest minutes.
    Infeasible { culprit: Id, stops: Vec<Id> },
}

/// The best order of the tour's stops (deterministic for the same tour).
pub fn optimise(tour: &Tour, properties: &[Property]) -> Optimised {
    let input = plan_input(tour, properties);
    let order: Vec<usize> = (0..tour.stops.len()).collect();
    let before = planner::schedule(&input, &order).travel;
    let ids = |visits: &[planner::Visit]| visits.iter().map(|v| tour.stops[v.stop].id).collect();
    match planner::optimise(&input) {
        Ok(s) => Optimised::Order {
            stops: ids(&s.visits),
            travel_before: before,
            travel_after: s.travel,
        },
        Err(e) => Optimised::Infeasible {
            culprit: tour.stops[e.stop].id,
            stops: ids(&e.best.visits),
        },
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
