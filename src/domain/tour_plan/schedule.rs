//! The tour timed in its saved order, with what is wrong with it.
use super::input::{places, plan_input, START};
use super::road::leg_source;
use crate::domain::model::{Id, Property, Tour};
use crate::domain::planner::{self, Timing};
use crate::domain::roads::{LegSource, RoadMatrix};

/// Something wrong with the plan as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    /// Arriving `late` minutes after a pinned appointment.
    Late { late: u32 },
    /// The previous showing still runs when this appointment starts.
    Overlap { minutes: u32 },
    /// Starting `late` minutes after the window's latest start.
    WindowBroken { late: u32 },
}

/// One stop as planned, in tour order.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedStop {
    pub stop: Id,
    pub property: Id,
    /// Minutes of travel to get here (from the start or the previous stop).
    pub travel: u32,
    /// Kilometres from the previous place: by road when the leg is, else
    /// as the crow flies; when both places are known.
    pub distance_km: Option<f64>,
    /// Where the leg's minutes come from.
    pub source: LegSource,
    pub arrive: u32,
    pub start: u32,
    pub end: u32,
    pub wait: u32,
    pub warnings: Vec<Warning>,
}

/// The tour timed in its saved order.
#[derive(Debug, Clone, PartialEq)]
pub struct TourPlan {
    pub start: u32,
    pub stops: Vec<PlannedStop>,
    /// Arrival at the end place, or the end of the last showing.
    pub finish: u32,
    pub travel: u32,
    /// Minutes past the latest end, if any.
    pub overrun: u32,
}

/// Times the tour in its saved order and says what is wrong.
pub fn plan(tour: &Tour, properties: &[Property]) -> TourPlan {
    let input = plan_input(tour, properties);
    let order: Vec<usize> = (0..tour.stops.len()).collect();
    let s = planner::schedule(&input, &order);
    let coords = places(tour, properties);
    let road = RoadMatrix::from_text(&tour.road_times);
    let mut prev_end: Option<u32> = None;
    let stops = s
        .visits
        .iter()
        .zip(&tour.stops)
        .enumerate()
        .map(|(k, (v, stop))| {
            let mut warnings = vec![];
            match input.stops[v.stop].timing {
                // Late for the appointment is always said; a previous
                // showing that runs past it is said too.
                Timing::Pinned(at) if v.late > 0 => {
                    warnings.push(Warning::Late { late: v.late });
                    if let Some(end) = prev_end.filter(|end| *end > at) {
                        warnings.push(Warning::Overlap { minutes: end - at });
                    }
                }
                Timing::Window { .. } if v.late > 0 => {
                    warnings.push(Warning::WindowBroken { late: v.late })
                }
                _ => {}
            }
            prev_end = Some(v.end);
            let from = coords.get(k).copied().flatten();
            let to = coords.get(k + 1).copied().flatten();
            let from_id = if k == 0 { START } else { tour.stops[k - 1].id };
            let (source, road_km) = leg_source(tour, road.as_ref(), (from_id, stop.id), (from, to));
            PlannedStop {
                stop: stop.id,
                property: stop.property,
                travel: v.arrive
                    - if k == 0 {
                        input.start_time
                    } else {
                        s.visits[k - 1].end + input.buffer
                    },
                distance_km: road_km
                    .or_else(|| from.zip(to).map(|(a, b)| planner::distance_km(a, b))),
                source,
                arrive: v.arrive,
                start: v.start,
                end: v.end,
                wait: v.wait,
                warnings,
            }
        })
        .collect();
    TourPlan {
        start: input.start_time,
        stops,
        finish: s.finish,
        travel: s.travel,
        overrun: s.overrun,
    }
}
