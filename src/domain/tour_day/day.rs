//! A saved tour as the day stands: its stops with what the agent recorded,
//! re-timed from the clock ([`super::retime`]), and where the agent is.
use super::retime::{retime, DayStop, Progress, Retimed};
use crate::domain::model::{Id, Property, Stop, StopTiming, Tour};
use crate::domain::tour_plan::{minutes, plan_input, DEFAULT_START};

/// The tour's stops as the day stands. An appointment is a stop's fixed
/// time that still binds (`Stop::binding_timing`).
pub fn day_stops(tour: &Tour) -> Vec<DayStop> {
    tour.stops
        .iter()
        .map(|s| DayStop {
            duration: u32::from(s.duration_min.unwrap_or(tour.default_duration_min)),
            appointment: match s.binding_timing() {
                Some(StopTiming::Pinned { at }) => Some(minutes(at)),
                _ => None,
            },
            arrived: s.arrived.map(minutes),
            left: s.left.map(minutes),
            skipped: s.skipped,
        })
        .collect()
}

/// The day re-timed at `now` (minutes after midnight, local time). On a
/// day other than the tour's (`on_the_day` false) the clock is left out,
/// so the plan shows as planned.
pub fn retimed(tour: &Tour, properties: &[Property], now: u32, on_the_day: bool) -> Vec<Retimed> {
    retimed_to_finish(tour, properties, now, on_the_day).0
}

/// [`retimed`], and when the day now ends: arrival at the tour's end
/// place from the last stop not skipped, else the end of that showing.
pub fn retimed_to_finish(
    tour: &Tour,
    properties: &[Property],
    now: u32,
    on_the_day: bool,
) -> (Vec<Retimed>, u32) {
    let input = plan_input(tour, properties);
    // Matrix places: 0 is the start, stop i is i + 1, the end n + 1. The
    // buffer between showings is part of each drive after the first.
    let leg = |row: usize, to: usize| {
        input
            .travel
            .get(row)
            .and_then(|r| r.get(to))
            .copied()
            .unwrap_or(0)
    };
    let travel = |from: Option<usize>, to: usize| {
        leg(from.map_or(0, |f| f + 1), to + 1) + if from.is_some() { input.buffer } else { 0 }
    };
    let start = tour.start_time.map_or(DEFAULT_START, minutes);
    let now = if on_the_day { now } else { 0 };
    let day = retime(&day_stops(tour), travel, start, now);
    let last = day.iter().rposition(|r| r.progress != Progress::Skipped);
    let free = last.map_or(start.max(now), |i| day[i].end);
    let finish = if input.has_end {
        let row = last.map_or(0, |i| i + 1);
        free + leg(row, tour.stops.len() + 1) + if last.is_some() { input.buffer } else { 0 }
    } else {
        free
    };
    (day, finish)
}

/// Where the agent is: the stop being shown (or, between stops, the next
/// one to drive to) and the one after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub now: Option<usize>,
    pub next: Option<usize>,
}

/// The stop in hand and the next one: a stop the agent is at, else the
/// first one ahead.
pub fn position(day: &[Retimed]) -> Position {
    let open = |p: Progress| matches!(p, Progress::Here | Progress::Ahead);
    let now = day
        .iter()
        .position(|r| r.progress == Progress::Here)
        .or_else(|| day.iter().position(|r| r.progress == Progress::Ahead));
    let next = now.and_then(|n| {
        day.iter()
            .enumerate()
            .skip(n + 1)
            .find(|(_, r)| open(r.progress))
            .map(|(i, _)| i)
    });
    Position { now, next }
}

/// Every stop done or skipped (and at least one stop).
pub fn is_finished(day: &[Retimed]) -> bool {
    !day.is_empty()
        && day
            .iter()
            .all(|r| matches!(r.progress, Progress::Done | Progress::Skipped))
}

/// Has the day begun: anything recorded on any stop?
pub fn has_begun(tour: &Tour) -> bool {
    tour.stops
        .iter()
        .any(|s| s.arrived.is_some() || s.left.is_some() || s.skipped)
}

/// Adds `property` to the day on the way: among the stops not reached yet,
/// where it misses the fewest appointment minutes, then ends the day
/// soonest. Returns where it went (its index), or `None` when it is
/// already a stop.
pub fn add_on_the_way(
    tour: &mut Tour,
    properties: &[Property],
    property: Id,
    now: u32,
    on_the_day: bool,
) -> Option<usize> {
    if tour.stop_of(property).is_some() {
        return None;
    }
    let day = retimed(tour, properties, now, on_the_day);
    // Not before a stop already reached (or skipped on the way past).
    let first = day
        .iter()
        .rposition(|r| r.progress != Progress::Ahead)
        .map_or(0, |i| i + 1);
    let cost = |at: usize| {
        let mut trial = tour.clone();
        trial.stops.insert(at, Stop::at(property));
        let day = retimed(&trial, properties, now, on_the_day);
        let late: u32 = day.iter().map(|r| r.late).sum();
        let finish = day.iter().map(|r| r.end).max().unwrap_or(0);
        (late, finish)
    };
    let at = (first..=tour.stops.len()).min_by_key(|&at| cost(at))?;
    tour.stops.insert(at, Stop::at(property));
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{AppointmentState, LatLon, Stop};
    use chrono::{DateTime, NaiveTime, Utc};

    const NINE: u32 = 9 * 60;

    fn at(m: u32) -> NaiveTime {
        crate::domain::tour_plan::time_of(m)
    }

    /// A tour of `n` homes on one street, 1 km apart (about 3 minutes'
    /// drive at the default speed), starting 9:00 at the first.
    fn street(n: usize) -> (Tour, Vec<Property>) {
        let now = DateTime::<Utc>::default();
        let properties: Vec<Property> = (0..n)
            .map(|i| {
                let mut p = Property::new(now);
                p.address = format!("{} Main St", i + 1);
                p.coords = Some(LatLon {
                    lat: 45.5 + i as f64 * 0.009,
                    lon: -122.6,
                });
                p
            })
            .collect();
        let mut tour = Tour::new("Saturday", None, now);
        tour.start.coords = properties.first().and_then(|p| p.coords);
        tour.start_time = Some(at(NINE));
        tour.stops = properties.iter().map(|p| Stop::at(p.id)).collect();
        (tour, properties)
    }

    #[test]
    fn recorded_times_and_appointments_come_from_the_saved_tour() {
        let (mut tour, _) = street(3);
        tour.stops[0].arrived = Some(at(NINE + 2));
        tour.stops[1].timing = Some(StopTiming::Pinned { at: at(NINE + 30) });
        tour.stops[2].timing = Some(StopTiming::Pinned { at: at(NINE + 60) });
        tour.stops[2].appointment = AppointmentState::Cancelled;
        let stops = day_stops(&tour);
        assert_eq!(stops[0].arrived, Some(NINE + 2));
        assert_eq!(stops[1].appointment, Some(NINE + 30));
        assert_eq!(
            stops[2].appointment, None,
            "a cancelled appointment binds nothing"
        );
        assert_eq!(stops[0].duration, 20);
    }

    #[test]
    fn the_day_follows_the_clock_only_on_the_day() {
        let (mut tour, properties) = street(2);
        tour.stops[0].arrived = Some(at(NINE));
        // 9:40 at the first home, planned to leave 9:20.
        let today = retimed(&tour, &properties, NINE + 40, true);
        assert_eq!(today[0].end, NINE + 40);
        // The next home: 5 min buffer and a short drive after 9:40.
        assert!(today[1].arrive >= NINE + 45, "{:?}", today[1]);
        let planned = retimed(&tour, &properties, NINE + 40, false);
        assert_eq!(planned[0].end, NINE + 20);
    }

    #[test]
    fn the_stop_in_hand_is_the_one_the_agent_is_at_else_the_next_one_ahead() {
        let (mut tour, properties) = street(4);
        let day = retimed(&tour, &properties, NINE - 10, true);
        assert_eq!(
            position(&day),
            Position {
                now: Some(0),
                next: Some(1)
            }
        );
        tour.stops[0].arrived = Some(at(NINE));
        tour.stops[0].left = Some(at(NINE + 20));
        tour.stops[1].skipped = true;
        tour.stops[2].arrived = Some(at(NINE + 30));
        let day = retimed(&tour, &properties, NINE + 35, true);
        assert_eq!(
            position(&day),
            Position {
                now: Some(2),
                next: Some(3)
            }
        );
        assert!(!is_finished(&day));
        assert!(has_begun(&tour));
        tour.stops[2].left = Some(at(NINE + 50));
        tour.stops[3].skipped = true;
        let day = retimed(&tour, &properties, NINE + 55, true);
        assert_eq!(position(&day), Position::default());
        assert!(is_finished(&day));
    }

    #[test]
    fn a_home_added_on_the_way_goes_where_it_costs_least_and_never_behind_the_agent() {
        // Homes 1 km apart along a street, in order; the agent has done
        // the first and is at the second.
        let (mut tour, mut properties) = street(4);
        let mut extra = Property::new(DateTime::<Utc>::default());
        // Between the third and fourth homes.
        extra.coords = Some(LatLon {
            lat: 45.5 + 2.5 * 0.009,
            lon: -122.6,
        });
        properties.push(extra.clone());
        tour.stops[0].arrived = Some(at(NINE));
        tour.stops[0].left = Some(at(NINE + 20));
        tour.stops[1].arrived = Some(at(NINE + 25));
        let at_index = add_on_the_way(&mut tour, &properties, extra.id, NINE + 30, true);
        assert_eq!(at_index, Some(3));
        assert_eq!(tour.stops[3].property, extra.id);
        assert_eq!(
            add_on_the_way(&mut tour, &properties, extra.id, NINE + 30, true),
            None
        );

        // The best place is behind the agent: it goes to the first place ahead.
        let (mut tour, mut properties) = street(3);
        let mut back = Property::new(DateTime::<Utc>::default());
        back.coords = properties[0].coords;
        properties.push(back.clone());
        tour.stops[0].arrived = Some(at(NINE));
        tour.stops[0].left = Some(at(NINE + 20));
        tour.stops[1].skipped = true;
        let i = add_on_the_way(&mut tour, &properties, back.id, NINE + 25, true);
        assert_eq!(i, Some(2));
    }

    #[test]
    fn an_added_home_does_not_push_a_confirmed_appointment_late_when_it_can_go_after() {
        let (mut tour, mut properties) = street(2);
        // The second home has an appointment soon after the first showing.
        tour.stops[1].timing = Some(StopTiming::Pinned { at: at(NINE + 28) });
        let mut extra = Property::new(DateTime::<Utc>::default());
        extra.coords = Some(LatLon {
            lat: 45.5 + 0.5 * 0.009,
            lon: -122.6,
        });
        properties.push(extra.clone());
        // Between the two homes would be shortest, but would miss 9:28.
        let i = add_on_the_way(&mut tour, &properties, extra.id, NINE - 30, true);
        assert_eq!(i, Some(2));
    }

    #[test]
    fn nothing_recorded_is_a_day_not_begun() {
        let (tour, properties) = street(2);
        assert!(!has_begun(&tour));
        assert!(!is_finished(&retimed(&tour, &properties, NINE, true)));
        assert!(!is_finished(&[]));
    }
}
