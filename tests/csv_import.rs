//! Host tests for reading MLS-style CSV exports and writing properties out.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use chrono::Utc;
use showplan::domain::csv_import::*;
use showplan::domain::model::{ListingAgent, ListingStatus, PropertyType};
use showplan::domain::numbers::Marks;

fn read(text: &str) -> Imported {
    let table = read_table(text).expect("readable");
    let mapping = detect_all(&table.headers);
    import(
        &table,
        &mapping,
        FileNumbers::Detect,
        Marks::POINT,
        Utc::now(),
    )
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

/// Header names from real exports: the RESO Data Dictionary, US MLS
/// exports (Matrix, Flexmls, Paragon, Zillow/Redfin downloads) and
/// Spanish-language portals. What a field does not hold is skipped.
#[test]
fn real_world_headers_map_to_their_field_or_are_skipped() {
    use Column::*;
    let cases = [
        // RESO Data Dictionary
        ("ListPrice", Price),
        ("BedroomsTotal", Beds),
        ("BathroomsTotalInteger", Baths),
        ("LivingArea", FloorArea),
        ("LotSizeArea", Ignore),
        ("LotSizeSquareFeet", Ignore),
        ("StandardStatus", Status),
        ("MlsStatus", Status),
        ("UnparsedAddress", Address),
        ("PostalCode", Zip),
        ("PostalCity", City),
        ("StateOrProvince", State),
        ("ListingId", Mls),
        ("ListingKey", Ignore),
        ("PropertyType", Type),
        ("PropertySubType", Type),
        ("Latitude", Lat),
        ("Longitude", Lon),
        ("SubdivisionName", Neighbourhood),
        ("StreetNumber", Ignore),
        ("OriginalListPrice", Ignore),
        ("ClosePrice", Ignore),
        ("CloseDate", SoldDate),
        ("ListAgentFullName", AgentName),
        ("ListAgentDirectPhone", AgentPhone),
        ("ListAgentPreferredPhone", AgentPhone),
        ("ListAgentEmail", AgentEmail),
        ("ListOfficeName", AgentOffice),
        ("ListAgentFirstName", Ignore),
        ("ListAgentMlsId", Ignore),
        ("ListAgentKey", Ignore),
        ("CoListAgentFullName", Ignore),
        ("BuyerAgentFullName", Ignore),
        ("ListOfficePhone", Ignore),
        ("TaxAnnualAmount", Taxes),
        ("TaxYear", Ignore),
        ("AssociationFee", Hoa),
        ("AssociationFeeFrequency", Ignore),
        ("AssociationName", Ignore),
        ("DaysOnMarket", Ignore),
        ("BathroomsHalf", Ignore),
        ("CountyOrParish", Ignore),
        ("YearBuilt", Ignore),
        // US exports
        ("Listing Broker", AgentOffice),
        ("List Agent Full Name", AgentName),
        ("Listing Agent", AgentName),
        ("List Agent Direct Phone", AgentPhone),
        ("List Agent Cell Phone", AgentPhone),
        ("List Agent E-mail", AgentEmail),
        ("List Office Name", AgentOffice),
        ("Co-List Agent Name", Ignore),
        ("Selling Agent", Ignore),
        ("Buyer Agent Name", Ignore),
        ("Lot Size", Ignore),
        ("Lot SqFt", Ignore),
        ("Acres", Ignore),
        ("Price/SqFt", Ignore),
        ("$/SqFt", Ignore),
        ("List Price", Price),
        ("Sold Price", Ignore),
        ("Sold Date", SoldDate),
        ("Close Date", SoldDate),
        ("Closing Date", SoldDate),
        ("Fecha de venta", SoldDate),
        ("Beds", Beds),
        ("BR", Beds),
        ("Total Bedrooms", Beds),
        ("Baths Total", Baths),
        ("Half Baths", Ignore),
        ("Approx SqFt", FloorArea),
        ("Square Feet", FloorArea),
        ("MLS #", Mls),
        ("MLS Number", Mls),
        ("Zip Code", Zip),
        ("URL (SEE https://www.redfin.com/buy-a-home/comparative-market-analysis FOR INFO ON PRICING)", Link),
        ("Status", Status),
        ("HOA/Month", Hoa),
        ("Tax Amount", Taxes),
        ("HOA Fee", Hoa),
        ("HOA", Hoa),
        ("HOA Name", Ignore),
        ("Annual HOA Dues", Ignore),
        ("Tax Year", Ignore),
        ("Tax Rate", Ignore),
        ("Annual Taxes", Taxes),
        ("Days on Market", Ignore),
        ("Sale Type", Type),
        // Spanish-language exports
        ("Precio", Price),
        ("Precio de venta", Price),
        ("Recámaras", Beds),
        ("Habitaciones", Beds),
        ("Baños", Baths),
        ("Dirección", Address),
        ("Colonia", Neighbourhood),
        ("Código Postal", Zip),
        ("Ciudad", City),
        ("Municipio", City),
        ("Estado", State),
        ("Superficie construida (m²)", FloorArea),
        ("Superficie terreno (m²)", Ignore),
        ("Precio/m²", Ignore),
        ("Tipo de inmueble", Type),
        ("Estatus", Status),
        ("Latitud", Lat),
        ("Longitud", Lon),
        ("Agente", Ignore),
    ];
    assert!(cases.len() >= 40);
    for (header, column) in cases {
        assert_eq!(detect(header), column, "{header}");
    }
}

#[test]
fn a_field_is_taken_by_its_first_header_only() {
    let headers = [
        "Address",
        "Beds",
        "Bedrooms Total",
        "List Price",
        "Listing Broker",
    ];
    assert_eq!(
        detect_all(&headers),
        vec![
            Column::Address,
            Column::Beds,
            Column::Ignore,
            Column::Price,
            Column::AgentOffice
        ]
    );
}

#[test]
fn numbers_with_currency_and_separators_in_a_column_of_one() {
    let cases = [
        ("$1,250,000", Some(1_250_000.0)),
        ("$ 525,000.00", Some(525_000.0)),
        ("1 250 000 €", Some(1_250_000.0)),
        ("€1.250.000", Some(1_250_000.0)),
        ("1.250.000,40", Some(1_250_000.0)),
        ("1,540", Some(1_540.0)),
        ("850", Some(850.0)),
    ];
    for (raw, want) in cases {
        let imported = read(&format!("Address,Price\n1 Elm St,\"{raw}\"\n"));
        let price = imported.properties.first().and_then(|p| p.list_price);
        assert_eq!(price.map(|p| p as f64), want, "{raw:?}");
    }
    let imported = read("Address,Baths,Living Area\n1 Elm St,\"2,5\",1540 sqft\n");
    assert_eq!(imported.properties[0].baths, Some(2.5));
    assert_eq!(imported.properties[0].floor_area, Some(1540.0));
}

#[test]
fn a_column_is_read_in_the_convention_all_its_cells_fit() {
    // Every price is "ddd.ddd": in this file the point groups thousands,
    // though "650.000" alone could be 650 in English.
    let comma = "Address,Price,Baths\n1 Elm St,650.000,\"2,5\"\n2 Oak St,1.250.000,1\n3 Ash St,480.500,\"1,5\"\n";
    let imported = read(comma);
    let prices: Vec<_> = imported.properties.iter().map(|p| p.list_price).collect();
    assert_eq!(prices, vec![Some(650_000), Some(1_250_000), Some(480_500)]);
    let baths: Vec<_> = imported.properties.iter().map(|p| p.baths).collect();
    assert_eq!(baths, vec![Some(2.5), Some(1.0), Some(1.5)]);
    // A baths column of "1.500" and "2.25": decimals, so "1.500" is 1.5.
    let point = "Address,Baths\n1 Elm St,1.500\n2 Oak St,2.25\n";
    let baths: Vec<_> = read(point).properties.iter().map(|p| p.baths).collect();
    assert_eq!(baths, vec![Some(1.5), Some(2.25)]);
}

#[test]
fn the_user_can_say_how_the_file_writes_numbers() {
    let text = "Address,Living Area\n1 Elm St,\"1,500\"\n";
    let table = read_table(text).expect("readable");
    let mapping = detect_all(&table.headers);
    let area = |numbers| {
        import(&table, &mapping, numbers, Marks::POINT, Utc::now()).properties[0].floor_area
    };
    assert_eq!(area(FileNumbers::Point), Some(1500.0));
    assert_eq!(area(FileNumbers::Comma), Some(1.5));
    // Detected: either convention reads the column, and only a grouping
    // reading explains a lone "1,500": 1500.
    assert_eq!(area(FileNumbers::Detect), Some(1500.0));
    assert_eq!(
        detected_numbers(&table, &mapping),
        vec![(Column::FloorArea, Some(Marks::POINT))]
    );
}

#[test]
fn a_cell_that_fits_no_convention_is_reported_with_its_line() {
    let text = "Address,Price\n1 Elm St,\"1.250,000\"\n2 Oak St,500000\n";
    let imported = read(text);
    assert_eq!(imported.properties.len(), 1);
    assert_eq!(
        imported.errors,
        vec![RowError {
            line: 2,
            problem: RowProblem::NotANumber {
                column: Column::Price,
                value: "1.250,000".into()
            }
        }]
    );
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
    let mut original = read(include_str!("fixtures/mls-export.csv")).properties;
    original[0].listing_agent = ListingAgent {
        name: "Dana Whitfield".into(),
        phone: "503-555-0110".into(),
        email: "dana@example.com".into(),
        brokerage: "Rose City Realty, LLC".into(),
        ..ListingAgent::default()
    };
    let again = read(&export(&original)).properties;
    assert_eq!(again[0].listing_agent, original[0].listing_agent);
    assert!(again[1].listing_agent.is_empty());
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

#[test]
fn real_types_and_statuses_map_to_the_closest_kind_with_the_files_words_kept() {
    use ListingStatus::*;
    use PropertyType::*;
    let text = "Address,Property Type,Status\n1 A St,Multi-Family,ACT\n2 B St,Condo/Townhome,Active Under Contract\n3 C St,SFR,PND\n4 D St,Unknown,SLD\n5 E St,Singel Family,Temp Off Market\n6 F St,Condominum,Closed\n7 G St,,\n";
    let imported = read(text);
    let got: Vec<_> = imported
        .properties
        .iter()
        .map(|p| {
            (
                p.property_type,
                p.status,
                p.listed_type.as_str(),
                p.listed_status.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (MultiFamily, Active, "Multi-Family", "ACT"),
            (
                Townhouse,
                Pending,
                "Condo/Townhome",
                "Active Under Contract"
            ),
            (House, Pending, "SFR", "PND"),
            (Other, Sold, "Unknown", "SLD"),
            (House, Withdrawn, "Singel Family", "Temp Off Market"),
            (Condo, Sold, "Condominum", "Closed"),
            (House, Active, "", ""),
        ]
    );
}

/// A closing date says the home is sold when the file gives no status; a
/// status, when given, rules.
#[test]
fn a_closing_date_marks_a_home_sold_unless_a_status_says_otherwise() {
    let text =
        "Address,Status,Close Date\n1 A St,,2026-10-02\n2 B St,Active,2026-10-02\n3 C St,,\n";
    let got = read(text);
    let statuses: Vec<_> = got.properties.iter().map(|p| p.status).collect();
    assert_eq!(
        statuses,
        [
            ListingStatus::Sold,
            ListingStatus::Active,
            ListingStatus::Active
        ]
    );
    let given: Vec<bool> = got.given.iter().map(|g| g.status).collect();
    assert_eq!(given, [true, true, false]);
}

/// The summary names the columns that were not imported and held anything.
#[test]
fn columns_left_out_are_named_when_they_hold_something() {
    let text =
        "Address,Buyer Agent Name,Lot Size,Price,Empty\n1 A St,Ana,0.2,100000,\n2 B St,,,200000,\n";
    let table = read_table(text).expect("readable");
    let mapping = detect_all(&table.headers);
    assert_eq!(left_out(&table, &mapping), ["Buyer Agent Name", "Lot Size"]);
    let mut all = mapping.clone();
    all[1] = Column::Mls;
    assert_eq!(left_out(&table, &all), ["Lot Size"]);
}

/// Yearly taxes and monthly HOA fees are read as money in the file's own
/// number style, and an export writes them back.
#[test]
fn taxes_and_hoa_fees_are_read_and_written_back() {
    let text = "Address,Tax Annual Amount,Association Fee,Tax Year\n1 A St,\"$6,850.40\",350,2025\n2 B St,,,\n";
    let imported = read(text);
    assert_eq!(imported.properties[0].taxes_year, Some(6_850));
    assert_eq!(imported.properties[0].hoa_month, Some(350));
    assert_eq!(imported.properties[1].taxes_year, None);
    let again = read(&export(&imported.properties)).properties;
    assert_eq!(again[0].taxes_year, Some(6_850));
    assert_eq!(again[0].hoa_month, Some(350));
}

/// The listing agent's usual MLS columns land on the property; the buyer's
/// agent does not.
#[test]
fn the_listing_agent_columns_are_read_onto_the_property() {
    let text = "Address,List Agent Full Name,List Agent Direct Phone,List Agent Email,List Office Name,Buyer Agent Name\n\
                1 A St,Dana Whitfield,503-555-0110,dana@example.com,Rose City Realty,Bo Buyer\n\
                2 B St,,,,,\n";
    let imported = read(text);
    let agent = &imported.properties[0].listing_agent;
    assert_eq!(agent.name, "Dana Whitfield");
    assert_eq!(agent.phone, "503-555-0110");
    assert_eq!(agent.email, "dana@example.com");
    assert_eq!(agent.brokerage, "Rose City Realty");
    assert!(imported.properties[1].listing_agent.is_empty());
}
