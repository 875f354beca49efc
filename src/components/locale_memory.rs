use crate::i18n::{use_i18n, Locale};
use crate::storage;
use leptos::prelude::*;
use std::str::FromStr;

/// Restores the language the user picked last time (renders nothing).
///
/// Without a saved choice, the language comes from the browser's settings.
/// Must sit inside `I18nContextProvider`: the provider applies the browser
/// language in an effect on start-up, so the saved choice is applied both
/// at once (for the first paint) and in an effect created after it.
#[component]
pub fn LocaleMemory() -> impl IntoView {
    let i18n = use_i18n();
    if let Some(saved) = storage::load_locale().and_then(|code| Locale::from_str(&code).ok()) {
        i18n.set_locale(saved);
        // Reads no signal, so it runs exactly once.
        Effect::new(move |_| i18n.set_locale(saved));
    }
}
