//! The root component: providers, router and the page shell.
use crate::components::{LocaleMemory, TopBar};
use crate::i18n::I18nContextProvider;
use crate::pages::{BuyersPage, NotFoundPage, PropertiesPage, ToursPage};
use crate::paths;
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

/// The whole app: language, routes, and the shell around every page.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <I18nContextProvider>
            <LocaleMemory />
            <Router base=paths::base()>
                <TopBar />
                <main id="main" class="page" tabindex="-1">
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=|| view! { <Redirect path="/buyers" /> } />
                        <Route path=path!("/buyers") view=BuyersPage />
                        <Route path=path!("/properties") view=PropertiesPage />
                        <Route path=path!("/tours") view=ToursPage />
                    </Routes>
                </main>
            </Router>
        </I18nContextProvider>
    }
}
