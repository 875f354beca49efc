//! Where the device is, from the browser's Geolocation API: one reading,
//! asked for when the user taps "Use my location".
use crate::domain::model::LatLon;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why no location came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocateError {
    /// The user or the browser's settings refused it.
    Denied,
    /// The device could not tell (no signal, location off).
    Unavailable,
    /// It took longer than [`WAIT_MS`].
    TimedOut,
    /// This browser has no Geolocation API (or not on this page).
    Unsupported,
}

/// How long a reading may take.
const WAIT_MS: u32 = 20_000;
/// A reading at most this old will do.
const OLDEST_MS: u32 = 60_000;

/// Whether this browser can say where it is at all: it has the API, and
/// the page is a secure context (HTTPS, localhost or a file), where alone
/// browsers answer. The button is left out where it cannot.
pub fn supported() -> bool {
    web_sys::window().is_some_and(|w| {
        let secure = js_sys::Reflect::get(&w, &"isSecureContext".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        secure && js_sys::Reflect::has(&w.navigator(), &"geolocation".into()).unwrap_or(false)
    })
}

/// A reading: where, and within how many metres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found {
    pub at: LatLon,
    pub within_m: f64,
}

/// The device's position, once.
pub async fn here() -> Result<Found, LocateError> {
    let geolocation = web_sys::window()
        .ok_or(LocateError::Unsupported)?
        .navigator()
        .geolocation()
        .map_err(|_| LocateError::Unsupported)?;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let found = Closure::once_into_js(move |position: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &position);
        });
        let refused = Closure::once_into_js(move |error: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        let options = web_sys::PositionOptions::new();
        options.set_enable_high_accuracy(true);
        options.set_timeout(WAIT_MS);
        options.set_maximum_age(OLDEST_MS);
        let asked = geolocation.get_current_position_with_error_callback_and_options(
            found.unchecked_ref(),
            Some(refused.unchecked_ref()),
            &options,
        );
        if asked.is_err() {
            let _ = refused
                .unchecked_ref::<js_sys::Function>()
                .call1(&JsValue::NULL, &JsValue::NULL);
        }
    });
    // Read by name: web-sys has the Geolocation position types only
    // behind its unstable flag. Codes from the Geolocation API:
    // 1 permission denied, 2 position unavailable, 3 timeout.
    let number = |target: &JsValue, name: &str| {
        js_sys::Reflect::get(target, &name.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    let position = JsFuture::from(promise).await.map_err(|error| {
        match number(&error, "code").map(|c| c as u32) {
            Some(1) => LocateError::Denied,
            Some(3) => LocateError::TimedOut,
            Some(_) => LocateError::Unavailable,
            None => LocateError::Unsupported,
        }
    })?;
    let coords =
        js_sys::Reflect::get(&position, &"coords".into()).map_err(|_| LocateError::Unavailable)?;
    let read = |name: &str| number(&coords, name).ok_or(LocateError::Unavailable);
    let (lat, lon) = (read("latitude")?, read("longitude")?);
    if lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0 {
        Ok(Found {
            at: LatLon { lat, lon },
            within_m: read("accuracy").unwrap_or(0.0),
        })
    } else {
        Err(LocateError::Unavailable)
    }
}
