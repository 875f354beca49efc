//! The UI's five languages, one at a time.
//!
//! English is compiled in: it renders the first page and stands in while
//! another language is on its way, so a key is never shown raw. Every other
//! language is a file beside the wasm (`i18n-<code>.json`, written by
//! `build.rs`), fetched when chosen: `boot.js` fetches the one the user reads
//! in parallel with the wasm, so the first render is already in it. The
//! service worker precaches all five, so switching works offline.
//!
//! `t!` (a reactive view) and `t_string!` (text now) take a key path such as
//! `buyers_count.one` and `name = value` interpolations; a missing key or a
//! name the English text does not interpolate is a build error.
use leptos::prelude::*;
use std::cell::RefCell;
use std::fmt::Display;
use std::str::FromStr;

include!(concat!(env!("OUT_DIR"), "/i18n.rs"));

/// A UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[allow(non_camel_case_types)]
pub enum Locale {
    #[default]
    en,
    es,
    ro,
    vi,
    id,
}

impl Locale {
    /// Every language, in the order the switch lists them.
    pub const ALL: [Locale; 5] = [Locale::en, Locale::es, Locale::ro, Locale::vi, Locale::id];

    /// The language's code (`"es"`), as stored and as in `<html lang>`.
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::en => "en",
            Locale::es => "es",
            Locale::ro => "ro",
            Locale::vi => "vi",
            Locale::id => "id",
        }
    }

    fn slot(self) -> usize {
        self as usize
    }

    /// The first of these language tags (`"es-MX"`, `"ro"`) Showplan speaks.
    pub fn first_spoken<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Locale> {
        tags.into_iter().find_map(|tag| {
            let code = tag.get(..2)?.to_ascii_lowercase();
            Locale::from_str(&code).ok()
        })
    }
}

impl FromStr for Locale {
    type Err = ();

    fn from_str(code: &str) -> Result<Self, ()> {
        Locale::ALL
            .into_iter()
            .find(|l| l.as_str() == code)
            .ok_or(())
    }
}

/// A text of the UI: its place in a language file and its English words,
/// compiled in (`keys::buyers_title`).
pub struct Text {
    pub index: usize,
    pub english: &'static str,
}

/// What `t!` and `t_string!` take: one of `keys`.
pub type Key = &'static Text;

type Texts = &'static [&'static str];

thread_local! {
    /// The texts of each language fetched so far (English is compiled in).
    static LOADED: RefCell<[Option<Texts>; 5]> = const { RefCell::new([None; 5]) };
}

fn loaded(locale: Locale) -> Option<Texts> {
    LOADED.with(|l| l.borrow()[locale.slot()])
}

fn is_here(locale: Locale) -> bool {
    locale == Locale::en || loaded(locale).is_some()
}

/// Reads a language file: its strings in key order, for exactly this
/// build's keys (`None` for anything else: a file from another version,
/// a damaged download, an error page).
pub fn parse_language_file(text: &str) -> Option<Vec<String>> {
    use crate::domain::json::{parse, Fields};
    let tape = parse(text).ok()?;
    let file = Fields::of(tape.root()).ok()?;
    let fingerprint: String = file.need("fingerprint").ok()?;
    let strings: Vec<String> = file.need("strings").ok()?;
    (fingerprint == FINGERPRINT && strings.len() == COUNT).then_some(strings)
}

/// Keeps a language's texts for the rest of the session (at most once per
/// language, as compiled-in texts would be).
fn store(locale: Locale, strings: Vec<String>) {
    if is_here(locale) {
        // Two fetches of one language (a Try again while it was loading).
        return;
    }
    let texts: Vec<&'static str> = strings
        .into_iter()
        .map(|s| &*Box::leak(s.into_boxed_str()))
        .collect();
    let texts: Texts = Box::leak(texts.into_boxed_slice());
    LOADED.with(|l| l.borrow_mut()[locale.slot()] = Some(texts));
}

/// The UI language, provided by [`I18nContextProvider`]. Cheap to copy.
#[derive(Clone, Copy)]
pub struct I18n {
    /// The language shown (its texts are loaded).
    shown: RwSignal<Locale>,
    /// The newest choice, which may still be loading.
    chosen: StoredValue<Locale>,
    /// A chosen language whose file could not be fetched.
    pub failed: RwSignal<Option<Locale>>,
}

impl I18n {
    /// The language shown (tracked).
    pub fn get_locale(&self) -> Locale {
        self.shown.get()
    }

    pub fn get_locale_untracked(&self) -> Locale {
        self.shown.get_untracked()
    }

    /// The text of `key` in the language shown (tracked).
    pub fn text(&self, key: Key) -> &'static str {
        let locale = self.shown.get();
        loaded(locale)
            .and_then(|texts| texts.get(key.index).copied())
            .unwrap_or(key.english)
    }

    /// The text of `key` as a view that follows the language. One
    /// concrete type for every key, so the page code renders it through one
    /// copy of the rendering code, not one per call site.
    pub fn view(self, key: Key) -> impl IntoView + Copy {
        move || self.text(key)
    }

    /// The text of `key` with its `{{ name }}` values filled in, as a
    /// view that follows the language and the values (one type for all).
    pub fn view_filled(self, key: Key, values: Values) -> impl IntoView + Clone {
        move || fill(self.text(key), &values())
    }

    /// Shows `locale`: at once if its texts are here, else once they have
    /// been fetched (the current language stays until then). A later choice
    /// wins over an earlier one still loading.
    pub fn set_locale(&self, locale: Locale) {
        self.chosen.set_value(locale);
        self.failed.set(None);
        if is_here(locale) {
            self.shown.set(locale);
            return;
        }
        let this = *self;
        leptos::task::spawn_local(async move {
            let fetched = fetch_language(locale).await;
            let parsed = fetched.as_deref().and_then(parse_language_file);
            let current = this.chosen.try_get_value() == Some(locale);
            match parsed {
                Some(strings) => {
                    store(locale, strings);
                    if current {
                        this.shown.try_set(locale);
                    }
                }
                None if current => {
                    this.failed.try_set(Some(locale));
                }
                None => {}
            }
        });
    }
}

/// Fetches a language file's text: through `boot.js` in the release build
/// (the file beside the wasm, already on its way for the first language).
#[cfg(feature = "language-files")]
async fn fetch_language(locale: Locale) -> Option<String> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let load = js_sys::Reflect::get(&window, &"showplanLanguage".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise = load
        .call1(&wasm_bindgen::JsValue::NULL, &locale.as_str().into())
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_string()
}

/// Without the release build's files (tests), every language is compiled in.
#[cfg(not(feature = "language-files"))]
async fn fetch_language(locale: Locale) -> Option<String> {
    let text = match locale {
        Locale::en => return None,
        Locale::es => include_str!(concat!(env!("OUT_DIR"), "/i18n-es.json")),
        Locale::ro => include_str!(concat!(env!("OUT_DIR"), "/i18n-ro.json")),
        Locale::vi => include_str!(concat!(env!("OUT_DIR"), "/i18n-vi.json")),
        Locale::id => include_str!(concat!(env!("OUT_DIR"), "/i18n-id.json")),
    };
    Some(text.to_string())
}

/// The language `boot.js` fetched before starting the app, if it came.
/// The language `boot.js` chose, and its file's text if it came in time.
fn from_boot() -> Option<(Locale, Option<String>)> {
    let window = web_sys::window()?;
    let boot = js_sys::Reflect::get(&window, &"showplanBoot".into()).ok()?;
    let field = |name: &str| js_sys::Reflect::get(&boot, &name.into()).ok()?.as_string();
    let locale = Locale::from_str(&field("lang")?).ok()?;
    Some((locale, field("text")))
}

/// The language to open in, as `boot.js` chooses it (this is the same rule,
/// for tests, which start without it): the user's last choice, else the
/// browser's.
fn initial_locale() -> Locale {
    crate::storage::load_locale()
        .and_then(|code| Locale::from_str(&code).ok())
        .or_else(|| {
            let tags = crate::browser::languages();
            Locale::first_spoken(tags.iter().map(String::as_str))
        })
        .unwrap_or_default()
}

/// Provides the UI language to `children`, and keeps `<html lang>` in step.
#[component]
pub fn I18nContextProvider(children: Children) -> impl IntoView {
    let boot = from_boot();
    if let Some((locale, Some(text))) = &boot {
        if let Some(strings) = parse_language_file(text) {
            store(*locale, strings);
        }
    }
    let wanted = boot.map_or_else(initial_locale, |(locale, _)| locale);
    let i18n = I18n {
        shown: RwSignal::new(Locale::en),
        chosen: StoredValue::new(Locale::en),
        failed: RwSignal::new(None),
    };
    i18n.set_locale(wanted);
    provide_context(i18n);
    Effect::new(move |_| {
        let code = i18n.shown.get().as_str();
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", code);
        }
    });
    children()
}

/// The UI language handle. Present under [`I18nContextProvider`], which the
/// app's root always is; a missing one is a programming error.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The values a text interpolates, read when it renders.
pub type Values = std::sync::Arc<dyn Fn() -> Vec<(&'static str, String)> + Send + Sync>;

/// A value interpolated into a text: a plain value, or a closure giving
/// one (read reactively by `t!`).
pub trait Arg {
    fn text(&self) -> String;
}

impl<F: Fn() -> T, T: Display> Arg for F {
    fn text(&self) -> String {
        self().to_string()
    }
}

macro_rules! display_args {
    ($($ty:ty),*) => {$(
        impl Arg for $ty {
            fn text(&self) -> String {
                self.to_string()
            }
        }
    )*};
}
display_args!(String, &str, u8, u16, u32, u64, usize, i32, i64, f32, f64);

/// `{{ name }}` filling, shared with the messages the domain writes.
pub use crate::domain::template::fill;

/// The text of a key in the current language, now (tracked): `&'static str`
/// without interpolations, `String` with them.
macro_rules! t_string {
    ($i18n:expr, $($key:ident).+) => {
        $i18n.text($crate::i18n::keys::$($key)::+)
    };
    ($i18n:expr, $($key:ident).+, $($arg:ident = $value:expr),+ $(,)?) => {{
        use $crate::i18n::args::$($key)::+ as names;
        $crate::i18n::fill(
            $i18n.text($crate::i18n::keys::$($key)::+),
            &[$({
                let () = names::$arg;
                (stringify!($arg), $crate::i18n::Arg::text(&$value))
            }),+],
        )
    }};
}
pub(crate) use t_string;

/// The text of a key as a view that follows the language and, for closure
/// values, the values.
macro_rules! t {
    ($i18n:expr, $($key:ident).+) => {
        $crate::i18n::I18n::view($i18n, $crate::i18n::keys::$($key)::+)
    };
    ($i18n:expr, $($key:ident).+, $($arg:ident = $value:expr),+ $(,)?) => {{
        use $crate::i18n::args::$($key)::+ as names;
        #[allow(clippy::redundant_locals)]
        let ($($arg,)+) = ($($value,)+);
        let values: $crate::i18n::Values = std::sync::Arc::new(move || {
            vec![$({
                let () = names::$arg;
                (stringify!($arg), $crate::i18n::Arg::text(&$arg))
            }),+]
        });
        $crate::i18n::I18n::view_filled($i18n, $crate::i18n::keys::$($key)::+, values)
    }};
}
pub(crate) use t;
