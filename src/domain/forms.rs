//! Form drafts: what an agent typed, as text, checked and turned into
//! records. Every problem names its field, so the form can show it inline.
use super::coords::parse_coords;
use super::model::*;
use super::numbers::{grouped, read_number, written, Marks, NumberKind, NumberProblem};
use chrono::{DateTime, NaiveDate, Utc};

/// What is wrong with one field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Problem {
    Required,
    NotANumber,
    /// A number that reads two ways ("1,500" in Spanish: 1.5 or 1500):
    /// with the language's marks, and with them swapped.
    Ambiguous {
        as_written: f64,
        other: f64,
    },
    Negative,
    MinAboveMax,
    NoCoordinates,
    NotADate,
    OutOfRange,
}

/// Problems by field name (the names match the form's inputs).
pub type Problems = Vec<(&'static str, Problem)>;

/// The problem a number reader found, as a field problem.
pub fn number_problem(problem: NumberProblem) -> Problem {
    match problem {
        NumberProblem::NotANumber => Problem::NotANumber,
        NumberProblem::Ambiguous { as_written, other } => Problem::Ambiguous { as_written, other },
    }
}

/// The most bedrooms or bathrooms a home is taken to have.
pub const MAX_ROOMS: f64 = 200.0;
/// The most bedrooms or bathrooms a buyer is taken to ask for.
pub const MAX_WANTED_ROOMS: f64 = 50.0;

/// Reads an optional non-negative number written with `marks`, at most
/// `largest`: empty is `None`; separators and a currency sign are allowed
/// ("$650,000"). `largest` settles a value that reads two ways when only
/// one reading fits (2,500 bathrooms is not a count anyone means). What a
/// form saves and what its field says when left both come from here.
pub fn read_field(
    text: &str,
    marks: Marks,
    kind: NumberKind,
    largest: f64,
) -> Result<Option<f64>, Problem> {
    match read_number(text, marks, kind) {
        Err(NumberProblem::Ambiguous { as_written, other })
            if (as_written <= largest) != (other <= largest) =>
        {
            Ok(Some(if as_written <= largest {
                as_written
            } else {
                other
            }))
        }
        Ok(Some(v)) if v < 0.0 => Err(Problem::Negative),
        Ok(Some(v)) if v > largest => Err(Problem::OutOfRange),
        read => read.map_err(number_problem),
    }
}

fn number(
    field: &'static str,
    text: &str,
    marks: Marks,
    kind: NumberKind,
    largest: f64,
    problems: &mut Problems,
) -> Option<f64> {
    read_field(text, marks, kind, largest).unwrap_or_else(|problem| {
        problems.push((field, problem));
        None
    })
}

/// An amount of money, in whole units.
fn money(field: &'static str, text: &str, marks: Marks, problems: &mut Problems) -> Option<u64> {
    number(field, text, marks, NumberKind::Money, f64::MAX, problems).map(|v| v.round() as u64)
}

/// A measure such as a floor area.
fn decimal(field: &'static str, text: &str, marks: Marks, problems: &mut Problems) -> Option<f64> {
    number(field, text, marks, NumberKind::Quantity, f64::MAX, problems)
}

/// A count such as bedrooms, at most `max`.
fn small(
    field: &'static str,
    text: &str,
    marks: Marks,
    max: f64,
    problems: &mut Problems,
) -> Option<f64> {
    number(field, text, marks, NumberKind::Quantity, max, problems)
}

/// A year: four digits, between 1600 and 2100.
fn year(field: &'static str, text: &str, problems: &mut Problems) -> Option<u16> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match t.parse::<u16>() {
        Ok(y) if (1600..=2100).contains(&y) => Some(y),
        Ok(_) => {
            problems.push((field, Problem::OutOfRange));
            None
        }
        Err(_) => {
            problems.push((field, Problem::NotANumber));
            None
        }
    }
}

/// Lines of a textarea, trimmed, without empty ones.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Comma-separated items, trimmed, without empty ones.
pub fn items(text: &str) -> Vec<String> {
    text.split([',', '\n'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A buyer's profile as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BuyerDraft {
    pub name: String,
    pub contact_name: String,
    pub phone: String,
    pub email: String,
    pub budget_min: String,
    pub budget_max: String,
    pub min_beds: String,
    pub min_baths: String,
    pub property_types: Vec<PropertyType>,
    pub preferred_areas: String,
    pub must_haves: String,
    /// One per line: "garage: 3" (weight 1-5, 3 when left out).
    pub nice_to_haves: String,
    pub deal_breakers: String,
    pub agreement_signed: String,
    pub notes: String,
}

impl BuyerDraft {
    /// The draft for an existing buyer.
    pub fn from_buyer(b: &Buyer, marks: Marks) -> Self {
        let contact = b.contacts.first().cloned().unwrap_or_default();
        let num = |v: Option<u64>| v.map(|v| grouped(v, marks)).unwrap_or_default();
        BuyerDraft {
            name: b.name.clone(),
            contact_name: contact.name,
            phone: contact.phone,
            email: contact.email,
            budget_min: num(b.budget_min),
            budget_max: num(b.budget_max),
            min_beds: b.min_beds.map(|v| v.to_string()).unwrap_or_default(),
            min_baths: b.min_baths.map(|v| written(v, marks)).unwrap_or_default(),
            property_types: b.property_types.clone(),
            preferred_areas: b.preferred_areas.join(", "),
            must_haves: b.must_haves.join("\n"),
            nice_to_haves: b
                .nice_to_haves
                .iter()
                .map(|n| format!("{}: {}", n.text, n.weight))
                .collect::<Vec<_>>()
                .join("\n"),
            deal_breakers: b.deal_breakers.join("\n"),
            agreement_signed: b
                .agreement_signed
                .map(|d| d.to_string())
                .unwrap_or_default(),
            notes: b.notes.clone(),
        }
    }

    /// The buyer this draft describes, based on `base` (id, created time and
    /// any further contacts are kept), or every problem found.
    pub fn to_buyer(
        &self,
        base: &Buyer,
        now: DateTime<Utc>,
        marks: Marks,
    ) -> Result<Buyer, Problems> {
        let mut problems = Problems::new();
        let name = self.name.trim();
        if name.is_empty() {
            problems.push(("name", Problem::Required));
        }
        let budget_min = money("budget_min", &self.budget_min, marks, &mut problems);
        let budget_max = money("budget_max", &self.budget_max, marks, &mut problems);
        if let (Some(lo), Some(hi)) = (budget_min, budget_max) {
            if lo > hi {
                problems.push(("budget_min", Problem::MinAboveMax));
            }
        }
        let min_beds = small(
            "min_beds",
            &self.min_beds,
            marks,
            MAX_WANTED_ROOMS,
            &mut problems,
        )
        .map(|v| v.round() as u8);
        let min_baths = small(
            "min_baths",
            &self.min_baths,
            marks,
            MAX_WANTED_ROOMS,
            &mut problems,
        )
        .map(|v| v as f32);
        let agreement_signed = match self.agreement_signed.trim() {
            "" => None,
            t => match t.parse::<NaiveDate>() {
                Ok(d) => Some(d),
                Err(_) => {
                    problems.push(("agreement_signed", Problem::NotADate));
                    None
                }
            },
        };
        let nice_to_haves = lines(&self.nice_to_haves)
            .into_iter()
            .map(|line| match line.rsplit_once(':') {
                Some((text, w)) if w.trim().parse::<u8>().is_ok() => WeightedWish {
                    text: text.trim().to_string(),
                    weight: w.trim().parse::<u8>().unwrap_or(3).clamp(1, 5),
                },
                _ => WeightedWish {
                    text: line,
                    weight: 3,
                },
            })
            .collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut contacts = base.contacts.clone();
        let first = Contact {
            name: self.contact_name.trim().to_string(),
            phone: self.phone.trim().to_string(),
            email: self.email.trim().to_string(),
        };
        match contacts.first_mut() {
            Some(c) => *c = first,
            None if first != Contact::default() => contacts.push(first),
            None => {}
        }
        Ok(Buyer {
            id: base.id,
            stamp: Stamp {
                created: base.stamp.created,
                updated: now,
            },
            name: name.to_string(),
            contacts,
            budget_min,
            budget_max,
            min_beds,
            min_baths,
            property_types: self.property_types.clone(),
            preferred_areas: items(&self.preferred_areas),
            must_haves: lines(&self.must_haves),
            nice_to_haves,
            deal_breakers: lines(&self.deal_breakers),
            agreement_signed,
            notes: self.notes.trim().to_string(),
            ..base.clone()
        })
    }
}

/// A property's main facts as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PropertyDraft {
    pub address: String,
    pub area: String,
    pub coords: String,
    pub list_price: String,
    pub beds: String,
    pub baths: String,
    pub floor_area: String,
    pub area_unit: AreaUnit,
    pub lot_size: String,
    pub year_built: String,
    pub property_type: PropertyType,
    pub status: ListingStatus,
    pub listing_link: String,
    pub mls_number: String,
    pub taxes_year: String,
    pub insurance_year: String,
    pub hoa_month: String,
}

impl PropertyDraft {
    pub fn from_property(p: &Property, marks: Marks) -> Self {
        let f = |v: Option<f64>| v.map(|v| written(v, marks)).unwrap_or_default();
        PropertyDraft {
            address: p.address.clone(),
            area: p.area.clone(),
            coords: p
                .coords
                .map(|c| format!("{}, {}", c.lat, c.lon))
                .unwrap_or_default(),
            list_price: p.list_price.map(|v| grouped(v, marks)).unwrap_or_default(),
            beds: p.beds.map(|v| v.to_string()).unwrap_or_default(),
            baths: p.baths.map(|v| written(v, marks)).unwrap_or_default(),
            floor_area: f(p.floor_area),
            area_unit: p.area_unit,
            lot_size: f(p.lot_size),
            year_built: p.year_built.map(|v| v.to_string()).unwrap_or_default(),
            property_type: p.property_type,
            status: p.status,
            listing_link: p.listing_link.clone(),
            mls_number: p.mls_number.clone(),
            taxes_year: p.taxes_year.map(|v| grouped(v, marks)).unwrap_or_default(),
            insurance_year: p
                .insurance_year
                .map(|v| grouped(v, marks))
                .unwrap_or_default(),
            hoa_month: p.hoa_month.map(|v| grouped(v, marks)).unwrap_or_default(),
        }
    }

    /// The property with these facts, based on `base` (its features,
    /// renovations and notes are kept), or every problem found.
    pub fn to_property(
        &self,
        base: &Property,
        now: DateTime<Utc>,
        marks: Marks,
    ) -> Result<Property, Problems> {
        let mut problems = Problems::new();
        let address = self.address.trim();
        if address.is_empty() {
            problems.push(("address", Problem::Required));
        }
        let coords = match self.coords.trim() {
            "" => None,
            t => match parse_coords(t) {
                Some(c) => Some(c),
                None => {
                    problems.push(("coords", Problem::NoCoordinates));
                    None
                }
            },
        };
        let list_price = money("list_price", &self.list_price, marks, &mut problems);
        let beds =
            small("beds", &self.beds, marks, MAX_ROOMS, &mut problems).map(|v| v.round() as u8);
        let baths = small("baths", &self.baths, marks, MAX_ROOMS, &mut problems).map(|v| v as f32);
        let floor_area = decimal("floor_area", &self.floor_area, marks, &mut problems);
        let lot_size = decimal("lot_size", &self.lot_size, marks, &mut problems);
        let year_built = year("year_built", &self.year_built, &mut problems);
        let taxes_year = money("taxes_year", &self.taxes_year, marks, &mut problems);
        let insurance_year = money("insurance_year", &self.insurance_year, marks, &mut problems);
        let hoa_month = money("hoa_month", &self.hoa_month, marks, &mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Property {
            id: base.id,
            stamp: Stamp {
                created: base.stamp.created,
                updated: now,
            },
            address: address.to_string(),
            area: self.area.trim().to_string(),
            coords,
            list_price,
            beds,
            baths,
            floor_area,
            area_unit: self.area_unit,
            lot_size,
            year_built,
            property_type: self.property_type,
            status: self.status,
            listing_link: self.listing_link.trim().to_string(),
            mls_number: self.mls_number.trim().to_string(),
            taxes_year,
            insurance_year,
            hoa_month,
            ..base.clone()
        })
    }
}

/// Checks one renovation row as typed; costs must be numbers, low ≤ high.
pub fn renovation(
    item: &str,
    room: &str,
    priority: Priority,
    low: &str,
    high: &str,
    marks: Marks,
) -> Result<Renovation, Problems> {
    let mut problems = Problems::new();
    if item.trim().is_empty() {
        problems.push(("item", Problem::Required));
    }
    let low = money("cost_low", low, marks, &mut problems);
    let high = money("cost_high", high, marks, &mut problems);
    let (low, high) = match (low, high) {
        (Some(l), Some(h)) if l > h => {
            problems.push(("cost_low", Problem::MinAboveMax));
            (l, h)
        }
        (Some(l), Some(h)) => (l, h),
        (Some(l), None) => (l, l),
        (None, Some(h)) => (h, h),
        (None, None) => {
            if !problems.iter().any(|(f, _)| f.starts_with("cost")) {
                problems.push(("cost_low", Problem::Required));
            }
            (0, 0)
        }
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Renovation {
        id: uuid::Uuid::new_v4(),
        item: item.trim().to_string(),
        room: room.trim().to_string(),
        priority,
        cost_low: low,
        cost_high: high,
        note: String::new(),
    })
}
