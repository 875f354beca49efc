//! The root component: providers, router and the page shell.
use crate::components::undo_toast::provide_undo;
use crate::components::{LocaleMemory, StorageBanners, TopBar, UndoToast};
use crate::i18n::I18nContextProvider;
use crate::pages::{
    BuyerEditor, BuyersPage, DataPage, MatchPage, NoBuyerChosen, NoPropertyChosen, NotFoundPage,
    PropertiesPage, PropertyEditor, ToursPage,
};
use crate::paths;
use crate::state::provide_document;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

/// The whole app: language, routes, and the shell around every page.
#[component]
pub fn App() -> impl IntoView {
    provide_document();
    provide_undo();
    view! {
        <I18nContextProvider>
            <LocaleMemory />
            <Router base=paths::base()>
                <TopBar />
                <StorageBanners />
                <main id="main" class="page" tabindex="-1">
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=|| view! { <Redirect path="/buyers" /> } />
                        <ParentRoute path=path!("/buyers") view=BuyersPage>
                            <Route path=path!("") view=NoBuyerChosen />
                            <Route path=path!(":id") view=BuyerEditor />
                        </ParentRoute>
                        <ParentRoute path=path!("/properties") view=PropertiesPage>
                            <Route path=path!("") view=NoPropertyChosen />
                            <Route path=path!(":id") view=PropertyEditor />
                        </ParentRoute>
                        <Route path=path!("/match") view=MatchPage />
                        <Route path=path!("/tours") view=ToursPage />
                        <Route path=path!("/data") view=DataPage />
                    </Routes>
                </main>
                <UndoToast />
            </Router>
        </I18nContextProvider>
    }
}
