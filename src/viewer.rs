//! The root of the buyer's view (src/bin/viewer.rs): what a phone opening a
//! share link needs and nothing of the agent's app, so the link opens on a
//! cellular network in one small download.
use crate::components::{LanguageSwitch, SkipLink};
use crate::i18n::{t, use_i18n, I18nContextProvider};
use crate::pages::BuyerViewPage;
use crate::paths::href;
use leptos::prelude::*;

/// The buyer view with its bar: the app's name and the language.
#[component]
pub fn Viewer() -> impl IntoView {
    view! {
        <I18nContextProvider>
            <ViewerBar />
            <main id="main" class="page" tabindex="-1">
                <BuyerViewPage />
            </main>
        </I18nContextProvider>
    }
}

/// The top bar as the agent's app draws it on the buyer view: no navigation.
#[component]
fn ViewerBar() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <SkipLink />
        <header class="top-bar">
            <a href=href("/buyers") class="brand" rel="external">
                <span class="brand-name">{t!(i18n, app_name)}</span>
            </a>
            <LanguageSwitch />
        </header>
    }
}
