//! Homes side by side for a buyer (`/compare/<id>,<id>,...?buyer=<id>`):
//! the figures, and how the buyer would pay, which the agent can change
//! here (kept on the buyer). Estimates, not a loan offer.
use crate::components::compare_table::CompareTable;
use crate::domain::compare::{compare, homes_of, Figure, Finance};
use crate::domain::model::Id;
use crate::domain::numbers::read_number;
use crate::i18n::{t, t_string, use_i18n};
use crate::router::{use_params_map, use_query_map};
use crate::state::use_document;
use leptos::prelude::*;

#[component]
pub fn ComparePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let homes = homes_of(&use_params_map().with_untracked(|p| p.get("id").unwrap_or_default()));
    let from_address = use_query_map()
        .with_untracked(|q| q.get("buyer"))
        .and_then(|b| uuid::Uuid::parse_str(&b).ok());
    let buyer = RwSignal::new(from_address);
    let finance = RwSignal::new(state.doc.with_untracked(|d| {
        Finance::for_buyer(from_address.and_then(|id| d.buyers.iter().find(|b| b.id == id)))
    }));
    let problem = RwSignal::new(false);
    let columns = Memo::new(move |_| {
        let f = finance.get();
        state.doc.with(|d| compare(d, &homes, buyer.get(), &f))
    });
    let buyers = move || state.doc.with(|d| d.buyer_names());
    let choose_buyer = move |ev: leptos::ev::Event| {
        let id: Option<Id> = uuid::Uuid::parse_str(&event_target_value(&ev)).ok();
        buyer.set(id);
        finance.set(state.doc.with_untracked(|d| {
            Finance::for_buyer(id.and_then(|id| d.buyers.iter().find(|b| b.id == id)))
        }));
    };
    // A figure typed in the agent's language; kept on the buyer when one is chosen.
    let set = move |figure: Figure, text: String| {
        let marks = crate::format::marks_now(i18n);
        let fitted = read_number(&text, marks, figure.kind())
            .ok()
            .and_then(|v| finance.get_untracked().with(figure, v));
        problem.set(fitted.is_none());
        let Some(f) = fitted else { return };
        finance.set(f);
        if let Some(id) = buyer.get_untracked() {
            state.update(|d| {
                if let Some(b) = d.buyers.iter_mut().find(|b| b.id == id) {
                    f.keep_on(b);
                    b.stamp.updated = chrono::Utc::now();
                }
            });
        }
    };
    let written = move |v: f64| crate::format::number(i18n.get_locale().as_str(), v);
    view! {
        <section class="page-section compare-page" data-testid="compare-page">
            <h1>{t!(i18n, compare_title)}</h1>
            <p class="intro">{t!(i18n, compare_estimate)}</p>
            <div class="card no-print">
                <div class="grid-2">
                    <label class="field"><span>{t!(i18n, tour_buyer)}</span>
                        <select on:change=choose_buyer>
                            <option value="">{t!(i18n, tour_no_buyer)}</option>
                            {move || buyers().into_iter().map(|(id, name)| view! {
                                <option value=id.to_string() selected=move || buyer.get() == Some(id)>{name}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="field"><span>{t!(i18n, compare_down)}</span>
                        <input type="text" inputmode="decimal" placeholder=move || t_string!(i18n, compare_down_default)
                            prop:value=move || finance.with(|f| f.down.map(|d| written(d as f64)).unwrap_or_default())
                            on:change=move |ev| set(Figure::Down, event_target_value(&ev)) />
                    </label>
                    <label class="field"><span>{t!(i18n, compare_rate)}</span>
                        <input type="text" inputmode="decimal" prop:value=move || finance.with(|f| written(f.rate_percent))
                            on:change=move |ev| set(Figure::Rate, event_target_value(&ev)) />
                    </label>
                    <label class="field"><span>{t!(i18n, compare_years)}</span>
                        <input type="text" inputmode="numeric" prop:value=move || finance.with(|f| f.years.to_string())
                            on:change=move |ev| set(Figure::Years, event_target_value(&ev)) />
                    </label>
                </div>
                <label class="check">
                    <input type="checkbox" prop:checked=move || finance.with(|f| f.finance_renovations)
                        on:change=move |ev| finance.update(|f| f.finance_renovations = event_target_checked(&ev)) />
                    <span>{t!(i18n, compare_finance_renovations)}</span>
                </label>
                <Show when=move || problem.get()>
                    <p class="message message-error" role="alert">{t!(i18n, compare_problem)}</p>
                </Show>
            </div>
            <Show when=move || columns.with(|c| c.len() >= 2)
                fallback=move || view! { <p class="empty">{t!(i18n, compare_too_few)}</p> }>
                <CompareTable columns />
            </Show>
            <p class="actions no-print">
                <button type="button" class="secondary" on:click=|_| crate::browser::print()>{t!(i18n, summary_print)}</button>
            </p>
        </section>
    }
}
