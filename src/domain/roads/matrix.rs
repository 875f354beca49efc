//! Road times kept with a tour: the places they were computed for, when,
//! and seconds and metres between every two of them.
use super::osrm::{Block, Table};
use crate::domain::model::LatLon;
use chrono::{DateTime, Utc};

/// Road times between places, as a routing engine answered them. Kept on
/// the tour as text ([`RoadMatrix::to_text`]): the document's reader only
/// sees a string, and only the pages that plan read the numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct RoadMatrix {
    /// When the engine answered.
    pub at: DateTime<Utc>,
    /// The places, `[lat, lon]`, in the order of the rows and columns.
    pub places: Vec<[f64; 2]>,
    /// Seconds from row to column; `None` where no road joins them.
    pub seconds: Vec<Vec<Option<u32>>>,
    /// Metres from row to column.
    pub metres: Vec<Vec<Option<u32>>>,
}

/// Two coordinates are one place when their [`key`]s agree (about 10 cm).
pub(crate) fn same(a: [f64; 2], b: LatLon) -> bool {
    key(a[0], a[1]) == key(b.lat, b.lon)
}

impl RoadMatrix {
    /// An empty matrix for `places`, to fill block by block.
    pub fn new(places: &[LatLon], at: DateTime<Utc>) -> RoadMatrix {
        let n = places.len();
        let mut seconds = vec![vec![None; n]; n];
        // From a place to itself: nothing to drive.
        for (i, row) in seconds.iter_mut().enumerate() {
            row[i] = Some(0);
        }
        RoadMatrix {
            at,
            places: places.iter().map(|p| [p.lat, p.lon]).collect(),
            metres: seconds.clone(),
            seconds,
        }
    }

    /// Puts one block's answer in its place. Legs to or from a place the
    /// engine could not put on a road stay empty.
    pub fn fill(&mut self, block: &Block, table: &Table) {
        for (r, from) in block.sources.clone().enumerate() {
            for (c, to) in block.destinations.clone().enumerate() {
                if table.off_road.contains(&from) || table.off_road.contains(&to) {
                    continue;
                }
                let cell = |m: &Vec<Vec<Option<u32>>>| {
                    m.get(r).and_then(|row| row.get(c)).copied().flatten()
                };
                if let Some(row) = self.seconds.get_mut(from) {
                    row[to] = cell(&table.seconds);
                }
                if let Some(row) = self.metres.get_mut(from) {
                    row[to] = cell(&table.metres);
                }
            }
        }
    }

    fn index(&self, p: LatLon) -> Option<usize> {
        self.places.iter().position(|q| same(*q, p))
    }

    /// Seconds and metres by road from `a` to `b`, when known.
    pub fn leg(&self, a: LatLon, b: LatLon) -> Option<(u32, u32)> {
        let (i, j) = (self.index(a)?, self.index(b)?);
        let s = self.seconds.get(i)?.get(j).copied().flatten()?;
        let m = self.metres.get(i)?.get(j).copied().flatten().unwrap_or(0);
        Some((s, m))
    }

    /// How many of `places` (those with coordinates) it was not computed
    /// for: a stop added or moved since.
    pub fn missing(&self, places: &[Option<LatLon>]) -> usize {
        places
            .iter()
            .flatten()
            .filter(|p| self.index(**p).is_none())
            .count()
    }
}

/// The version of the text form.
const TEXT: &str = "r1";

/// A point as kept in text: `<lat> <lon>`.
pub(crate) fn point_text(p: [f64; 2]) -> String {
    format!("{} {}", p[0], p[1])
}

/// Reads [`point_text`], refusing positions off the globe.
pub(crate) fn read_point(text: &str) -> Option<[f64; 2]> {
    let (lat, lon) = text.split_once(' ')?;
    let (lat, lon) = (lat.parse::<f64>().ok()?, lon.parse::<f64>().ok()?);
    (lat.abs() <= 90.0 && lon.abs() <= 180.0).then_some([lat, lon])
}

fn cells(m: &[Vec<Option<u32>>]) -> String {
    m.iter()
        .flatten()
        .map(|c| c.map(|v| v.to_string()).unwrap_or_default())
        .collect::<Vec<_>>()
        .join(",")
}

fn read_cells(text: &str, n: usize) -> Option<Vec<Vec<Option<u32>>>> {
    let flat: Vec<Option<u32>> = text
        .split(',')
        .map(|c| {
            if c.is_empty() {
                Ok(None)
            } else {
                c.parse().map(Some)
            }
        })
        .collect::<Result<_, _>>()
        .ok()?;
    (flat.len() == n * n).then(|| flat.chunks(n.max(1)).map(<[_]>::to_vec).collect())
}

impl RoadMatrix {
    /// As kept on the tour: `r1;<ms>;<lat> <lon>|...;<seconds>;<metres>`,
    /// cells row by row, empty where there is no road.
    pub fn to_text(&self) -> String {
        let places: Vec<String> = self.places.iter().map(|p| point_text(*p)).collect();
        format!(
            "{TEXT};{};{};{};{}",
            self.at.timestamp_millis(),
            places.join("|"),
            cells(&self.seconds),
            cells(&self.metres)
        )
    }

    /// Reads [`RoadMatrix::to_text`]; `None` for anything else (then the
    /// estimate is used, and the road times can be fetched again).
    pub fn from_text(text: &str) -> Option<RoadMatrix> {
        let mut parts = text.split(';');
        if parts.next()? != TEXT {
            return None;
        }
        let at = DateTime::from_timestamp_millis(parts.next()?.parse().ok()?)?;
        let places_text = parts.next()?;
        let places: Vec<[f64; 2]> = if places_text.is_empty() {
            Vec::new()
        } else {
            places_text
                .split('|')
                .map(read_point)
                .collect::<Option<_>>()?
        };
        let n = places.len();
        if n == 0 {
            return None;
        }
        let seconds = read_cells(parts.next()?, n)?;
        let metres = read_cells(parts.next()?, n)?;
        parts.next().is_none().then_some(RoadMatrix {
            at,
            places,
            seconds,
            metres,
        })
    }
}

/// A coordinate pair as a whole-number key (about 10 cm).
pub(crate) fn key(lat: f64, lon: f64) -> (i64, i64) {
    ((lat * 1e6).round() as i64, (lon * 1e6).round() as i64)
}

/// The distinct places with coordinates, in order: what a request names.
pub fn distinct(places: &[Option<LatLon>]) -> Vec<LatLon> {
    let mut seen = std::collections::HashSet::new();
    places
        .iter()
        .flatten()
        .filter(|p| seen.insert(key(p.lat, p.lon)))
        .copied()
        .collect()
}
