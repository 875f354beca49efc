use super::edit_conflict::EditConflict;
use crate::components::fields::{Field, FormProblems, Kind};
use crate::components::labels::{property_type, status};
use crate::components::locate_button::LocateButton;
use crate::components::undo_toast::use_undo;
use crate::domain::forms::{Problems, PropertyDraft, MAX_ROOMS};
use crate::domain::links::safe_href;
use crate::domain::model::{
    remove_record, restore_record, AreaUnit, LatLon, ListingStatus, Property, PropertyType,
};
use crate::domain::names::Named;
use crate::i18n::{t, t_string, use_i18n};

use crate::router::use_navigate;
use crate::state::use_document;
use chrono::Utc;
use leptos::prelude::*;

/// A property's main facts as a form. The listing link is shown as a link
/// only when it is safe (http, https, tel, mailto).
#[component]
pub fn PropertyForm(property: Property) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let undo = use_undo();
    let navigate = use_navigate();
    let id = property.id;
    let d = PropertyDraft::from_property(&property, crate::format::marks_now(i18n));
    let is_stored = state
        .doc
        .with_untracked(|doc| doc.properties.iter().any(|p| p.id == id));
    // The words the imported file used, shown beside the kind they were read as.
    let (listed_type, listed_status) =
        (property.listed_type.clone(), property.listed_status.clone());
    let fresh = StoredValue::new(property);
    let navigate_to = navigate.clone();
    let s = |v: &str| RwSignal::new(v.to_string());
    let (address, area, coords, price) =
        (s(&d.address), s(&d.area), s(&d.coords), s(&d.list_price));
    let (beds, baths, floor, lot, year) = (
        s(&d.beds),
        s(&d.baths),
        s(&d.floor_area),
        s(&d.lot_size),
        s(&d.year_built),
    );
    let (link, mls) = (s(&d.listing_link), s(&d.mls_number));
    let (taxes, insurance, hoa) = (s(&d.taxes_year), s(&d.insurance_year), s(&d.hoa_month));
    let unit = RwSignal::new(d.area_unit);
    let kind = RwSignal::new(d.property_type);
    let listing = RwSignal::new(d.status);
    let problems = RwSignal::new(Problems::new());
    let saved = RwSignal::new(false);
    // The version the form shows: another tab's later save is not undone
    // without a word.
    let opened = StoredValue::new(fresh.get_value());
    let conflict = RwSignal::new(false);
    let load_theirs = move || {
        let current = state
            .doc
            .with_untracked(|doc| doc.properties.iter().find(|p| p.id == id).cloned());
        if let Some(p) = current {
            let d = PropertyDraft::from_property(&p, crate::format::marks_now(i18n));
            for (signal, text) in [
                (address, d.address),
                (area, d.area),
                (coords, d.coords),
                (price, d.list_price),
                (beds, d.beds),
                (baths, d.baths),
                (floor, d.floor_area),
                (lot, d.lot_size),
                (year, d.year_built),
                (link, d.listing_link),
                (mls, d.mls_number),
                (taxes, d.taxes_year),
                (insurance, d.insurance_year),
                (hoa, d.hoa_month),
            ] {
                signal.set(text);
            }
            unit.set(d.area_unit);
            kind.set(d.property_type);
            listing.set(d.status);
            opened.set_value(p);
        }
        conflict.set(false);
        problems.set(Problems::new());
    };

    // Saves the form; true when it made a new property.
    let commit = move |over_other_tab: bool| -> bool {
        let draft = PropertyDraft {
            address: address.get_untracked(),
            area: area.get_untracked(),
            coords: coords.get_untracked(),
            list_price: price.get_untracked(),
            beds: beds.get_untracked(),
            baths: baths.get_untracked(),
            floor_area: floor.get_untracked(),
            area_unit: unit.get_untracked(),
            lot_size: lot.get_untracked(),
            year_built: year.get_untracked(),
            property_type: kind.get_untracked(),
            status: listing.get_untracked(),
            listing_link: link.get_untracked(),
            mls_number: mls.get_untracked(),
            taxes_year: taxes.get_untracked(),
            insurance_year: insurance.get_untracked(),
            hoa_month: hoa.get_untracked(),
        };
        let stored = state
            .doc
            .with_untracked(|doc| doc.properties.iter().find(|p| p.id == id).cloned());
        let is_new = stored.is_none();
        let base = stored.unwrap_or_else(|| fresh.get_value());
        let marks = crate::format::marks_now(i18n);
        let as_opened = opened.with_value(|p| PropertyDraft::from_property(p, marks));
        if !is_new && !over_other_tab && PropertyDraft::from_property(&base, marks) != as_opened {
            conflict.set(true);
            saved.set(false);
            return false;
        }
        let now = Utc::now();
        match draft.to_property(&base, now, marks) {
            Ok(updated) => {
                opened.set_value(updated.clone());
                state.update(|doc| match doc.properties.iter_mut().find(|p| p.id == id) {
                    Some(p) => *p = updated,
                    None => doc.properties.push(updated),
                });
                problems.set(Problems::new());
                saved.set(true);
                conflict.set(false);
                is_new
            }
            Err(p) => {
                problems.set(p);
                saved.set(false);
                false
            }
        }
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if commit(false) {
            navigate_to(&format!("/properties/{id}"));
        }
    };
    let delete = move |_| {
        let mut removed = None;
        state.update(|doc| {
            removed = remove_record(&mut doc.properties, &mut doc.deleted, id, Utc::now())
        });
        if let Some(removed) = removed {
            let message = t_string!(
                i18n,
                deleted_property,
                name = removed.record.address.clone()
            )
            .to_string();
            undo.offer(message, move || {
                let removed = removed.clone();
                state.update(|doc| {
                    restore_record(&mut doc.properties, &mut doc.deleted, removed, Utc::now())
                });
            });
            navigate("/properties");
        }
    };
    let p: Signal<Problems> = problems.into();
    let safe_link = move || link.with(|l| safe_href(l));

    view! {
        <form class="record-form" on:submit=save on:input=move |_| saved.set(false) novalidate data-testid="property-form">
            <h2>{t!(i18n, property_facts)}</h2>
            <FormProblems problems=p />
            <EditConflict shown=conflict keep_mine=move |()| { commit(true); } load_theirs=move |()| load_theirs() />
            <Field label=t!(i18n, field_address).into_any() name="address" value=address problems=p />
            <div class="grid-2">
                <Field label=t!(i18n, field_area).into_any() name="area" value=area />
                <Field label=t!(i18n, field_coords).into_any() name="coords" value=coords problems=p />
                <LocateButton found=move |at: LatLon| {
                    coords.set(format!("{:.6}, {:.6}", at.lat, at.lon));
                    saved.set(false);
                } />
                <Field label=t!(i18n, field_list_price).into_any() name="list_price" value=price kind=Kind::Amount problems=p />
                <Field label=t!(i18n, field_mls).into_any() name="mls_number" value=mls />
                <Field label=t!(i18n, field_beds).into_any() name="beds" value=beds kind=Kind::Decimal max=MAX_ROOMS problems=p />
                <Field label=t!(i18n, field_baths).into_any() name="baths" value=baths kind=Kind::Decimal max=MAX_ROOMS problems=p />
                <Field label=t!(i18n, field_floor_area).into_any() name="floor_area" value=floor kind=Kind::Decimal problems=p />
                <label class="field">
                    <span>{t!(i18n, field_area_unit)}</span>
                    <select on:change=move |ev| unit.set(AreaUnit::from_name(&event_target_value(&ev)).unwrap_or_default())>
                        <option value=AreaUnit::SqFt.as_str() selected=move || unit.get() == AreaUnit::SqFt>{t!(i18n, unit_sq_ft)}</option>
                        <option value=AreaUnit::SqM.as_str() selected=move || unit.get() == AreaUnit::SqM>{t!(i18n, unit_sq_m)}</option>
                    </select>
                </label>
                <Field label=t!(i18n, field_lot_size).into_any() name="lot_size" value=lot kind=Kind::Decimal problems=p />
                <Field label=t!(i18n, field_year_built).into_any() name="year_built" value=year kind=Kind::Year problems=p />
                <label class="field">
                    <span>{t!(i18n, field_type)}</span>
                    <select on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(k) = PropertyType::from_name(&v) { kind.set(k) }
                    }>
                        {PropertyType::all().map(|k| view! {
                            <option value=k.as_str() selected=move || kind.get() == k>{move || property_type(k)}</option>
                        }).collect_view()}
                    </select>
                    {(!listed_type.is_empty()).then(|| view! { <small class="muted">{t!(i18n, listed_as, value = move || listed_type.clone())}</small> })}
                </label>
                <label class="field">
                    <span>{t!(i18n, field_status)}</span>
                    <select on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(s) = ListingStatus::from_name(&v) { listing.set(s) }
                    }>
                        {ListingStatus::all().map(|s| view! {
                            <option value=s.as_str() selected=move || listing.get() == s>{move || status(s)}</option>
                        }).collect_view()}
                    </select>
                    {(!listed_status.is_empty()).then(|| view! { <small class="muted">{t!(i18n, listed_as, value = move || listed_status.clone())}</small> })}
                </label>
                <Field label=t!(i18n, field_taxes_year).into_any() name="taxes_year" value=taxes kind=Kind::Amount problems=p />
                <Field label=t!(i18n, field_insurance_year).into_any() name="insurance_year" value=insurance kind=Kind::Amount problems=p />
                <Field label=t!(i18n, field_hoa_month).into_any() name="hoa_month" value=hoa kind=Kind::Amount problems=p />
            </div>
            <crate::components::home_map::HomeMap coords=coords address=address changed=move |()| saved.set(false) />
            <Field label=t!(i18n, field_listing_link).into_any() name="listing_link" value=link kind=Kind::Url />
            <p class="link-preview" data-testid="listing-link">
                {move || match safe_link() {
                    Some(url) => view! { <a href=url.clone() target="_blank" rel="noopener noreferrer">{url.clone()}</a> }.into_any(),
                    None => view! { <span>{move || link.get()}</span> }.into_any(),
                }}
            </p>
            <div class="actions">
                <button type="submit">{t!(i18n, save)}</button>
                {is_stored.then(|| view! {
                    <button type="button" class="danger" on:click=delete>{t!(i18n, delete)}</button>
                })}
            </div>
            <Show when=move || saved.get()>
                <p class="message message-ok" role="status">{t!(i18n, saved)}</p>
            </Show>
        </form>
    }
}
