//! The street map's JavaScript (js/map.js: Leaflet and protomaps-leaflet),
//! driven from the wasm. The module is fetched only when a page shows a map:
//! `boot.js` offers `showplanMap()`, a dynamic `import()` of the file beside
//! it, so nothing of the map is in the first load. The module also keeps
//! the archive on the device (its own IndexedDB database, `showplan-map`),
//! and opens a map from that copy when it is of the same address.
use crate::domain::model::LatLon;
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why no street map shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapError {
    /// The map's own code could not be fetched (offline before it was ever
    /// kept, or a build without it).
    NoCode,
    /// The archive did not answer (offline, a wrong address, a server error).
    Unreachable,
    /// What came is not a PMTiles archive.
    NotArchive,
    /// Offline, with no copy of this archive kept on the device.
    Offline,
    /// The device has no room to keep the archive.
    NoRoom,
    /// The browser would not keep it (some private modes).
    NotKept,
}

/// What a marker stands for (its look).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinKind {
    Start,
    End,
    Stop,
    LeftOut,
    Home,
}

impl PinKind {
    fn as_str(self) -> &'static str {
        match self {
            PinKind::Start => "start",
            PinKind::End => "end",
            PinKind::Stop => "stop",
            PinKind::LeftOut => "out",
            PinKind::Home => "home",
        }
    }
}

/// One marker: where, the text on it, its kind and its accessible name.
#[derive(Debug, Clone, PartialEq)]
pub struct Pin {
    pub at: LatLon,
    pub label: String,
    pub kind: PinKind,
    pub name: String,
    pub selected: bool,
}

/// Words the map's controls say, in the user's language.
pub struct Labels {
    pub map: String,
    pub zoom_in: String,
    pub zoom_out: String,
}

fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a plain object's own property does not fail.
    let _ = Reflect::set(object, &key.into(), value);
}

fn reason(error: &JsValue) -> MapError {
    match Reflect::get(error, &"reason".into())
        .ok()
        .and_then(|r| r.as_string())
        .as_deref()
    {
        Some("not-archive") => MapError::NotArchive,
        Some("offline") => MapError::Offline,
        Some("no-room") => MapError::NoRoom,
        Some("not-kept") => MapError::NotKept,
        _ => MapError::Unreachable,
    }
}

/// The map module, fetched once (the browser keeps the import).
async fn module() -> Result<JsValue, MapError> {
    let window = web_sys::window().ok_or(MapError::NoCode)?;
    let load = Reflect::get(&window, &"showplanMap".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or(MapError::NoCode)?;
    let promise = load
        .call0(&JsValue::NULL)
        .ok()
        .and_then(|p| p.dyn_into::<Promise>().ok())
        .ok_or(MapError::NoCode)?;
    JsFuture::from(promise).await.map_err(|_| MapError::NoCode)
}

/// Calls `module[name](args…)` and waits for the promise it returns.
async fn call(name: &str, args: &[JsValue]) -> Result<JsValue, MapError> {
    let module = module().await?;
    let function = Reflect::get(&module, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or(MapError::NoCode)?;
    let promise = function
        .apply(&module, &args.iter().collect::<Array>())
        .map_err(|e| reason(&e))?
        .dyn_into::<Promise>()
        .map_err(|_| MapError::NoCode)?;
    JsFuture::from(promise).await.map_err(|e| reason(&e))
}

/// An open map; removed from the page when dropped.
pub struct StreetMap {
    handle: JsValue,
    _on_tap: Closure<dyn FnMut(f64, f64)>,
}

impl StreetMap {
    /// Opens a map of the archive at `url` in `element`. `on_tap` is called
    /// with where a tap landed while placing is on.
    pub async fn open(
        element: &web_sys::HtmlElement,
        url: &str,
        lang: &str,
        labels: &Labels,
        on_tap: impl FnMut(f64, f64) + 'static,
    ) -> Result<StreetMap, MapError> {
        let on_tap = Closure::<dyn FnMut(f64, f64)>::new(on_tap);
        let options = Object::new();
        set(&options, "url", &url.into());
        set(&options, "lang", &lang.into());
        let words = Object::new();
        set(&words, "map", &labels.map.as_str().into());
        set(&words, "zoomIn", &labels.zoom_in.as_str().into());
        set(&words, "zoomOut", &labels.zoom_out.as_str().into());
        set(&options, "labels", &words);
        set(&options, "onTap", on_tap.as_ref());
        let handle = call("open", &[element.into(), options.into()]).await?;
        Ok(StreetMap {
            handle,
            _on_tap: on_tap,
        })
    }

    fn run(&self, name: &str, args: &[JsValue]) {
        if let Some(f) = Reflect::get(&self.handle, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
        {
            // The map's own failures (a tile that did not come) are its to show.
            let _ = f.apply(&self.handle, &args.iter().collect::<Array>());
        }
    }

    /// Draws the markers and the route through `route`; fits the view to
    /// the markers when `fit`.
    pub fn show(&self, pins: &[Pin], route: &[LatLon], fit: bool) {
        let places: Array = pins
            .iter()
            .map(|p| {
                let o = Object::new();
                set(&o, "lat", &p.at.lat.into());
                set(&o, "lon", &p.at.lon.into());
                set(&o, "label", &p.label.as_str().into());
                set(&o, "kind", &p.kind.as_str().into());
                set(&o, "name", &p.name.as_str().into());
                set(&o, "selected", &p.selected.into());
                JsValue::from(o)
            })
            .collect();
        let line: Array = route
            .iter()
            .map(|p| {
                JsValue::from(
                    [JsValue::from(p.lat), JsValue::from(p.lon)]
                        .iter()
                        .collect::<Array>(),
                )
            })
            .collect();
        self.run("show", &[places.into(), line.into(), fit.into()]);
    }

    /// Whether a tap places something.
    pub fn placing(&self, on: bool) {
        self.run("placing", &[on.into()]);
    }

    /// The map's box changed size.
    pub fn resize(&self) {
        self.run("resize", &[]);
    }
}

impl Drop for StreetMap {
    fn drop(&mut self) {
        self.run("remove", &[]);
    }
}

/// The archive's size in bytes, when the server says it.
pub async fn archive_size(url: &str) -> Result<Option<f64>, MapError> {
    Ok(call("size", &[url.into()]).await?.as_f64())
}

/// The archive kept on this device: its address, size in bytes, and when
/// it was kept (ms since the epoch).
pub struct Kept {
    pub url: String,
    pub size: f64,
    pub saved_ms: f64,
}

/// What is kept on this device, if anything.
pub async fn kept() -> Option<Kept> {
    let record = call("kept", &[]).await.ok()?;
    let field = |k: &str| Reflect::get(&record, &k.into()).ok();
    Some(Kept {
        url: field("url")?.as_string()?,
        size: field("size")?.as_f64()?,
        saved_ms: field("saved")?.as_f64()?,
    })
}

/// Downloads the whole archive at `url` and keeps it on this device;
/// `progress(received, total)` as it comes (total 0 when not known).
/// Returns its size.
pub async fn keep(url: &str, progress: impl FnMut(f64, f64) + 'static) -> Result<f64, MapError> {
    let progress = Closure::<dyn FnMut(f64, f64)>::new(progress);
    let size = call("keep", &[url.into(), progress.as_ref().clone()]).await?;
    Ok(size.as_f64().unwrap_or(0.0))
}

/// Removes the kept archive.
pub async fn forget() -> Result<(), MapError> {
    call("forget", &[]).await.map(|_| ())
}
