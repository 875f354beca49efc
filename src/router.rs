//! Where the app is and how it moves: the address as a signal, in-app links
//! followed without a page load, back and forward, and the page's `<Outlet>`.
//!
//! Showplan's own rather than leptos_router's: a dozen fixed addresses
//! ([`paths::route_of`]) need neither its path matching nor its nested
//! route views, which were about a fifth of the code of opening the app.
use crate::paths::{self, Section};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The browser's address: pathname (with the base), search (with its `?`)
/// and fragment (with its `#`).
#[derive(Clone, Debug, Default, PartialEq)]
struct Address {
    pathname: String,
    search: String,
    hash: String,
}

fn current() -> Address {
    let location = window().location();
    Address {
        pathname: location.pathname().unwrap_or_default(),
        search: location.search().unwrap_or_default(),
        hash: location.hash().unwrap_or_default(),
    }
}

/// The address and what is read of it, made once for the whole app.
#[derive(Clone, Copy)]
struct Router {
    address: RwSignal<Address>,
    location: Location,
    route: Memo<Option<(Section, Option<String>)>>,
    params: Memo<Params>,
}

impl Router {
    fn new(address: RwSignal<Address>) -> Self {
        let location = Location {
            pathname: Memo::new(move |_| address.with(|a| a.pathname.clone())),
            hash: Memo::new(move |_| address.with(|a| a.hash.clone())),
            search: Memo::new(move |_| address.with(|a| a.search.clone())),
        };
        let route = Memo::new(move |_| {
            location
                .pathname
                .with(|p| paths::route_of(&paths::base(), p))
        });
        let params = Memo::new(move |_| {
            route.with(|r| {
                Params(
                    r.iter()
                        .filter_map(|(_, id)| id.clone())
                        .map(|id| ("id".to_string(), id))
                        .collect(),
                )
            })
        });
        Router {
            address,
            location,
            route,
            params,
        }
    }
}

/// Starts following the address: back and forward, and clicks on links to
/// pages of the app (a link with a target, a download, or elsewhere is the
/// browser's).
pub fn provide_router() {
    let address = RwSignal::new(current());
    provide_context(Router::new(address));
    let back_or_forward =
        window_event_listener(leptos::ev::popstate, move |_| address.set(current()));
    let link = window_event_listener(leptos::ev::click, move |ev| {
        if let Some(to) = followed_link(&ev) {
            ev.prevent_default();
            go(address, &to);
        }
    });
    on_cleanup(move || {
        back_or_forward.remove();
        link.remove();
    });
}

/// The in-app address a click on a link should open, if the app opens it.
fn followed_link(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return None;
    }
    let clicked = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let link = clicked
        .closest("a[href]")
        .ok()??
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    let own_origin = window().location().origin().ok()?;
    if !link.target().is_empty() || link.has_attribute("download") || link.origin() != own_origin {
        return None;
    }
    let pathname = link.pathname();
    paths::route_of(&paths::base(), &pathname)?;
    Some(format!("{pathname}{}{}", link.search(), link.hash()))
}

/// Moves to `to` (an address with the base), as a new history entry, and
/// shows the top of the page (or the element the fragment names).
fn go(address: RwSignal<Address>, to: &str) {
    let (pathname, hash) = match to.split_once('#') {
        Some((path, hash)) => (path, format!("#{hash}")),
        None => (to, String::new()),
    };
    // The root with a fragment is a buyer's link, as at start-up.
    let to =
        paths::start_address(&paths::base(), pathname, &hash).unwrap_or_else(|| to.to_string());
    // A link to where the app already is (a tab tapped twice) adds no
    // history entry that Back would then seem to ignore.
    let here = address.with_untracked(|a| format!("{}{}{}", a.pathname, a.search, a.hash));
    if let (Ok(history), true) = (window().history(), to != here) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&to));
    }
    address.set(current());
    let fragment = address.with_untracked(|a| a.hash.trim_start_matches('#').to_string());
    match document()
        .get_element_by_id(&fragment)
        .filter(|_| !fragment.is_empty())
    {
        Some(element) => element.scroll_into_view(),
        None => window().scroll_to_with_x_and_y(0.0, 0.0),
    }
}

/// The app's router; outside one (a component test), one of its own.
fn router() -> Router {
    use_context::<Router>().unwrap_or_else(|| Router::new(RwSignal::new(current())))
}

/// What a component reads of the address.
#[derive(Clone, Copy)]
pub struct Location {
    /// The path, with the base the app is served under.
    pub pathname: Memo<String>,
    /// The fragment, with its `#`; empty when there is none.
    pub hash: Memo<String>,
    search: Memo<String>,
}

pub fn use_location() -> Location {
    router().location
}

/// Which page the address shows, and the id in it.
pub fn use_route() -> Memo<Option<(Section, Option<String>)>> {
    router().route
}

/// Named values: the `:id` of the address, or its query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params(Vec<(String, String)>);

impl Params {
    pub fn get(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }
}

/// `id`: the part after the page's own (`/buyers/<id>`).
pub fn use_params_map() -> Memo<Params> {
    router().params
}

/// The query's names and values (`?buyer=<id>`), decoded.
pub fn use_query_map() -> Memo<Params> {
    let search = use_location().search;
    Memo::new(move |_| {
        search.with(|s| {
            let decoded = |raw: &str| {
                js_sys::decode_uri_component(&raw.replace('+', " "))
                    .ok()
                    .and_then(|text| text.as_string())
            };
            let pairs = s
                .trim_start_matches('?')
                .split('&')
                .filter(|pair| !pair.is_empty());
            Params(
                pairs
                    .filter_map(|pair| {
                        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                        Some((decoded(key)?, decoded(value)?))
                    })
                    .collect(),
            )
        })
    })
}

/// A function that moves to a page of the app (`"/tours/<id>"`, no base).
pub fn use_navigate() -> impl Fn(&str) + Clone + 'static {
    let address = router().address;
    move |path: &str| go(address, &paths::href(path))
}

/// A link to a page of the app (`href` with the base, from [`paths::href`]),
/// marked `aria-current="page"` while that page, or one under it, shows.
#[component]
pub fn A(#[prop(into)] href: String, children: Children) -> impl IntoView {
    let pathname = use_location().pathname;
    let here = {
        let href = href.clone();
        move || {
            pathname
                .with(|p| paths::is_under(&href, p))
                .then_some("page")
        }
    };
    view! { <a href=href aria-current=here>{children()}</a> }
}

/// What a page shows for each of its addresses: set once by the app.
#[derive(Clone, Copy)]
pub struct Outlets(pub fn(Section, bool) -> AnyView);

/// Where a page with a list shows the chosen record (`/buyers/<id>`), or
/// what it shows when none is chosen. The record's own view follows the id.
#[component]
pub fn Outlet() -> impl IntoView {
    let route = use_route();
    let Some(section) = route.with_untracked(|r| r.as_ref().map(|(s, _)| *s)) else {
        return ().into_any();
    };
    let Some(Outlets(view_for)) = use_context::<Outlets>() else {
        return ().into_any();
    };
    // Its own section only: while the app moves to another page, this one
    // is about to go and shows nothing of the other.
    let chosen =
        Memo::new(move |_| route.with(|r| matches!(r, Some((s, Some(_))) if *s == section)));
    (move || view_for(section, chosen.get())).into_any()
}
