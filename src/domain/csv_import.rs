//! Reading MLS-style CSV exports into properties, and writing properties out.
//!
//! Reading is forgiving where exports differ (a UTF-8 BOM, quoted fields with
//! commas or line breaks, empty cells, "$1,250,000", header names) and exact
//! about what it refuses: every bad row is reported with its line number.
use super::model::*;
use super::numbers::{column_marks, read_number, read_strict, Marks, NumberKind};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// What a CSV column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Address,
    Street,
    City,
    Zip,
    State,
    Neighbourhood,
    Price,
    Beds,
    Baths,
    FloorArea,
    Type,
    Lat,
    Lon,
    Mls,
    Status,
    /// When the sale closed ("Close Date", "Sold Date"): a date here means
    /// the home is sold, unless the file's status says otherwise.
    SoldDate,
    Link,
    /// The listing agent's name, phone and e-mail, and their brokerage
    /// ("List Agent Full Name", "List Agent Direct Phone", "List Office
    /// Name"): agent-private, kept on the property.
    AgentName,
    AgentPhone,
    AgentEmail,
    AgentOffice,
    /// Property taxes a year ("Tax Annual Amount", "Taxes").
    Taxes,
    /// HOA fees a month ("Association Fee", "HOA/Month").
    Hoa,
    Ignore,
}

impl Column {
    /// Every column a user can map to, in the order a form lists them.
    pub const ALL: [Column; 24] = [
        Column::Address,
        Column::Street,
        Column::City,
        Column::Zip,
        Column::State,
        Column::Neighbourhood,
        Column::Price,
        Column::Beds,
        Column::Baths,
        Column::FloorArea,
        Column::Type,
        Column::Lat,
        Column::Lon,
        Column::Mls,
        Column::Status,
        Column::SoldDate,
        Column::Link,
        Column::AgentName,
        Column::AgentPhone,
        Column::AgentEmail,
        Column::AgentOffice,
        Column::Taxes,
        Column::Hoa,
        Column::Ignore,
    ];

    /// A stable name for forms and tests.
    pub fn as_str(self) -> &'static str {
        match self {
            Column::Address => "address",
            Column::Street => "street",
            Column::City => "city",
            Column::Zip => "zip",
            Column::State => "state",
            Column::Neighbourhood => "neighbourhood",
            Column::Price => "price",
            Column::Beds => "beds",
            Column::Baths => "baths",
            Column::FloorArea => "floor_area",
            Column::Type => "type",
            Column::Lat => "lat",
            Column::Lon => "lon",
            Column::Mls => "mls",
            Column::Status => "status",
            Column::SoldDate => "sold_date",
            Column::Link => "link",
            Column::AgentName => "agent_name",
            Column::AgentPhone => "agent_phone",
            Column::AgentEmail => "agent_email",
            Column::AgentOffice => "agent_office",
            Column::Taxes => "taxes",
            Column::Hoa => "hoa",
            Column::Ignore => "ignore",
        }
    }

    /// The column named by [`Column::as_str`].
    pub fn from_name(name: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// A header as words: camelCase split ("ListPrice" is "list price"),
/// lower case, accents dropped ("Baños" is "banos"), "m²" as "m2", every
/// other mark a space.
fn header_words(header: &str) -> Vec<String> {
    let mut spaced = String::with_capacity(header.len() + 8);
    let mut previous: Option<char> = None;
    for c in header.trim().chars() {
        if c.is_uppercase() && previous.is_some_and(|p| p.is_lowercase()) {
            spaced.push(' ');
        }
        spaced.push(c);
        previous = Some(c);
    }
    let plain: String = spaced
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ă' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ș' | 'ş' => 's',
            'ț' | 'ţ' => 't',
            '²' => '2',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    plain.split_whitespace().map(str::to_string).collect()
}

/// Guesses what a header means from the names common in MLS exports: the
/// RESO Data Dictionary's (ListPrice, BedroomsTotal, LivingArea...), and
/// common US and Spanish-language ones. Words are matched whole, so
/// "Listing Broker" is not bedrooms and "Lot Size" is not the floor area;
/// a header it does not know is skipped, never forced onto a field.
pub fn detect(header: &str) -> Column {
    let words = header_words(header);
    let text = words.join(" ");
    let word = |names: &[&str]| words.iter().any(|w| names.contains(&w.as_str()));
    let phrase = |names: &[&str]| {
        names.iter().any(|n| {
            text == *n
                || text.starts_with(&format!("{n} "))
                || text.ends_with(&format!(" {n}"))
                || text.contains(&format!(" {n} "))
        })
    };
    let is = |names: &[&str]| names.contains(&text.as_str());
    // The day the sale closed says the home is sold.
    let sale = [
        "close", "closed", "closing", "sold", "sale", "venta", "cierre",
    ];
    if word(&sale) && word(&["date", "fecha", "dt"]) {
        return Column::SoldDate;
    }
    if let Some(column) = listing_agent_column(&words) {
        return column;
    }
    // Running costs: yearly taxes, monthly HOA fees. A year, a rate, a
    // frequency or a yearly fee is not the figure kept.
    if word(&["tax", "taxes", "impuestos", "impuesto", "ibi"])
        && !word(&["year", "rate", "id", "district", "assessed", "assessment"])
    {
        return Column::Taxes;
    }
    if word(&["hoa", "association"])
        && (word(&["fee", "fees", "dues", "month", "monthly"]) || is(&["hoa"]))
        && !word(&[
            "name",
            "phone",
            "frequency",
            "yn",
            "annual",
            "year",
            "yearly",
            "quarterly",
        ])
    {
        return Column::Hoa;
    }
    // About someone or something else than the home, or another figure
    // than the one a field holds: skipped.
    if word(&[
        "agent",
        "broker",
        "office",
        "brokerage",
        "member",
        "agente",
        "oficina",
        "inmobiliaria",
    ]) || word(&[
        "original", "previous", "close", "closed", "sold", "per", "half", "partial", "days", "dom",
    ]) || word(&[
        "lot", "acres", "acreage", "land", "terreno", "tax", "taxes", "hoa", "fee", "fees",
    ]) {
        return Column::Ignore;
    }
    // A ratio ("Price/SqFt", "$/m²") is not the area it divides by.
    let area_words = word(&["sqft", "sf", "m2", "ft"]);
    if area_words && (header.contains('/') || word(&["price", "precio"])) {
        return Column::Ignore;
    }
    if is(&["lat", "latitude", "latitud", "y"]) {
        Column::Lat
    } else if is(&["lon", "lng", "long", "longitude", "longitud", "x"]) {
        Column::Lon
    } else if word(&["status", "estatus"]) {
        // Before MLS: "MlsStatus" is a status.
        Column::Status
    } else if word(&["mls", "mlsnumber", "mlsid"])
        || phrase(&["listing id", "listing number", "ml number"])
    {
        Column::Mls
    } else if is(&[
        "city",
        "town",
        "municipality",
        "postal city",
        "ciudad",
        "municipio",
        "localidad",
        "poblacion",
        "oras",
        "localitate",
    ]) {
        Column::City
    } else if word(&["zip", "zipcode", "postal", "postcode", "cp"])
        || phrase(&["codigo postal", "cod postal"])
    {
        Column::Zip
    } else if is(&[
        "state",
        "province",
        "region",
        "state or province",
        "estado",
        "provincia",
        "judet",
    ]) {
        Column::State
    } else if word(&[
        "neighborhood",
        "neighbourhood",
        "subdivision",
        "district",
        "colonia",
        "barrio",
        "cartier",
        "fraccionamiento",
    ]) {
        Column::Neighbourhood
    } else if is(&[
        "street",
        "street address",
        "address line",
        "address line 1",
        "address 1",
        "calle",
    ]) {
        Column::Street
    } else if word(&["address", "direccion", "domicilio", "adresa", "ubicacion"]) {
        Column::Address
    } else if word(&["price", "precio", "asking", "pret"]) || phrase(&["list amount"]) {
        Column::Price
    } else if word(&[
        "bed",
        "beds",
        "bedroom",
        "bedrooms",
        "br",
        "bd",
        "bdrms",
        "recamaras",
        "habitaciones",
        "dormitorios",
        "camere",
    ]) {
        Column::Beds
    } else if word(&[
        "bath",
        "baths",
        "bathroom",
        "bathrooms",
        "ba",
        "banos",
        "bai",
    ]) {
        Column::Baths
    } else if word(&[
        "sqft",
        "sf",
        "m2",
        "superficie",
        "metros",
        "size",
        "suprafata",
    ]) || phrase(&[
        "sq ft",
        "square feet",
        "living area",
        "floor area",
        "building area",
    ]) || is(&["area"])
    {
        Column::FloorArea
    } else if word(&["type", "style", "category", "tipo"]) {
        Column::Type
    } else if word(&["situacion", "stare"]) {
        Column::Status
    } else if word(&["url", "link", "website", "enlace"]) {
        Column::Link
    } else {
        Column::Ignore
    }
}

/// The listing agent's columns, as MLS exports (RESO's ListAgentFullName,
/// ListAgentDirectPhone, ListAgentEmail, ListOfficeName) and common
/// spreadsheets ("Listing Agent", "Listing Broker") name them. The buyer's
/// agent, a co-listing agent and ids or license numbers are not.
fn listing_agent_column(words: &[String]) -> Option<Column> {
    let word = |names: &[&str]| words.iter().any(|w| names.contains(&w.as_str()));
    if !word(&["list", "listing", "lister"])
        || word(&[
            "co", "buyer", "buyers", "selling", "sale", "id", "key", "license", "mls", "first",
            "last", "fax", "url", "website",
        ])
    {
        return None;
    }
    let agent = word(&["agent", "agente", "member"]);
    let office = word(&[
        "office",
        "broker",
        "brokerage",
        "firm",
        "oficina",
        "inmobiliaria",
    ]);
    if !agent && !office {
        return None;
    }
    if word(&["email", "mail", "correo"]) {
        return agent.then_some(Column::AgentEmail);
    }
    if word(&["phone", "cell", "mobile", "telephone", "tel", "telefono"]) {
        return agent.then_some(Column::AgentPhone);
    }
    Some(if agent {
        Column::AgentName
    } else {
        Column::AgentOffice
    })
}

/// Each header's column, a field taken by its first header only (a later
/// "Bedrooms Total" beside "Beds" is skipped rather than read twice).
pub fn detect_all<S: AsRef<str>>(headers: &[S]) -> Vec<Column> {
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|h| {
            let column = detect(h.as_ref());
            if column == Column::Ignore || taken.contains(&column) {
                return Column::Ignore;
            }
            taken.push(column);
            column
        })
        .collect()
}

/// A CSV file read into cells, with each row's line number.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    /// (line number in the file, cells)
    pub rows: Vec<(u64, Vec<String>)>,
}

/// Why a whole file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    Empty,
    Unreadable { line: u64, reason: String },
}

/// The headers of the columns not imported (mapped to nothing) that hold
/// something in at least one row, for the import summary to name.
pub fn left_out(table: &Table, columns: &[Column]) -> Vec<String> {
    table
        .headers
        .iter()
        .enumerate()
        .filter(|(i, _)| columns.get(*i).is_none_or(|c| *c == Column::Ignore))
        .filter(|(i, _)| {
            table
                .rows
                .iter()
                .any(|(_, cells)| cells.get(*i).is_some_and(|c| !c.trim().is_empty()))
        })
        .map(|(_, h)| h.trim().to_string())
        .collect()
}

/// Reads CSV text (a leading BOM is ignored; rows may differ in length).
pub fn read_table(text: &str) -> Result<Table, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| CsvError::Unreadable {
            line: 1,
            reason: e.to_string(),
        })?
        .iter()
        .map(str::to_string)
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(CsvError::Empty);
    }
    // Line numbers come from byte offsets: the reader's own line count is
    // off after CRLF line ends and blank lines.
    let mut counter = LineCounter::new(text);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| CsvError::Unreadable {
            line: e.position().map_or(0, |p| counter.line_at(p.byte())),
            reason: e.to_string(),
        })?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        let line = record.position().map_or(0, |p| counter.line_at(p.byte()));
        rows.push((line, record.iter().map(str::to_string).collect()));
    }
    Ok(Table { headers, rows })
}

/// Turns byte offsets (visited in increasing order) into 1-based line numbers.
struct LineCounter<'a> {
    text: &'a [u8],
    byte: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            byte: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, byte: u64) -> u64 {
        let mut target = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        // The reader may place a record at the line end before it.
        while target < self.text.len() && matches!(self.text[target], b'\r' | b'\n') {
            target += 1;
        }
        if target >= self.byte {
            self.line += self.text[self.byte..target]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            self.byte = target;
        }
        self.line
    }
}

/// Why one row was not imported.
#[derive(Debug, Clone, PartialEq)]
pub enum RowProblem {
    /// No address, and no street to build one from.
    NoAddress,
    /// A number column holds something that is not a number.
    NotANumber { column: Column, value: String },
    /// Latitude and longitude are missing one half or out of range.
    BadCoordinates,
    /// A status no MLS export uses.
    UnknownStatus(String),
}

/// A row that was not imported.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    pub line: u64,
    pub problem: RowProblem,
}

/// The outcome of an import: the good rows as properties, the bad ones explained.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Imported {
    pub properties: Vec<Property>,
    /// For each property (same order), which facts its row gave.
    pub given: Vec<Given>,
    pub errors: Vec<RowError>,
}

/// Which of a row's facts that have a default (type, status) the row gave:
/// an empty cell must not overwrite what a kept home says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Given {
    pub property_type: bool,
    pub status: bool,
}

/// How a file writes its numbers: found per column from all its cells, or
/// as the user said in the mapping step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FileNumbers {
    #[default]
    Detect,
    /// "1,234.5"
    Point,
    /// "1.234,5"
    Comma,
}

impl super::names::Named for FileNumbers {
    const NAMES: &'static [(Self, &'static str)] = &[
        (FileNumbers::Detect, "detect"),
        (FileNumbers::Point, "point"),
        (FileNumbers::Comma, "comma"),
    ];
}

/// What a number column holds, which decides how many decimals it may have.
fn number_kind(column: Column) -> Option<NumberKind> {
    match column {
        Column::Price | Column::Taxes | Column::Hoa => Some(NumberKind::Money),
        Column::Beds | Column::Baths | Column::FloorArea | Column::Lat | Column::Lon => {
            Some(NumberKind::Quantity)
        }
        _ => None,
    }
}

/// How each column's numbers are read: the marks decided for it, or `None`
/// to read each cell with the user's language's marks.
fn column_conventions(
    table: &Table,
    mapping: &[Column],
    numbers: FileNumbers,
) -> Vec<Option<Marks>> {
    mapping
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let kind = number_kind(*column)?;
            match numbers {
                FileNumbers::Point => Some(Marks::POINT),
                FileNumbers::Comma => Some(Marks::COMMA),
                FileNumbers::Detect => column_marks(
                    table
                        .rows
                        .iter()
                        .map(|(_, cells)| cells.get(i).map_or("", String::as_str)),
                    kind,
                ),
            }
        })
        .collect()
}

/// The convention found for each number column the mapping uses (for the
/// mapping step to show), `None` where either reads the column the same.
pub fn detected_numbers(table: &Table, mapping: &[Column]) -> Vec<(Column, Option<Marks>)> {
    column_conventions(table, mapping, FileNumbers::Detect)
        .into_iter()
        .zip(mapping)
        .filter(|(_, c)| number_kind(**c).is_some())
        .map(|(m, c)| (*c, m))
        .collect()
}

/// Turns a table's rows into properties, a range of rows at a time, so a
/// long file can be read in slices with the page answering in between.
pub struct Importer<'a> {
    table: &'a Table,
    mapping: &'a [Column],
    conventions: Vec<Option<Marks>>,
    language: Marks,
    now: DateTime<Utc>,
}

impl<'a> Importer<'a> {
    /// Numbers are read per column as `numbers` says; a column whose
    /// convention cannot be told is read with `language` (the marks of the
    /// user's language).
    pub fn new(
        table: &'a Table,
        mapping: &'a [Column],
        numbers: FileNumbers,
        language: Marks,
        now: DateTime<Utc>,
    ) -> Importer<'a> {
        let conventions = column_conventions(table, mapping, numbers);
        Importer {
            table,
            mapping,
            conventions,
            language,
            now,
        }
    }

    /// How many rows the table has.
    pub fn len(&self) -> usize {
        self.table.rows.len()
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.table.rows.is_empty()
    }

    /// Reads rows `range` (clamped to the table) into `out`.
    pub fn read(&self, range: std::ops::Range<usize>, out: &mut Imported) {
        let end = range.end.min(self.len());
        let start = range.start.min(end);
        for (line, cells) in &self.table.rows[start..end] {
            match row_to_property(
                cells,
                self.mapping,
                &self.conventions,
                self.language,
                self.now,
            ) {
                Ok((p, g)) => {
                    out.properties.push(p);
                    out.given.push(g);
                }
                Err(problem) => out.errors.push(RowError {
                    line: *line,
                    problem,
                }),
            }
        }
    }
}

/// Turns rows into properties using `mapping` (one entry per header), all
/// at once (see [`Importer`]).
pub fn import(
    table: &Table,
    mapping: &[Column],
    numbers: FileNumbers,
    language: Marks,
    now: DateTime<Utc>,
) -> Imported {
    let importer = Importer::new(table, mapping, numbers, language, now);
    let mut out = Imported::default();
    importer.read(0..importer.len(), &mut out);
    out
}

fn row_to_property(
    cells: &[String],
    mapping: &[Column],
    conventions: &[Option<Marks>],
    language: Marks,
    now: DateTime<Utc>,
) -> Result<(Property, Given), RowProblem> {
    let get = |column: Column| -> &str {
        mapping
            .iter()
            .position(|c| *c == column)
            .and_then(|i| cells.get(i))
            .map_or("", |s| s.trim())
    };
    let number = |column: Column| -> Result<Option<f64>, RowProblem> {
        let raw = get(column);
        let kind = number_kind(column).unwrap_or(NumberKind::Quantity);
        let marks = mapping
            .iter()
            .position(|c| *c == column)
            .and_then(|i| conventions.get(i).copied().flatten());
        match marks {
            Some(marks) => read_strict(raw, marks, kind),
            None => read_number(raw, language, kind),
        }
        .map_err(|_| RowProblem::NotANumber {
            column,
            value: raw.to_string(),
        })
    };
    let address = if !get(Column::Address).is_empty() {
        get(Column::Address).to_string()
    } else if !get(Column::Street).is_empty() {
        let state_zip = [get(Column::State), get(Column::Zip)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        [get(Column::Street), get(Column::City), &state_zip]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        return Err(RowProblem::NoAddress);
    };
    let price = number(Column::Price)?;
    let beds = number(Column::Beds)?;
    let baths = number(Column::Baths)?;
    let floor_area = number(Column::FloorArea)?;
    let whole = |v: Option<f64>| v.map(|v| v.round().max(0.0) as u64);
    let taxes_year = whole(number(Column::Taxes)?);
    let hoa_month = whole(number(Column::Hoa)?);
    let coords = match (number(Column::Lat)?, number(Column::Lon)?) {
        (None, None) => None,
        (Some(lat), Some(lon))
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
        {
            Some(LatLon { lat, lon })
        }
        _ => return Err(RowProblem::BadCoordinates),
    };
    // A closing date with no status is a sale; a status, when given, rules.
    let sold = !get(Column::SoldDate).is_empty();
    let status = if get(Column::Status).is_empty() && sold {
        ListingStatus::Sold
    } else {
        parse_status(get(Column::Status))
            .ok_or_else(|| RowProblem::UnknownStatus(get(Column::Status).to_string()))?
    };
    let neighbourhood = if get(Column::Neighbourhood).is_empty() {
        get(Column::City)
    } else {
        get(Column::Neighbourhood)
    };
    let given = Given {
        property_type: !get(Column::Type).is_empty(),
        status: !get(Column::Status).is_empty() || sold,
    };
    let property = Property {
        id: Uuid::new_v4(),
        stamp: Stamp::new(now),
        address,
        area: neighbourhood.to_string(),
        coords,
        list_price: price.map(|p| p.round().max(0.0) as u64),
        beds: beds.map(|b| b.round().clamp(0.0, 255.0) as u8),
        baths: baths.map(|b| b.max(0.0) as f32),
        floor_area,
        area_unit: AreaUnit::SqFt,
        lot_size: None,
        year_built: None,
        property_type: parse_type(get(Column::Type)),
        status,
        listing_link: get(Column::Link).to_string(),
        mls_number: get(Column::Mls).to_string(),
        listed_type: get(Column::Type).to_string(),
        listed_status: get(Column::Status).to_string(),
        features: vec![],
        renovations: vec![],
        neighbourhood: vec![],
        media: Default::default(),
        private_notes: String::new(),
        listing_agent: ListingAgent {
            name: get(Column::AgentName).to_string(),
            phone: get(Column::AgentPhone).to_string(),
            email: get(Column::AgentEmail).to_string(),
            brokerage: get(Column::AgentOffice).to_string(),
            language: String::new(),
        },
        taxes_year,
        insurance_year: None,
        hoa_month,
        checked: None,
    };
    Ok((property, given))
}

fn parse_status(raw: &str) -> Option<ListingStatus> {
    let s = raw.trim().to_lowercase();
    Some(match s.as_str() {
        "" | "active" | "a" | "act" | "new" | "new listing" | "coming soon" | "for sale"
        | "price change" | "back on market" | "bom" | "activo" | "en venta" | "disponible" => {
            ListingStatus::Active
        }
        "pending"
        | "p"
        | "under contract"
        | "contingent"
        | "active under contract"
        | "pnd"
        | "pend"
        | "active contingent"
        | "under offer"
        | "sale pending"
        | "pendiente"
        | "apartado" => ListingStatus::Pending,
        "sold" | "s" | "closed" | "sld" | "clsd" | "vendido" | "vendida" => ListingStatus::Sold,
        "withdrawn"
        | "w"
        | "wdn"
        | "expired"
        | "exp"
        | "canceled"
        | "cancelled"
        | "off market"
        | "temp off market"
        | "temporarily off market"
        | "retirado"
        | "cancelado" => ListingStatus::Withdrawn,
        _ => return None,
    })
}

fn parse_type(raw: &str) -> PropertyType {
    let s = raw.trim().to_lowercase();
    let has = |names: &[&str]| names.iter().any(|n| s.contains(n));
    // From the most particular to the most general: "Multi-Family" is not a
    // house, "Condo/Townhome" is attached, a misspelt "Singel Family" is.
    if has(&["town", "row", "attached"]) && !has(&["detached"]) {
        PropertyType::Townhouse
    } else if has(&["multi", "duplex", "triplex", "fourplex", "plex", "income"]) {
        PropertyType::MultiFamily
    } else if has(&["condo", "co-op", "coop"]) {
        PropertyType::Condo
    } else if has(&["apart", "flat", "departamento", "apartament"]) {
        PropertyType::Apartment
    } else if has(&["land", "lot", "acreage", "terreno", "teren"]) {
        PropertyType::Land
    } else if s.is_empty()
        || has(&[
            "single",
            "family",
            "sfr",
            "sfh",
            "detached",
            "house",
            "residential",
            "bungalow",
            "casa",
            "home",
        ])
    {
        PropertyType::House
    } else {
        PropertyType::Other
    }
}

/// Properties as CSV with the same header names `detect` reads back.
pub fn export(properties: &[Property]) -> String {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    let header = [
        "Address",
        "Neighborhood",
        "List Price",
        "Beds",
        "Baths",
        "Sq Ft",
        "Type",
        "Status",
        "Latitude",
        "Longitude",
        "MLS #",
        "Listing URL",
        "List Agent Full Name",
        "List Agent Direct Phone",
        "List Agent Email",
        "List Office Name",
        "Tax Annual Amount",
        "Association Fee",
    ];
    let _ = writer.write_record(header);
    for p in properties {
        let opt = |v: Option<String>| v.unwrap_or_default();
        let row = [
            p.address.clone(),
            p.area.clone(),
            opt(p.list_price.map(|v| v.to_string())),
            opt(p.beds.map(|v| v.to_string())),
            opt(p.baths.map(|v| v.to_string())),
            opt(p.floor_area.map(|v| v.to_string())),
            super::names::property_type_csv(p.property_type).to_string(),
            super::names::status_csv(p.status).to_string(),
            opt(p.coords.map(|c| c.lat.to_string())),
            opt(p.coords.map(|c| c.lon.to_string())),
            p.mls_number.clone(),
            p.listing_link.clone(),
            p.listing_agent.name.clone(),
            p.listing_agent.phone.clone(),
            p.listing_agent.email.clone(),
            p.listing_agent.brokerage.clone(),
            opt(p.taxes_year.map(|v| v.to_string())),
            opt(p.hoa_month.map(|v| v.to_string())),
        ];
        let _ = writer.write_record(row);
    }
    writer
        .into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}
