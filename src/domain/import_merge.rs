//! Importing a file of homes into the ones already kept: a home the file
//! has again is updated, not added twice. The same home is the one with the
//! same MLS number, or (when either has none) the same address written the
//! same way once case, punctuation and spacing are set aside.
//!
//! Only what a file carries is updated, and an empty cell never clears what
//! the agent has: features, renovations, notes and everything typed by hand
//! stay.
use super::csv_import::Given;
use super::model::Property;
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// What an import did to the kept homes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Merged {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// An address reduced to what tells it apart: lower case, letters and
/// digits, single spaces ("1842 SE Harold St., Portland" and
/// "1842 se harold st portland" are the same).
pub fn address_key(address: &str) -> String {
    address
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where each kept home is, by MLS number and by address key, so a file
/// of a thousand rows is matched in one pass, not a thousand.
struct Index {
    by_mls: HashMap<String, usize>,
    by_address: HashMap<String, usize>,
}

fn mls_key(p: &Property) -> String {
    p.mls_number.trim().to_lowercase()
}

impl Index {
    fn new(kept: &[Property]) -> Index {
        let mut index = Index {
            by_mls: HashMap::new(),
            by_address: HashMap::new(),
        };
        for (i, p) in kept.iter().enumerate() {
            index.add(p, i);
        }
        index
    }

    /// Indexes `p` at `i`; the first home with a key keeps it.
    fn add(&mut self, p: &Property, i: usize) {
        let mls = mls_key(p);
        if !mls.is_empty() {
            self.by_mls.entry(mls).or_insert(i);
        }
        let address = address_key(&p.address);
        if !address.is_empty() {
            self.by_address.entry(address).or_insert(i);
        }
    }

    /// The kept home `new` is: by MLS number when it has one (a kept home
    /// with another number is another home), else by address among the
    /// homes without a number or with the same one.
    fn find(&self, kept: &[Property], new: &Property) -> Option<usize> {
        let mls = mls_key(new);
        if let Some(&i) = self.by_mls.get(&mls).filter(|_| !mls.is_empty()) {
            return Some(i);
        }
        let i = *self.by_address.get(&address_key(&new.address))?;
        let theirs = mls_key(&kept[i]);
        (mls.is_empty() || theirs.is_empty() || theirs == mls).then_some(i)
    }
}

/// Copies what `new` knows onto `kept`; whether anything changed.
fn update(kept: &mut Property, new: Property, given: Given) -> bool {
    let before = kept.clone();
    fn take<T>(slot: &mut Option<T>, value: Option<T>) {
        if value.is_some() {
            *slot = value;
        }
    }
    fn take_text(slot: &mut String, value: String) {
        if !value.trim().is_empty() {
            *slot = value;
        }
    }
    take_text(&mut kept.address, new.address);
    take_text(&mut kept.area, new.area);
    take_text(&mut kept.listing_link, new.listing_link);
    take_text(&mut kept.mls_number, new.mls_number);
    let agent = new.listing_agent;
    take_text(&mut kept.listing_agent.name, agent.name);
    take_text(&mut kept.listing_agent.phone, agent.phone);
    take_text(&mut kept.listing_agent.email, agent.email);
    take_text(&mut kept.listing_agent.brokerage, agent.brokerage);
    take(&mut kept.coords, new.coords);
    take(&mut kept.list_price, new.list_price);
    take(&mut kept.beds, new.beds);
    take(&mut kept.baths, new.baths);
    take(&mut kept.floor_area, new.floor_area);
    take(&mut kept.taxes_year, new.taxes_year);
    take(&mut kept.hoa_month, new.hoa_month);
    if given.property_type {
        kept.property_type = new.property_type;
        kept.listed_type = new.listed_type;
    }
    if given.status {
        kept.status = new.status;
        kept.listed_status = new.listed_status;
    }
    *kept != before
}

/// Adds the imported homes (each with what its row gave) to `kept`,
/// updating those it already has. Rows of one file that name the same home
/// update it in file order.
pub fn merge_imported(
    kept: &mut Vec<Property>,
    imported: impl IntoIterator<Item = (Property, Given)>,
    now: DateTime<Utc>,
) -> Merged {
    let mut merged = Merged::default();
    let mut index = Index::new(kept);
    for (new, given) in imported {
        match index.find(kept, &new) {
            Some(i) => {
                let home = &mut kept[i];
                if update(home, new, given) {
                    home.stamp.updated = now;
                    merged.updated += 1;
                } else {
                    merged.unchanged += 1;
                }
            }
            None => {
                index.add(&new, kept.len());
                kept.push(new);
                merged.added += 1;
            }
        }
    }
    merged
}

/// The homes whose price is far outside the file's own range (a tenth of
/// the median or less, ten times it or more: "$1,551" among homes around
/// $250,000), for the import summary to list as "check these". Needs five
/// prices to know the range.
pub fn unusual_prices(properties: &[Property]) -> Vec<&Property> {
    let mut prices: Vec<u64> = properties.iter().filter_map(|p| p.list_price).collect();
    if prices.len() < 5 {
        return Vec::new();
    }
    prices.sort_unstable();
    let median = prices[prices.len() / 2];
    properties
        .iter()
        .filter(|p| {
            p.list_price.is_some_and(|price| {
                price.saturating_mul(10) <= median || price >= median.saturating_mul(10)
            })
        })
        .collect()
}
