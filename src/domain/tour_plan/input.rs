//! A saved tour as planner input: its travel model, where each place is,
//! and the travel matrix with the agent's own minutes per leg.
use super::clock::{minutes, DEFAULT_START};
use crate::domain::model::{Id, LatLon, Property, StopTiming, Tour};
use crate::domain::planner::{self, PlanInput, PlanStop, Timing, TravelSettings};
use crate::domain::roads::RoadMatrix;

/// The travel model of a tour: its own circuity and speed, or the defaults.
pub fn travel_settings(tour: &Tour) -> TravelSettings {
    let d = TravelSettings::default();
    TravelSettings {
        circuity: tour
            .circuity
            .filter(|c| c.is_finite() && *c >= 1.0)
            .unwrap_or(d.circuity),
        speed_kmh: tour
            .speed_kmh
            .filter(|s| s.is_finite() && *s > 0.0)
            .unwrap_or(d.speed_kmh),
        unknown_leg: d.unknown_leg,
    }
}

/// Where each place of the tour is: start, the stops in tour order, the end.
pub fn places(tour: &Tour, properties: &[Property]) -> Vec<Option<LatLon>> {
    let mut out = vec![tour.start.coords];
    out.extend(tour.stops.iter().map(|s| {
        properties
            .iter()
            .find(|p| p.id == s.property)
            .and_then(|p| p.coords)
    }));
    if let Some(end) = tour.end_place() {
        out.push(end.coords);
    }
    out
}

/// The id a leg override uses for the tour's start (stops use their own ids).
pub const START: Id = uuid::Uuid::nil();

/// Planner input for the tour's stops (in the tour's saved order).
pub fn plan_input(tour: &Tour, properties: &[Property]) -> PlanInput {
    let settings = travel_settings(tour);
    let at = places(tour, properties);
    let mut travel = planner::travel_matrix(&at, &settings);
    // Road times where the tour has them; the estimate elsewhere.
    if let Some(road) = RoadMatrix::from_text(&tour.road_times) {
        super::road::apply_road(&mut travel, &at, &road);
    }
    // Place ids in matrix order: start, stops; overrides name the leg's two ends.
    let ids: Vec<Id> = std::iter::once(START)
        .chain(tour.stops.iter().map(|s| s.id))
        .collect();
    for o in &tour.leg_overrides {
        let (Some(a), Some(b)) = (
            ids.iter().position(|i| *i == o.from),
            ids.iter().position(|i| *i == o.to),
        ) else {
            continue;
        };
        if let Some(cell) = travel.get_mut(a).and_then(|row| row.get_mut(b)) {
            *cell = u32::from(o.minutes);
        }
    }
    let stops = tour
        .stops
        .iter()
        .map(|s| PlanStop {
            duration: u32::from(s.duration_min.unwrap_or(tour.default_duration_min)),
            timing: match s.binding_timing() {
                None => Timing::Free,
                Some(StopTiming::Pinned { at }) => Timing::Pinned(minutes(at)),
                Some(StopTiming::Window { earliest, latest }) => Timing::Window {
                    earliest: minutes(earliest),
                    latest: minutes(latest),
                },
            },
        })
        .collect();
    PlanInput {
        start_time: tour.start_time.map_or(DEFAULT_START, minutes),
        stops,
        travel,
        has_end: tour.end_place().is_some(),
        buffer: u32::from(tour.buffer_min),
        latest_end: tour.latest_end.map(minutes),
    }
}
