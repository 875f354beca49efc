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
