//! Reading the dates, times and instants a saved document holds.
//!
//! chrono still does the calendar (these build its types with its checked
//! constructors) and still writes them; only the reading of the few fixed
//! forms Showplan writes is done here. chrono's general parser (format
//! strings, names of months, time zones) is about 15 KB of wasm that opening
//! the app would otherwise carry for three fixed layouts. The host tests
//! check every form against chrono's own parser.
use chrono::{NaiveDate, NaiveTime};

/// Digits only, as a number (no sign, no spaces).
fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `YYYY-MM-DD`, as chrono writes a date.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(digits(y)?).ok()?, digits(m)?, digits(d)?)
}

/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fraction` (up to nine digits), as
/// chrono writes a time of day.
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let (clock, fraction) = match s.split_once('.') {
        Some((clock, f)) if !f.is_empty() && f.len() <= 9 => (clock, Some(f)),
        Some(_) => return None,
        None => (s, None),
    };
    let mut parts = clock.split(':');
    let (h, m, sec) = (parts.next()?, parts.next()?, parts.next());
    if parts.next().is_some() || h.len() != 2 || m.len() != 2 {
        return None;
    }
    let sec = match sec {
        Some(sec) if sec.len() == 2 => digits(sec)?,
        Some(_) => return None,
        None if fraction.is_some() => return None,
        None => 0,
    };
    let nanos = match fraction {
        Some(f) => digits(f)? * 10u32.pow(9 - f.len() as u32),
        None => 0,
    };
    NaiveTime::from_hms_nano_opt(digits(h)?, digits(m)?, sec, nanos)
}

/// An RFC 3339 instant (`2026-09-14T16:02:11.5Z`, `...+02:00`) as Unix
/// milliseconds.
pub fn rfc3339_millis(s: &str) -> Option<i64> {
    if s.len() < 20 || !s.is_char_boundary(10) {
        return None;
    }
    let (date, rest) = s.split_at(10);
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let (time, offset_min) = if let Some(time) = rest.strip_suffix(['Z', 'z']) {
        (time, 0)
    } else {
        let at = rest.rfind(['+', '-'])?;
        let (time, offset) = rest.split_at(at);
        let sign = if offset.starts_with('-') { -1 } else { 1 };
        let (oh, om) = offset[1..].split_once(':')?;
        if oh.len() != 2 || om.len() != 2 {
            return None;
        }
        let (oh, om) = (digits(oh)?, digits(om)?);
        if oh > 23 || om > 59 {
            return None;
        }
        (time, sign * (oh * 60 + om) as i64)
    };
    // RFC 3339 needs seconds.
    if time.len() < 8 {
        return None;
    }
    let local = parse_date(date)?.and_time(parse_time(time)?);
    Some(local.and_utc().timestamp_millis() - offset_min * 60_000)
}
