use crate::domain::model::{Feature, Id, Property};
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;

/// A home's features: tick common ones, or add any feature by room or category.
#[component]
pub fn FeatureChecklist(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let features = move || {
        state.doc.with(|d| {
            d.properties
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.features.clone())
                .unwrap_or_default()
        })
    };
    let has = move |text: &str| features().iter().any(|f| f.text.eq_ignore_ascii_case(text));
    let set = move |category: String, text: String, on: bool| {
        state.update_property(id, |p: &mut Property| {
            p.features.retain(|f| !f.text.eq_ignore_ascii_case(&text));
            if on {
                p.features.push(Feature { category, text });
            }
        })
    };
    let common = move || {
        let kitchen = t_string!(i18n, fcat_kitchen).to_string();
        let outside = t_string!(i18n, fcat_outside).to_string();
        let systems = t_string!(i18n, fcat_systems).to_string();
        let interior = t_string!(i18n, fcat_interior).to_string();
        vec![
            (kitchen.clone(), t_string!(i18n, feat_gas_range).to_string()),
            (
                kitchen.clone(),
                t_string!(i18n, feat_dishwasher).to_string(),
            ),
            (kitchen, t_string!(i18n, feat_island).to_string()),
            (
                outside.clone(),
                t_string!(i18n, feat_fenced_yard).to_string(),
            ),
            (outside.clone(), t_string!(i18n, feat_garage).to_string()),
            (outside, t_string!(i18n, feat_deck).to_string()),
            (
                systems.clone(),
                t_string!(i18n, feat_central_air).to_string(),
            ),
            (systems, t_string!(i18n, feat_heat_pump).to_string()),
            (interior.clone(), t_string!(i18n, feat_hardwood).to_string()),
            (
                interior.clone(),
                t_string!(i18n, feat_fireplace).to_string(),
            ),
            (interior.clone(), t_string!(i18n, feat_office).to_string()),
            (interior, t_string!(i18n, feat_laundry).to_string()),
        ]
    };
    let category = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (c, x) = (category.get_untracked(), text.get_untracked());
        if x.trim().is_empty() {
            return;
        }
        set(c.trim().to_string(), x.trim().to_string(), true);
        text.set(String::new());
    };
    let remove = move |text: String| set(String::new(), text, false);

    view! {
        <section class="card" data-testid="features">
            <h2>{t!(i18n, features_title)}</h2>
            <fieldset class="checks">
                <legend>{t!(i18n, features_common)}</legend>
                {move || common().into_iter().map(|(cat, label)| {
                    let checked = { let label = label.clone(); move || has(&label) };
                    let toggle = { let (cat, label) = (cat.clone(), label.clone());
                        move |ev: leptos::ev::Event| set(cat.clone(), label.clone(), event_target_checked(&ev)) };
                    view! { <label class="check"><input type="checkbox" prop:checked=checked on:change=toggle />{label}</label> }
                }).collect_view()}
            </fieldset>
            <ul class="record-list" data-testid="feature-list">
                {move || {
                    let list = features();
                    if list.is_empty() {
                        return view! { <li class="empty">{t!(i18n, features_none)}</li> }.into_any();
                    }
                    list.into_iter().map(|f| {
                        let text = f.text.clone();
                        view! {
                            <li>
                                <span class="muted">{f.category}</span>
                                <span class="primary">{f.text}</span>
                                <button type="button" class="secondary small" on:click=move |_| remove(text.clone())>{t!(i18n, remove)}</button>
                            </li>
                        }
                    }).collect_view().into_any()
                }}
            </ul>
            <form class="inline-form" on:submit=add>
                <label class="field"><span>{t!(i18n, feature_category)}</span>
                    <input type="text" prop:value=move || category.get() on:input=move |ev| category.set(event_target_value(&ev)) />
                </label>
                <label class="field"><span>{t!(i18n, feature_text)}</span>
                    <input type="text" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
                </label>
                <button type="submit">{t!(i18n, feature_add)}</button>
            </form>
        </section>
    }
}
