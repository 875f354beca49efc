//! Reading coordinates from what an agent pastes: "45.52, -122.68", or a
//! map link from Google Maps, Apple Maps or OpenStreetMap.
use super::model::LatLon;

/// Coordinates read from `text`, or `None` when none can be read.
pub fn parse_coords(text: &str) -> Option<LatLon> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if !text.contains("://") && !text.starts_with("geo:") {
        return pair(text);
    }
    if let Some(rest) = text.strip_prefix("geo:") {
        return pair(rest.split([';', '?']).next().unwrap_or_default());
    }
    // Google Maps: ".../@45.52,-122.68,15z" (the map centre) or a query.
    if let Some(at) = text.split_once("/@").map(|(_, r)| r) {
        if let Some(p) = pair(&at.split(',').take(2).collect::<Vec<_>>().join(",")) {
            return Some(p);
        }
    }
    // Google's "!3d45.52!4d-122.68" place marker.
    if let (Some(lat), Some(lon)) = (after(text, "!3d"), after(text, "!4d")) {
        if let Some(p) = checked(lat, lon) {
            return Some(p);
        }
    }
    // OpenStreetMap: a marker "?mlat=..&mlon=..", else the view "#map=15/45.52/-122.68".
    if let (Some(lat), Some(lon)) = (query(text, "mlat"), query(text, "mlon")) {
        if let (Ok(lat), Ok(lon)) = (lat.parse(), lon.parse()) {
            return checked(lat, lon);
        }
    }
    if let Some(map) = text.split_once("map=").map(|(_, r)| r) {
        let parts: Vec<&str> = map.split(['/', '&']).collect();
        if parts.len() >= 3 {
            if let (Ok(lat), Ok(lon)) = (parts[1].parse(), parts[2].parse()) {
                if let Some(p) = checked(lat, lon) {
                    return Some(p);
                }
            }
        }
    }
    // Query parameters holding "lat,lon": Apple (ll, q, sll), Google (q, query, ll, destination).
    for key in ["ll", "q", "query", "sll", "center", "destination", "daddr"] {
        if let Some(value) = query(text, key) {
            if let Some(p) = pair(&value) {
                return Some(p);
            }
        }
    }
    None
}

/// "lat, lon" or "lat lon".
fn pair(text: &str) -> Option<LatLon> {
    let cleaned = text
        .replace("%2C", ",")
        .replace("%2c", ",")
        .replace("%20", " ");
    let mut parts = cleaned
        .split(|c: char| c == ',' || c.is_whitespace() || c == ';')
        .filter(|s| !s.is_empty());
    let lat = parts.next()?.parse().ok()?;
    let lon = parts.next()?.parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    checked(lat, lon)
}

fn checked(lat: f64, lon: f64) -> Option<LatLon> {
    let ok = lat.is_finite()
        && lon.is_finite()
        && (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon);
    ok.then_some(LatLon { lat, lon })
}

fn after(text: &str, marker: &str) -> Option<f64> {
    let rest = text.split_once(marker)?.1;
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .unwrap_or(rest.len());
    rest[..end].parse().ok()
}

fn query(url: &str, key: &str) -> Option<String> {
    let query = url.split_once('?')?.1.split('#').next()?;
    query.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == key).then(|| v.replace('+', " "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(p: Option<LatLon>, lat: f64, lon: f64) -> bool {
        p.is_some_and(|p| (p.lat - lat).abs() < 1e-6 && (p.lon - lon).abs() < 1e-6)
    }

    #[test]
    fn plain_pairs() {
        assert!(near(parse_coords("45.5236, -122.6291"), 45.5236, -122.6291));
        assert!(near(parse_coords("45.5236 -122.6291"), 45.5236, -122.6291));
        assert!(near(parse_coords(" 44.4816,26.1012 "), 44.4816, 26.1012));
        assert!(near(
            parse_coords("geo:-6.2088,106.8456"),
            -6.2088,
            106.8456
        ));
    }

    #[test]
    fn map_links() {
        assert!(near(
            parse_coords("https://www.google.com/maps/@45.5236,-122.6291,17z"),
            45.5236,
            -122.6291
        ));
        assert!(near(
            parse_coords("https://www.google.com/maps/place/X/@45.52,-122.62,17z/data=!3m1!4b1!4m6!3d45.5236!4d-122.6291"),
            45.52,
            -122.62
        ));
        assert!(near(
            parse_coords("https://maps.google.com/?q=21.0285,105.8542"),
            21.0285,
            105.8542
        ));
        assert!(near(
            parse_coords("https://www.google.com/maps/search/?api=1&query=45.5%2C-122.6"),
            45.5,
            -122.6
        ));
        assert!(near(
            parse_coords("https://maps.apple.com/?ll=40.4168,-3.7038&q=Madrid"),
            40.4168,
            -3.7038
        ));
        assert!(near(
            parse_coords("https://maps.apple.com/?q=40.4168,-3.7038"),
            40.4168,
            -3.7038
        ));
        assert!(near(
            parse_coords("https://www.openstreetmap.org/#map=17/45.52360/-122.62910"),
            45.5236,
            -122.6291
        ));
        assert!(near(
            parse_coords(
                "https://www.openstreetmap.org/?mlat=45.5236&mlon=-122.6291#map=17/45.5/-122.6"
            ),
            45.5236,
            -122.6291
        ));
    }

    #[test]
    fn nothing_readable_is_none() {
        for bad in [
            "",
            "Portland",
            "https://maps.apple.com/?q=coffee",
            "https://www.google.com/maps/place/Portland",
            "95, 10",
            "45.5, 200",
            "NaN, 1",
            "1, 2, 3",
        ] {
            assert_eq!(parse_coords(bad), None, "{bad}");
        }
    }
}
