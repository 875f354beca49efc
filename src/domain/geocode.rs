//! Finding a place by its address: the request to a Nominatim-compatible
//! geocoder (its `/search`), reading its answer, and, offline or with no
//! geocoder, the homes in the catalogue whose address matches.
//!
//! The public OpenStreetMap geocoder's usage policy is kept by the caller
//! (src/components/place_search.rs): one request per explicit search,
//! never as the user types, at most one a second, with attribution.
use super::model::{LatLon, Property};
use serde::Deserialize;

/// The public OpenStreetMap geocoder, used unless another is set.
pub const PUBLIC_GEOCODER: &str = "https://nominatim.openstreetmap.org";
/// At most this many places are offered.
pub const MAX_RESULTS: usize = 5;
/// The least time between two requests, in milliseconds (the policy's one a second).
pub const MIN_GAP_MS: f64 = 1_000.0;

/// One place found.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub label: String,
    pub at: LatLon,
}

/// Why the geocoder's answer could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAnAnswer;

/// The address and query of a search for `text`, answered in `lang`.
pub fn search_request(base: &str, text: &str, lang: &str) -> (String, Vec<(&'static str, String)>) {
    (
        format!("{}/search", base.trim_end_matches('/')),
        vec![
            ("q", text.trim().to_string()),
            ("format", "jsonv2".to_string()),
            ("limit", MAX_RESULTS.to_string()),
            ("accept-language", lang.to_string()),
        ],
    )
}

#[derive(Deserialize)]
struct Place {
    lat: Coordinate,
    lon: Coordinate,
    #[serde(default)]
    display_name: String,
}

/// Nominatim writes coordinates as strings; others as numbers.
#[derive(Deserialize)]
#[serde(untagged)]
enum Coordinate {
    Text(String),
    Number(f64),
}

impl Coordinate {
    fn value(&self) -> Option<f64> {
        match self {
            Coordinate::Text(t) => t.trim().parse().ok(),
            Coordinate::Number(n) => Some(*n),
        }
        .filter(|v: &f64| v.is_finite())
    }
}

/// The places in a `/search` answer (JSON), best first; places without
/// usable coordinates are left out.
pub fn read_answer(json: &str) -> Result<Vec<Found>, NotAnAnswer> {
    let places: Vec<Place> = serde_json::from_str(json).map_err(|_| NotAnAnswer)?;
    Ok(places
        .into_iter()
        .filter_map(|p| {
            let (lat, lon) = (p.lat.value()?, p.lon.value()?);
            ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some(Found {
                label: p.display_name,
                at: LatLon { lat, lon },
            })
        })
        .take(MAX_RESULTS)
        .collect())
}

/// Homes in the catalogue with coordinates whose address holds every word
/// of `text` (ignoring case and commas): the search offline.
pub fn in_catalogue(text: &str, properties: &[Property]) -> Vec<Found> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    properties
        .iter()
        .filter_map(|p| {
            let at = p.coords?;
            let address = p.address.to_lowercase();
            words
                .iter()
                .all(|w| address.contains(w.as_str()))
                .then(|| Found {
                    label: p.address.clone(),
                    at,
                })
        })
        .take(MAX_RESULTS)
        .collect()
}

/// How long to wait before the next request may go, `last_ms` being when
/// the last one went (`None`: none yet).
pub fn wait_before_next(last_ms: Option<f64>, now_ms: f64) -> f64 {
    last_ms.map_or(0.0, |last| (last + MIN_GAP_MS - now_ms).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_asks_for_a_few_places_in_the_users_language() {
        let (url, query) = search_request("https://geo.example.org/", " 12 Avenue 3 ", "ro");
        assert_eq!(url, "https://geo.example.org/search");
        assert!(query.contains(&("q", "12 Avenue 3".into())));
        assert!(query.contains(&("format", "jsonv2".into())));
        assert!(query.contains(&("limit", "5".into())));
        assert!(query.contains(&("accept-language", "ro".into())));
    }

    #[test]
    fn nominatims_answer_is_read_with_string_coordinates() {
        let json = r#"[
            {"place_id": 1, "lat": "45.4527", "lon": "-122.7344", "display_name": "Avenue 4, Grid Town", "type": "residential"},
            {"lat": 45.46, "lon": -122.73, "display_name": "Bridge Street"},
            {"lat": "north", "lon": "-122", "display_name": "broken"},
            {"lat": "95", "lon": "0", "display_name": "off the globe"}
        ]"#;
        let found = read_answer(json).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].label, "Avenue 4, Grid Town");
        assert_eq!(
            found[0].at,
            LatLon {
                lat: 45.4527,
                lon: -122.7344
            }
        );
        assert_eq!(found[1].at.lat, 45.46);
        assert_eq!(read_answer("[]"), Ok(vec![]));
        assert_eq!(read_answer("<html>busy</html>"), Err(NotAnAnswer));
        assert_eq!(read_answer(r#"{"error": "x"}"#), Err(NotAnAnswer));
    }

    #[test]
    fn offline_the_catalogue_answers_by_every_word() {
        let home = |address: &str, coords: Option<LatLon>| Property {
            address: address.into(),
            coords,
            ..Property::new(chrono::Utc::now())
        };
        let here = Some(LatLon {
            lat: 45.5,
            lon: -122.6,
        });
        let homes = vec![
            home("12 Oak Street, Portland", here),
            home("14 Oak Avenue, Portland", here),
            home("12 Oak Street annex", None),
        ];
        let found = in_catalogue("oak, STREET", &homes);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].label, "12 Oak Street, Portland");
        assert_eq!(in_catalogue("portland", &homes).len(), 2);
        assert!(in_catalogue("  ", &homes).is_empty());
    }

    #[test]
    fn requests_are_at_least_a_second_apart() {
        assert_eq!(wait_before_next(None, 5_000.0), 0.0);
        assert_eq!(wait_before_next(Some(5_000.0), 5_400.0), 600.0);
        assert_eq!(wait_before_next(Some(5_000.0), 7_000.0), 0.0);
    }
}
