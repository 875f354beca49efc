//! Road times from homes to a buyer's important places, kept on the buyer:
//! the places and homes they were computed for, and when.
use super::matrix::{key, point_text, read_point, same};
use super::osrm::{Block, Table};
use crate::domain::model::LatLon;
use chrono::{DateTime, Utc};

/// Seconds by road from each home to each of the buyer's places.
#[derive(Debug, Clone, PartialEq)]
pub struct CommuteTimes {
    pub at: DateTime<Utc>,
    /// The buyer's places, `[lat, lon]`, in order.
    pub places: Vec<[f64; 2]>,
    /// Each home's position and its seconds to each place (`None`: no road).
    pub homes: Vec<([f64; 2], Vec<Option<u32>>)>,
}

const TEXT: &str = "c1";

impl CommuteTimes {
    /// Empty times for `homes` to `places`, to fill block by block.
    pub fn new(homes: &[LatLon], places: &[LatLon], at: DateTime<Utc>) -> CommuteTimes {
        CommuteTimes {
            at,
            places: places.iter().map(|p| [p.lat, p.lon]).collect(),
            homes: homes
                .iter()
                .map(|h| ([h.lat, h.lon], vec![None; places.len()]))
                .collect(),
        }
    }

    /// Road times for `homes` in the order given (before [`CommuteTimes::fill`]);
    /// sorted once filled, by [`CommuteTimes::merged`] or [`CommuteTimes::from_text`].
    pub fn done(self) -> CommuteTimes {
        self.sorted()
    }

    /// Puts one block's answer in: its sources are homes (by index), its
    /// destinations the places (numbered after the homes).
    pub fn fill(&mut self, block: &Block, table: &Table) {
        let first_place = self.homes.len();
        for (r, home) in block.sources.clone().enumerate() {
            for (c, place) in block.destinations.clone().enumerate() {
                if table.off_road.contains(&home) || table.off_road.contains(&place) {
                    continue;
                }
                let cell = table
                    .seconds
                    .get(r)
                    .and_then(|row| row.get(c))
                    .copied()
                    .flatten();
                if let Some((_, row)) = self.homes.get_mut(home) {
                    if let Some(slot) = place.checked_sub(first_place).and_then(|k| row.get_mut(k))
                    {
                        *slot = cell;
                    }
                }
            }
        }
    }

    /// Seconds by road from the home at `home` to the place at `place`.
    pub fn seconds(&self, home: LatLon, place: LatLon) -> Option<u32> {
        let k = self.places.iter().position(|p| same(*p, place))?;
        let at = self
            .homes
            .binary_search_by_key(&key(home.lat, home.lon), |(h, _)| key(h[0], h[1]))
            .ok()?;
        self.homes[at].1.get(k).copied().flatten()
    }

    /// Homes in coordinate order, so a lookup is a binary search.
    fn sorted(mut self) -> CommuteTimes {
        self.homes.sort_by_key(|(h, _)| key(h[0], h[1]));
        self.homes.dedup_by_key(|(h, _)| key(h[0], h[1]));
        self
    }

    /// Were these times computed for exactly these places?
    pub fn for_places(&self, places: &[LatLon]) -> bool {
        self.places.len() == places.len()
            && self.places.iter().zip(places).all(|(a, b)| same(*a, *b))
    }

    /// Of `homes`, those these times do not cover.
    pub fn missing(&self, homes: &[LatLon]) -> Vec<LatLon> {
        let have: std::collections::HashSet<(i64, i64)> =
            self.homes.iter().map(|(h, _)| key(h[0], h[1])).collect();
        homes
            .iter()
            .filter(|h| !have.contains(&key(h.lat, h.lon)))
            .copied()
            .collect()
    }

    /// These times with `other`'s homes added (same places; `other` wins).
    pub fn merged(mut self, other: CommuteTimes) -> CommuteTimes {
        for (home, row) in other.homes {
            match self.homes.iter_mut().find(|(h, _)| {
                same(
                    *h,
                    LatLon {
                        lat: home[0],
                        lon: home[1],
                    },
                )
            }) {
                Some(slot) => slot.1 = row,
                None => self.homes.push((home, row)),
            }
        }
        self.at = other.at;
        self.sorted()
    }

    /// These times for `homes` only: a home moved or gone is not kept.
    pub fn only(mut self, homes: &[LatLon]) -> CommuteTimes {
        let wanted: std::collections::HashSet<(i64, i64)> =
            homes.iter().map(|h| key(h.lat, h.lon)).collect();
        self.homes
            .retain(|(h, _)| wanted.contains(&key(h[0], h[1])));
        self
    }

    /// As kept on the buyer: `c1;<ms>;<place>|...;<home>=<s>,<s>|...`.
    pub fn to_text(&self) -> String {
        let places: Vec<String> = self.places.iter().map(|p| point_text(*p)).collect();
        let homes: Vec<String> = self
            .homes
            .iter()
            .map(|(h, row)| {
                let cells: Vec<String> = row
                    .iter()
                    .map(|c| c.map(|v| v.to_string()).unwrap_or_default())
                    .collect();
                format!("{}={}", point_text(*h), cells.join(","))
            })
            .collect();
        format!(
            "{TEXT};{};{};{}",
            self.at.timestamp_millis(),
            places.join("|"),
            homes.join("|")
        )
    }

    /// Reads [`CommuteTimes::to_text`]; `None` for anything else.
    pub fn from_text(text: &str) -> Option<CommuteTimes> {
        let mut parts = text.split(';');
        if parts.next()? != TEXT {
            return None;
        }
        let at = DateTime::from_timestamp_millis(parts.next()?.parse().ok()?)?;
        let places: Vec<[f64; 2]> = parts
            .next()?
            .split('|')
            .map(read_point)
            .collect::<Option<_>>()?;
        let homes_text = parts.next()?;
        if parts.next().is_some() || places.is_empty() {
            return None;
        }
        let homes = if homes_text.is_empty() {
            Vec::new()
        } else {
            homes_text
                .split('|')
                .map(|h| {
                    let (at, cells) = h.split_once('=')?;
                    let row: Vec<Option<u32>> = cells
                        .split(',')
                        .map(|c| {
                            if c.is_empty() {
                                Some(None)
                            } else {
                                c.parse().ok().map(Some)
                            }
                        })
                        .collect::<Option<_>>()?;
                    (row.len() == places.len()).then_some((read_point(at)?, row))
                })
                .collect::<Option<_>>()?
        };
        Some(CommuteTimes { at, places, homes }.sorted())
    }
}

/// The requests for `homes` homes to `places` places when the server takes
/// at most `limit` places at once: homes in groups, all places each time.
/// Homes are numbered first, then the places.
pub fn commute_blocks(homes: usize, places: usize, limit: usize) -> Vec<Block> {
    if homes == 0 || places == 0 {
        return Vec::new();
    }
    let size = limit.saturating_sub(places).max(1);
    (0..homes)
        .step_by(size)
        .map(|start| Block {
            sources: start..(start + size).min(homes),
            destinations: homes..homes + places,
        })
        .collect()
}
