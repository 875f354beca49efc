//! Host tests for reading MLS-style CSV exports and writing properties out.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use chrono::Utc;
use showplan::domain::csv_import::*;
use showplan::domain::model::{ListingStatus, PropertyType};

fn read(text: &str) -> Imported {
    let table = read_table(text).expect("readable");
    let mapping: Vec<Column> = table.headers.iter().map(|h| detect(h)).collect();
    import(&table, &mapping, Utc::now())
}

#[test]
fn the_test_export_imports_good_rows_and_reports_bad_ones_by_line() {
    let imported = read(include_str!("fixtures/mls-export.csv"));
    assert_eq!(imported.properties.len(), 26);
    let lines: Vec<(u64, RowProblem)> = imported
        .errors
        .iter()
        .map(|e| (e.line, e.problem.clone()))
        .collect();
    assert_eq!(
        lines,
        vec![
            (27, RowProblem::NoAddress),
            (
                28,
                RowProblem::NotANumber {
                    column: Column::Price,
                    value: "call agent".into()
                }
            ),
            (29, RowProblem::BadCoordinates),
            (
                30,
                RowProblem::NotANumber {
                    column: Column::Beds,
                    value: "three".into()
                }
            ),
            (31, RowProblem::UnknownStatus("Auction".into())),
        ]
    );
    let first = &imported.properties[0];
    assert_eq!(first.address, "1842 SE Harold St, Portland, OR 97202");
    assert_eq!(first.area, "Reed");
    assert_eq!(first.list_price, Some(612_500));
    assert_eq!(first.floor_area, Some(1_540.0));
    assert_eq!(first.baths, Some(2.0));
    assert_eq!(first.mls_number, "24011001");
    let condo = &imported.properties[2];
    assert_eq!(
        condo.address, "717 SW Columbia St, Unit 1204, Portland, OR 97201",
        "comma inside quotes"
    );
    assert_eq!(condo.property_type, PropertyType::Condo);
    let no_price = imported
        .properties
        .iter()
        .find(|p| p.mls_number == "24011022")
        .expect("row 23");
    assert_eq!(
        (no_price.list_price, no_price.coords),
        (None, None),
        "empty cells stay empty"
    );
    assert_eq!(
        imported.properties[6].status,
        ListingStatus::Active,
        "coming soon is active"
    );
    assert!(imported
        .properties
        .iter()
        .any(|p| p.property_type == PropertyType::MultiFamily));
}

#[test]
fn headers_are_detected_under_their_common_names() {
    let cases = [
        ("Street", Column::Street),
        ("Address", Column::Address),
        ("Full Address", Column::Address),
        ("City", Column::City),
        ("ZIP", Column::Zip),
        ("Postal Code", Column::Zip),
        ("State", Column::State),
        ("Price", Column::Price),
        ("List Price ($)", Column::Price),
        ("Beds", Column::Beds),
        ("Bedrooms", Column::Beds),
        ("Baths", Column::Baths),
        ("Bathrooms Total", Column::Baths),
        ("SqFt", Column::FloorArea),
        ("Sq. Ft.", Column::FloorArea),
        ("Area", Column::FloorArea),
        ("Type", Column::Type),
        ("Property Type", Column::Type),
        ("Latitude", Column::Lat),
        ("lat", Column::Lat),
        ("Longitude", Column::Lon),
        ("lng", Column::Lon),
        ("lon", Column::Lon),
        ("MLS Number", Column::Mls),
        ("MLS #", Column::Mls),
        ("Status", Column::Status),
        ("Listing URL", Column::Link),
        ("Agent Remarks", Column::Ignore),
    ];
    for (header, column) in cases {
        assert_eq!(detect(header), column, "{header}");
    }
}

#[test]
fn numbers_with_currency_and_separators() {
    let cases = [
        ("$1,250,000", Some(1_250_000.0)),
        ("$ 525,000.00", Some(525_000.0)),
        ("1 250 000 €", Some(1_250_000.0)),
        ("€1.250.000", Some(1_250_000.0)),
        ("1.250.000,50", Some(1_250_000.5)),
        ("2.5", Some(2.5)),
        ("2,5", Some(2.5)),
        ("1,540", Some(1_540.0)),
        ("850", Some(850.0)),
        ("1540 sqft", Some(1_540.0)),
        ("call agent", None),
        ("", None),
        ("-", None),
    ];
    for (raw, want) in cases {
        assert_eq!(parse_number(raw), want, "{raw:?}");
    }
}

#[test]
fn quoted_fields_with_line_breaks_quotes_and_a_bom() {
    let text = "\u{feff}Address,Price,Beds,Remarks\n\"12 \"\"Old\"\" Mill Rd, Suite 2\",\"$400,000\",2,\"Line one\nline two\"\n\n,,,\n99 Pine St,,,\n";
    let imported = read(text);
    assert_eq!(imported.errors, vec![]);
    assert_eq!(imported.properties.len(), 2, "blank rows are skipped");
    assert_eq!(
        imported.properties[0].address,
        "12 \"Old\" Mill Rd, Suite 2"
    );
    assert_eq!(imported.properties[0].list_price, Some(400_000));
    assert_eq!(imported.properties[1].address, "99 Pine St");
}

#[test]
fn rows_shorter_than_the_header_are_read_with_empty_cells() {
    let imported = read("Address,Price,Beds,Baths\n1 Main St,\"$300,000\"\n");
    assert_eq!(imported.properties.len(), 1);
    assert_eq!(imported.properties[0].beds, None);
}

#[test]
fn line_numbers_count_the_header_as_line_one() {
    let table =
        read_table("\u{feff}Address\n1 A St\n\"2 B St,\nUnit 3\"\n4 C St\n").expect("reads");
    let lines: Vec<u64> = table.rows.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, vec![2, 3, 5]);
    let crlf = read_table("Address\r\n1 A St\r\n\r\n2 B St\r\n").expect("reads");
    let lines: Vec<u64> = crlf.rows.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, vec![2, 4], "CRLF files count lines the same way");
}

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(read_table(""), Err(CsvError::Empty));
    assert_eq!(read_table("\u{feff}"), Err(CsvError::Empty));
}

#[test]
fn export_then_import_gives_the_same_properties() {
    let original = read(include_str!("fixtures/mls-export.csv")).properties;
    let again = read(&export(&original)).properties;
    assert_eq!(again.len(), original.len());
    for (a, b) in original.iter().zip(&again) {
        assert_eq!(
            (
                &a.address,
                &a.area,
                a.list_price,
                a.beds,
                a.baths,
                a.floor_area,
                a.property_type,
                a.status,
                a.coords,
                &a.mls_number
            ),
            (
                &b.address,
                &b.area,
                b.list_price,
                b.beds,
                b.baths,
                b.floor_area,
                b.property_type,
                b.status,
                b.coords,
                &b.mls_number
            )
        );
    }
}
