//! Sample data for trying Showplan out: three buyers, 25 homes in Portland,
//! Oregon (real neighbourhoods and coordinates, invented listings) and one tour.
//!
//! Ids are fixed, so loading the sample twice merges instead of duplicating.
use super::model::*;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use uuid::Uuid;

/// (address, neighbourhood, lat, lon, price, beds, baths, sq ft, year, type)
type Row = (
    &'static str,
    &'static str,
    f64,
    f64,
    u64,
    u8,
    f32,
    f64,
    u16,
    PropertyType,
);

#[rustfmt::skip]
const HOMES: [Row; 25] = [
    ("8123 SE 13th Ave", "Sellwood", 45.4651, -122.6528, 685_000, 3, 2.0, 1_720.0, 1924, PropertyType::House),
    ("3317 NE Couch St", "Laurelhurst", 45.5236, -122.6291, 899_000, 4, 2.5, 2_460.0, 1915, PropertyType::House),
    ("5204 NE 27th Ave", "Concordia", 45.5616, -122.6372, 579_000, 3, 1.5, 1_380.0, 1926, PropertyType::House),
    ("2846 SE Taylor St", "Sunnyside", 45.5152, -122.6362, 615_000, 2, 1.0, 1_150.0, 1910, PropertyType::House),
    ("4410 SE Lincoln St", "Richmond", 45.5078, -122.6170, 749_000, 4, 2.0, 2_050.0, 1912, PropertyType::House),
    ("7629 N Chicago Ave", "St. Johns", 45.5884, -122.7503, 465_000, 3, 1.0, 1_210.0, 1948, PropertyType::House),
    ("2017 N Kilpatrick St", "Kenton", 45.5822, -122.6895, 512_000, 3, 2.0, 1_460.0, 1939, PropertyType::House),
    ("2434 NE Thompson St", "Irvington", 45.5395, -122.6413, 1_125_000, 5, 3.5, 3_340.0, 1909, PropertyType::House),
    ("3935 N Borthwick Ave", "Boise", 45.5512, -122.6741, 639_000, 3, 2.5, 1_640.0, 2014, PropertyType::Townhouse),
    ("7814 SW 35th Ave", "Multnomah Village", 45.4689, -122.7124, 598_000, 3, 2.0, 1_590.0, 1952, PropertyType::House),
    ("1130 NW 12th Ave #508", "Pearl District", 45.5312, -122.6835, 489_000, 1, 1.0, 812.0, 2006, PropertyType::Condo),
    ("2271 NW Flanders St #3", "Nob Hill", 45.5257, -122.7004, 429_000, 2, 1.0, 960.0, 1929, PropertyType::Condo),
    ("8022 SE Taylor St", "Montavilla", 45.5151, -122.5820, 489_000, 3, 1.5, 1_330.0, 1941, PropertyType::House),
    ("4527 SE Knight St", "Woodstock", 45.4797, -122.6153, 559_000, 3, 2.0, 1_510.0, 1950, PropertyType::House),
    ("3606 SE Martins St", "Eastmoreland", 45.4797, -122.6263, 975_000, 4, 3.0, 2_880.0, 1928, PropertyType::House),
    ("6024 SE Francis St", "Foster-Powell", 45.4963, -122.6003, 445_000, 2, 1.0, 1_020.0, 1922, PropertyType::House),
    ("1535 SW Sunset Blvd", "Hillsdale", 45.4819, -122.6930, 705_000, 4, 2.5, 2_210.0, 1962, PropertyType::House),
    ("5341 NE 54th Ave", "Cully", 45.5636, -122.6063, 472_000, 3, 1.0, 1_180.0, 1947, PropertyType::House),
    ("7215 NE Failing St", "Roseway", 45.5435, -122.5891, 535_000, 3, 2.0, 1_620.0, 1949, PropertyType::House),
    ("4219 NE Klickitat St", "Beaumont-Wilshire", 45.5462, -122.6202, 815_000, 4, 2.5, 2_390.0, 1927, PropertyType::House),
    ("1414 SE Morrison St #207", "Buckman", 45.5172, -122.6510, 375_000, 1, 1.0, 690.0, 2017, PropertyType::Condo),
    ("4730 N Concord Ave", "Overlook", 45.5568, -122.6866, 659_000, 3, 2.0, 1_790.0, 1911, PropertyType::House),
    ("1025 SE Rhine St", "Brooklyn", 45.4967, -122.6556, 545_000, 2, 1.5, 1_240.0, 1906, PropertyType::House),
    ("2925 SE 52nd Ave", "Creston-Kenilworth", 45.5012, -122.6106, 499_000, 3, 1.0, 1_290.0, 1925, PropertyType::House),
    ("3416 N Vancouver Ave", "Eliot", 45.5486, -122.6676, 585_000, 3, 2.5, 1_580.0, 2018, PropertyType::Townhouse),
];

/// A fixed namespace prefix keeps sample ids apart from random v4 ids.
const SAMPLE_PREFIX: u128 = 0x5a3d_0000_0000_4000_8000_0000_0000_0000;
const SAMPLE_MASK: u128 = 0xffff_ffff_ffff_ffff_ffff_0000_0000_0000;

fn id(n: u128) -> Id {
    Uuid::from_u128(SAMPLE_PREFIX | n)
}

/// Is `id` one of the sample data's records (not the agent's own)?
pub fn is_sample(id: Id) -> bool {
    id.as_u128() & SAMPLE_MASK == SAMPLE_PREFIX
}

fn features(i: usize, kind: PropertyType) -> Vec<Feature> {
    let mut out = vec![Feature {
        category: "Kitchen".into(),
        text: [
            "gas range",
            "quartz counters",
            "original 1920s built-ins",
            "walk-in pantry",
        ][i % 4]
            .into(),
    }];
    if kind != PropertyType::Condo {
        out.push(Feature {
            category: "Outside".into(),
            text: [
                "fenced back yard",
                "covered front porch",
                "detached garage",
                "raised garden beds",
            ][i % 4]
                .into(),
        });
    }
    out.push(Feature {
        category: "Systems".into(),
        text: [
            "forced-air gas heat",
            "ductless heat pump",
            "central air",
            "radiant floor heat",
        ][(i / 2) % 4]
            .into(),
    });
    out
}

fn renovations(i: usize) -> Vec<Renovation> {
    let items: [(&str, &str, Priority, u64, u64); 5] = [
        ("Replace roof", "Exterior", Priority::High, 14_000, 22_000),
        (
            "Refinish hardwood floors",
            "Living room",
            Priority::Low,
            3_500,
            6_000,
        ),
        (
            "Seismic retrofit",
            "Basement",
            Priority::Medium,
            6_000,
            12_000,
        ),
        (
            "Update bathroom",
            "Main bath",
            Priority::Medium,
            12_000,
            25_000,
        ),
        (
            "Replace single-pane windows",
            "Whole house",
            Priority::Medium,
            15_000,
            28_000,
        ),
    ];
    (0..i % 3)
        .map(|k| {
            let (item, room, priority, low, high) = items[(i + k) % items.len()];
            Renovation {
                id: id(0x1000 + (i as u128) * 8 + k as u128),
                item: item.into(),
                room: room.into(),
                priority,
                cost_low: low,
                cost_high: high,
                note: String::new(),
            }
        })
        .collect()
}

fn notes(i: usize, area: &str) -> Vec<NeighbourhoodNote> {
    vec![
        NeighbourhoodNote {
            id: id(0x2000 + (i as u128) * 4),
            category: NoteCategory::Parks,
            rating: 3 + (i % 3) as u8,
            text: format!("Walkable to a park in {area}; playground and off-leash area."),
            shareable: true,
        },
        NeighbourhoodNote {
            id: id(0x2001 + (i as u128) * 4),
            category: if i.is_multiple_of(2) {
                NoteCategory::Transit
            } else {
                NoteCategory::Noise
            },
            rating: 2 + (i % 4) as u8,
            text: if i.is_multiple_of(2) {
                "Frequent bus line two blocks away.".into()
            } else {
                "Busy street at rush hour; back bedrooms are quiet.".into()
            },
            shareable: !i.is_multiple_of(3),
        },
    ]
}

/// The listing agent of sample home `i`: four made-up agents, with
/// numbers in the 555-01xx range kept for fiction.
fn listing_agent(i: usize) -> ListingAgent {
    const AGENTS: [(&str, &str, &str); 4] = [
        ("Dana Whitfield", "dana", "Rose City Realty"),
        ("Marco Ruiz", "marco", "Bridgetown Homes"),
        ("Linh Tran", "linh", "Willamette Partners"),
        ("Ayu Santoso", "ayu", "Eastside Brokers"),
    ];
    let (name, mailbox, brokerage) = AGENTS[i % AGENTS.len()];
    ListingAgent {
        name: name.into(),
        phone: format!("+1 503 555 01{:02}", 10 + i % AGENTS.len()),
        email: format!("{mailbox}@example.com"),
        brokerage: brokerage.into(),
        language: String::new(),
    }
}

/// The sample document, stamped `now`.
pub fn sample_document(now: DateTime<Utc>) -> Document {
    let stamp = Stamp::new(now);
    let properties: Vec<Property> = HOMES
        .iter()
        .enumerate()
        .map(
            |(i, &(address, area, lat, lon, price, beds, baths, sqft, year, kind))| Property {
                id: id(0x100 + i as u128),
                stamp,
                address: format!("{address}, Portland, OR"),
                area: area.into(),
                coords: Some(LatLon { lat, lon }),
                list_price: Some(price),
                beds: Some(beds),
                baths: Some(baths),
                floor_area: Some(sqft),
                area_unit: AreaUnit::SqFt,
                lot_size: (kind != PropertyType::Condo).then_some(5_000.0),
                year_built: Some(year),
                property_type: kind,
                status: if i % 9 == 8 {
                    ListingStatus::Pending
                } else {
                    ListingStatus::Active
                },
                listing_link: String::new(),
                mls_number: format!("{}", 24_100_000 + i * 137),
                listed_type: String::new(),
                listed_status: String::new(),
                features: features(i, kind),
                renovations: renovations(i),
                neighbourhood: notes(i, area),
                media: Default::default(),
                private_notes: if i.is_multiple_of(4) {
                    "Seller motivated: relocating for work.".into()
                } else {
                    String::new()
                },
                listing_agent: listing_agent(i),
                // Portland-like: about 1% of the price in taxes, $1,200 of
                // insurance a year; condos and townhouses pay an HOA.
                taxes_year: Some(price / 100),
                insurance_year: Some(1_200),
                hoa_month: matches!(kind, PropertyType::Condo | PropertyType::Townhouse)
                    .then_some(350),
                checked: None,
            },
        )
        .collect();

    let buyers = vec![
        Buyer {
            id: id(1),
            stamp,
            name: "Maria & Daniel Ortega".into(),
            contacts: vec![Contact {
                name: "Maria Ortega".into(),
                phone: "+1 503 555 0142".into(),
                email: "maria.ortega@example.com".into(),
            }],
            budget_min: Some(500_000),
            budget_max: Some(725_000),
            min_beds: Some(3),
            min_baths: Some(2.0),
            property_types: vec![PropertyType::House, PropertyType::Townhouse],
            preferred_areas: vec!["Sellwood".into(), "Richmond".into(), "Woodstock".into()],
            must_haves: vec!["fenced back yard".into()],
            nice_to_haves: vec![
                WeightedWish {
                    text: "garage".into(),
                    weight: 3,
                },
                WeightedWish {
                    text: "gas range".into(),
                    weight: 2,
                },
            ],
            deal_breakers: vec!["busy street".into()],
            agreement_signed: NaiveDate::from_ymd_opt(2026, 10, 3),
            notes: "Two kids; schools matter most.".into(),
            down_payment: Some(140_000),
            rate_percent: Some(6.5),
            term_years: Some(30),
            places: vec![ImportantPlace {
                name: "Maria's work (OHSU)".into(),
                coords: Some(LatLon {
                    lat: 45.4992,
                    lon: -122.6853,
                }),
                max_minutes: Some(30),
            }],
            commute_times: String::new(),
        },
        Buyer {
            id: id(2),
            stamp,
            name: "Linh Tran".into(),
            contacts: vec![Contact {
                name: "Linh Tran".into(),
                phone: "+1 971 555 0187".into(),
                email: "linh.tran@example.com".into(),
            }],
            budget_min: None,
            budget_max: Some(500_000),
            min_beds: Some(1),
            min_baths: Some(1.0),
            property_types: vec![PropertyType::Condo],
            preferred_areas: vec!["Pearl District".into(), "Buckman".into(), "Nob Hill".into()],
            must_haves: vec![],
            nice_to_haves: vec![WeightedWish {
                text: "central air".into(),
                weight: 3,
            }],
            deal_breakers: vec![],
            agreement_signed: NaiveDate::from_ymd_opt(2026, 11, 2),
            notes: "Bikes to work downtown.".into(),
            down_payment: Some(100_000),
            rate_percent: Some(6.25),
            term_years: Some(30),
            places: vec![ImportantPlace {
                name: "Office downtown".into(),
                coords: Some(LatLon {
                    lat: 45.5190,
                    lon: -122.6780,
                }),
                max_minutes: Some(20),
            }],
            commute_times: String::new(),
        },
        Buyer {
            id: id(3),
            stamp,
            name: "Budi & Sari Santoso".into(),
            contacts: vec![Contact {
                name: "Budi Santoso".into(),
                phone: "+1 503 555 0119".into(),
                email: "budi.santoso@example.com".into(),
            }],
            budget_min: Some(750_000),
            budget_max: Some(1_000_000),
            min_beds: Some(4),
            min_baths: Some(2.5),
            property_types: vec![PropertyType::House],
            preferred_areas: vec![
                "Laurelhurst".into(),
                "Irvington".into(),
                "Eastmoreland".into(),
            ],
            must_haves: vec!["home office".into()],
            nice_to_haves: vec![WeightedWish {
                text: "original built-ins".into(),
                weight: 4,
            }],
            deal_breakers: vec!["no parking".into()],
            agreement_signed: None,
            notes: String::new(),
            down_payment: None,
            rate_percent: None,
            term_years: None,
            places: vec![],
            commute_times: String::new(),
        },
    ];

    let stop = |n: u128, property: usize, timing: Option<StopTiming>| Stop {
        id: id(0x3000 + n),
        property: id(0x100 + property as u128),
        duration_min: None,
        appointment: if timing.is_some() {
            AppointmentState::Confirmed
        } else {
            AppointmentState::ToRequest
        },
        timing,
        ..Stop::at(id(0x100 + property as u128))
    };
    let tours = vec![Tour {
        id: id(0x300),
        stamp,
        name: "Saturday, southeast".into(),
        buyer: Some(id(1)),
        date: NaiveDate::from_ymd_opt(2026, 11, 28),
        start: Place {
            label: "Office, 1221 SE Hawthorne Blvd".into(),
            coords: Some(LatLon {
                lat: 45.5122,
                lon: -122.6525,
            }),
        },
        start_time: NaiveTime::from_hms_opt(9, 30, 0),
        end: None,
        latest_end: NaiveTime::from_hms_opt(13, 0, 0),
        default_duration_min: 20,
        buffer_min: 5,
        stops: vec![
            stop(1, 0, None),
            stop(
                2,
                4,
                NaiveTime::from_hms_opt(10, 30, 0).map(|at| StopTiming::Pinned { at }),
            ),
            stop(3, 13, None),
        ],
        leg_overrides: vec![],
        circuity: None,
        speed_kmh: None,
        road_times: String::new(),
    }];

    Document {
        buyers,
        properties,
        tours,
        feedback: vec![],
        deleted: vec![],
        generation: 0,
    }
}

/// A large document for benchmarks: `properties` homes (cycling through the
/// sample homes with varied addresses, features, renovations and notes),
/// `tours` tours (the first of 15 stops, the others of 8), and 20 buyers.
pub fn large_document(properties: usize, tours: usize, now: DateTime<Utc>) -> Document {
    let base = sample_document(now);
    let mut doc = Document {
        buyers: Vec::new(),
        properties: Vec::with_capacity(properties),
        tours: Vec::with_capacity(tours),
        feedback: vec![],
        deleted: vec![],
        generation: 0,
    };
    for i in 0..20 {
        let mut b = base.buyers[i % base.buyers.len()].clone();
        b.id = Uuid::new_v4();
        b.name = format!("{} ({})", b.name, i + 1);
        doc.buyers.push(b);
    }
    for i in 0..properties {
        let mut p = base.properties[i % base.properties.len()].clone();
        p.id = Uuid::new_v4();
        p.address = format!("{} {}", 100 + i, p.address);
        p.list_price = p.list_price.map(|v| v + (i as u64 % 50) * 1_000);
        p.private_notes = format!("Showing notes for listing {i}: call the listing agent first.");
        for r in &mut p.renovations {
            r.id = Uuid::new_v4();
        }
        for n in &mut p.neighbourhood {
            n.id = Uuid::new_v4();
        }
        doc.properties.push(p);
    }
    let template = &base.tours[0];
    for t in 0..tours {
        let mut tour = template.clone();
        tour.id = Uuid::new_v4();
        tour.name = format!("Tour {}", t + 1);
        tour.buyer = Some(doc.buyers[t % doc.buyers.len()].id);
        // The first tour has 15 stops (the exact planner's limit), the rest 8.
        let stops = if t == 0 { 15 } else { 8 };
        tour.stops = (0..stops)
            .map(|k| Stop::at(doc.properties[(t * 16 + k) % doc.properties.len().max(1)].id))
            .collect();
        doc.tours.push(tour);
    }
    doc
}
