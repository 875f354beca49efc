//! How well a home fits a buyer: a 0-100 score with the reasons behind it.
//!
//! Points: budget 30 (on the effective price: list price plus renovation
//! estimates), bedrooms 15, bathrooms 10, type 10, area 10, must-haves 15,
//! nice-to-haves 10 (by weight). Unknown values earn half. A deal-breaker
//! found in the home's features or neighbourhood notes scores 0 and ranks
//! the home below every other; so does a drive to one of the buyer's
//! places longer than they accept.
use super::model::{Buyer, Id, LatLon, ListingStatus, Property, PropertyType};
use super::planner::{travel_minutes, TravelSettings};
use super::roads::CommuteTimes;

/// One reason behind a score, for the UI to put into words.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// Effective price (low to high) fits within the budget.
    WithinBudget {
        low: u64,
        high: u64,
    },
    /// Fits only if renovations come in at the low estimate.
    BudgetTight {
        low: u64,
        high: u64,
        max: u64,
    },
    /// Over the budget even at the low estimate.
    OverBudget {
        by: u64,
    },
    PriceUnknown,
    BedsOk {
        have: u8,
        want: u8,
    },
    BedsShort {
        have: u8,
        want: u8,
    },
    BathsOk {
        have: f32,
        want: f32,
    },
    BathsShort {
        have: f32,
        want: f32,
    },
    RoomsUnknown,
    TypeMatch(PropertyType),
    TypeMismatch(PropertyType),
    AreaMatch(String),
    AreaOther(String),
    MustHaveMet(String),
    MustHaveMissing(String),
    NiceToHaveMet {
        text: String,
        weight: u8,
    },
    DealBreaker(String),
    /// The drive to one of the buyer's places, within their limit (or
    /// with none); `by_road` when a routing engine timed it.
    Commute {
        place: String,
        minutes: u32,
        by_road: bool,
    },
    /// Further than the buyer accepts: rules the home out.
    CommuteTooLong {
        place: String,
        minutes: u32,
        max: u16,
        by_road: bool,
    },
    /// Under contract: it may still fall through.
    Pending,
    /// Sold or withdrawn: not for sale.
    OffMarket(ListingStatus),
}

/// A home's fit for one buyer.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub score: u8,
    pub reasons: Vec<Reason>,
    /// The first deal-breaker found, if any.
    pub deal_breaker: Option<String>,
}

/// Renovation totals: (low, high).
pub fn renovation_totals(property: &Property) -> (u64, u64) {
    property.renovations.iter().fold((0, 0), |(l, h), r| {
        (l.saturating_add(r.cost_low), h.saturating_add(r.cost_high))
    })
}

/// List price plus renovations, low to high; `None` without a price.
pub fn effective_price(property: &Property) -> Option<(u64, u64)> {
    let price = property.list_price?;
    let (low, high) = renovation_totals(property);
    Some((price.saturating_add(low), price.saturating_add(high)))
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Everything a must-have or deal-breaker may be found in, as lowercase text.
fn haystack(property: &Property) -> String {
    let mut text = String::new();
    for f in &property.features {
        text.push_str(&f.category);
        text.push(' ');
        text.push_str(&f.text);
        text.push('\n');
    }
    for n in &property.neighbourhood {
        text.push_str(&n.text);
        text.push('\n');
    }
    text.to_lowercase()
}

/// Whether every word of `wish` appears in the home's description.
fn mentions(hay: &str, wish: &str) -> bool {
    let hay_words = words(hay);
    let wanted = words(wish);
    !wanted.is_empty()
        && wanted.iter().all(|w| {
            hay_words
                .iter()
                .any(|h| h == w || (w.len() > 3 && h.starts_with(w.as_str())))
        })
}

/// Whether a home can still be bought: active or pending, not sold or
/// withdrawn.
pub fn on_market(property: &Property) -> bool {
    matches!(
        property.status,
        ListingStatus::Active | ListingStatus::Pending
    )
}

/// Scores `property` for `buyer`. A home that is not simply active says
/// so first.
pub fn score(buyer: &Buyer, property: &Property) -> Match {
    score_with(
        buyer,
        property,
        CommuteTimes::from_text(&buyer.commute_times).as_ref(),
    )
}

/// [`score`] with the buyer's road times to their places already read
/// (a ranking reads them once for every home).
pub fn score_with(buyer: &Buyer, property: &Property, roads: Option<&CommuteTimes>) -> Match {
    let mut m = score_fit(buyer, property);
    if m.deal_breaker.is_none() {
        commutes(buyer, property, roads, &mut m);
    }
    match property.status {
        ListingStatus::Active => {}
        ListingStatus::Pending => m.reasons.insert(0, Reason::Pending),
        status => m.reasons.insert(0, Reason::OffMarket(status)),
    }
    m
}

/// Minutes by car from a home to a place, by the straight-line estimate
/// (the planner's default model: distance x 1.3 at 30 km/h).
pub fn commute_minutes(home: LatLon, place: LatLon) -> u32 {
    travel_minutes(Some(home), Some(place), &TravelSettings::default())
}

/// The drive to each of the buyer's places that has a position, when the
/// home has one: by road where the buyer's road times have it, else the
/// estimate. A place beyond its limit rules the home out.
fn commutes(buyer: &Buyer, property: &Property, roads: Option<&CommuteTimes>, m: &mut Match) {
    let Some(home) = property.coords else { return };
    for place in &buyer.places {
        let Some(at) = place.coords else { continue };
        let road = roads.and_then(|r| r.seconds(home, at));
        let by_road = road.is_some();
        let minutes = road.map_or_else(|| commute_minutes(home, at), |s| s.div_ceil(60));
        match place.max_minutes {
            Some(max) if minutes > u32::from(max) => {
                m.reasons.insert(
                    0,
                    Reason::CommuteTooLong {
                        place: place.name.clone(),
                        minutes,
                        max,
                        by_road,
                    },
                );
                m.score = 0;
                m.deal_breaker.get_or_insert_with(|| place.name.clone());
            }
            _ => m.reasons.push(Reason::Commute {
                place: place.name.clone(),
                minutes,
                by_road,
            }),
        }
    }
}

/// How well the home itself fits the buyer.
fn score_fit(buyer: &Buyer, property: &Property) -> Match {
    let hay = haystack(property);
    let mut reasons = Vec::new();
    if let Some(breaker) = buyer.deal_breakers.iter().find(|d| mentions(&hay, d)) {
        return Match {
            score: 0,
            reasons: vec![Reason::DealBreaker(breaker.clone())],
            deal_breaker: Some(breaker.clone()),
        };
    }
    let mut points = 0.0f64;

    points += match (effective_price(property), buyer.budget_max) {
        (None, _) => {
            reasons.push(Reason::PriceUnknown);
            15.0
        }
        (Some((low, high)), None) => {
            reasons.push(Reason::WithinBudget { low, high });
            30.0
        }
        (Some((low, high)), Some(max)) if high <= max => {
            reasons.push(Reason::WithinBudget { low, high });
            30.0
        }
        (Some((low, high)), Some(max)) if low <= max => {
            reasons.push(Reason::BudgetTight { low, high, max });
            18.0
        }
        (Some((low, _)), Some(max)) => {
            reasons.push(Reason::OverBudget { by: low - max });
            // A little over still ranks above far over.
            let over = (low - max) as f64 / max.max(1) as f64;
            (8.0 * (1.0 - over * 10.0)).max(0.0)
        }
    };

    points += match (property.beds, buyer.min_beds) {
        (_, None) => 15.0,
        (None, Some(_)) => {
            reasons.push(Reason::RoomsUnknown);
            7.5
        }
        (Some(have), Some(want)) if have >= want => {
            reasons.push(Reason::BedsOk { have, want });
            15.0
        }
        (Some(have), Some(want)) => {
            reasons.push(Reason::BedsShort { have, want });
            if have + 1 == want {
                5.0
            } else {
                0.0
            }
        }
    };

    points += match (property.baths, buyer.min_baths) {
        (_, None) => 10.0,
        (None, Some(_)) => 5.0,
        (Some(have), Some(want)) if have >= want => {
            reasons.push(Reason::BathsOk { have, want });
            10.0
        }
        (Some(have), Some(want)) => {
            reasons.push(Reason::BathsShort { have, want });
            if have + 0.5 >= want {
                5.0
            } else {
                0.0
            }
        }
    };

    points += if buyer.property_types.is_empty() {
        10.0
    } else if buyer.property_types.contains(&property.property_type) {
        reasons.push(Reason::TypeMatch(property.property_type));
        10.0
    } else {
        reasons.push(Reason::TypeMismatch(property.property_type));
        0.0
    };

    let area = property.area.trim().to_lowercase();
    points += if buyer.preferred_areas.is_empty() {
        10.0
    } else if !area.is_empty()
        && buyer.preferred_areas.iter().any(|a| {
            let a = a.trim().to_lowercase();
            !a.is_empty() && (area.contains(&a) || a.contains(&area))
        })
    {
        reasons.push(Reason::AreaMatch(property.area.clone()));
        10.0
    } else {
        reasons.push(Reason::AreaOther(property.area.clone()));
        0.0
    };

    if buyer.must_haves.is_empty() {
        points += 15.0;
    } else {
        let mut met = 0usize;
        for wish in &buyer.must_haves {
            if mentions(&hay, wish) {
                met += 1;
                reasons.push(Reason::MustHaveMet(wish.clone()));
            } else {
                reasons.push(Reason::MustHaveMissing(wish.clone()));
            }
        }
        points += 15.0 * met as f64 / buyer.must_haves.len() as f64;
    }

    let total_weight: u32 = buyer
        .nice_to_haves
        .iter()
        .map(|n| u32::from(n.weight.max(1)))
        .sum();
    if total_weight == 0 {
        points += 10.0;
    } else {
        let mut got = 0u32;
        for wish in &buyer.nice_to_haves {
            if mentions(&hay, &wish.text) {
                got += u32::from(wish.weight.max(1));
                reasons.push(Reason::NiceToHaveMet {
                    text: wish.text.clone(),
                    weight: wish.weight,
                });
            }
        }
        points += 10.0 * f64::from(got) / f64::from(total_weight);
    }

    Match {
        score: points.round().clamp(0.0, 100.0) as u8,
        reasons,
        deal_breaker: None,
    }
}

/// Every home on the market scored for `buyer`, best first; deal-breakers
/// last. With `off_market`, sold and withdrawn homes come after all of
/// them. Ties keep the properties' own order, so the ranking is stable.
pub fn rank<'a>(
    buyer: &Buyer,
    properties: &'a [Property],
    off_market: bool,
) -> Vec<(&'a Property, Match)> {
    let roads = CommuteTimes::from_text(&buyer.commute_times);
    let mut ranked: Vec<(&Property, Match)> = properties
        .iter()
        .filter(|p| off_market || on_market(p))
        .map(|p| (p, score_with(buyer, p, roads.as_ref())))
        .collect();
    ranked.sort_by(|(pa, a), (pb, b)| {
        (!on_market(pa))
            .cmp(&!on_market(pb))
            .then(a.deal_breaker.is_some().cmp(&b.deal_breaker.is_some()))
            .then(b.score.cmp(&a.score))
    });
    ranked
}

/// Ids of the `n` best homes for a buyer, for a tour draft.
pub fn shortlist(buyer: &Buyer, properties: &[Property], n: usize) -> Vec<Id> {
    rank(buyer, properties, false)
        .into_iter()
        .filter(|(_, m)| m.deal_breaker.is_none())
        .take(n)
        .map(|(p, _)| p.id)
        .collect()
}
