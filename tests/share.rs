//! The share link and the feedback reply: round trips, privacy, broken links.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use chrono::{TimeZone, Utc};
use showplan::domain::model::{
    AppointmentState, Buyer, Document, ListingAgent, NeighbourhoodNote, NoteCategory, Renovation,
    Stop, Tour, Verdict,
};
use showplan::domain::packing::{deflate_base64, deflate_base64_with};
use showplan::domain::qr::{link_code, version};
use showplan::domain::sample::sample_document;
use showplan::domain::share::wire::{read_itinerary, write_itinerary, DICTIONARY};
use showplan::domain::share::*;

const MARKER: &str = "PRIVATE-7f3a9c";

fn options() -> ShareOptions {
    ShareOptions {
        agent: "Ana Lee".into(),
        agent_contact: "+1 503 555 0100".into(),
        currency: "USD".into(),
        renovations: true,
        now: None,
        map: String::new(),
    }
}

/// The sample document with a tour of `n` homes.
fn doc_with_tour(n: usize) -> (Document, Tour) {
    let mut doc = sample_document(Utc.timestamp_millis_opt(1_700_000_000_000).unwrap());
    let mut tour = doc.tours[0].clone();
    tour.stops = doc
        .properties
        .iter()
        .take(n)
        .map(|p| Stop::at(p.id))
        .collect();
    doc.tours[0] = tour.clone();
    (doc, tour)
}

#[test]
fn an_itinerary_round_trips() {
    let (doc, tour) = doc_with_tour(5);
    let it = itinerary(&tour, &doc.properties, &options());
    assert_eq!(it.stops.len(), 5);
    assert_eq!(it.agent, "Ana Lee");
    let fragment = encode_itinerary(&it);
    assert!(fragment.starts_with("2."));
    assert_eq!(decode_itinerary(&fragment).unwrap(), it);
    assert_eq!(decode_itinerary(&format!("#{fragment}")).unwrap(), it);
}

#[test]
fn the_street_map_file_travels_only_when_set() {
    let (doc, tour) = doc_with_tour(5);
    let plain = itinerary(&tour, &doc.properties, &options());
    let with_map = itinerary(
        &tour,
        &doc.properties,
        &ShareOptions {
            map: "maps/region.pmtiles".into(),
            ..options()
        },
    );
    assert_eq!(with_map.map, "maps/region.pmtiles");
    let back = decode_itinerary(&encode_itinerary(&with_map)).unwrap();
    assert_eq!(back, with_map);
    // Without one, the bytes are what they were before maps travelled.
    let bytes = write_itinerary(&plain);
    assert_eq!(read_itinerary(&bytes).unwrap().map, "");
    assert_eq!(
        write_itinerary(&with_map).len(),
        bytes.len() + 1 + "maps/region.pmtiles".len(),
        "the path and its length (the flags take two bytes with a currency either way)"
    );
}

#[test]
fn once_the_tour_day_begins_the_link_carries_the_new_times_and_the_skipped_stops() {
    use chrono::{NaiveDate, NaiveTime};
    let (doc, mut tour) = doc_with_tour(4);
    let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    tour.date = NaiveDate::from_ymd_opt(2026, 11, 28);
    tour.start_time = Some(at(9, 0));
    let planned = itinerary(&tour, &doc.properties, &options());
    assert!(planned.stops.iter().all(|s| !s.skipped));

    // The first showing began 40 minutes late and ran to 10:15; the
    // second home is skipped.
    let first = planned.stops[0].times;
    tour.stops[0].arrived =
        Some(at(9, 0) + chrono::TimeDelta::minutes(i64::from(first[0] - 540 + 40)));
    tour.stops[0].left = Some(at(10, 15));
    tour.stops[1].skipped = true;
    let day = itinerary(
        &tour,
        &doc.properties,
        &ShareOptions {
            now: Some(10 * 60 + 20),
            ..options()
        },
    );
    assert_eq!(day.stops[0].times[0], first[0] + 40, "the actual arrival");
    assert_eq!(day.stops[0].times[2], 10 * 60 + 15, "the actual departure");
    assert!(day.stops[1].skipped && !day.stops[2].skipped && !day.stops[3].skipped);
    // The third home now follows the first, after 10:20 (the clock).
    assert!(
        day.stops[2].times[0] > 10 * 60 + 20,
        "{:?}",
        day.stops[2].times
    );
    assert!(day.stops[2].times[0] != planned.stops[2].times[0]);
    assert!(day.finish >= day.stops[3].times[2]);
    assert!(
        day.finish > planned.finish,
        "the day ends later than planned"
    );

    // Both travel through the link.
    let back = decode_itinerary(&encode_itinerary(&day)).unwrap();
    assert_eq!(back, day);
    assert!(back.stops[1].skipped);
}

#[test]
fn nothing_private_reaches_the_link() {
    let (mut doc, mut tour) = doc_with_tour(4);
    // A marker in every private field there is.
    for p in &mut doc.properties {
        p.private_notes = format!("{MARKER} seller will take less");
        p.renovations.push(Renovation {
            id: uuid::Uuid::new_v4(),
            item: format!("{MARKER} item"),
            room: format!("{MARKER} room"),
            priority: Default::default(),
            cost_low: 1000,
            cost_high: 2000,
            note: format!("{MARKER} note"),
        });
        p.neighbourhood.push(NeighbourhoodNote {
            id: uuid::Uuid::new_v4(),
            category: NoteCategory::Safety,
            rating: 2,
            text: format!("{MARKER} not for the buyer"),
            shareable: false,
        });
        p.listing_agent = ListingAgent {
            name: format!("{MARKER} agent"),
            phone: "+1 503 555 0199".into(),
            email: format!("{MARKER}@example.com"),
            brokerage: format!("{MARKER} realty"),
            language: "es".into(),
        };
        p.checked = Some(Utc::now());
        // Photos and voice notes stay on the device: not even their captions.
        p.media = vec![showplan::domain::media::Media {
            caption: format!("{MARKER} photo caption"),
            room: format!("{MARKER} photo room"),
            feature: format!("{MARKER} photo feature"),
            ..showplan::domain::media::Media::photo(
                uuid::Uuid::new_v4(),
                Utc::now(),
                1600,
                1200,
                300_000,
            )
        }]
        .into();
    }
    for s in &mut tour.stops {
        s.note = format!("{MARKER} stop note");
        s.appointment = AppointmentState::Declined;
        s.impression = Some(1);
    }
    let mut buyer = Buyer::new(&format!("{MARKER} buyer"), Utc::now());
    buyer.budget_max = Some(987_654_321);
    buyer.notes = MARKER.into();
    doc.buyers.push(buyer);
    let mut other = Tour::new(&format!("{MARKER} other tour"), None, Utc::now());
    other.stops.push(Stop::at(doc.properties[20].id));
    doc.tours.push(other);

    let it = itinerary(&tour, &doc.properties, &options());
    let json = serde_json::to_string(&it).unwrap();
    let fragment = encode_itinerary(&it);
    let decoded = serde_json::to_string(&decode_itinerary(&fragment).unwrap()).unwrap();
    for text in [&json, &decoded, &fragment] {
        assert!(!text.contains(MARKER), "a private field leaked: {text}");
        assert!(!text.contains("987654321"), "the budget leaked");
        assert!(
            !text.contains("5550199"),
            "the listing agent's phone leaked"
        );
        assert!(!text.contains("declined"), "an appointment state leaked");
        assert!(
            !text.contains(&doc.properties[20].address),
            "another tour's home leaked"
        );
    }
    // Shared on purpose: renovation totals (ticked), shareable notes only.
    assert!(it.stops.iter().all(|s| s.renovations.is_some()));
    let without = itinerary(
        &tour,
        &doc.properties,
        &ShareOptions {
            renovations: false,
            ..options()
        },
    );
    assert!(without.stops.iter().all(|s| s.renovations.is_none()));
}

#[test]
fn each_kind_of_broken_link_has_its_error() {
    let (doc, tour) = doc_with_tour(3);
    let good = encode_itinerary(&itinerary(&tour, &doc.properties, &options()));
    assert_eq!(decode_itinerary(""), Err(ShareError::Empty));
    assert_eq!(decode_itinerary("#"), Err(ShareError::Empty));
    assert_eq!(decode_itinerary("hello"), Err(ShareError::NotALink));
    assert_eq!(decode_itinerary("x.abc"), Err(ShareError::NotALink));
    assert_eq!(decode_itinerary("0.abc"), Err(ShareError::NotALink));
    assert_eq!(
        decode_itinerary(&good.replacen("2.", "3.", 1)),
        Err(ShareError::Newer(3))
    );
    assert_eq!(
        decode_itinerary(&"1.".repeat(7000)),
        Err(ShareError::TooLong)
    );
    assert_eq!(decode_itinerary("1.ab$cd"), Err(ShareError::Garbled));
    // Cut short, as a messaging app might.
    assert_eq!(
        decode_itinerary(&good[..good.len() * 2 / 3]),
        Err(ShareError::Damaged)
    );
    // A bomb: a megabyte of zeros in a few hundred bytes.
    let mut bomb = String::from("1.");
    deflate_base64(&vec![b' '; 1 << 20], 10, &mut bomb);
    assert!(bomb.len() < 2000);
    assert_eq!(decode_itinerary(&bomb), Err(ShareError::TooLarge));
    let mut bomb = String::from("2.");
    deflate_base64_with(DICTIONARY, &vec![b' '; 1 << 20], &mut bomb);
    assert_eq!(decode_itinerary(&bomb), Err(ShareError::TooLarge));
    // Valid compression, wrong content.
    let mut other = String::from("1.");
    deflate_base64(br#"{"hello":"world"}"#, 10, &mut other);
    assert_eq!(decode_itinerary(&other), Err(ShareError::WrongContent));
    let mut other = String::from("2.");
    deflate_base64_with(DICTIONARY, b"\x01hello world", &mut other);
    assert_eq!(decode_itinerary(&other), Err(ShareError::WrongContent));
    // A reply is not an itinerary, and the other way round.
    let reply = encode_reply(&Reply {
        tour: "0123456789ab".into(),
        sent: 1,
        reactions: vec![],
    });
    assert_eq!(decode_itinerary(&reply), Err(ShareError::WrongContent));
    assert_eq!(decode_reply(&good), Err(ShareError::WrongContent));
    // Tampered: every single-character change is refused or decodes to
    // something else; it never panics.
    let body = good.as_bytes();
    for i in (2..body.len()).step_by(7) {
        let mut t = body.to_vec();
        t[i] = if t[i] == b'A' { b'B' } else { b'A' };
        let _ = decode_itinerary(std::str::from_utf8(&t).unwrap());
    }
}

#[test]
fn a_reply_attaches_once_to_its_tour() {
    let (mut doc, tour) = doc_with_tour(3);
    let it = itinerary(&tour, &doc.properties, &options());
    let reply = Reply {
        tour: it.tour.clone(),
        sent: 1_700_000_500_000,
        reactions: vec![
            Reaction {
                stop: it.stops[0].id.clone(),
                person: "Maria".into(),
                rating: Some(5),
                verdict: Some(Verdict::SeeAgain),
                comment: "Loved the kitchen".into(),
            },
            Reaction {
                stop: it.stops[1].id.clone(),
                person: "Daniel".into(),
                rating: Some(2),
                verdict: Some(Verdict::No),
                comment: String::new(),
            },
            Reaction {
                stop: "ffff".into(),
                person: "Maria".into(),
                rating: Some(3),
                verdict: None,
                comment: String::new(),
            },
        ],
    };
    let decoded = decode_reply(&encode_reply(&reply)).unwrap();
    assert_eq!(decoded, reply);

    let matched = match_reply(&doc, &decoded).unwrap();
    assert_eq!(matched.tour, tour.id);
    assert_eq!(matched.feedback.len(), 2, "the unknown stop is dropped");
    assert_eq!(matched.already_here, 0);
    assert_eq!(add_reply(&mut doc, &matched), 2);
    let f = doc.feedback.iter().find(|f| f.person == "Maria").unwrap();
    assert_eq!(
        (f.stop, f.rating, f.comment.as_str()),
        (tour.stops[0].id, Some(5), "Loved the kitchen")
    );

    // The same reply again adds nothing.
    let again = match_reply(&doc, &decoded).unwrap();
    assert_eq!(again.already_here, 2);
    assert_eq!(add_reply(&mut doc, &again), 0);
    assert_eq!(doc.feedback.len(), 2);

    // A reply for a tour this device does not have says so.
    let stranger = Reply {
        tour: "0123456789ab".into(),
        ..reply
    };
    assert_eq!(match_reply(&doc, &stranger), Err(ReplyProblem::UnknownTour));
    // Ratings outside 1-5 are refused.
    let bad = Reply {
        reactions: vec![Reaction {
            stop: "x".into(),
            person: "p".into(),
            rating: Some(9),
            verdict: None,
            comment: String::new(),
        }],
        ..stranger
    };
    assert_eq!(
        decode_reply(&encode_reply(&bad)),
        Err(ShareError::WrongContent)
    );
}

#[test]
fn links_stay_short_enough_for_messages_and_qr_codes() {
    let prefix = "https://example.github.io/showplan/#".len();
    for n in [5, 10, 20, 40] {
        let (doc, tour) = doc_with_tour(n.min(25));
        let mut tour = tour;
        // Past 25 homes, visit some twice (a long day).
        while tour.stops.len() < n {
            let again = tour.stops[tour.stops.len() % 25].property;
            tour.stops.push(Stop::at(again));
        }
        let it = itinerary(&tour, &doc.properties, &options());
        let full = encode_itinerary(&it).len() + prefix;
        let (fragment, left) = encode_within(&it, prefix);
        let url = format!("https://example.github.io/showplan/#{fragment}");
        let qr = link_code(&url).map(|c| version(&c)).unwrap_or(0);
        println!(
            "{n} stops: {full} characters in full, {} sent, left out {left:?}, QR (M) {qr}",
            url.len()
        );
        assert!(fragment.len() + prefix <= MAX_LINK, "{n} stops");
        let back = decode_itinerary(&fragment).unwrap();
        assert_eq!(back.stops.len(), n, "every stop stays");
        assert_eq!(left == LeftOut::default(), full <= MAX_LINK);
        if n == 10 {
            // The targets: a 10-stop tour with its notes in at most 1,000
            // characters, and a QR code of at most version 25 (M).
            assert!(url.len() <= 1000, "10 stops: {} characters", url.len());
            assert!((1..=25).contains(&qr), "10 stops: QR version {qr}");
        }
    }
}

#[test]
fn links_made_in_format_1_still_open() {
    // Format 1 was compact JSON; links already sent and itineraries kept on
    // buyers' phones must keep working.
    let (doc, tour) = doc_with_tour(4);
    let mut it = itinerary(&tour, &doc.properties, &options());
    for s in &mut it.stops {
        s.id = format!("ab{}", s.id); // format 1 ids had 6 digits
    }
    let mut old = String::from("1.");
    deflate_base64(&serde_json::to_vec(&it).unwrap(), 10, &mut old);
    assert_eq!(decode_itinerary(&old).unwrap(), it);
}

#[test]
fn the_binary_layout_round_trips_every_optional_field_and_refuses_any_cut() {
    use showplan::domain::model::{AreaUnit, PropertyType};
    let (doc, tour) = doc_with_tour(6);
    let mut it = itinerary(&tour, &doc.properties, &options());
    it.end = Some(SharedPlace {
        label: "Home, café ☕".into(),
        coords: Some([-33.8688, 151.2093]),
    });
    it.date = None;
    it.currency = "RON".into();
    it.stops[1].coords = None;
    it.stops[2].price = Some(1_234_567);
    it.stops[2].baths = Some(1.75);
    it.stops[3].area_unit = AreaUnit::SqM;
    it.stops[3].kind = PropertyType::Land;
    it.stops[3].beds = None;
    it.stops[4].renovations = Some([0, 250]);
    it.stops[5].times = [900, 930, 945]; // waited for an appointment
    it.stops[5].address = "Strada Lipscani 12, București".into(); // no common town
    let bytes = write_itinerary(&it);
    assert_eq!(read_itinerary(&bytes).unwrap(), it);
    assert_eq!(decode_itinerary(&encode_itinerary(&it)).unwrap(), it);
    for cut in 0..bytes.len() {
        assert!(read_itinerary(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(read_itinerary(&longer).is_err(), "trailing bytes");
}

#[test]
fn the_preset_dictionary_never_changes() {
    // Every format-2 link inflates against these exact bytes: a change
    // must come with a new format number, and this test says so.
    let fnv = DICTIONARY.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    assert_eq!((DICTIONARY.len(), fnv), (2201, 7_531_051_216_748_498_791));
}

#[test]
fn the_calendar_has_one_event_per_showing_in_utc() {
    use showplan::domain::calendar::{escape, fold, ics};
    let (doc, tour) = doc_with_tour(3);
    let mut it = itinerary(&tour, &doc.properties, &options());
    it.name = "Saturday; north, east\\west".into();
    let now = Utc.timestamp_millis_opt(1_764_000_000_000).unwrap();
    // Portland in November: UTC-8.
    let to_utc = |d: chrono::NaiveDate, m: u32| {
        Some(d.and_hms_opt(m / 60, m % 60, 0)?.and_utc() + chrono::Duration::hours(8))
    };
    let text = ics(&it, now, to_utc).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(text.matches("BEGIN:VEVENT\r\n").count(), 3);
    assert!(text.split("\r\n").all(|l| l.len() <= 75), "folded");
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "only CRLF line ends"
    );
    let first = it.stops[0].times[1];
    let expected = format!("DTSTART:20261128T{:02}{:02}00Z", first / 60 + 8, first % 60);
    assert!(text.contains(&expected), "{expected} in {text}");
    assert!(!text.contains("STATUS:CANCELLED"));
    // A stop skipped on the tour day: the same event, cancelled.
    let mut skipped = it.clone();
    skipped.stops[1].skipped = true;
    let again = ics(&skipped, now, to_utc).unwrap();
    assert_eq!(again.matches("STATUS:CANCELLED").count(), 1);
    assert_eq!(again.matches("BEGIN:VEVENT\r\n").count(), 3);
    let unfolded = text.replace("\r\n ", "");
    assert!(unfolded
        .contains("DESCRIPTION:Saturday\\; north\\, east\\\\west\\nAna Lee +1 503 555 0100"));
    assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    let mut out = String::new();
    fold(&format!("SUMMARY:{}", "é".repeat(60)), &mut out);
    assert!(out
        .split("\r\n")
        .all(|l| l.len() <= 75 && std::str::from_utf8(l.as_bytes()).is_ok()));
    assert_eq!(
        out.replace("\r\n ", "").trim_end(),
        format!("SUMMARY:{}", "é".repeat(60))
    );
    // No date, no calendar.
    it.date = None;
    assert!(ics(&it, now, to_utc).is_none());
}

#[test]
fn stop_ids_in_a_link_are_distinct_for_the_sample_tour() {
    let (doc, tour) = doc_with_tour(25);
    let it = itinerary(&tour, &doc.properties, &options());
    let mut ids: Vec<_> = it.stops.iter().map(|s| s.id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 25);
    let sample = sample_document(Utc::now());
    let ids: Vec<_> = sample.tours[0]
        .stops
        .iter()
        .map(|s| {
            itinerary(&sample.tours[0], &sample.properties, &options())
                .stops
                .iter()
                .find(|x| {
                    x.address
                        == sample
                            .properties
                            .iter()
                            .find(|p| p.id == s.property)
                            .unwrap()
                            .address
                })
                .unwrap()
                .id
                .clone()
        })
        .collect();
    assert_eq!(ids.len(), 3);
    assert!(
        ids[0] != ids[1] && ids[1] != ids[2] && ids[0] != ids[2],
        "{ids:?}"
    );
}

#[test]
fn a_reply_from_an_itinerary_kept_in_format_1_still_finds_its_tour() {
    // A buyer kept a format-1 itinerary (12-digit tour id) and replies now.
    let (doc, tour) = doc_with_tour(2);
    let it = itinerary(&tour, &doc.properties, &options());
    let full = format!("{:x}", tour.id.simple());
    let reply = Reply {
        tour: full[full.len() - 12..].to_string(),
        sent: 1,
        reactions: vec![Reaction {
            stop: it.stops[0].id.clone(),
            person: "Maria".into(),
            rating: Some(4),
            verdict: None,
            comment: String::new(),
        }],
    };
    let back = decode_reply(&encode_reply(&reply)).unwrap();
    let matched = match_reply(&doc, &back).unwrap();
    assert_eq!(matched.tour, tour.id);
    assert_eq!(matched.feedback.len(), 1);
}

mod reply_draft {
    use showplan::domain::model::Verdict;
    use showplan::domain::share::{Reaction, ReplyDraft};

    fn said(stop: &str, person: &str, rating: Option<u8>) -> Reaction {
        Reaction {
            stop: stop.into(),
            person: person.into(),
            rating,
            verdict: None,
            comment: String::new(),
        }
    }

    #[test]
    fn a_draft_is_kept_as_text_and_read_back() {
        let draft = ReplyDraft {
            person: "Ana".into(),
            reactions: vec![Reaction {
                verdict: Some(Verdict::SeeAgain),
                comment: "Great kitchen".into(),
                ..said("a1", "Ana", Some(5))
            }],
        };
        assert_eq!(ReplyDraft::from_text(&draft.to_text()), Some(draft));
        assert_eq!(ReplyDraft::from_text("{not json"), None);
    }

    /// As the build before this one kept it (serde_json), with a reaction
    /// not yet given a name: it still reads, and reads the same once
    /// written again.
    #[test]
    fn a_draft_kept_by_the_previous_build_reads() {
        let kept = r#"{"person":"","reactions":[{"s":"a1","p":"","r":3},{"s":"a2","p":"Ana","v":"see_again","c":"Great kitchen"}]}"#;
        let draft = ReplyDraft::from_text(kept).expect("reads");
        let expected = ReplyDraft {
            person: String::new(),
            reactions: vec![
                said("a1", "", Some(3)),
                Reaction {
                    verdict: Some(Verdict::SeeAgain),
                    comment: "Great kitchen".into(),
                    ..said("a2", "Ana", None)
                },
            ],
        };
        assert_eq!(draft, expected);
        assert_eq!(ReplyDraft::from_text(&draft.to_text()), Some(expected));
    }

    #[test]
    fn a_name_corrected_after_rating_takes_its_ratings_along() {
        let mut draft = ReplyDraft {
            person: "Anna".into(),
            reactions: vec![said("a1", "Ana", Some(4)), said("a2", "Ben", Some(2))],
        };
        draft.rename("Ana", "Anna");
        assert_eq!(draft.reactions[0].person, "Anna");
        // Switching to a person who already said something moves nothing.
        draft.rename("Anna", "Ben");
        assert_eq!(draft.reactions[0].person, "Anna");
        assert_eq!(draft.reactions[1].person, "Ben");
    }

    #[test]
    fn only_named_people_who_said_something_are_sent() {
        let draft = ReplyDraft {
            person: String::new(),
            reactions: vec![
                said("a1", "Ana", Some(4)),
                said("a1", "", Some(3)),
                said("a2", "Ben", None),
            ],
        };
        assert_eq!(draft.to_send(), vec![said("a1", "Ana", Some(4))]);
    }
}

mod contact_links {
    use showplan::domain::links::contact_href;

    #[test]
    fn a_phone_becomes_tel_and_an_email_mailto() {
        assert_eq!(
            contact_href("+1 503 555 0100").as_deref(),
            Some("tel:+15035550100")
        );
        assert_eq!(
            contact_href("(503) 555-0100").as_deref(),
            Some("tel:5035550100")
        );
        assert_eq!(
            contact_href("ana@example.com").as_deref(),
            Some("mailto:ana@example.com")
        );
        assert_eq!(contact_href("call the office"), None);
        assert_eq!(contact_href("12"), None);
        assert_eq!(contact_href("ana@"), None);
        assert_eq!(contact_href("503+555"), None);
        assert_eq!(contact_href(""), None);
    }
}
