//! Road times from the routing engine the user set (OSRM's `table`
//! service), over the network with gloo-net. Only coordinates leave the
//! device: no address, no name, no referrer, no cookie.
//!
//! Everything that can go wrong becomes an [`EngineError`]; the caller keeps
//! the estimate (or the road times it had) and says why.
use crate::domain::csp::allows_connect;
use crate::domain::model::LatLon;
use crate::domain::roads::osrm::DEFAULT_TABLE_LIMIT;
use crate::domain::roads::{
    blocks, commute_blocks, read_table, table_request, Block, CommuteTimes, EngineError,
    RoadMatrix, Table,
};
use gloo_net::http::Request;
use std::cell::Cell;
use std::rc::Rc;

/// How long one request may take before it counts as no answer.
const TIMEOUT_MS: u32 = 15_000;

/// The page's own Content-Security-Policy (the meta tag the build wrote).
fn page_policy() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(r#"meta[http-equiv="Content-Security-Policy"]"#)
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default()
}

fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// May this copy of Showplan fetch from `base`? (Its policy lists the
/// servers it may reach; see README, "Routing engine".)
pub fn allowed(base: &str) -> bool {
    allows_connect(&page_policy(), &page_url(), base)
}

/// Is the device offline, as far as the browser knows?
pub fn offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// One block's request and answer, given up after [`TIMEOUT_MS`].
async fn fetch_block(base: &str, places: &[LatLon], block: &Block) -> Result<Table, EngineError> {
    let controller = web_sys::AbortController::new().map_err(|_| EngineError::Unreachable)?;
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        gloo_timers::callback::Timeout::new(TIMEOUT_MS, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let signal = controller.signal();
    let lost = |_| {
        if timed_out.get() {
            EngineError::Timeout
        } else {
            EngineError::Unreachable
        }
    };
    let (address, query) = table_request(base, places, block);
    let response = Request::get(&address)
        .query(query.iter().map(|(k, v)| (*k, v.as_str())))
        .abort_signal(Some(&signal))
        .referrer_policy(web_sys::ReferrerPolicy::NoReferrer)
        .credentials(web_sys::RequestCredentials::Omit)
        .send()
        .await
        .map_err(lost)?;
    // OSRM answers its errors (TooBig, NoSegment) as JSON with a 400.
    let body = response.text().await.map_err(lost)?;
    drop(timer);
    read_table(&body, block)
}

/// Asks the engine at `base` for the blocks `plan(limit)` makes of
/// `places`, starting from OSRM's default limit and asking again in
/// smaller blocks whenever the server says a request is too big. Each
/// answer goes to `take` (a retry starts over with `restart`).
async fn fetch_blocks(
    base: &str,
    places: &[LatLon],
    plan: impl Fn(usize) -> Vec<Block>,
    mut restart: impl FnMut(),
    mut take: impl FnMut(&Block, &Table),
) -> Result<Vec<usize>, EngineError> {
    if !allowed(base) {
        return Err(EngineError::NotAllowed);
    }
    if offline() {
        return Err(EngineError::Unreachable);
    }
    let mut limit = DEFAULT_TABLE_LIMIT;
    'sizes: loop {
        restart();
        let mut off_road: Vec<usize> = Vec::new();
        for block in plan(limit) {
            match fetch_block(base, places, &block).await {
                Ok(table) => {
                    off_road.extend(&table.off_road);
                    take(&block, &table);
                }
                Err(EngineError::TooBig) if limit > 2 => {
                    // Smaller blocks: at most half, and fewer than all.
                    limit = (limit / 2).min(places.len().saturating_sub(1)).max(2);
                    continue 'sizes;
                }
                Err(e) => return Err(e),
            }
        }
        off_road.sort_unstable();
        off_road.dedup();
        return Ok(off_road);
    }
}

/// Road times between `places` from the engine at `base`. Returns the
/// matrix and the places the engine could not put on a road (their legs
/// stay empty).
pub async fn road_times(
    base: &str,
    places: &[LatLon],
) -> Result<(RoadMatrix, Vec<usize>), EngineError> {
    let matrix = std::cell::RefCell::new(RoadMatrix::new(places, chrono::Utc::now()));
    let off_road = fetch_blocks(
        base,
        places,
        |limit| blocks(places.len(), limit),
        || *matrix.borrow_mut() = RoadMatrix::new(places, chrono::Utc::now()),
        |block, table| matrix.borrow_mut().fill(block, table),
    )
    .await?;
    if off_road.len() == places.len() {
        return Err(EngineError::NoRoad(off_road));
    }
    Ok((matrix.into_inner(), off_road))
}

/// Road times from each of `homes` to each of `places` (a buyer's), from
/// the engine at `base`.
pub async fn commute_times(
    base: &str,
    homes: &[LatLon],
    places: &[LatLon],
) -> Result<CommuteTimes, EngineError> {
    let all: Vec<LatLon> = homes.iter().chain(places).copied().collect();
    let times = std::cell::RefCell::new(CommuteTimes::new(homes, places, chrono::Utc::now()));
    fetch_blocks(
        base,
        &all,
        |limit| commute_blocks(homes.len(), places.len(), limit),
        || *times.borrow_mut() = CommuteTimes::new(homes, places, chrono::Utc::now()),
        |block, table| times.borrow_mut().fill(block, table),
    )
    .await?;
    Ok(times.into_inner().done())
}
