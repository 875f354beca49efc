//! An iCalendar file (RFC 5545) with one event per showing, written from the
//! buyer's itinerary, so it holds only what the buyer may see.
use super::share::Itinerary;
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

/// Escapes TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma, newline.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8
/// character, and ends it with CRLF.
pub fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn stamp(t: DateTime<Utc>) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// The calendar for `it` on its date; `to_utc` turns a local wall-clock
/// time (minutes after midnight) on a date into UTC. `None` when the tour
/// has no date.
pub fn ics(
    it: &Itinerary,
    now: DateTime<Utc>,
    to_utc: impl Fn(NaiveDate, u32) -> Option<DateTime<Utc>>,
) -> Option<String> {
    let date = it.date?;
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Showplan//Showings//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(line, &mut out);
    }
    for (i, stop) in it.stops.iter().enumerate() {
        let (Some(start), Some(end)) = (to_utc(date, stop.times[1]), to_utc(date, stop.times[2]))
        else {
            continue;
        };
        fold("BEGIN:VEVENT", &mut out);
        fold(&format!("UID:{}-{}@showplan", it.tour, stop.id), &mut out);
        fold(&format!("DTSTAMP:{}", stamp(now)), &mut out);
        fold(&format!("DTSTART:{}", stamp(start)), &mut out);
        fold(&format!("DTEND:{}", stamp(end)), &mut out);
        fold(
            &format!(
                "SUMMARY:{}",
                escape(&format!("{}. {}", i + 1, stop.address))
            ),
            &mut out,
        );
        fold(&format!("LOCATION:{}", escape(&stop.address)), &mut out);
        // Same UID as before: a calendar that has the showing cancels it.
        if stop.skipped {
            fold("STATUS:CANCELLED", &mut out);
        }
        if let Some([lat, lon]) = stop.coords {
            fold(&format!("GEO:{lat};{lon}"), &mut out);
        }
        let mut description = it.name.clone();
        if !it.agent.is_empty() {
            description.push_str(&format!("\n{} {}", it.agent, it.agent_contact));
        }
        fold(
            &format!("DESCRIPTION:{}", escape(description.trim())),
            &mut out,
        );
        fold("END:VEVENT", &mut out);
    }
    fold("END:VCALENDAR", &mut out);
    Some(out)
}
