//! A tour's road times in its plan: which legs they time, where each leg's
//! minutes come from, and whether they still cover the tour's places.
use super::input::places;
use super::legs::leg_override;
use crate::domain::model::{Id, LatLon, Property, Tour};
use crate::domain::roads::{LegSource, RoadMatrix};
use chrono::{DateTime, Utc};

/// Whole minutes for a road time, rounded up: a plan that keeps
/// appointments would rather arrive early.
pub fn road_minutes(seconds: u32) -> u32 {
    seconds.div_ceil(60)
}

/// Puts road times into `travel` (rows and columns in `places` order)
/// wherever the matrix knows the leg.
pub fn apply_road(travel: &mut [Vec<u32>], places: &[Option<LatLon>], road: &RoadMatrix) {
    for (i, row) in travel.iter_mut().enumerate() {
        for (j, cell) in row.iter_mut().enumerate() {
            if i == j {
                continue;
            }
            if let (Some(Some(a)), Some(Some(b))) = (places.get(i), places.get(j)) {
                if let Some((seconds, _)) = road.leg(*a, *b) {
                    *cell = road_minutes(seconds);
                }
            }
        }
    }
}

/// Where the leg into place `to` from place `from` gets its minutes (the
/// ids as leg overrides name them), and its road distance in km when by road.
pub fn leg_source(
    tour: &Tour,
    road: Option<&RoadMatrix>,
    (from_id, to_id): (Id, Id),
    (from, to): (Option<LatLon>, Option<LatLon>),
) -> (LegSource, Option<f64>) {
    if leg_override(tour, from_id, to_id).is_some() {
        return (LegSource::Hand, None);
    }
    match (road, from, to) {
        (Some(road), Some(a), Some(b)) => match road.leg(a, b) {
            Some((_, metres)) => (LegSource::Road, Some(f64::from(metres) / 1000.0)),
            None => (LegSource::Estimate, None),
        },
        _ => (LegSource::Estimate, None),
    }
}

/// The tour's road times as they stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoadState {
    /// None fetched (or unreadable).
    None,
    /// They cover every place of the tour with coordinates.
    Current { at: DateTime<Utc> },
    /// `missing` places were added or moved since they were fetched.
    Older { at: DateTime<Utc>, missing: usize },
}

/// Whether the tour's road times still cover its places.
pub fn road_state(tour: &Tour, properties: &[Property]) -> RoadState {
    let Some(road) = RoadMatrix::from_text(&tour.road_times) else {
        return RoadState::None;
    };
    match road.missing(&places(tour, properties)) {
        0 => RoadState::Current { at: road.at },
        missing => RoadState::Older {
            at: road.at,
            missing,
        },
    }
}
