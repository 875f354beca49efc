//! Host tests for importing a file into the homes already kept: the same
//! home is updated, never added twice, and what the agent typed stays.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use chrono::{Duration, Utc};
use showplan::domain::csv_import::{detect_all, import, read_table, FileNumbers, Imported};
use showplan::domain::import_merge::{address_key, merge_imported, Merged};
use showplan::domain::model::{Property, PropertyType};
use showplan::domain::numbers::Marks;

fn read(text: &str) -> Imported {
    let table = read_table(text).expect("readable");
    import(
        &table,
        &detect_all(&table.headers),
        FileNumbers::Detect,
        Marks::POINT,
        Utc::now(),
    )
}

fn merge(kept: &mut Vec<Property>, text: &str) -> Merged {
    let imported = read(text);
    merge_imported(
        kept,
        imported.properties.into_iter().zip(imported.given),
        Utc::now(),
    )
}

const EXPORT: &str = include_str!("fixtures/mls-export.csv");

#[test]
fn importing_the_same_file_again_changes_nothing() {
    let mut kept = Vec::new();
    let first = merge(&mut kept, EXPORT);
    assert_eq!(
        first,
        Merged {
            added: 26,
            updated: 0,
            unchanged: 0
        }
    );
    let snapshot = kept.clone();
    let again = merge(&mut kept, EXPORT);
    assert_eq!(
        again,
        Merged {
            added: 0,
            updated: 0,
            unchanged: 26
        }
    );
    assert_eq!(kept, snapshot, "not even a stamp moves");
}

#[test]
fn a_changed_row_updates_its_home_by_mls_number_and_keeps_the_agents_work() {
    let mut kept = Vec::new();
    merge(
        &mut kept,
        "Address,Price,Beds,MLS #\n1 Elm St,\"$500,000\",3,A-1\n",
    );
    kept[0].private_notes = "Seller flexible on dates.".into();
    kept[0].property_type = PropertyType::Condo;
    let created = kept[0].stamp.created;
    kept[0].stamp.updated = created - Duration::days(1);
    // Price cut, and the address written differently: still MLS A-1.
    let m = merge(
        &mut kept,
        "Address,Price,Beds,MLS #\n1 Elm Street,\"$480,000\",,a-1\n",
    );
    assert_eq!(
        m,
        Merged {
            added: 0,
            updated: 1,
            unchanged: 0
        }
    );
    assert_eq!(kept.len(), 1);
    let home = &kept[0];
    assert_eq!(home.list_price, Some(480_000));
    assert_eq!(home.address, "1 Elm Street");
    assert_eq!(home.beds, Some(3), "an empty cell clears nothing");
    assert_eq!(
        home.property_type,
        PropertyType::Condo,
        "no type column: the agent's type stays"
    );
    assert_eq!(home.private_notes, "Seller flexible on dates.");
    assert_eq!(home.stamp.created, created);
    assert!(home.stamp.updated > created);
}

#[test]
fn without_mls_numbers_the_same_address_is_the_same_home() {
    let mut kept = Vec::new();
    merge(
        &mut kept,
        "Street,City,State,Zip,Price\n1842 SE Harold St.,Portland,OR,97202,612500\n",
    );
    let m = merge(
        &mut kept,
        "Address,Price\n\"1842 se harold st, portland, or 97202\",599000\n",
    );
    assert_eq!(
        m,
        Merged {
            added: 0,
            updated: 1,
            unchanged: 0
        }
    );
    assert_eq!(kept[0].list_price, Some(599_000));
    // Another zip is another home.
    let m = merge(
        &mut kept,
        "Address,Price\n\"1842 SE Harold St, Portland, OR 97203\",1\n",
    );
    assert_eq!(m.added, 1);
    assert_eq!(
        address_key(" 1842 SE Harold St., Portland "),
        "1842 se harold st portland"
    );
}

#[test]
fn prices_far_outside_the_files_range_are_listed_to_check() {
    use showplan::domain::import_merge::unusual_prices;
    let imported = read(
        "Address,Price\n1 A St,250000\n2 B St,265000\n3 C St,1551\n4 D St,240000\n5 E St,3100000\n6 F St,255000\n",
    );
    let odd: Vec<&str> = unusual_prices(&imported.properties)
        .iter()
        .map(|p| p.address.as_str())
        .collect();
    assert_eq!(odd, vec!["3 C St", "5 E St"]);
    // Too few prices to know the range: nothing is flagged.
    let few = read("Address,Price\n1 A St,250000\n2 B St,1551\n");
    assert!(unusual_prices(&few.properties).is_empty());
}
