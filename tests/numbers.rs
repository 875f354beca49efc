//! Host tests for reading numbers the way each of the five languages writes
//! them: grouping, decimals, currency signs and codes, ambiguous values.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use showplan::domain::numbers::{
    column_marks, read_number, read_strict, written, Marks, NumberKind, NumberProblem,
};

/// The marks each language's `Intl.NumberFormat` uses (checked in the
/// browser tests against the browser's own).
const LANGUAGES: [(&str, Marks); 5] = [
    ("en", Marks::POINT),
    ("es", Marks::COMMA),
    ("ro", Marks::COMMA),
    ("vi", Marks::COMMA),
    ("id", Marks::COMMA),
];

fn money(text: &str, marks: Marks) -> Result<Option<f64>, NumberProblem> {
    read_number(text, marks, NumberKind::Money)
}

fn quantity(text: &str, marks: Marks) -> Result<Option<f64>, NumberProblem> {
    read_number(text, marks, NumberKind::Quantity)
}

#[test]
fn each_language_reads_its_own_grouping_and_decimals() {
    for (language, marks) in LANGUAGES {
        let (g, d) = (marks.group, marks.decimal);
        let cases = [
            (format!("650{g}000"), 650_000.0),
            (format!("1{g}250{g}000"), 1_250_000.0),
            (format!("1{g}250{g}000{d}50"), 1_250_000.5),
            (format!("14{g}000"), 14_000.0),
            ("650000".to_string(), 650_000.0),
        ];
        for (text, want) in cases {
            assert_eq!(money(&text, marks), Ok(Some(want)), "{language}: {text}");
        }
        assert_eq!(
            quantity(&format!("2{d}5"), marks),
            Ok(Some(2.5)),
            "{language}"
        );
        assert_eq!(
            quantity(&format!("0{d}125"), marks),
            Ok(Some(0.125)),
            "{language}"
        );
        assert_eq!(
            quantity(&format!("1{g}540"), marks),
            Ok(Some(1540.0)),
            "{language}"
        );
    }
}

#[test]
fn the_issue_example_650_000_is_never_650() {
    for (language, marks) in LANGUAGES {
        assert_eq!(money("650.000", marks), Ok(Some(650_000.0)), "{language}");
        assert_eq!(money("650,000", marks), Ok(Some(650_000.0)), "{language}");
    }
}

#[test]
fn currency_signs_codes_spaces_and_minus_around_a_number() {
    let comma = Marks::COMMA;
    let point = Marks::POINT;
    assert_eq!(money("$1,250,000", point), Ok(Some(1_250_000.0)));
    assert_eq!(money("US$ 650,000.00", point), Ok(Some(650_000.0)));
    assert_eq!(money("650.000 €", comma), Ok(Some(650_000.0)));
    assert_eq!(money("650.000\u{a0}US$", comma), Ok(Some(650_000.0)));
    assert_eq!(money("Rp 1.500.000.000", comma), Ok(Some(1_500_000_000.0)));
    assert_eq!(money("1.500.000.000 ₫", comma), Ok(Some(1_500_000_000.0)));
    assert_eq!(money("2.500 lei", comma), Ok(Some(2_500.0)));
    assert_eq!(money("RON 2.500,50", comma), Ok(Some(2_500.5)));
    assert_eq!(money("1 250 000", comma), Ok(Some(1_250_000.0)));
    assert_eq!(
        money("1\u{202f}250\u{202f}000,5", comma),
        Ok(Some(1_250_000.5))
    );
    assert_eq!(money("1'250'000", point), Ok(Some(1_250_000.0)));
    assert_eq!(money("-5", point), Ok(Some(-5.0)));
    assert_eq!(money("\u{2212}5,5", comma), Ok(Some(-5.5)));
    assert_eq!(money("", point), Ok(None));
    assert_eq!(money("   ", comma), Ok(None));
}

#[test]
fn what_is_not_a_number_says_so() {
    for (language, marks) in LANGUAGES {
        for text in [
            "call agent",
            "-",
            "1-2",
            "12abc34",
            "1.2.3,4,5",
            "--5",
            "5.",
            "1,,000",
            "+",
            "0.125.000",
        ] {
            assert_eq!(
                quantity(text, marks),
                Err(NumberProblem::NotANumber),
                "{language}: {text:?}"
            );
        }
    }
}

#[test]
fn a_pasted_number_in_the_other_convention_is_read_when_only_it_fits() {
    // "2.5" in Spanish can only be two and a half; "$1,250,000" only a
    // million and a quarter.
    assert_eq!(quantity("2.5", Marks::COMMA), Ok(Some(2.5)));
    assert_eq!(money("$1,250,000", Marks::COMMA), Ok(Some(1_250_000.0)));
    assert_eq!(money("1.250.000,50", Marks::POINT), Ok(Some(1_250_000.5)));
    assert_eq!(quantity("2,5", Marks::POINT), Ok(Some(2.5)));
}

#[test]
fn a_value_that_reads_two_ways_is_not_guessed() {
    // The language's decimal mark before exactly three digits: 1.5 or 1500?
    assert_eq!(
        quantity("1,500", Marks::COMMA),
        Err(NumberProblem::Ambiguous {
            as_written: 1.5,
            other: 1500.0
        })
    );
    assert_eq!(
        quantity("1.500", Marks::POINT),
        Err(NumberProblem::Ambiguous {
            as_written: 1.5,
            other: 1500.0
        })
    );
    // The language's own grouping mark is read as grouping.
    assert_eq!(quantity("1.500", Marks::COMMA), Ok(Some(1500.0)));
    assert_eq!(quantity("1,500", Marks::POINT), Ok(Some(1500.0)));
}

#[test]
fn money_never_takes_a_decimal_part_that_looks_like_a_thousands_group() {
    for (language, marks) in LANGUAGES {
        let d = marks.decimal;
        assert_eq!(
            money(&format!("650{d}000"), marks),
            Ok(Some(650_000.0)),
            "{language}"
        );
        assert_eq!(
            money(&format!("1{d}2345"), marks),
            Err(NumberProblem::NotANumber),
            "{language}"
        );
        assert_eq!(
            money(&format!("19{d}99"), marks),
            Ok(Some(19.99)),
            "{language}"
        );
    }
}

#[test]
fn strict_reading_takes_one_convention_only() {
    assert_eq!(
        read_strict("2.5", Marks::POINT, NumberKind::Quantity),
        Ok(Some(2.5))
    );
    assert_eq!(
        read_strict("2.5", Marks::COMMA, NumberKind::Quantity),
        Err(NumberProblem::NotANumber)
    );
    assert_eq!(
        read_strict("1.500", Marks::COMMA, NumberKind::Quantity),
        Ok(Some(1500.0))
    );
}

#[test]
fn a_column_of_cells_decides_its_convention() {
    let kind = NumberKind::Money;
    assert_eq!(
        column_marks(["650.000", "1.250.000", ""], kind),
        Some(Marks::COMMA)
    );
    assert_eq!(
        column_marks(["$650,000", "$1,250,000.50"], kind),
        Some(Marks::POINT)
    );
    assert_eq!(
        column_marks(["650000", "12"], kind),
        None,
        "plain digits read the same"
    );
    assert_eq!(
        column_marks(["1.250,000", "x"], kind),
        None,
        "no convention fits"
    );
    assert_eq!(
        column_marks(["2.5", "1.500"], NumberKind::Quantity),
        Some(Marks::POINT),
        "2.5 is a decimal, so 1.500 is one too"
    );
}

#[test]
fn a_stored_number_written_for_a_form_reads_back_the_same() {
    for (language, marks) in LANGUAGES {
        for value in [2.5_f64, 0.125, 1500.0, 1500.25, 40.7128, 3.0] {
            let text = written(value, marks);
            assert_eq!(
                quantity(&text, marks),
                Ok(Some(value)),
                "{language}: {text}"
            );
        }
        let baths = written(2.3_f32, marks);
        assert_eq!(
            quantity(&baths, marks),
            Ok(Some(2.3)),
            "{language}: {baths}"
        );
    }
}

#[test]
fn the_marks_browsers_report_are_recognised() {
    assert_eq!(Marks::from_intl(".", ","), Some(Marks::POINT));
    assert_eq!(Marks::from_intl(",", "."), Some(Marks::COMMA));
    assert_eq!(Marks::from_intl(",", "\u{a0}"), None);
}

#[test]
fn money_shown_for_editing_is_grouped_and_reads_back() {
    for (language, marks) in LANGUAGES {
        for value in [0_u64, 999, 1_000, 14_000, 650_000, 1_250_000, 2_500_000_000] {
            let text = showplan::domain::numbers::grouped(value, marks);
            assert_eq!(
                money(&text, marks),
                Ok(Some(value as f64)),
                "{language}: {text}"
            );
        }
    }
    assert_eq!(
        showplan::domain::numbers::grouped(1_250_000, Marks::COMMA),
        "1.250.000"
    );
    assert_eq!(showplan::domain::numbers::grouped(650, Marks::POINT), "650");
}
