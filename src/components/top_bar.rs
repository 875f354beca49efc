use crate::components::sync_badge::SyncBadgeSlot;
use crate::components::LanguageSwitch;
use crate::i18n::{t, t_string, use_i18n};
use crate::paths::href;
use crate::router::use_location;
use crate::router::A;
use leptos::prelude::*;

/// The bar across the top of every page: app name, navigation, language.
#[component]
pub fn TopBar() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let agent = move || !crate::paths::is_buyer_view(&location.pathname.get());
    crate::sync_status::badge_language(i18n);
    view! {
        <SkipLink />
        <header class="top-bar">
            <A href=href("/buyers") attr:class="brand">
                <span class="brand-name">{t!(i18n, app_name)}</span>
            </A>
            <Show when=agent>
            <nav class="main-nav" aria-label=move || t_string!(i18n, nav_label)>
                <A href=href("/buyers")>{t!(i18n, nav_buyers)}</A>
                <A href=href("/properties")>{t!(i18n, nav_properties)}</A>
                <A href=href("/match")>{t!(i18n, nav_match)}</A>
                <A href=href("/tours")>{t!(i18n, nav_tours)}</A>
                <A href=href("/data")>{t!(i18n, nav_data)}</A>
            </nav>
            </Show>
            <SyncBadgeSlot />
            <LanguageSwitch />
        </header>
    }
}

/// The first thing a keyboard reaches: a link past the bar to the page.
#[component]
pub fn SkipLink() -> impl IntoView {
    let i18n = use_i18n();
    // Focus moves by hand: following "#main" would replace the address's
    // fragment, which on the buyer view is the itinerary itself.
    view! {
        <a class="skip-link" href="#main" on:click=|ev| { ev.prevent_default(); crate::browser::focus_main(); }>
            {t!(i18n, skip_to_content)}
        </a>
    }
}
