//! The street map's JavaScript (js/map.js: Leaflet and protomaps-leaflet),
//! driven from the wasm. The module is fetched only when a page shows a map:
//! `boot.js` offers `showplanMap()`, a dynamic `import()` of the file beside
//! it, so nothing of the map is in the first load.
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
}

/// Where the map's tiles come from.
#[derive(Clone)]
pub enum Source {
    /// The archive's address, read by range requests.
    Address(String),
    /// The copy kept on this device.
    Kept(web_sys::Blob),
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
    /// Opens a map in `element`. `on_tap` is called with where a tap landed
    /// while placing is on.
    pub async fn open(
        element: &web_sys::HtmlElement,
        source: &Source,
        lang: &str,
        labels: &Labels,
        on_tap: impl FnMut(f64, f64) + 'static,
    ) -> Result<StreetMap, MapError> {
        let on_tap = Closure::<dyn FnMut(f64, f64)>::new(on_tap);
        let options = Object::new();
        match source {
            Source::Address(url) => set(&options, "source", &url.into()),
            Source::Kept(blob) => set(&options, "source", blob),
        }
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

/// The whole archive, for keeping on this device; `progress(received,
/// total)` as it comes (total 0 when not known).
pub async fn download(
    url: &str,
    progress: impl FnMut(f64, f64) + 'static,
) -> Result<web_sys::Blob, MapError> {
    let progress = Closure::<dyn FnMut(f64, f64)>::new(progress);
    let blob = call("download", &[url.into(), progress.as_ref().clone()]).await?;
    blob.dyn_into::<web_sys::Blob>()
        .map_err(|_| MapError::NotArchive)
}
