//! The fixed-form readers in `domain::iso` against chrono's own parser.
use chrono::{DateTime, FixedOffset, NaiveTime, SecondsFormat, TimeZone, Timelike, Utc};
use showplan::domain::iso::{parse_date, parse_time, rfc3339_millis};
use showplan::domain::json;
use showplan::domain::model::{StopTiming, Tour};
use showplan::domain::sample::sample_document;

/// Dates and times spread over the calendar, with and without fractions.
fn instants() -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    let mut ms: i64 = -2_208_988_800_000; // 1900-01-01
    while ms < 4_102_444_800_000 {
        // 2100-01-01
        if let Some(t) = DateTime::from_timestamp_millis(ms) {
            out.push(t);
        }
        ms += 86_399_937 * 37 + 123_457; // a stride that walks days, seconds and milliseconds
    }
    out.extend(Utc.with_ymd_and_hms(2024, 2, 29, 23, 59, 59).single());
    out.extend(Utc.with_ymd_and_hms(2026, 12, 31, 0, 0, 0).single());
    out
}

#[test]
fn dates_and_times_read_back_exactly_what_chrono_writes() {
    for t in instants() {
        let date = t.date_naive();
        assert_eq!(parse_date(&date.to_string()), Some(date), "{date}");
        let time = t.time();
        assert_eq!(parse_time(&time.to_string()), Some(time), "{time}");
        if let Some(nanos) = time.with_nanosecond(123_456_789) {
            assert_eq!(parse_time(&nanos.to_string()), Some(nanos), "{nanos}");
        }
    }
    assert_eq!(parse_time("09:05"), NaiveTime::from_hms_opt(9, 5, 0));
    assert_eq!(
        parse_time("09:05:07.5"),
        NaiveTime::from_hms_milli_opt(9, 5, 7, 500)
    );
}

#[test]
fn rfc3339_instants_agree_with_chrono() {
    let formats = [
        SecondsFormat::Secs,
        SecondsFormat::Millis,
        SecondsFormat::Micros,
        SecondsFormat::Nanos,
        SecondsFormat::AutoSi,
    ];
    for t in instants() {
        for format in formats {
            for z in [true, false] {
                let text = t.to_rfc3339_opts(format, z);
                let chrono = DateTime::parse_from_rfc3339(&text)
                    .map(|d| d.timestamp_millis())
                    .ok();
                assert_eq!(rfc3339_millis(&text), chrono, "{text}");
            }
        }
        for zone in [
            FixedOffset::west_opt(5 * 3600 + 30 * 60),
            FixedOffset::east_opt(13 * 3600),
        ]
        .into_iter()
        .flatten()
        {
            let text = t.with_timezone(&zone).to_rfc3339();
            assert_eq!(rfc3339_millis(&text), Some(t.timestamp_millis()), "{text}");
        }
    }
    // The stored last-backup time is written with `to_rfc3339`.
    let now = Utc::now();
    assert_eq!(
        rfc3339_millis(&now.to_rfc3339()),
        Some(now.timestamp_millis())
    );
}

#[test]
fn malformed_text_is_refused() {
    let dates = [
        "",
        "2026-1-05",
        "2026-02-30",
        "2026-13-01",
        "26-01-05",
        "2026-01-05x",
        "2026/01/05",
        "+2026-01-05",
        "２０２６-01-05",
    ];
    for s in dates {
        assert_eq!(parse_date(s), None, "{s:?}");
    }
    let times = [
        "",
        "9:05",
        "09:5",
        "24:00",
        "09:60",
        "09:05:61",
        "09:05:07.",
        "09:05:07.1234567890",
        "09-05",
        "09:05 ",
        "-9:05",
    ];
    for s in times {
        assert_eq!(parse_time(s), None, "{s:?}");
    }
    let instants = [
        "",
        "2026-09-14",
        "2026-09-14T16:02Z",
        "2026-09-14T16:02:11",
        "2026-09-14T16:02:11+2:00",
        "2026-09-14T16:02:11+24:00",
        "2026-09-14X16:02:11Z",
        "2026-02-30T16:02:11Z",
        "2026-09-14T16:02:11ZZ",
        "ż026-09-14T16:02:11Z",
    ];
    for s in instants {
        assert_eq!(rfc3339_millis(s), None, "{s:?}");
        assert!(
            DateTime::parse_from_rfc3339(s).is_err(),
            "chrono reads {s:?}"
        );
    }
}

#[test]
fn tour_dates_and_times_round_trip_through_the_saved_json() {
    let now = DateTime::from_timestamp_millis(1_795_683_600_000).unwrap_or_default();
    let document = sample_document(now);
    let json = showplan::domain::codec::document_json(&document);
    let tours: Vec<&Tour> = document.tours.iter().collect();
    assert!(tours
        .iter()
        .any(|t| t.date.is_some() && t.start_time.is_some()));
    assert!(tours
        .iter()
        .flat_map(|t| &t.stops)
        .any(|s| matches!(s.timing, Some(StopTiming::Pinned { .. }))));
    let back =
        showplan::domain::codec::decode(&showplan::domain::codec::envelope(&json, Utc::now()))
            .map(|d| d.document);
    assert_eq!(back, Ok(document));
    // A malformed time names what it expected.
    let broken = json.replacen("\"start_time\":\"", "\"start_time\":\"9.5", 1);
    let error =
        showplan::domain::codec::decode(&showplan::domain::codec::envelope(&broken, Utc::now()))
            .map(|_| ());
    assert!(
        format!("{error:?}").contains("a time (HH:MM:SS)"),
        "{error:?}"
    );
}

#[test]
fn stop_times_keep_their_saved_form_and_refuse_incomplete_ones() {
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
    let ten = NaiveTime::from_hms_opt(10, 30, 0).unwrap_or_default();
    let cases = [
        (
            StopTiming::Pinned { at: nine },
            r#"{"kind":"pinned","at":"09:00:00"}"#,
        ),
        (
            StopTiming::Window {
                earliest: nine,
                latest: ten,
            },
            r#"{"kind":"window","earliest":"09:00:00","latest":"10:30:00"}"#,
        ),
    ];
    let read = |json: &str| json::read::<StopTiming>(json);
    for (timing, json) in cases {
        assert_eq!(read(json), Ok(timing));
        // Written with the same fields (miniserde writes them by name).
        let written = json::to_text(&timing);
        let fields = |text: &str| {
            let mut parts: Vec<String> = text
                .trim_matches(['{', '}'])
                .split(',')
                .map(str::to_string)
                .collect();
            parts.sort();
            parts
        };
        assert_eq!(fields(&written), fields(json), "{written}");
        assert_eq!(read(&written), Ok(timing));
    }
    for (json, says) in [
        (r#"{"kind":"pinned"}"#, "\"at\" is missing"),
        (
            r#"{"kind":"window","earliest":"09:00"}"#,
            "\"latest\" is missing",
        ),
        (
            r#"{"kind":"sometime","at":"09:00"}"#,
            "unknown stop time kind",
        ),
        (r#"{"at":"09:00"}"#, "\"kind\" is missing"),
        (
            r#"{"kind":"pinned","at":"9 am"}"#,
            "\"at\": \"9 am\" is not a time",
        ),
    ] {
        let error = read(json).err().unwrap_or_default();
        assert!(error.contains(says), "{json}: {error}");
    }
}
