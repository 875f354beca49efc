//! The root component: providers, router and the page shell.
use crate::components::{LocaleMemory, StorageBanners, TopBar};
use crate::i18n::I18nContextProvider;
use crate::pages::{BuyersPage, DataPage, NotFoundPage, PropertiesPage, ToursPage};
use crate::paths;
use crate::state::provide_document;
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

/// The whole app: language, routes, and the shell around every page.
#[component]
pub fn App() -> impl IntoView {
    provide_document();
    view! {
        <I18nContextProvider>
            <LocaleMemory />
            <Router base=paths::base()>
                <TopBar />
                <StorageBanners />
                <main id="main" class="page" tabindex="-1">
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=|| view! { <Redirect path="/buyers" /> } />
                        <Route path=path!("/buyers") view=BuyersPage />
                        <Route path=path!("/properties") view=PropertiesPage />
                        <Route path=path!("/tours") view=ToursPage />
                        <Route path=path!("/data") view=DataPage />
                    </Routes>
                </main>
            </Router>
        </I18nContextProvider>
    }
}
