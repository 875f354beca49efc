//! Dates written out for file names and messages, without chrono's
//! strftime machinery (which would add to the bundle).

/// "2026-11-22-1430", for file names.
pub fn file_stamp(at: chrono::DateTime<chrono::Utc>) -> String {
    use chrono::{Datelike, Timelike};
    format!(
        "{:04}-{:02}-{:02}-{:02}{:02}",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute()
    )
}

/// "2026-11-22 14:30" (UTC), for "last backup" lines.
pub fn date_time(at: chrono::DateTime<chrono::Utc>) -> String {
    use chrono::{Datelike, Timelike};
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute()
    )
}
