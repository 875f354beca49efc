use crate::components::labels::{property_type, status};
use crate::components::{
    CsvImportPanel, FeatureChecklist, ListingAgentCard, NeighbourhoodNotes, PrivateNotes,
    PropertyFilters, PropertyForm, PropertyPhotos, RenovationTable,
};
use crate::domain::csv_import::export;
use crate::domain::model::Property;
use crate::domain::query::{apply_indexed, areas, search_index, PropertyQuery};
use crate::format::amount;
use crate::i18n::{t, use_i18n};
use crate::paths::href;
use crate::router::use_params_map;
use crate::router::{Outlet, A};
use crate::state::use_document;
use chrono::Utc;
use leptos::prelude::*;

/// How many rows the list shows at first, and adds per "show more".
const PAGE: usize = 50;

/// The property list with search and filters, beside the chosen property.
#[component]
pub fn PropertiesPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let query = RwSignal::new(PropertyQuery::default());
    // Long lists render a page at a time, so a keystroke never rebuilds thousands of rows.
    let limit = RwSignal::new(PAGE);
    Effect::new(move |_| {
        query.track();
        limit.set(PAGE);
    });
    let total = move || state.doc.with(|d| d.properties.len());
    let index = Memo::new(move |_| state.doc.with(|d| search_index(&d.properties)));
    let shown = Memo::new(move |_| {
        query.with(|q| index.with(|ix| state.doc.with(|d| apply_indexed(q, &d.properties, ix))))
    });
    let more = move || limit.get() < shown.with(Vec::len);
    let area_list = Signal::derive(move || state.doc.with(|d| areas(&d.properties)));
    let rows = move || {
        let locale = i18n.get_locale().as_str();
        state.doc.with(|d| {
            shown.with(|idx| {
                idx.iter()
                    .take(limit.get())
                    .filter_map(|i| d.properties.get(*i))
                    .map(|p| Row::of(p, locale))
                    .collect::<Vec<_>>()
            })
        })
    };
    let export_csv = move |_| {
        let text = state.doc.with_untracked(|d| export(&d.properties));
        let name = format!(
            "showplan-properties-{}.csv",
            crate::format::file_stamp(Utc::now())
        );
        let _ = crate::browser::download_text(&name, "text/csv", &text);
    };
    view! {
        <div class="split">
            <section class="page-section list-pane" data-testid="properties-page">
                <h1>{t!(i18n, properties_title)}</h1>
                <p class="intro">{t!(i18n, properties_intro)}</p>
                <div class="actions">
                    <A href=href("/properties/new") attr:class="button">{t!(i18n, property_new)}</A>
                    <button type="button" class="secondary" on:click=export_csv>{t!(i18n, export_csv)}</button>
                </div>
                <CsvImportPanel />
                <PropertyFilters query=query areas=area_list />
                <p class="count">{t_count!(i18n, properties_count, total)}" · "
                    <span data-testid="shown-count">{t!(i18n, shown_of, shown = move || shown.with(Vec::len), total = total)}</span>
                </p>
                <Show when=move || total() == 0>
                    <p class="empty">{t!(i18n, properties_empty)}</p>
                </Show>
                <Show when=move || total() != 0 && shown.with(Vec::is_empty)>
                    <p class="empty">{t!(i18n, no_matches)}</p>
                </Show>
                <ul class="record-list property-list" data-testid="property-list">
                    <For each=rows key=|row| row.clone() children=move |row| view! {
                        <li>
                            <A href=href(&format!("/properties/{}", row.id))>
                                <span class="primary">{row.address}</span>
                            </A>
                            {(!row.area.is_empty()).then(|| view! { <span class="muted">{row.area.clone()}</span> })}
                            <span class="price">{row.price}</span>
                            <span class="muted">{t!(i18n, beds_baths, beds = move || row.beds.clone(), baths = move || row.baths.clone())}</span>
                            <span class="badge">{row.kind}</span>
                            <span class="badge">{row.status}</span>
                        </li>
                    } />
                </ul>
                <Show when=more>
                    <button type="button" class="secondary" on:click=move |_| limit.update(|l| *l += PAGE)>
                        {t!(i18n, show_more, count = move || PAGE.min(shown.with(Vec::len).saturating_sub(limit.get())))}
                    </button>
                </Show>
            </section>
            <div class="detail-pane">
                <Outlet />
            </div>
        </div>
    }
}

/// One line of the list, already formatted.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: uuid::Uuid,
    address: String,
    area: String,
    price: String,
    beds: String,
    baths: String,
    kind: String,
    status: String,
}

impl Row {
    fn of(p: &Property, locale: &str) -> Row {
        Row {
            id: p.id,
            address: p.address.clone(),
            area: p.area_beside_address().unwrap_or_default().to_string(),
            price: amount(locale, p.list_price),
            beds: p.beds.map_or("–".into(), |b| b.to_string()),
            baths: p.baths.map_or("–".into(), |b| b.to_string()),
            kind: property_type(p.property_type),
            status: status(p.status),
        }
    }
}

/// Shown beside the list when no property is chosen.
#[component]
pub fn NoPropertyChosen() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="empty placeholder">{t!(i18n, property_choose)}</p> }
}

/// The chosen property: facts, features, renovations, neighbourhood, private notes.
#[component]
pub fn PropertyEditor() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let params = use_params_map();
    let key = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    Effect::new(move |_| {
        key.track();
        crate::browser::reveal_when_stacked(
            "[data-testid=property-detail], [data-testid=property-form]",
        );
    });
    move || {
        let key = key.get();
        if key == "new" {
            return view! { <section class="page-section"><PropertyForm property=Property::new(Utc::now()) /></section> }.into_any();
        }
        let found = uuid::Uuid::parse_str(&key).ok().and_then(|id| {
            state
                .doc
                .with_untracked(|d| d.properties.iter().find(|p| p.id == id).cloned())
        });
        match found {
            Some(p) => {
                let id = p.id;
                view! {
                    <section class="page-section property-detail" data-testid="property-detail">
                        <crate::components::edited_elsewhere::EditedElsewhere id=id />
                        <PropertyForm property=p />
                        <FeatureChecklist id=id />
                        <RenovationTable id=id />
                        <PropertyPhotos id=id />
                        <NeighbourhoodNotes id=id />
                        <ListingAgentCard id=id />
                        <PrivateNotes id=id />
                    </section>
                }
                .into_any()
            }
            None => view! { <p class="message message-error" role="alert">{t!(i18n, property_not_found)}</p> }.into_any(),
        }
    }
}
