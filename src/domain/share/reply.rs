//! A buyer's reply matched to this device's tour, as feedback records.
use super::payload::{short, Reply, TOUR_HEX_V1};
use crate::domain::model::{Document, Feedback, Id, Stamp};
use chrono::{DateTime, Utc};

/// Why a reply cannot be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplyProblem {
    /// No tour here has this id (another device's tour, or deleted).
    UnknownTour,
}

/// A reply matched to this device's tour: feedback records ready to add,
/// and how many of them are already here.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchedReply {
    pub tour: Id,
    pub feedback: Vec<Feedback>,
    pub already_here: usize,
}

/// Matches a reply to its tour and stops. Reactions to stops the tour no
/// longer has are dropped. Each record's id is derived from the reply, so
/// importing the same reply twice adds nothing the second time.
pub fn match_reply(doc: &Document, reply: &Reply) -> Result<MatchedReply, ReplyProblem> {
    let tour = doc
        .tours
        .iter()
        .find(|t| short(t.id, TOUR_HEX_V1).ends_with(&reply.tour))
        .ok_or(ReplyProblem::UnknownTour)?;
    let sent = DateTime::<Utc>::from_timestamp_millis(reply.sent).unwrap_or_default();
    let feedback: Vec<Feedback> = reply
        .reactions
        .iter()
        .filter_map(|r| {
            let mut named = tour
                .stops
                .iter()
                .filter(|s| !r.stop.is_empty() && short(s.id, 32).ends_with(&r.stop));
            let stop = named.next().filter(|_| named.next().is_none())?;
            let key = format!("{}|{}|{}|{}", tour.id, stop.id, r.person.trim(), reply.sent);
            Some(Feedback {
                id: stable_id(&key),
                stamp: Stamp::new(sent),
                tour: tour.id,
                stop: stop.id,
                person: r.person.trim().to_string(),
                rating: r.rating,
                verdict: r.verdict,
                comment: r.comment.trim().to_string(),
                at: sent,
            })
        })
        .collect();
    let already_here = feedback
        .iter()
        .filter(|f| doc.feedback.iter().any(|g| g.id == f.id))
        .count();
    Ok(MatchedReply {
        tour: tour.id,
        feedback,
        already_here,
    })
}

/// Adds the reply's new feedback records; returns how many were new.
pub fn add_reply(doc: &mut Document, matched: &MatchedReply) -> usize {
    let mut added = 0;
    for f in &matched.feedback {
        if !doc.feedback.iter().any(|g| g.id == f.id) {
            doc.feedback.push(f.clone());
            added += 1;
        }
    }
    added
}

/// The same id for the same text (two FNV-1a hashes), so one reaction
/// imported twice is one record.
fn stable_id(key: &str) -> Id {
    let hash = |seed: u64| {
        key.bytes().fold(seed, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    };
    let high = hash(0xcbf2_9ce4_8422_2325);
    let low = hash(0x8422_2325_cbf2_9ce4);
    uuid::Builder::from_u128((u128::from(high) << 64) | u128::from(low))
        .with_variant(uuid::Variant::RFC4122)
        .with_version(uuid::Version::Custom)
        .into_uuid()
}
