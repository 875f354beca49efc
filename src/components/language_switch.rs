use crate::i18n::{t, use_i18n, Locale};
use crate::storage;
use leptos::prelude::*;
use std::str::FromStr;

/// The name of each language in that language, so a user can always find theirs.
pub fn endonym(locale: Locale) -> &'static str {
    match locale {
        Locale::en => "English",
        Locale::es => "Español",
        Locale::ro => "Română",
        Locale::vi => "Tiếng Việt",
        Locale::id => "Bahasa Indonesia",
    }
}

/// A labelled select that switches the UI language and remembers the choice.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let on_change = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if let Ok(locale) = Locale::from_str(&code) {
            i18n.set_locale(locale);
            // A failed write only means the choice is not remembered.
            let _ = storage::save_locale(locale.as_str());
        }
    };
    // A language whose file could not be fetched (offline before the app
    // was ever used online): the shown language stays, and this says so.
    let failed = move || i18n.failed.get();
    view! {
        <label class="language-switch">
            <span class="visually-hidden">{t!(i18n, language_label)}</span>
            <select data-testid="language" on:change=on_change>
                {Locale::ALL
                    .into_iter()
                    .map(|locale| {
                        view! {
                            <option
                                value=locale.as_str()
                                selected=move || failed().unwrap_or(i18n.get_locale()) == locale
                            >
                                {endonym(locale)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
        {move || failed().map(|locale| view! {
            <p class="language-failed" role="alert">
                {t!(i18n, language_failed, language = endonym(locale))}
                " "
                <button type="button" on:click=move |_| i18n.set_locale(locale)>
                    {t!(i18n, try_again)}
                </button>
            </p>
        })}
    }
}
