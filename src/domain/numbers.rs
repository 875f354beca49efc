//! Reading a number the way a language writes it: "650,000.50" in English,
//! "650.000,50" in Spanish, Romanian, Vietnamese and Indonesian.
//!
//! A value is read with the language's own marks first. One that only the
//! other convention can read (a pasted "$1,250,000" in Spanish) is read that
//! way, as nothing else fits. One that both can read, to different values,
//! and that the language reads as a decimal ("1,500" in Spanish: 1.5 or
//! 1500?) is not guessed: the caller gets both readings to ask about.
//! Money never has more than two decimals, so "650.000" is 650,000 in any
//! language.

/// A language's decimal mark and grouping mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marks {
    pub decimal: char,
    pub group: char,
}

impl Marks {
    /// "1,234.5": English.
    pub const POINT: Marks = Marks {
        decimal: '.',
        group: ',',
    };
    /// "1.234,5": Spanish, Romanian, Vietnamese, Indonesian.
    pub const COMMA: Marks = Marks {
        decimal: ',',
        group: '.',
    };

    /// The other convention: the two marks swapped.
    pub fn other(self) -> Marks {
        Marks {
            decimal: self.group,
            group: self.decimal,
        }
    }

    /// The marks `Intl.NumberFormat` reported for a language (decimal,
    /// group), when they are a point and a comma; `None` otherwise.
    pub fn from_intl(decimal: &str, group: &str) -> Option<Marks> {
        let is = |text: &str, mark: char| text.chars().eq(std::iter::once(mark));
        [Marks::POINT, Marks::COMMA]
            .into_iter()
            .find(|m| is(decimal, m.decimal) && is(group, m.group))
    }
}

/// A stored number as a form shows it to be typed over: no grouping, the
/// language's decimal mark ("2,5" in Spanish). Reads back to the same value.
pub fn written(value: impl std::fmt::Display, marks: Marks) -> String {
    value
        .to_string()
        .replace('.', marks.decimal.encode_utf8(&mut [0; 4]))
}

/// A whole amount grouped by thousands with the language's grouping mark
/// ("650.000" in Spanish), as a form shows money to be typed over.
pub fn grouped(value: u64, marks: Marks) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(marks.group);
        }
        out.push(digit);
    }
    out
}

/// What a number is, which decides how many decimals it may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// Prices, budgets, costs: at most two decimals.
    Money,
    /// Counts, areas, coordinates: any decimals.
    Quantity,
}

/// Why a text is not one number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberProblem {
    /// Not a number at all.
    NotANumber,
    /// Both conventions read it, to different values: `as_written` with the
    /// language's marks (a decimal), `other` with the marks swapped.
    Ambiguous { as_written: f64, other: f64 },
}

/// One reading of the digits under one convention.
#[derive(Debug, Clone, Copy)]
struct Reading {
    value: f64,
    /// Whether a grouping mark was used.
    grouped: bool,
}

/// Reads `text` as a number written with `marks`: `Ok(None)` when empty.
/// Currency signs and codes around it ("$", "€", "Rp", "USD", "lei"),
/// spaces and apostrophes used as grouping, and a leading minus are allowed.
pub fn read_number(
    text: &str,
    marks: Marks,
    kind: NumberKind,
) -> Result<Option<f64>, NumberProblem> {
    signed(text, |digits| {
        match (
            reading(digits, marks, kind),
            reading(digits, marks.other(), kind),
        ) {
            (None, None) => Err(NumberProblem::NotANumber),
            (Some(mine), None) => Ok(mine.value),
            (None, Some(other)) => Ok(other.value),
            (Some(mine), Some(other)) if mine.value == other.value || mine.grouped => {
                Ok(mine.value)
            }
            (Some(mine), Some(other)) => Err(NumberProblem::Ambiguous {
                as_written: mine.value,
                other: other.value,
            }),
        }
    })
}

/// Reads `text` with exactly `marks` (no fallback to the other convention):
/// for a CSV column whose convention is known. `Ok(None)` when empty.
pub fn read_strict(
    text: &str,
    marks: Marks,
    kind: NumberKind,
) -> Result<Option<f64>, NumberProblem> {
    signed(text, |digits| {
        reading(digits, marks, kind)
            .map(|r| r.value)
            .ok_or(NumberProblem::NotANumber)
    })
}

/// `read` applied to the digits of `text`, with its sign put back (on both
/// readings of an ambiguous value); `Ok(None)` when `text` is empty.
fn signed(
    text: &str,
    read: impl FnOnce(&str) -> Result<f64, NumberProblem>,
) -> Result<Option<f64>, NumberProblem> {
    let Some((negative, digits)) = bare(text)? else {
        return Ok(None);
    };
    let sign = |v: f64| if negative { -v } else { v };
    match read(&digits) {
        Ok(v) => Ok(Some(sign(v))),
        Err(NumberProblem::Ambiguous { as_written, other }) => Err(NumberProblem::Ambiguous {
            as_written: sign(as_written),
            other: sign(other),
        }),
        Err(e) => Err(e),
    }
}

/// The convention a column of cells is written in: the one that reads every
/// non-empty cell, preferring the one that reads a separator as grouping
/// (a column of "1,250" is prices, not decimals). `None` when either reads
/// every cell the same, or neither reads them all (the cells are then read
/// one by one, and the bad ones reported).
pub fn column_marks<'a>(
    cells: impl IntoIterator<Item = &'a str> + Clone,
    kind: NumberKind,
) -> Option<Marks> {
    let fits = |marks: Marks| {
        let mut all = true;
        let mut grouped = false;
        for cell in cells.clone() {
            match bare(cell) {
                Ok(None) => {}
                Ok(Some((_, digits))) => match reading(&digits, marks, kind) {
                    Some(r) => grouped |= r.grouped,
                    None => all = false,
                },
                Err(_) => all = false,
            }
        }
        all.then_some(grouped)
    };
    let same = cells.clone().into_iter().all(|cell| match bare(cell) {
        Ok(Some((_, digits))) => {
            let point = reading(&digits, Marks::POINT, kind).map(|r| r.value);
            point.is_some() && point == reading(&digits, Marks::COMMA, kind).map(|r| r.value)
        }
        _ => true,
    });
    match (fits(Marks::POINT), fits(Marks::COMMA)) {
        _ if same => None,
        (Some(_), None) => Some(Marks::POINT),
        (None, Some(_)) => Some(Marks::COMMA),
        (Some(true), Some(false)) => Some(Marks::POINT),
        (Some(false), Some(true)) => Some(Marks::COMMA),
        _ => None,
    }
}

/// The sign and the digits with their marks, without currency, spaces or
/// apostrophes; `Ok(None)` when there is nothing.
fn bare(text: &str) -> Result<Option<(bool, String)>, NumberProblem> {
    let is_mark = |c: char| c.is_ascii_digit() || c == '.' || c == ',';
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (Some(first), Some(last)) = (text.find(is_mark), text.rfind(is_mark)) else {
        return Err(NumberProblem::NotANumber);
    };
    let (before, body, after) = (&text[..first], &text[first..=last], &text[last + 1..]);
    // Around the number: a currency sign or code, spaces, one minus sign.
    let minus = |c: char| matches!(c, '-' | '\u{2212}');
    let currency = |s: &str| {
        s.chars()
            .all(|c| !c.is_ascii_digit() && !minus(c) && !matches!(c, '.' | ',' | '+'))
    };
    let minuses = before.chars().filter(|c| minus(*c)).count();
    if minuses > 1 || !currency(&before.replace(minus, "")) || !currency(after) {
        return Err(NumberProblem::NotANumber);
    }
    let mut digits = String::with_capacity(body.len());
    for c in body.chars() {
        match c {
            c if is_mark(c) => digits.push(c),
            // Spaces (also no-break ones) and apostrophes group digits.
            c if c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\'' | '\u{2019}') => {}
            _ => return Err(NumberProblem::NotANumber),
        }
    }
    if !digits.chars().any(|c| c.is_ascii_digit()) {
        return Err(NumberProblem::NotANumber);
    }
    Ok(Some((minuses == 1, digits)))
}

/// The value of `digits` written with `marks`, if it is well formed: at most
/// one decimal mark, with digits after it and no grouping mark; groups of
/// three digits after a first group of one to three. Money takes at most
/// two decimals.
fn reading(digits: &str, marks: Marks, kind: NumberKind) -> Option<Reading> {
    let mut parts = digits.split(marks.decimal);
    let whole = parts.next()?;
    let fraction = parts.next();
    if parts.next().is_some() {
        return None;
    }
    if let Some(f) = fraction {
        let longest = if kind == NumberKind::Money {
            2
        } else {
            usize::MAX
        };
        if f.is_empty() || f.len() > longest || !f.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let grouped = whole.contains(marks.group);
    if grouped {
        let mut groups = whole.split(marks.group);
        let first = groups.next()?;
        // "0.125" is never 125: a first group starts with a digit other than 0.
        if first.is_empty()
            || first.len() > 3
            || first.starts_with('0')
            || groups.any(|g| g.len() != 3)
        {
            return None;
        }
    } else if whole.is_empty() && fraction.is_none() {
        return None;
    }
    let plain: String = whole.chars().filter(char::is_ascii_digit).collect();
    if plain.len() + usize::from(grouped) * whole.matches(marks.group).count() != whole.len() {
        return None;
    }
    let text = match fraction {
        Some(f) => format!("{}.{f}", if plain.is_empty() { "0" } else { &plain }),
        None => plain,
    };
    let value = text.parse::<f64>().ok().filter(|v| v.is_finite())?;
    Some(Reading { value, grouped })
}
