//! Searching, filtering and sorting the property list.
use super::model::{ListingStatus, Property, PropertyType};

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Newest,
    PriceLow,
    PriceHigh,
    MostBeds,
    Address,
}

impl Sort {
    pub const ALL: [Sort; 5] = [
        Sort::Newest,
        Sort::PriceLow,
        Sort::PriceHigh,
        Sort::MostBeds,
        Sort::Address,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::PriceLow => "price_low",
            Sort::PriceHigh => "price_high",
            Sort::MostBeds => "beds",
            Sort::Address => "address",
        }
    }

    pub fn from_name(name: &str) -> Sort {
        Sort::ALL
            .into_iter()
            .find(|s| s.as_str() == name)
            .unwrap_or_default()
    }
}

/// What the agent asked the property list for. Empty fields filter nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PropertyQuery {
    /// Words that must all appear in the address, area or MLS number.
    pub text: String,
    pub price_min: Option<u64>,
    pub price_max: Option<u64>,
    pub beds_min: Option<u8>,
    pub baths_min: Option<f32>,
    pub property_type: Option<PropertyType>,
    pub status: Option<ListingStatus>,
    pub area: Option<String>,
    pub sort: Sort,
}

/// The lowercase text the search looks in, one per property. Keep it
/// between keystrokes (it changes only with the properties).
pub fn search_index(properties: &[Property]) -> Vec<String> {
    properties
        .iter()
        .map(|p| format!("{} {} {}", p.address, p.area, p.mls_number).to_lowercase())
        .collect()
}

/// Indices into `properties` of the homes that match, in the asked order.
pub fn apply(query: &PropertyQuery, properties: &[Property]) -> Vec<usize> {
    apply_indexed(query, properties, &search_index(properties))
}

/// [`apply`] with a prepared [`search_index`] of the same properties.
pub fn apply_indexed(
    query: &PropertyQuery,
    properties: &[Property],
    index: &[String],
) -> Vec<usize> {
    let words: Vec<String> = query
        .text
        .to_lowercase()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let area = query.area.as_deref().map(str::to_lowercase);
    let mut hits: Vec<usize> = properties
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            let price_ok = match p.list_price {
                Some(price) => {
                    query.price_min.is_none_or(|m| price >= m)
                        && query.price_max.is_none_or(|m| price <= m)
                }
                None => query.price_min.is_none() && query.price_max.is_none(),
            };
            price_ok
                && query
                    .beds_min
                    .is_none_or(|m| p.beds.is_some_and(|b| b >= m))
                && query
                    .baths_min
                    .is_none_or(|m| p.baths.is_some_and(|b| b >= m))
                && query.property_type.is_none_or(|t| p.property_type == t)
                && query.status.is_none_or(|s| p.status == s)
                && area.as_deref().is_none_or(|a| p.area.to_lowercase() == a)
                && (words.is_empty()
                    || index
                        .get(*i)
                        .is_some_and(|hay| words.iter().all(|w| hay.contains(w.as_str()))))
        })
        .map(|(i, _)| i)
        .collect();
    let price = |i: &usize| properties[*i].list_price;
    match query.sort {
        Sort::Newest => hits.sort_by(|a, b| {
            properties[*b]
                .stamp
                .created
                .cmp(&properties[*a].stamp.created)
        }),
        // Homes without a price go last either way.
        Sort::PriceLow => hits.sort_by_key(|i| (price(i).is_none(), price(i))),
        Sort::PriceHigh => hits.sort_by_key(|i| (price(i).is_none(), std::cmp::Reverse(price(i)))),
        Sort::MostBeds => hits.sort_by_key(|i| std::cmp::Reverse(properties[*i].beds)),
        Sort::Address => hits.sort_by_cached_key(|i| properties[*i].address.to_lowercase()),
    }
    hits
}

/// The distinct areas of the homes, sorted, for the area filter.
pub fn areas(properties: &[Property]) -> Vec<String> {
    let mut out: Vec<String> = properties
        .iter()
        .map(|p| p.area.trim().to_string())
        .filter(|a| !a.is_empty())
        .collect();
    out.sort_by_key(|a| a.to_lowercase());
    out.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    out
}
