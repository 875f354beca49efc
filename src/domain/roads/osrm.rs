//! OSRM's `table` service: the request for a set of places (split into
//! blocks when there are more than the server takes at once), and its
//! answer read into seconds and metres, with every way it can go wrong.
//!
//! Coordinates only leave the device: no address, no name.
use crate::domain::model::LatLon;
use serde::Deserialize;
use std::ops::Range;

/// How many places OSRM's `osrm-routed` takes in one table request unless
/// started with another `--max-table-size`.
pub const DEFAULT_TABLE_LIMIT: usize = 100;

/// A snapped point further than this from the place it was asked for is a
/// place the engine cannot reach by road (a home past the map's edge).
pub const MAX_SNAP_METRES: f64 = 1_000.0;

/// Why road times could not be had. The estimate is used instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EngineError {
    /// The address is not a web address (http or https).
    BadAddress,
    /// This copy of Showplan may not connect there (its security policy).
    NotAllowed,
    /// No answer: the server is down, the address is wrong, or no network.
    Unreachable,
    /// No answer in time.
    Timeout,
    /// More places than the server takes at once, even in blocks of two.
    TooBig,
    /// These places (by index) are too far from any road the engine knows.
    NoRoad(Vec<usize>),
    /// The server answered, but not as OSRM does.
    BadAnswer,
}

/// One request: the places of `sources` to those of `destinations`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub sources: Range<usize>,
    pub destinations: Range<usize>,
}

impl Block {
    /// The places the request names, in order: the sources, then the
    /// destinations when they are other places.
    pub fn places(&self) -> Vec<usize> {
        let mut out: Vec<usize> = self.sources.clone().collect();
        if self.destinations != self.sources {
            out.extend(self.destinations.clone());
        }
        out
    }
}

/// The requests for a full matrix of `n` places when the server takes at
/// most `limit` places at once: one request when they fit, else every
/// pair of groups of `limit / 2` places (a group of one place alone is
/// left out: the way from a place to itself is 0). Fewer than two places
/// need no request.
pub fn blocks(n: usize, limit: usize) -> Vec<Block> {
    if n < 2 {
        return Vec::new();
    }
    if n <= limit {
        return vec![Block {
            sources: 0..n,
            destinations: 0..n,
        }];
    }
    let size = (limit / 2).max(1);
    let groups: Vec<Range<usize>> = (0..n)
        .step_by(size)
        .map(|start| start..(start + size).min(n))
        .collect();
    groups
        .iter()
        .flat_map(|a| {
            groups.iter().map(move |b| Block {
                sources: a.clone(),
                destinations: b.clone(),
            })
        })
        // One place to itself is no request (OSRM wants two places): 0.
        .filter(|b| b.sources != b.destinations || b.sources.len() > 1)
        .collect()
}

/// The engine's base address as the user typed it, made ready to add a
/// path to: trimmed, without a trailing slash; `None` when it is not an
/// http or https address.
pub fn base_address(text: &str) -> Option<String> {
    let t = text.trim().trim_end_matches('/');
    let rest = t
        .strip_prefix("https://")
        .or_else(|| t.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let clean = !host.is_empty()
        && !t.contains(['?', '#', ' '])
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c));
    clean.then(|| t.to_string())
}

/// The `table` request for `block` of `places`: the address, and its
/// query parameters (kept apart: an HTTP client encodes them, and OSRM
/// refuses a query with a stray `&`).
pub fn table_request(
    base: &str,
    places: &[LatLon],
    block: &Block,
) -> (String, Vec<(&'static str, String)>) {
    let names = block.places();
    let coords: Vec<String> = names
        .iter()
        .filter_map(|&i| places.get(i))
        .map(|p| format!("{:.6},{:.6}", p.lon, p.lat))
        .collect();
    let address = format!("{base}/table/v1/driving/{}", coords.join(";"));
    let mut query = vec![("annotations", "duration,distance".to_string())];
    if block.destinations != block.sources {
        let s = block.sources.len();
        let d = block.destinations.len();
        let list = |r: Range<usize>| r.map(|i| i.to_string()).collect::<Vec<_>>().join(";");
        query.push(("sources", list(0..s)));
        query.push(("destinations", list(s..s + d)));
    }
    (address, query)
}

/// [`table_request`] as one address, unencoded (as OSRM's docs write it).
pub fn table_url(base: &str, places: &[LatLon], block: &Block) -> String {
    let (address, query) = table_request(base, places, block);
    let query: Vec<String> = query.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("{address}?{}", query.join("&"))
}

#[derive(Deserialize)]
struct Waypoint {
    #[serde(default)]
    distance: Option<f64>,
}

#[derive(Deserialize)]
struct Answer {
    code: String,
    #[serde(default)]
    durations: Option<Vec<Vec<Option<f64>>>>,
    #[serde(default)]
    distances: Option<Vec<Vec<Option<f64>>>>,
    #[serde(default)]
    sources: Vec<Waypoint>,
    #[serde(default)]
    destinations: Vec<Waypoint>,
}

/// One block's answer: seconds and metres from each source to each
/// destination (`None` where there is no road between them), and the
/// block's places too far from a road.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub seconds: Vec<Vec<Option<u32>>>,
    pub metres: Vec<Vec<Option<u32>>>,
    pub off_road: Vec<usize>,
}

fn whole(v: Option<f64>) -> Option<u32> {
    v.filter(|v| v.is_finite() && *v >= 0.0)
        .map(|v| v.round().min(f64::from(u32::MAX)) as u32)
}

/// Reads the server's answer to [`table_url`] for `block`.
pub fn read_table(body: &str, block: &Block) -> Result<Table, EngineError> {
    let answer: Answer = serde_json::from_str(body).map_err(|_| EngineError::BadAnswer)?;
    match answer.code.as_str() {
        "Ok" => {}
        "TooBig" => return Err(EngineError::TooBig),
        "NoSegment" => return Err(EngineError::NoRoad(block.places())),
        _ => return Err(EngineError::BadAnswer),
    }
    let (rows, cols) = (block.sources.len(), block.destinations.len());
    let grid = |m: Option<Vec<Vec<Option<f64>>>>| -> Result<Vec<Vec<Option<u32>>>, EngineError> {
        let m = m.ok_or(EngineError::BadAnswer)?;
        if m.len() != rows || m.iter().any(|r| r.len() != cols) {
            return Err(EngineError::BadAnswer);
        }
        Ok(m.into_iter()
            .map(|r| r.into_iter().map(whole).collect())
            .collect())
    };
    let seconds = grid(answer.durations)?;
    let metres = grid(answer.distances)?;
    let far = |w: &Waypoint| w.distance.is_some_and(|d| d > MAX_SNAP_METRES);
    let mut off_road: Vec<usize> = block
        .sources
        .clone()
        .zip(&answer.sources)
        .chain(block.destinations.clone().zip(&answer.destinations))
        .filter(|(_, w)| far(w))
        .map(|(i, _)| i)
        .collect();
    off_road.sort_unstable();
    off_road.dedup();
    Ok(Table {
        seconds,
        metres,
        off_road,
    })
}
