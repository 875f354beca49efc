use crate::components::labels::{property_type, status};
use crate::domain::model::{ListingStatus, PropertyType};
use crate::domain::names::Named;
use crate::domain::numbers::{read_number, NumberKind};
use crate::domain::query::{PropertyQuery, Sort};
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

fn sort_label(sort: Sort) -> AnyView {
    let i18n = crate::i18n::use_i18n();
    match sort {
        Sort::Newest => t!(i18n, sort_newest).into_any(),
        Sort::PriceLow => t!(i18n, sort_price_low).into_any(),
        Sort::PriceHigh => t!(i18n, sort_price_high).into_any(),
        Sort::MostBeds => t!(i18n, sort_beds).into_any(),
        Sort::Address => t!(i18n, sort_address).into_any(),
    }
}

/// Search box, filters and sort order for the property list.
#[component]
pub fn PropertyFilters(
    query: RwSignal<PropertyQuery>,
    #[prop(into)] areas: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let amount = move |text: String| {
        read_number(&text, crate::format::marks_now(i18n), NumberKind::Money)
            .ok()
            .flatten()
            .filter(|v| *v >= 0.0)
            .map(|v| v.round() as u64)
    };
    view! {
        <div class="filters" data-testid="property-filters">
            <label class="field search">
                <span>{t!(i18n, search_label)}</span>
                <input type="search" inputmode="search" enterkeyhint="search" data-testid="property-search"
                    prop:value=move || query.with(|q| q.text.clone())
                    on:input=move |ev| query.update(|q| q.text = event_target_value(&ev)) />
            </label>
            <label class="field"><span>{t!(i18n, filter_price_min)}</span>
                <input type="text" inputmode="numeric" on:change=move |ev| query.update(|q| q.price_min = amount(event_target_value(&ev)))
                    prop:value=move || query.with(|q| q.price_min.map(|v| v.to_string()).unwrap_or_default()) />
            </label>
            <label class="field"><span>{t!(i18n, filter_price_max)}</span>
                <input type="text" inputmode="numeric" on:change=move |ev| query.update(|q| q.price_max = amount(event_target_value(&ev)))
                    prop:value=move || query.with(|q| q.price_max.map(|v| v.to_string()).unwrap_or_default()) />
            </label>
            <label class="field"><span>{t!(i18n, filter_beds)}</span>
                <select on:change=move |ev| query.update(|q| q.beds_min = event_target_value(&ev).parse().ok())
                    prop:value=move || query.with(|q| q.beds_min.map(|v| v.to_string()).unwrap_or_default())>
                    <option value="">{t!(i18n, any)}</option>
                    {(1..=5).map(|n| view! { <option value=n.to_string()>{n}"+"</option> }).collect_view()}
                </select>
            </label>
            <label class="field"><span>{t!(i18n, filter_baths)}</span>
                <select on:change=move |ev| query.update(|q| q.baths_min = event_target_value(&ev).parse().ok())
                    prop:value=move || query.with(|q| q.baths_min.map(|v| v.to_string()).unwrap_or_default())>
                    <option value="">{t!(i18n, any)}</option>
                    {["1", "1.5", "2", "2.5", "3"].into_iter().map(|n| view! { <option value=n>{n}"+"</option> }).collect_view()}
                </select>
            </label>
            <label class="field"><span>{t!(i18n, filter_type)}</span>
                <select on:change=move |ev| { let v = event_target_value(&ev); query.update(|q| q.property_type = PropertyType::from_name(&v)) }
                    prop:value=move || query.with(|q| q.property_type.map_or("", Named::as_str))>
                    <option value="">{t!(i18n, any)}</option>
                    {PropertyType::all().map(|k| view! { <option value=k.as_str()>{move || property_type(k)}</option> }).collect_view()}
                </select>
            </label>
            <label class="field"><span>{t!(i18n, filter_status)}</span>
                <select on:change=move |ev| { let v = event_target_value(&ev); query.update(|q| q.status = ListingStatus::from_name(&v)) }
                    prop:value=move || query.with(|q| q.status.map_or("", Named::as_str))>
                    <option value="">{t!(i18n, any)}</option>
                    {ListingStatus::all().map(|s| view! { <option value=s.as_str()>{move || status(s)}</option> }).collect_view()}
                </select>
            </label>
            <label class="field"><span>{t!(i18n, filter_area)}</span>
                <select on:change=move |ev| { let v = event_target_value(&ev); query.update(|q| q.area = (!v.is_empty()).then_some(v)) }
                    prop:value=move || query.with(|q| q.area.clone().unwrap_or_default())>
                    <option value="">{t!(i18n, any)}</option>
                    {move || areas.get().into_iter().map(|a| view! { <option value=a.clone()>{a.clone()}</option> }).collect_view()}
                </select>
            </label>
            <label class="field"><span>{t!(i18n, sort_label)}</span>
                <select on:change=move |ev| query.update(|q| q.sort = Sort::from_name(&event_target_value(&ev)))
                    prop:value=move || query.with(|q| q.sort.as_str())>
                    {Sort::ALL.into_iter().map(|s| view! { <option value=s.as_str()>{sort_label(s)}</option> }).collect_view()}
                </select>
            </label>
            <button type="button" class="secondary" on:click=move |_| query.set(PropertyQuery::default())>{t!(i18n, filters_clear)}</button>
        </div>
    }
}
