//! A saved [`Tour`] turned into planner input and back: travel per leg (with
//! the agent's overrides), the timed schedule with its warnings, the
//! optimised order, the route map's projection and navigation links.
//! Plain Rust, host-tested; the tour page only renders what this returns.
use super::model::{Id, LatLon, Property, StopTiming, Tour};
use super::planner::{self, PlanInput, PlanStop, Timing, TravelSettings};
use chrono::{NaiveTime, Timelike};

/// Start time when the tour has none: 9:00.
pub const DEFAULT_START: u32 = 9 * 60;

/// Minutes after midnight.
pub fn minutes(t: NaiveTime) -> u32 {
    t.hour() * 60 + t.minute()
}

/// "09:05" for minutes after midnight (past midnight wraps to the next day's clock).
pub fn clock(m: u32) -> String {
    format!("{:02}:{:02}", (m / 60) % 24, m % 60)
}

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
    if let Some(end) = &tour.end {
        out.push(end.coords);
    }
    out
}

/// The id a leg override uses for the tour's start (stops use their own ids).
pub const START: Id = uuid::Uuid::nil();

/// Planner input for the tour's stops (in the tour's saved order).
pub fn plan_input(tour: &Tour, properties: &[Property]) -> PlanInput {
    let settings = travel_settings(tour);
    let mut travel = planner::travel_matrix(&places(tour, properties), &settings);
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
            timing: match s.timing {
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
        has_end: tour.end.is_some(),
        buffer: u32::from(tour.buffer_min),
        latest_end: tour.latest_end.map(minutes),
    }
}

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
    /// Kilometres as the crow flies from the previous place, when both are known.
    pub distance_km: Option<f64>,
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
    let mut prev_end: Option<u32> = None;
    let stops = s
        .visits
        .iter()
        .zip(&tour.stops)
        .enumerate()
        .map(|(k, (v, stop))| {
            let mut warnings = vec![];
            match input.stops[v.stop].timing {
                Timing::Pinned(at) if v.late > 0 => match prev_end {
                    Some(end) if end > at => warnings.push(Warning::Overlap { minutes: end - at }),
                    _ => warnings.push(Warning::Late { late: v.late }),
                },
                Timing::Window { .. } if v.late > 0 => {
                    warnings.push(Warning::WindowBroken { late: v.late })
                }
                _ => {}
            }
            prev_end = Some(v.end);
            let from = coords.get(k).copied().flatten();
            let to = coords.get(k + 1).copied().flatten();
            PlannedStop {
                stop: stop.id,
                property: stop.property,
                travel: v.arrive
                    - if k == 0 {
                        input.start_time
                    } else {
                        s.visits[k - 1].end + input.buffer
                    },
                distance_km: from.zip(to).map(|(a, b)| planner::distance_km(a, b)),
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

/// Sets (or with `None` clears) the agent's own minutes for the leg `from` → `to`.
pub fn set_leg_override(tour: &mut Tour, from: Id, to: Id, minutes: Option<u16>) {
    tour.leg_overrides
        .retain(|o| !(o.from == from && o.to == to));
    if let Some(minutes) = minutes {
        tour.leg_overrides
            .push(super::model::LegOverride { from, to, minutes });
    }
}

/// The agent's own minutes for a leg, if set.
pub fn leg_override(tour: &Tour, from: Id, to: Id) -> Option<u16> {
    tour.leg_overrides
        .iter()
        .find(|o| o.from == from && o.to == to)
        .map(|o| o.minutes)
}

/// Kilometres or miles, by the user's language (miles for English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DistanceUnit {
    Km,
    Miles,
}

impl DistanceUnit {
    pub fn for_locale(locale: &str) -> Self {
        if locale == "en" || locale.starts_with("en-US") {
            DistanceUnit::Miles
        } else {
            DistanceUnit::Km
        }
    }

    /// `km` in this unit, one decimal.
    pub fn amount(self, km: f64) -> f64 {
        let v = match self {
            DistanceUnit::Km => km,
            DistanceUnit::Miles => km / 1.609_344,
        };
        (v * 10.0).round() / 10.0
    }
}

/// A point of the route map, in SVG user units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapPoint {
    pub x: f64,
    pub y: f64,
}

/// Projects coordinates into a `width` × `height` box with `pad` on each
/// side, north up, keeping the shape (equirectangular, scaled by the
/// cosine of the middle latitude). `None` stays `None`.
pub fn project(
    points: &[Option<LatLon>],
    width: f64,
    height: f64,
    pad: f64,
) -> Vec<Option<MapPoint>> {
    let known: Vec<LatLon> = points.iter().flatten().copied().collect();
    if known.is_empty() {
        return vec![None; points.len()];
    }
    let (mut min_lat, mut max_lat, mut min_lon, mut max_lon) =
        (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in &known {
        min_lat = min_lat.min(p.lat);
        max_lat = max_lat.max(p.lat);
        min_lon = min_lon.min(p.lon);
        max_lon = max_lon.max(p.lon);
    }
    let k = ((min_lat + max_lat) / 2.0).to_radians().cos().max(0.01);
    let span_x = (max_lon - min_lon) * k;
    let span_y = max_lat - min_lat;
    let scale =
        ((width - 2.0 * pad) / span_x.max(1e-9)).min((height - 2.0 * pad) / span_y.max(1e-9));
    // Centre the drawing in the box (a single place sits in the middle).
    let off_x = (width - span_x * scale) / 2.0;
    let off_y = (height - span_y * scale) / 2.0;
    points
        .iter()
        .map(|p| {
            p.map(|p| MapPoint {
                x: off_x + (p.lon - min_lon) * k * scale,
                y: off_y + (max_lat - p.lat) * scale,
            })
        })
        .collect()
}

/// Driving directions for one leg, in Google Maps.
pub fn google_directions(from: LatLon, to: LatLon) -> String {
    format!(
        "https://www.google.com/maps/dir/?api=1&origin={},{}&destination={},{}&travelmode=driving",
        from.lat, from.lon, to.lat, to.lon
    )
}

/// Driving directions for one leg, in Apple Maps.
pub fn apple_directions(from: LatLon, to: LatLon) -> String {
    format!(
        "https://maps.apple.com/?saddr={},{}&daddr={},{}&dirflg=d",
        from.lat, from.lon, to.lat, to.lon
    )
}

/// "09:30" (as a time input gives it) as a time of day; `None` when empty or not a time.
pub fn parse_clock(text: &str) -> Option<NaiveTime> {
    let (h, m) = text.trim().split_once(':')?;
    let m = m.get(..2).unwrap_or(m);
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// A time of day as a time input shows it ("09:30"), or "" for none.
pub fn clock_of(t: Option<NaiveTime>) -> String {
    t.map(|t| clock(minutes(t))).unwrap_or_default()
}
