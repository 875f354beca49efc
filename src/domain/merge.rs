//! Merging two versions of the document, record by record.
//!
//! The rule (also in the README): records are matched by id; when both sides
//! have a record, the one updated later wins (a tie keeps the local one).
//! A deletion is remembered as a tombstone and wins over any copy of the
//! record that was last updated before the deletion; a copy edited after
//! the deletion survives. Local order is kept; records only the incoming
//! side has are appended in its order.
//!
//! Merging is for two versions of the same generation. When one side
//! replaced everything (a backup restored, a fresh start), its generation is
//! newer and the other side takes it whole: merging would bring back every
//! record the replace dropped.
use super::model::{Document, Id, Record, Tombstone};
use std::collections::HashMap;

/// What a tab does with a document another tab saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Incoming {
    /// Same generation: merge record by record.
    Merge,
    /// A newer generation: take it whole, and say so.
    Adopt,
    /// An older generation (a tab that has not seen the replace yet): keep
    /// this one, and write it again.
    Outdated,
}

/// How `incoming` relates to `local`.
pub fn incoming(local: &Document, incoming: &Document) -> Incoming {
    match incoming.generation.cmp(&local.generation) {
        std::cmp::Ordering::Equal => Incoming::Merge,
        std::cmp::Ordering::Greater => Incoming::Adopt,
        std::cmp::Ordering::Less => Incoming::Outdated,
    }
}

/// `local` and `incoming` merged by the rule above (same generation; the
/// local one is kept).
pub fn merge(local: &Document, incoming: &Document) -> Document {
    let deleted = merge_tombstones(&local.deleted, &incoming.deleted);
    let gone: HashMap<Id, _> = deleted.iter().map(|t| (t.id, t.at)).collect();
    Document {
        buyers: merge_records(&local.buyers, &incoming.buyers, &gone),
        properties: merge_records(&local.properties, &incoming.properties, &gone),
        tours: merge_records(&local.tours, &incoming.tours, &gone),
        feedback: merge_records(&local.feedback, &incoming.feedback, &gone),
        deleted,
        generation: local.generation,
    }
}

fn merge_tombstones(a: &[Tombstone], b: &[Tombstone]) -> Vec<Tombstone> {
    let mut out: Vec<Tombstone> = a.to_vec();
    for t in b {
        match out.iter_mut().find(|o| o.id == t.id) {
            Some(o) if t.at > o.at => o.at = t.at,
            Some(_) => {}
            None => out.push(*t),
        }
    }
    out
}

fn merge_records<T: Record + Clone>(
    local: &[T],
    incoming: &[T],
    gone: &HashMap<Id, chrono::DateTime<chrono::Utc>>,
) -> Vec<T> {
    let by_id: HashMap<Id, &T> = incoming.iter().map(|r| (r.id(), r)).collect();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(local.len().max(incoming.len()));
    for l in local {
        seen.insert(l.id());
        let winner = match by_id.get(&l.id()) {
            Some(i) if i.stamp().updated > l.stamp().updated => (*i).clone(),
            _ => l.clone(),
        };
        out.push(winner);
    }
    for i in incoming {
        if seen.insert(i.id()) {
            out.push(i.clone());
        }
    }
    out.retain(|r| gone.get(&r.id()).is_none_or(|at| r.stamp().updated > *at));
    out
}

/// What importing `incoming` into `local` by merging would do, for a preview.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergePreview {
    /// Records that `local` does not have.
    pub added: usize,
    /// Records both have, where the incoming copy is newer and different.
    pub updated: usize,
    /// Records both have, where the local copy stays.
    pub unchanged: usize,
}

/// Counts, per outcome, what a merge of `incoming` into `local` would do.
pub fn preview(local: &Document, incoming: &Document) -> MergePreview {
    let mut p = MergePreview::default();
    count(&mut p, &local.buyers, &incoming.buyers);
    count(&mut p, &local.properties, &incoming.properties);
    count(&mut p, &local.tours, &incoming.tours);
    count(&mut p, &local.feedback, &incoming.feedback);
    p
}

fn count<T: Record + PartialEq>(p: &mut MergePreview, local: &[T], incoming: &[T]) {
    let by_id: HashMap<Id, &T> = local.iter().map(|r| (r.id(), r)).collect();
    for i in incoming {
        match by_id.get(&i.id()) {
            None => p.added += 1,
            Some(l) if i.stamp().updated > l.stamp().updated && *l != i => p.updated += 1,
            Some(_) => p.unchanged += 1,
        }
    }
}
