//! The root component: providers, router and the page shell.
use crate::components::undo_toast::provide_undo;
use crate::components::{StorageBanners, TopBar, UndoToast};
use crate::i18n::I18nContextProvider;
use crate::pages::{
    BuyerEditor, BuyerViewPage, BuyersPage, ComparePage, DataPage, MatchPage, NoBuyerChosen,
    NoPropertyChosen, NoTourChosen, NotFoundPage, PropertiesPage, PropertyEditor, ReplyPage,
    TourDayPage, TourPlanner, ToursPage,
};
use crate::paths;
use crate::state::provide_document;
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

/// The whole app: language, routes, and the shell around every page.
#[component]
pub fn App() -> impl IntoView {
    provide_document();
    provide_undo();
    // Prices follow the agent's currency: chosen on the Backup page, first
    // suggested by the browser's language and region.
    let currency = crate::storage::load_currency().unwrap_or_else(|| {
        crate::domain::currency::for_language(&crate::browser::language()).to_string()
    });
    provide_context(crate::format::Currency(RwSignal::new(currency)));
    // The page renders one task after the shell (top bar, banners): two
    // short tasks instead of one long one, so a phone answers a tap sooner.
    let page_ready = RwSignal::new(false);
    set_timeout(move || page_ready.set(true), std::time::Duration::ZERO);
    view! {
        <I18nContextProvider>
            <Router base=paths::base()>
                <TopBar />
                <StorageBanners />
                <main id="main" class="page" tabindex="-1">
                    <Show when=move || page_ready.get()>
                    <Routes fallback=|| Suspend::new(not_found_page())>
                        <Route path=path!("/") view=|| view! { <Redirect path="/buyers" /> } />
                        <ParentRoute path=path!("/buyers") view=BuyersPage>
                            <Route path=path!("") view=NoBuyerChosen />
                            <Route path=path!(":id") view=|| Suspend::new(buyer_editor()) />
                        </ParentRoute>
                        <ParentRoute path=path!("/properties") view=|| Suspend::new(properties_page())>
                            <Route path=path!("") view=NoPropertyChosen />
                            <Route path=path!(":id") view=|| Suspend::new(property_editor()) />
                        </ParentRoute>
                        <Route path=path!("/match") view=|| Suspend::new(match_page()) />
                        // A parent and a child of the shapes above ("/x", ":id"):
                        // "/tours/:id/day" would add router code to the shell.
                        <ParentRoute path=path!("/day") view=Outlet>
                            <Route path=path!(":id") view=|| Suspend::new(tour_day_page()) />
                        </ParentRoute>
                        <ParentRoute path=path!("/compare") view=Outlet>
                            <Route path=path!(":id") view=|| Suspend::new(compare_page()) />
                        </ParentRoute>
                        <ParentRoute path=path!("/tours") view=|| Suspend::new(tours_page())>
                            <Route path=path!("") view=NoTourChosen />
                            <Route path=path!(":id") view=|| Suspend::new(tour_planner()) />
                        </ParentRoute>
                        <Route path=path!("/data") view=|| Suspend::new(data_page()) />
                        <Route path=path!("/view") view=|| Suspend::new(buyer_view()) />
                        <Route path=path!("/reply") view=|| Suspend::new(reply_page()) />
                    </Routes>
                    </Show>
                </main>
                <UndoToast />
            </Router>
        </I18nContextProvider>
    }
}

// Each page is its own lazily loaded wasm chunk in the release build, so the
// first load carries only the shell and the page it opens on. Buyers, where
// the app opens, is in the shell itself: on a phone network its chunks would
// be a second round of requests before anything shows.
lazy_view! {
    buyer_editor() => BuyerEditor,
    properties_page() => PropertiesPage,
    property_editor() => PropertyEditor,
    match_page() => MatchPage,
    tours_page() => ToursPage,
    tour_planner() => TourPlanner,
    tour_day_page() => TourDayPage,
    compare_page() => ComparePage,
    data_page() => DataPage,
    buyer_view() => BuyerViewPage,
    reply_page() => ReplyPage,
    not_found_page() => NotFoundPage,
}
