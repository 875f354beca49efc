use super::edit_conflict::EditConflict;
use crate::components::fields::{Field, FormProblems, Kind};
use crate::components::labels::property_type;
use crate::components::undo_toast::use_undo;
use crate::domain::compare;
use crate::domain::forms::{BuyerDraft, Problems, MAX_WANTED_ROOMS};
use crate::domain::model::PropertyType;
use crate::domain::model::{remove_record, restore_record, Buyer};
use crate::domain::names::Named;
use crate::i18n::{t, t_string, use_i18n};
use crate::paths::href;
use crate::router::use_navigate;
use crate::router::A;
use crate::state::use_document;
use chrono::Utc;
use leptos::prelude::*;

/// The whole buyer profile as a form: save checks every field and shows
/// problems inline; delete can be undone.
#[component]
pub fn BuyerForm(buyer: Buyer) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let undo = use_undo();
    let navigate = use_navigate();
    let d = BuyerDraft::from_buyer(&buyer, crate::format::marks_now(i18n));
    let s = |v: &str| RwSignal::new(v.to_string());
    let (name, contact_name, phone, email) =
        (s(&d.name), s(&d.contact_name), s(&d.phone), s(&d.email));
    let (budget_min, budget_max, min_beds, min_baths) = (
        s(&d.budget_min),
        s(&d.budget_max),
        s(&d.min_beds),
        s(&d.min_baths),
    );
    let (areas, must, nice, breakers) = (
        s(&d.preferred_areas),
        s(&d.must_haves),
        s(&d.nice_to_haves),
        s(&d.deal_breakers),
    );
    let (signed, notes) = (s(&d.agreement_signed), s(&d.notes));
    let types = RwSignal::new(d.property_types.clone());
    let problems = RwSignal::new(Problems::new());
    let saved = RwSignal::new(false);
    let id = buyer.id;
    // The version the form shows: another tab's later save is not undone
    // without a word.
    let opened = StoredValue::new(buyer.clone());
    let conflict = RwSignal::new(false);
    let fill = move |d: BuyerDraft| {
        for (signal, text) in [
            (name, d.name),
            (contact_name, d.contact_name),
            (phone, d.phone),
            (email, d.email),
            (budget_min, d.budget_min),
            (budget_max, d.budget_max),
            (min_beds, d.min_beds),
            (min_baths, d.min_baths),
            (areas, d.preferred_areas),
            (must, d.must_haves),
            (nice, d.nice_to_haves),
            (breakers, d.deal_breakers),
            (signed, d.agreement_signed),
            (notes, d.notes),
        ] {
            signal.set(text);
        }
        types.set(d.property_types);
    };
    let current = move || {
        state
            .doc
            .with_untracked(|doc| doc.buyers.iter().find(|b| b.id == id).cloned())
    };
    let load_theirs = move || {
        if let Some(b) = current() {
            fill(BuyerDraft::from_buyer(&b, crate::format::marks_now(i18n)));
            opened.set_value(b);
        }
        conflict.set(false);
        problems.set(Problems::new());
    };

    let commit = move |over_other_tab: bool| {
        let draft = BuyerDraft {
            name: name.get_untracked(),
            contact_name: contact_name.get_untracked(),
            phone: phone.get_untracked(),
            email: email.get_untracked(),
            budget_min: budget_min.get_untracked(),
            budget_max: budget_max.get_untracked(),
            min_beds: min_beds.get_untracked(),
            min_baths: min_baths.get_untracked(),
            property_types: types.get_untracked(),
            preferred_areas: areas.get_untracked(),
            must_haves: must.get_untracked(),
            nice_to_haves: nice.get_untracked(),
            deal_breakers: breakers.get_untracked(),
            agreement_signed: signed.get_untracked(),
            notes: notes.get_untracked(),
        };
        let Some(base) = current() else {
            return;
        };
        let marks = crate::format::marks_now(i18n);
        let as_opened = opened.with_value(|b| BuyerDraft::from_buyer(b, marks));
        if !over_other_tab && BuyerDraft::from_buyer(&base, marks) != as_opened {
            conflict.set(true);
            saved.set(false);
            return;
        }
        let now = Utc::now();
        match draft.to_buyer(&base, now, marks) {
            Ok(updated) => {
                opened.set_value(updated.clone());
                state.update(|doc| {
                    if let Some(b) = doc.buyers.iter_mut().find(|b| b.id == id) {
                        *b = updated;
                    }
                });
                problems.set(Problems::new());
                saved.set(true);
                conflict.set(false);
            }
            Err(p) => {
                problems.set(p);
                saved.set(false);
            }
        }
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        commit(false);
    };
    let delete = move |_| {
        let mut removed = None;
        state.update(|doc| {
            removed = remove_record(&mut doc.buyers, &mut doc.deleted, id, Utc::now())
        });
        if let Some(removed) = removed {
            let message =
                t_string!(i18n, deleted_buyer, name = removed.record.name.clone()).to_string();
            undo.offer(message, move || {
                let removed = removed.clone();
                state.update(|doc| {
                    restore_record(&mut doc.buyers, &mut doc.deleted, removed, Utc::now())
                });
            });
            navigate("/buyers");
        }
    };
    let p: Signal<Problems> = problems.into();
    let type_boxes = PropertyType::all()
        .map(|kind| {
            let checked = move || types.with(|t| t.contains(&kind));
            let toggle = move |_| {
                types.update(|t| {
                    if let Some(i) = t.iter().position(|k| *k == kind) {
                        t.remove(i);
                    } else {
                        t.push(kind);
                    }
                })
            };
            view! {
                <label class="check"><input type="checkbox" prop:checked=checked on:change=toggle />{move || property_type(kind)}</label>
            }
        })
        .collect_view();

    // Their best-rated homes (then best matches) side by side.
    let compare_path = Memo::new(move |_| {
        state.doc.with(|d| {
            let b = d.buyers.iter().find(|b| b.id == id)?;
            compare::path(compare::best_homes(d, b), Some(id))
        })
    });

    view! {
        <form class="record-form" on:submit=save on:input=move |_| saved.set(false) novalidate data-testid="buyer-form">
            <h2>{t!(i18n, buyer_profile)}</h2>
            <FormProblems problems=p />
            <EditConflict shown=conflict keep_mine=move |()| commit(true) load_theirs=move |()| load_theirs() />
            <Field label=t!(i18n, field_name).into_any() name="name" value=name problems=p />
            <div class="grid-2">
                <Field label=t!(i18n, field_contact_name).into_any() name="contact_name" value=contact_name />
                <Field label=t!(i18n, field_phone).into_any() name="phone" value=phone kind=Kind::Phone />
                <Field label=t!(i18n, field_email).into_any() name="email" value=email kind=Kind::Email />
                <Field label=t!(i18n, field_agreement_signed).into_any() name="agreement_signed" value=signed kind=Kind::Date problems=p />
                <Field label=t!(i18n, field_budget_min).into_any() name="budget_min" value=budget_min kind=Kind::Amount problems=p />
                <Field label=t!(i18n, field_budget_max).into_any() name="budget_max" value=budget_max kind=Kind::Amount problems=p />
                <Field label=t!(i18n, field_min_beds).into_any() name="min_beds" value=min_beds kind=Kind::Decimal max=MAX_WANTED_ROOMS problems=p />
                <Field label=t!(i18n, field_min_baths).into_any() name="min_baths" value=min_baths kind=Kind::Decimal max=MAX_WANTED_ROOMS problems=p />
            </div>
            <fieldset class="checks">
                <legend>{t!(i18n, field_property_types)}</legend>
                {type_boxes}
            </fieldset>
            <Field label=t!(i18n, field_preferred_areas).into_any() name="preferred_areas" value=areas />
            <Field label=t!(i18n, field_must_haves).into_any() name="must_haves" value=must kind=Kind::Lines />
            <Field label=t!(i18n, field_nice_to_haves).into_any() name="nice_to_haves" value=nice kind=Kind::Lines />
            <Field label=t!(i18n, field_deal_breakers).into_any() name="deal_breakers" value=breakers kind=Kind::Lines />
            <Field label=t!(i18n, field_notes).into_any() name="notes" value=notes kind=Kind::Lines />
            <div class="actions">
                <button type="submit">{t!(i18n, save)}</button>
                <A href=href(&format!("/match?buyer={id}")) attr:class="button secondary-link">{t!(i18n, buyer_match_link)}</A>
                {move || compare_path.get().map(|to| view! {
                    <A href=href(&to) attr:class="button secondary-link">{t!(i18n, buyer_compare_link)}</A>
                })}
                <button type="button" class="danger" on:click=delete>{t!(i18n, delete)}</button>
            </div>
            <Show when=move || saved.get()>
                <p class="message message-ok" role="status">{t!(i18n, saved)}</p>
            </Show>
        </form>
    }
}
