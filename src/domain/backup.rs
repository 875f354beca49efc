//! When to remind the agent to download a backup: once there is work worth
//! saving, then a week after each backup (Safari clears script-written
//! storage after 7 days without a visit), and a day after "Later".
use crate::domain::model::Document;
use crate::domain::sample::is_sample;
use chrono::{DateTime, Duration, Utc};

/// Days after a backup before the next reminder.
pub const REMIND_AFTER_DAYS: i64 = 7;
/// Hours a "Later" keeps the reminder away.
pub const LATER_HOURS: i64 = 24;
/// The agent's own records (buyers, homes, tours, replies) that make a
/// backup worth asking for: not the first buyer alone, nor the sample data.
pub const WORTH_SAVING: usize = 5;

/// How many of the document's records are the agent's own work.
pub fn own_records(doc: &Document) -> usize {
    doc.buyers.iter().filter(|b| !is_sample(b.id)).count()
        + doc.properties.iter().filter(|p| !is_sample(p.id)).count()
        + doc.tours.iter().filter(|t| !is_sample(t.id)).count()
        + doc.feedback.len()
}

/// Is the reminder due now?
pub fn reminder_due(
    now: DateTime<Utc>,
    own_records: usize,
    last_backup: Option<DateTime<Utc>>,
    later_at: Option<DateTime<Utc>>,
) -> bool {
    own_records >= WORTH_SAVING
        && later_at.is_none_or(|at| now - at >= Duration::hours(LATER_HOURS))
        && last_backup.is_none_or(|at| now - at >= Duration::days(REMIND_AFTER_DAYS))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Buyer;
    use crate::domain::sample::sample_document;

    fn at(hours: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default() + Duration::hours(hours)
    }

    #[test]
    fn the_first_buyer_alone_is_not_yet_worth_a_reminder() {
        assert!(!reminder_due(at(0), 1, None, None));
        assert!(!reminder_due(at(0), WORTH_SAVING - 1, None, None));
        assert!(reminder_due(at(0), WORTH_SAVING, None, None));
    }

    #[test]
    fn sample_data_is_not_the_agents_work() {
        let mut doc = sample_document(at(0));
        assert!(doc.buyers.len() + doc.properties.len() >= WORTH_SAVING);
        assert_eq!(own_records(&doc), 0);
        doc.buyers.push(Buyer::new("Own Olga", at(0)));
        assert_eq!(own_records(&doc), 1);
    }

    #[test]
    fn a_backup_keeps_it_away_for_a_week() {
        let backup = Some(at(0));
        assert!(!reminder_due(at(24 * 7 - 1), 10, backup, None));
        assert!(reminder_due(at(24 * 7), 10, backup, None));
    }

    #[test]
    fn later_keeps_it_away_for_a_day() {
        let later = Some(at(0));
        assert!(!reminder_due(at(LATER_HOURS - 1), 10, None, later));
        assert!(reminder_due(at(LATER_HOURS), 10, None, later));
        // A later before a recent backup changes nothing: the backup rules.
        assert!(!reminder_due(at(48), 10, Some(at(30)), later));
    }
}
