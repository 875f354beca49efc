//! Host tests for document generations: a replace is taken whole by other
//! tabs instead of being merged away.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use chrono::Utc;
use showplan::domain::codec::{decode, encode};
use showplan::domain::merge::{incoming, merge, Incoming};
use showplan::domain::model::{Buyer, Document};

fn with_buyer(name: &str) -> Document {
    Document {
        buyers: vec![Buyer::new(name, Utc::now())],
        ..Default::default()
    }
}

#[test]
fn a_replace_starts_a_newer_generation_that_other_tabs_adopt() {
    let kept = with_buyer("Old");
    let restored = with_buyer("Restored").replacing(&kept, 1_000);
    assert_eq!(restored.generation, 1_000);
    assert_eq!(incoming(&kept, &restored), Incoming::Adopt);
    assert_eq!(incoming(&restored, &kept), Incoming::Outdated);
    // Merging instead would have brought the dropped buyer back.
    assert_eq!(merge(&restored, &kept).buyers.len(), 2);
}

#[test]
fn a_replace_is_newer_even_when_the_clock_is_behind() {
    let mut kept = with_buyer("Old");
    kept.generation = 5_000;
    let restored = Document::default().replacing(&kept, 1_000);
    assert_eq!(restored.generation, 5_001);
    assert_eq!(incoming(&kept, &restored), Incoming::Adopt);
}

#[test]
fn saves_of_one_generation_merge_and_keep_it() {
    let mut a = with_buyer("A");
    a.generation = 7;
    let mut b = with_buyer("B");
    b.generation = 7;
    assert_eq!(incoming(&a, &b), Incoming::Merge);
    let merged = merge(&a, &b);
    assert_eq!(merged.generation, 7);
    assert_eq!(merged.buyers.len(), 2);
}

#[test]
fn the_generation_is_stored_and_read_back_and_absent_when_never_replaced() {
    let never = with_buyer("A");
    let text = encode(&never, Utc::now());
    assert!(
        !text.contains("generation"),
        "documents that were never replaced are unchanged"
    );
    let replaced = never.clone().replacing(&never, 1_234);
    let back = decode(&encode(&replaced, Utc::now())).unwrap().document;
    assert_eq!(back.generation, 1_234);
}
