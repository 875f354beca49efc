//! Address search through a Nominatim-compatible geocoder (its `/search`),
//! over the network with gloo-net, on an explicit search only and at most
//! one request a second (the public OpenStreetMap geocoder's usage policy).
//! Only the typed text and the user's language leave the device.
use crate::domain::geocode::{read_answer, search_request, wait_before_next, Found};
use gloo_net::http::Request;
use std::cell::Cell;

/// Why the geocoder gave no places.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchError {
    /// This copy's security policy does not let it reach the geocoder.
    NotAllowed,
    /// No answer (offline, the server down) or not an answer.
    Unreachable,
}

const TIMEOUT_MS: u32 = 10_000;

thread_local! {
    /// When the last request went (performance.now()).
    static LAST: Cell<Option<f64>> = const { Cell::new(None) };
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The places the geocoder at `base` finds for `text`, in `lang`.
pub async fn search(base: &str, text: &str, lang: &str) -> Result<Vec<Found>, SearchError> {
    if !crate::routing::allowed(base) {
        return Err(SearchError::NotAllowed);
    }
    let wait = wait_before_next(LAST.get(), now());
    if wait > 0.0 {
        gloo_timers::future::TimeoutFuture::new(wait.ceil() as u32).await;
    }
    LAST.set(Some(now()));
    let controller = web_sys::AbortController::new().map_err(|_| SearchError::Unreachable)?;
    let timer = {
        let controller = controller.clone();
        gloo_timers::callback::Timeout::new(TIMEOUT_MS, move || controller.abort())
    };
    let (address, query) = search_request(base, text, lang);
    let response = Request::get(&address)
        .query(query.iter().map(|(k, v)| (*k, v.as_str())))
        .abort_signal(Some(&controller.signal()))
        .credentials(web_sys::RequestCredentials::Omit)
        .send()
        .await
        .map_err(|_| SearchError::Unreachable)?;
    if !response.ok() {
        return Err(SearchError::Unreachable);
    }
    let body = response
        .text()
        .await
        .map_err(|_| SearchError::Unreachable)?;
    drop(timer);
    read_answer(&body).map_err(|_| SearchError::Unreachable)
}
