//! The root component: providers, router and the page shell.
use crate::components::undo_toast::provide_undo;
use crate::components::{StorageBanners, TabNotices, TopBar, UndoToast};
use crate::i18n::I18nContextProvider;
use crate::pages::{
    BuyerEditor, BuyerViewPage, BuyersPage, ComparePage, DataPage, MatchPage, NoBuyerChosen,
    NoPropertyChosen, NoTourChosen, NotFoundPage, PropertiesPage, PropertyEditor, ReplyPage,
    TourDayPage, TourPlanner, ToursPage,
};
use crate::paths::Section;
use crate::router::{provide_router, use_route, Outlets};
use crate::state::provide_document;
use leptos::either::Either;
use leptos::prelude::*;

/// The whole app: language, routes, and the shell around every page.
#[component]
pub fn App() -> impl IntoView {
    let state = provide_document();
    crate::sync_status::provide_sync(state);
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
    provide_router();
    provide_context(Outlets(chosen_view));
    // A page stays while only its record changes (the list beside it keeps
    // its place); Tour day and Compare show one record each, so they start
    // afresh for another.
    let route = use_route();
    let shown = Memo::new(move |_| {
        route.get().map(|(section, id)| match section {
            Section::Day | Section::Compare => (section, id),
            _ => (section, None),
        })
    });
    let fresh = StoredValue::new(false);
    view! {
        <I18nContextProvider>
            <TopBar />
            <StorageBanners />
            <main id="main" class="page" tabindex="-1">
                <Show when=move || page_ready.get()>
                    {move || {
                        let page = match shown.get() {
                            Some((section, _)) => page_view(section),
                            None => Suspend::new(not_found_page()).into_any(),
                        };
                        // Each page is built afresh, not rebuilt over the one
                        // before: rebuilt, a page whose chunk is still loading
                        // (a Suspend) would leave the page before on screen
                        // until it arrived. Alternating between the two sides
                        // of an Either makes every change a fresh build.
                        fresh.update_value(|side| *side = !*side);
                        if fresh.get_value() { Either::Left(page) } else { Either::Right(page) }
                    }}
                </Show>
            </main>
            // Notices that arrive while the user works float over the page
            // instead of moving it.
            <div class="toasts">
                <TabNotices />
                <UndoToast />
            </div>
        </I18nContextProvider>
    }
}

/// The page for each part of the app. Buyers is in the shell.
fn page_view(section: Section) -> AnyView {
    match section {
        Section::Buyers => view! { <BuyersPage /> }.into_any(),
        Section::Properties => Suspend::new(properties_page()).into_any(),
        Section::Match => Suspend::new(match_page()).into_any(),
        Section::Tours => Suspend::new(tours_page()).into_any(),
        Section::Day => Suspend::new(tour_day_page()).into_any(),
        Section::Compare => Suspend::new(compare_page()).into_any(),
        Section::Data => Suspend::new(data_page()).into_any(),
        Section::View => Suspend::new(buyer_view()).into_any(),
        Section::Reply => Suspend::new(reply_page()).into_any(),
    }
}

/// What a page with a list shows beside it: the chosen record, or a word
/// on choosing one.
fn chosen_view(section: Section, chosen: bool) -> AnyView {
    match (section, chosen) {
        (Section::Buyers, false) => view! { <NoBuyerChosen /> }.into_any(),
        (Section::Buyers, true) => Suspend::new(buyer_editor()).into_any(),
        (Section::Properties, false) => view! { <NoPropertyChosen /> }.into_any(),
        (Section::Properties, true) => Suspend::new(property_editor()).into_any(),
        (Section::Tours, false) => view! { <NoTourChosen /> }.into_any(),
        (Section::Tours, true) => Suspend::new(tour_planner()).into_any(),
        _ => ().into_any(),
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
