//! Homes side by side for a buyer: the price, the effective price with
//! renovations, an all-in monthly estimate, must-haves met and missing, the
//! agent's impressions and the buyer's ratings. Estimates, not a loan offer.
use super::matching::{commute_minutes, effective_price, renovation_totals, score_with, Reason};
use super::model::{Buyer, Document, Id, Stop};
use super::monthly_cost::{monthly, Monthly};
use super::numbers::NumberKind;

/// At most this many homes side by side.
pub const MAX_HOMES: usize = 4;

/// How the buyer would pay: what they put down (a fifth of the price when
/// not known), the loan's rate and term, and whether renovations are added
/// to the loan or paid in cash.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Finance {
    pub down: Option<u64>,
    pub rate_percent: f64,
    pub years: u32,
    pub finance_renovations: bool,
}

impl Finance {
    /// The buyer's own figures, else 20 % down at 6.5 % over 30 years.
    pub fn for_buyer(buyer: Option<&Buyer>) -> Finance {
        Finance {
            down: buyer.and_then(|b| b.down_payment),
            rate_percent: buyer.and_then(|b| b.rate_percent).unwrap_or(6.5),
            years: buyer.and_then(|b| b.term_years).map_or(30, u32::from),
            finance_renovations: false,
        }
    }
}

/// A figure of [`Finance`] the agent can type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// Any amount of 0 or more; empty for "a fifth of the price".
    Down,
    /// 0 to 30 % a year.
    Rate,
    /// 1 to 50 whole years.
    Years,
}

impl Figure {
    /// How the typed text is read (money has at most two decimals).
    pub fn kind(self) -> NumberKind {
        match self {
            Figure::Down => NumberKind::Money,
            Figure::Rate | Figure::Years => NumberKind::Quantity,
        }
    }
}

impl Finance {
    /// With `figure` set to `value` (as read; `None` for an empty field),
    /// or `None` when the value does not fit it.
    pub fn with(self, figure: Figure, value: Option<f64>) -> Option<Finance> {
        match (figure, value) {
            (Figure::Down, None) => Some(Finance { down: None, ..self }),
            (Figure::Down, Some(v)) if v >= 0.0 => Some(Finance {
                down: Some(v.round() as u64),
                ..self
            }),
            (Figure::Rate, Some(v)) if (0.0..=30.0).contains(&v) => Some(Finance {
                rate_percent: v,
                ..self
            }),
            (Figure::Years, Some(v)) if (1.0..=50.0).contains(&v) && v.fract() == 0.0 => {
                Some(Finance {
                    years: v as u32,
                    ..self
                })
            }
            _ => None,
        }
    }

    /// Keeps these figures on `buyer`.
    pub fn keep_on(&self, buyer: &mut Buyer) {
        buyer.down_payment = self.down;
        buyer.rate_percent = Some(self.rate_percent);
        buyer.term_years = u16::try_from(self.years).ok();
    }
}

/// One home's column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub property: Id,
    pub address: String,
    pub list_price: Option<u64>,
    /// Renovations, low and high.
    pub renovations: (u64, u64),
    /// List price plus renovations, low and high.
    pub effective: Option<(u64, u64)>,
    /// The month at the high renovation estimate; `None` without a price.
    pub monthly: Option<Monthly>,
    /// Renovations paid in cash up front (0 when financed).
    pub cash_renovations: u64,
    pub must_haves_met: Vec<String>,
    pub must_haves_missing: Vec<String>,
    /// The agent's impressions at its showings, 1-5.
    pub impressions: Vec<u8>,
    /// The buyer's ratings: who, and how many stars.
    pub ratings: Vec<(String, u8)>,
    /// Minutes by car to each of the buyer's places with a position, in
    /// their order, and whether by road (else the estimate); `None` when
    /// the home has no position.
    pub commutes: Vec<(String, Option<(u32, bool)>)>,
}

/// The columns for `homes` (in that order, unknown ones left out, at most
/// [`MAX_HOMES`]), for `buyer` when there is one.
pub fn compare(doc: &Document, homes: &[Id], buyer: Option<Id>, finance: &Finance) -> Vec<Column> {
    let buyer = buyer.and_then(|id| doc.buyers.iter().find(|b| b.id == id));
    let roads = buyer.and_then(|b| super::roads::CommuteTimes::from_text(&b.commute_times));
    homes
        .iter()
        .filter_map(|id| doc.properties.iter().find(|p| p.id == *id))
        .take(MAX_HOMES)
        .map(|p| {
            let renovations = renovation_totals(p);
            let monthly = p.list_price.map(|price| {
                let price = price as f64;
                let down = finance.down.map_or(price * 0.2, |d| d as f64).min(price);
                Monthly {
                    loan: monthly(
                        price,
                        down,
                        renovations.1 as f64,
                        finance.finance_renovations,
                        finance.rate_percent,
                        finance.years,
                    ),
                    taxes: p.taxes_year.map(|t| t as f64 / 12.0),
                    insurance: p.insurance_year.map(|t| t as f64 / 12.0),
                    hoa: p.hoa_month.map(|t| t as f64),
                }
            });
            let (mut met, mut missing) = (vec![], vec![]);
            if let Some(b) = buyer {
                for reason in score_with(b, p, roads.as_ref()).reasons {
                    match reason {
                        Reason::MustHaveMet(w) => met.push(w),
                        Reason::MustHaveMissing(w) => missing.push(w),
                        _ => {}
                    }
                }
            }
            // Its showings in the buyer's tours (every tour without a buyer).
            let showings: Vec<(Id, &Stop)> = doc
                .tours
                .iter()
                .filter(|t| buyer.is_none_or(|b| t.buyer == Some(b.id)))
                .flat_map(|t| t.stops.iter().map(move |s| (t.id, s)))
                .filter(|(_, s)| s.property == p.id)
                .collect();
            let impressions = showings.iter().filter_map(|(_, s)| s.impression).collect();
            let ratings = doc
                .feedback
                .iter()
                .filter(|f| showings.iter().any(|(t, s)| f.tour == *t && f.stop == s.id))
                .filter_map(|f| f.rating.map(|r| (f.person.clone(), r)))
                .collect();
            Column {
                property: p.id,
                address: p.address.clone(),
                list_price: p.list_price,
                renovations,
                effective: effective_price(p),
                monthly,
                cash_renovations: if finance.finance_renovations {
                    0
                } else {
                    renovations.1
                },
                must_haves_met: met,
                must_haves_missing: missing,
                impressions,
                ratings,
                commutes: buyer
                    .map(|b| {
                        b.places
                            .iter()
                            .filter_map(|place| {
                                let at = place.coords?;
                                let minutes = p.coords.map(|h| {
                                    match roads.as_ref().and_then(|r| r.seconds(h, at)) {
                                        Some(s) => (s.div_ceil(60), true),
                                        None => (commute_minutes(h, at), false),
                                    }
                                });
                                Some((place.name.clone(), minutes))
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// The homes to compare first for `buyer`: the ones shown to them (in
/// their tours), best first by their own best rating, then the agent's
/// best impression; then, to make up [`MAX_HOMES`], their best matches on
/// the market that no deal-breaker rules out.
pub fn best_homes(doc: &Document, buyer: &Buyer) -> Vec<Id> {
    let tours: Vec<&super::model::Tour> = doc
        .tours
        .iter()
        .filter(|t| t.buyer == Some(buyer.id))
        .collect();
    let mut seen: Vec<(Id, Option<u8>, Option<u8>)> = Vec::new();
    for t in &tours {
        for s in &t.stops {
            if !doc.properties.iter().any(|p| p.id == s.property) {
                continue;
            }
            let rating = doc
                .feedback
                .iter()
                .filter(|f| f.tour == t.id && f.stop == s.id)
                .filter_map(|f| f.rating)
                .max();
            match seen.iter_mut().find(|(id, _, _)| *id == s.property) {
                Some(home) => {
                    home.1 = home.1.max(rating);
                    home.2 = home.2.max(s.impression);
                }
                None => seen.push((s.property, rating, s.impression)),
            }
        }
    }
    // Stable: equal homes keep their tour order.
    seen.sort_by_key(|(_, rating, impression)| std::cmp::Reverse((*rating, *impression)));
    let mut homes: Vec<Id> = seen
        .into_iter()
        .map(|(id, _, _)| id)
        .take(MAX_HOMES)
        .collect();
    for (p, m) in super::matching::rank(buyer, &doc.properties, false) {
        if homes.len() >= MAX_HOMES {
            break;
        }
        if m.deal_breaker.is_none() && !homes.contains(&p.id) {
            homes.push(p.id);
        }
    }
    homes
}

/// The address comparing the first [`MAX_HOMES`] of `homes` for `buyer`;
/// `None` with fewer than two homes.
pub fn path(homes: impl IntoIterator<Item = Id>, buyer: Option<Id>) -> Option<String> {
    let homes: Vec<String> = homes
        .into_iter()
        .take(MAX_HOMES)
        .map(|id| id.to_string())
        .collect();
    let buyer = buyer.map(|b| format!("?buyer={b}")).unwrap_or_default();
    (homes.len() >= 2).then(|| format!("/compare/{}{buyer}", homes.join(",")))
}

/// The homes of a comparison address ("<id>,<id>,..."), at most
/// [`MAX_HOMES`], each once; anything unreadable is left out.
pub fn homes_of(text: &str) -> Vec<Id> {
    let mut out: Vec<Id> = Vec::new();
    for id in text
        .split(',')
        .filter_map(|t| uuid::Uuid::parse_str(t.trim()).ok())
    {
        if !out.contains(&id) && out.len() < MAX_HOMES {
            out.push(id);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Feature, Feedback, Renovation, Stamp};
    use crate::domain::sample::sample_document;
    use chrono::{DateTime, Utc};

    fn cents(v: f64) -> f64 {
        (v * 100.0).round() / 100.0
    }

    #[test]
    fn the_month_is_the_loan_plus_what_is_known_and_renovations_paid_as_chosen() {
        let mut doc = sample_document(DateTime::<Utc>::default());
        let home = &mut doc.properties[0];
        home.list_price = Some(250_000);
        home.taxes_year = Some(2_400);
        home.insurance_year = None;
        home.hoa_month = Some(100);
        home.renovations = vec![Renovation {
            id: uuid::Uuid::new_v4(),
            item: "Roof".into(),
            room: String::new(),
            priority: Default::default(),
            cost_low: 10_000,
            cost_high: 20_000,
            note: String::new(),
        }];
        let id = home.id;
        let cash = Finance {
            down: Some(50_000),
            rate_percent: 6.0,
            years: 30,
            finance_renovations: false,
        };
        let c = &compare(&doc, &[id], None, &cash)[0];
        let m = c.monthly.expect("a price");
        // $200,000 at 6 % over 30 years: $1,199.10 (published tables).
        assert_eq!(cents(m.loan), 1199.10);
        assert_eq!(m.taxes, Some(200.0));
        assert_eq!(m.insurance, None);
        assert_eq!(cents(m.total()), 1499.10);
        assert_eq!(c.cash_renovations, 20_000);
        assert_eq!(c.effective, Some((260_000, 270_000)));

        let financed = Finance {
            finance_renovations: true,
            ..cash
        };
        let c = &compare(&doc, &[id], None, &financed)[0];
        // $220,000 borrowed.
        assert_eq!(cents(c.monthly.expect("a price").loan), 1319.01);
        assert_eq!(c.cash_renovations, 0);
    }

    #[test]
    fn without_a_down_payment_a_fifth_is_assumed_and_without_a_price_there_is_no_month() {
        let mut doc = sample_document(DateTime::<Utc>::default());
        doc.properties[0].list_price = Some(500_000);
        doc.properties[1].list_price = None;
        let ids = [doc.properties[0].id, doc.properties[1].id];
        let f = Finance::for_buyer(None);
        assert_eq!((f.rate_percent, f.years, f.down), (6.5, 30, None));
        let cols = compare(&doc, &ids, None, &f);
        // $400,000 at 6.5 % over 30 years.
        assert_eq!(cents(cols[0].monthly.expect("a price").loan), 2528.27);
        assert_eq!(cols[1].monthly, None);
    }

    #[test]
    fn must_haves_impressions_and_ratings_are_the_buyers() {
        let now = DateTime::<Utc>::default();
        let mut doc = sample_document(now);
        let buyer = doc.buyers[0].id;
        let tour = doc.tours[0].clone();
        let stop = &tour.stops[0];
        let home = stop.property;
        if let Some(p) = doc.properties.iter_mut().find(|p| p.id == home) {
            p.features.push(Feature {
                category: "Outside".into(),
                text: "Fenced back yard".into(),
            });
        }
        doc.tours[0].stops[0].impression = Some(4);
        doc.feedback.push(Feedback {
            id: uuid::Uuid::new_v4(),
            stamp: Stamp::new(now),
            tour: tour.id,
            stop: stop.id,
            person: "Maria".into(),
            rating: Some(5),
            verdict: None,
            comment: String::new(),
            at: now,
        });
        let f = Finance::for_buyer(doc.buyers.first());
        assert_eq!(f.down, Some(140_000));
        let c = &compare(&doc, &[home], Some(buyer), &f)[0];
        assert_eq!(c.must_haves_met, ["fenced back yard"]);
        assert!(c.must_haves_missing.is_empty());
        assert_eq!(c.impressions, [4]);
        assert_eq!(c.ratings, [("Maria".to_string(), 5)]);
    }

    #[test]
    fn a_buyers_best_homes_are_the_ones_they_rated_highest_then_their_best_matches() {
        let now = DateTime::<Utc>::default();
        let mut doc = sample_document(now);
        let buyer = doc.buyers[0].clone();
        let tour = doc.tours[0].clone();
        assert_eq!(tour.buyer, Some(buyer.id));
        let rate = |doc: &mut Document, k: usize, stars: u8| {
            doc.feedback.push(Feedback {
                id: uuid::Uuid::new_v4(),
                stamp: Stamp::new(now),
                tour: tour.id,
                stop: tour.stops[k].id,
                person: "Maria".into(),
                rating: Some(stars),
                verdict: None,
                comment: String::new(),
                at: now,
            });
        };
        rate(&mut doc, 0, 2);
        rate(&mut doc, 1, 5);
        doc.tours[0].stops[2].impression = Some(4);
        let best = best_homes(&doc, &buyer);
        assert_eq!(best.len(), MAX_HOMES);
        // Rated 5, then rated 2, then the rest of the tour (impression 4 first).
        assert_eq!(best[0], tour.stops[1].property);
        assert_eq!(best[1], tour.stops[0].property);
        assert_eq!(best[2], tour.stops[2].property);

        // A buyer with no tours: their best matches, none ruled out.
        let mut fresh = buyer.clone();
        fresh.id = uuid::Uuid::new_v4();
        let best = best_homes(&doc, &fresh);
        let ranked: Vec<Id> = crate::domain::matching::rank(&fresh, &doc.properties, false)
            .into_iter()
            .filter(|(_, m)| m.deal_breaker.is_none())
            .map(|(p, _)| p.id)
            .take(MAX_HOMES)
            .collect();
        assert_eq!(best, ranked);
        assert!(path(best, Some(fresh.id)).is_some());
    }

    #[test]
    fn typed_figures_are_kept_only_when_they_fit() {
        let f = Finance::for_buyer(None);
        assert_eq!(
            f.with(Figure::Rate, Some(5.25)).map(|f| f.rate_percent),
            Some(5.25)
        );
        assert_eq!(f.with(Figure::Rate, Some(31.0)), None);
        assert_eq!(f.with(Figure::Rate, None), None);
        assert_eq!(f.with(Figure::Years, Some(15.0)).map(|f| f.years), Some(15));
        assert_eq!(f.with(Figure::Years, Some(15.5)), None);
        assert_eq!(f.with(Figure::Years, Some(0.0)), None);
        assert_eq!(f.with(Figure::Down, Some(-1.0)), None);
        let down = f.with(Figure::Down, Some(60_000.4)).expect("fits");
        assert_eq!(down.down, Some(60_000));
        assert_eq!(down.with(Figure::Down, None).map(|f| f.down), Some(None));
        let mut buyer = Buyer::new("Ana", DateTime::<Utc>::default());
        down.keep_on(&mut buyer);
        assert_eq!(
            (buyer.down_payment, buyer.rate_percent, buyer.term_years),
            (Some(60_000), Some(6.5), Some(30))
        );
    }

    #[test]
    fn an_address_names_up_to_four_homes_once_each() {
        let ids: Vec<Id> = (0..6).map(|_| uuid::Uuid::new_v4()).collect();
        let text = format!(
            "{},{},nonsense,{},{},{},{}",
            ids[0], ids[0], ids[1], ids[2], ids[3], ids[4]
        );
        assert_eq!(homes_of(&text), ids[..4]);
        assert!(homes_of("").is_empty());
        let made = path(ids.clone(), Some(ids[5])).expect("two or more");
        let (homes, buyer) = made
            .trim_start_matches("/compare/")
            .split_once("?buyer=")
            .expect("a buyer");
        assert_eq!(homes_of(homes), ids[..4]);
        assert_eq!(buyer, ids[5].to_string());
        assert_eq!(path(ids[..1].to_vec(), None), None);
    }
}
