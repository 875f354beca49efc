//! Times of day as the tour keeps them: minutes after midnight, and the
//! "09:30" text a time input gives and shows.
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

/// A time of day from minutes after midnight (wrapping past midnight).
pub fn time_of(m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt((m / 60) % 24, m % 60, 0).unwrap_or_default()
}

/// The timing a stop gets when the agent makes it an appointment or a
/// window: from the time it is planned to start, rounded up to 5 minutes
/// (so choosing one moves nothing and warns about nothing); a window lasts
/// half an hour. `kind` is the select's value: "pinned", "window", or
/// anything else for no fixed time.
pub fn timing_from_plan(
    kind: &str,
    planned_start: u32,
) -> Option<crate::domain::model::StopTiming> {
    use crate::domain::model::StopTiming;
    let at = planned_start.div_ceil(5) * 5;
    match kind {
        "pinned" => Some(StopTiming::Pinned { at: time_of(at) }),
        "window" => Some(StopTiming::Window {
            earliest: time_of(at),
            latest: time_of(at + 30),
        }),
        _ => None,
    }
}
