//! The route map's projection, and directions for a leg in map apps.
use crate::domain::model::LatLon;

/// A point of the route map, in SVG user units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapPoint {
    pub x: f64,
    pub y: f64,
}

/// Projects coordinates into a `width` × `height` box with `pad` on each
/// side, north up, keeping the shape (equirectangular, scaled by the
/// cosine of the middle latitude). `None` stays `None`.
pub fn project(
    points: &[Option<LatLon>],
    width: f64,
    height: f64,
    pad: f64,
) -> Vec<Option<MapPoint>> {
    let known: Vec<LatLon> = points.iter().flatten().copied().collect();
    if known.is_empty() {
        return vec![None; points.len()];
    }
    let (mut min_lat, mut max_lat, mut min_lon, mut max_lon) =
        (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in &known {
        min_lat = min_lat.min(p.lat);
        max_lat = max_lat.max(p.lat);
        min_lon = min_lon.min(p.lon);
        max_lon = max_lon.max(p.lon);
    }
    let k = ((min_lat + max_lat) / 2.0).to_radians().cos().max(0.01);
    let span_x = (max_lon - min_lon) * k;
    let span_y = max_lat - min_lat;
    let scale =
        ((width - 2.0 * pad) / span_x.max(1e-9)).min((height - 2.0 * pad) / span_y.max(1e-9));
    // Centre the drawing in the box (a single place sits in the middle).
    let off_x = (width - span_x * scale) / 2.0;
    let off_y = (height - span_y * scale) / 2.0;
    points
        .iter()
        .map(|p| {
            p.map(|p| MapPoint {
                x: off_x + (p.lon - min_lon) * k * scale,
                y: off_y + (max_lat - p.lat) * scale,
            })
        })
        .collect()
}

/// Driving directions for one leg, in Google Maps.
pub fn google_directions(from: LatLon, to: LatLon) -> String {
    format!(
        "https://www.google.com/maps/dir/?api=1&origin={},{}&destination={},{}&travelmode=driving",
        from.lat, from.lon, to.lat, to.lon
    )
}

/// Driving directions for one leg, in Apple Maps.
pub fn apple_directions(from: LatLon, to: LatLon) -> String {
    format!(
        "https://maps.apple.com/?saddr={},{}&daddr={},{}&dirflg=d",
        from.lat, from.lon, to.lat, to.lon
    )
}
