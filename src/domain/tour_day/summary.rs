//! After the tour: each stop as it happened (actual times, skipped), the
//! agent's impression and the buyer's feedback, as rows and as CSV.
use crate::domain::model::{Feedback, Id, Property, Tour, Verdict};
use crate::domain::tour_plan::{clock, minutes};

/// One stop of the tour as it happened.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    pub stop: Id,
    pub number: usize,
    pub address: String,
    /// Actual times, minutes after midnight, when recorded.
    pub arrived: Option<u32>,
    pub left: Option<u32>,
    /// Minutes at the home, when both times are known.
    pub minutes: Option<u32>,
    pub skipped: bool,
    pub impression: Option<u8>,
    /// The buyer's reactions: person, rating, verdict, comment.
    pub feedback: Vec<(String, Option<u8>, Option<Verdict>, String)>,
}

/// The tour's stops as they happened, in tour order.
pub fn summary(tour: &Tour, properties: &[Property], feedback: &[Feedback]) -> Vec<SummaryRow> {
    tour.stops
        .iter()
        .enumerate()
        .map(|(i, s)| SummaryRow {
            stop: s.id,
            number: i + 1,
            address: properties
                .iter()
                .find(|p| p.id == s.property)
                .map(|p| p.address.clone())
                .unwrap_or_default(),
            arrived: s.arrived.map(minutes),
            left: s.left.map(minutes),
            minutes: s
                .arrived
                .zip(s.left)
                .map(|(a, l)| minutes(l).saturating_sub(minutes(a))),
            skipped: s.skipped,
            impression: s.impression,
            feedback: feedback
                .iter()
                .filter(|f| f.tour == tour.id && f.stop == s.id)
                .map(|f| (f.person.clone(), f.rating, f.verdict, f.comment.clone()))
                .collect(),
        })
        .collect()
}

/// The words a summary CSV is written with, in the agent's language.
pub struct CsvWords<'a> {
    /// Column headers: number, address, arrived, left, minutes, skipped,
    /// impression, buyer's feedback.
    pub headers: [&'a str; 8],
    /// The "skipped" column's word for a skipped stop.
    pub yes: &'a str,
    pub verdict: &'a dyn Fn(Verdict) -> String,
}

/// The summary as CSV: one line per stop; several reactions to one stop
/// share its feedback cell, one per line.
pub fn summary_csv(rows: &[SummaryRow], words: &CsvWords) -> String {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = writer.write_record(words.headers);
    for r in rows {
        let reactions: Vec<String> = r
            .feedback
            .iter()
            .map(|(person, rating, verdict, comment)| {
                let mut parts = vec![person.clone()];
                if let Some(n) = rating {
                    parts.push(format!("{n}/5"));
                }
                if let Some(v) = verdict {
                    parts.push((words.verdict)(*v));
                }
                if !comment.trim().is_empty() {
                    parts.push(format!("“{}”", comment.trim()));
                }
                parts.join(", ")
            })
            .collect();
        let _ = writer.write_record([
            r.number.to_string(),
            r.address.clone(),
            r.arrived.map(clock).unwrap_or_default(),
            r.left.map(clock).unwrap_or_default(),
            r.minutes.map(|m| m.to_string()).unwrap_or_default(),
            if r.skipped {
                words.yes.to_string()
            } else {
                String::new()
            },
            r.impression.map(|n| format!("{n}/5")).unwrap_or_default(),
            reactions.join("\n"),
        ]);
    }
    writer
        .into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Stamp, Stop};
    use chrono::{DateTime, NaiveTime, Utc};

    #[test]
    fn the_summary_has_actual_times_skips_impressions_and_feedback_as_csv() {
        let now = DateTime::<Utc>::default();
        let mut a = Property::new(now);
        a.address = "1 Main St, Portland".into();
        let mut b = Property::new(now);
        b.address = "2 Oak Ave".into();
        let mut tour = Tour::new("Saturday", None, now);
        let mut first = Stop::at(a.id);
        first.arrived = NaiveTime::from_hms_opt(9, 12, 0);
        first.left = NaiveTime::from_hms_opt(9, 40, 0);
        first.impression = Some(4);
        let second = Stop {
            skipped: true,
            ..Stop::at(b.id)
        };
        tour.stops = vec![first.clone(), second];
        let feedback = vec![Feedback {
            id: uuid::Uuid::new_v4(),
            stamp: Stamp::new(now),
            tour: tour.id,
            stop: first.id,
            person: "Maria".into(),
            rating: Some(5),
            verdict: Some(Verdict::SeeAgain),
            comment: "Loved the light".into(),
            at: now,
        }];
        let rows = summary(&tour, &[a, b], &feedback);
        assert_eq!(rows[0].minutes, Some(28));
        assert!(rows[1].skipped && rows[1].arrived.is_none());
        let verdict = |v: Verdict| match v {
            Verdict::SeeAgain => "See again".to_string(),
            _ => "Other".to_string(),
        };
        let csv = summary_csv(
            &rows,
            &CsvWords {
                headers: [
                    "#",
                    "Address",
                    "Arrived",
                    "Left",
                    "Minutes",
                    "Skipped",
                    "Impression",
                    "Buyer",
                ],
                yes: "yes",
                verdict: &verdict,
            },
        );
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "#,Address,Arrived,Left,Minutes,Skipped,Impression,Buyer"
        );
        assert_eq!(
            lines[1],
            "1,\"1 Main St, Portland\",09:12,09:40,28,,4/5,\"Maria, 5/5, See again, “Loved the light”\""
        );
        assert_eq!(lines[2], "2,2 Oak Ave,,,,yes,,");
    }
}
