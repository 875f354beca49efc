use crate::components::buyer_places::BuyerPlaces;
use crate::components::BuyerForm;
use crate::domain::model::Buyer;
use crate::i18n::{t, use_i18n};
use crate::paths::href;
use crate::router::{use_navigate, use_params_map};
use crate::router::{Outlet, A};
use crate::state::use_document;
use chrono::Utc;
use leptos::prelude::*;

/// The buyers list beside the chosen buyer's profile (stacked in portrait).
#[component]
pub fn BuyersPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let navigate = use_navigate();
    let count = move || state.doc.with(|d| d.buyers.len());
    let name = RwSignal::new(String::new());
    let missing_name = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked();
        if typed.trim().is_empty() {
            missing_name.set(true);
            return;
        }
        let buyer = Buyer::new(&typed, Utc::now());
        let id = buyer.id;
        state.update(|d| d.buyers.push(buyer));
        name.set(String::new());
        missing_name.set(false);
        navigate(&format!("/buyers/{id}"));
    };
    view! {
        <div class="split">
            <section class="page-section list-pane" data-testid="buyers-page">
                <h1>{t!(i18n, buyers_title)}</h1>
                <p class="intro">{t!(i18n, buyers_intro)}</p>
                <form class="inline-form" on:submit=add novalidate>
                    <label class="field">
                        <span>{t!(i18n, buyer_name)}</span>
                        <input
                            type="text"
                            autocomplete="off"
                            enterkeyhint="done"
                            aria-invalid=move || missing_name.get().to_string()
                            prop:value=move || name.get()
                            on:input=move |ev| name.set(event_target_value(&ev))
                        />
                    </label>
                    <button type="submit">{t!(i18n, buyer_add)}</button>
                </form>
                <Show when=move || missing_name.get()>
                    <p class="message message-error" role="alert">{t!(i18n, buyer_name_required)}</p>
                </Show>
                <p class="count">{t_count!(i18n, buyers_count, count)}</p>
                // The first visit says how to start, each way one tap away.
                <Show
                    when=move || state.doc.with(|d| d.is_empty())
                    fallback=move || view! {
                        <Show when=move || count() == 0>
                            <p class="empty">{t!(i18n, buyers_empty)}</p>
                        </Show>
                    }
                >
                    <div class="first-visit" data-testid="first-visit">
                        <h2>{t!(i18n, start_title)}</h2>
                        <ul>
                            <li>{t!(i18n, start_add_buyer)}</li>
                            <li><A href=href("/properties")>{t!(i18n, start_import)}</A></li>
                            <li><A href=href("/data#sample-data")>{t!(i18n, start_sample)}</A></li>
                        </ul>
                    </div>
                </Show>
                <ul class="record-list" data-testid="buyer-list">
                    <For
                        each=move || state.doc.with(|d| d.buyer_names())
                        key=|row| row.clone()
                        children=|(id, name)| view! {
                            <li><A href=href(&format!("/buyers/{id}"))>{name}</A></li>
                        }
                    />
                </ul>
            </section>
            <div class="detail-pane">
                <Outlet />
            </div>
        </div>
    }
}

/// Shown beside the list when no buyer is chosen.
#[component]
pub fn NoBuyerChosen() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="empty placeholder">{t!(i18n, buyer_choose)}</p> }
}

/// The chosen buyer's profile form (from the `:id` in the address).
#[component]
pub fn BuyerEditor() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|s| uuid::Uuid::parse_str(&s).ok())
    });
    Effect::new(move |_| {
        id.track();
        crate::browser::reveal_when_stacked("[data-testid=buyer-form]");
    });
    move || {
        let buyer = id.get().and_then(|id| {
            state
                .doc
                .with_untracked(|d| d.buyers.iter().find(|b| b.id == id).cloned())
        });
        match buyer {
            Some(buyer) => {
                let id = buyer.id;
                view! { <section class="page-section"><crate::components::edited_elsewhere::EditedElsewhere id=id /><BuyerForm buyer=buyer /><BuyerPlaces buyer=id /></section> }.into_any()
            }
            None => view! { <p class="message message-error" role="alert">{t!(i18n, buyer_not_found)}</p> }.into_any(),
        }
    }
}
