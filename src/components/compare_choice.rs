//! Choosing homes to compare from a list: a box on each home, and the
//! link to the comparison once two to four are chosen.
use crate::domain::compare::{path, MAX_HOMES};
use crate::domain::model::Id;
use crate::i18n::{t, t_string, use_i18n};
use crate::paths::href;
use crate::router::A;
use leptos::prelude::*;

/// The homes chosen so far, in the order they were ticked.
pub type Chosen = RwSignal<Vec<Id>>;

/// "Compare" on one home of the list; full once four are chosen.
#[component]
pub fn CompareBox(chosen: Chosen, home: Id, address: String) -> impl IntoView {
    let i18n = use_i18n();
    let ticked = move || chosen.with(|c| c.contains(&home));
    let full = move || !ticked() && chosen.with(|c| c.len() >= MAX_HOMES);
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        chosen.update(|c| {
            c.retain(|h| *h != home);
            if on && c.len() < MAX_HOMES {
                c.push(home);
            }
        });
    };
    let label = move || t_string!(i18n, compare_choose_home, address = address.clone()).to_string();
    view! {
        <label class="check compare-box">
            <input type="checkbox" prop:checked=ticked disabled=full on:change=toggle aria-label=label />
            <span aria-hidden="true">{t!(i18n, compare_choose)}</span>
        </label>
    }
}

/// How many are chosen, and the comparison's link from two on.
#[component]
pub fn CompareChosen(chosen: Chosen, #[prop(into)] buyer: Signal<Option<Id>>) -> impl IntoView {
    let i18n = use_i18n();
    let count = move || chosen.with(Vec::len);
    let to = move || path(chosen.get(), buyer.get()).map(|p| href(&p));
    view! {
        <Show when=move || count() != 0>
            <div class="compare-chosen" role="region" aria-label=move || t_string!(i18n, compare_chosen_label).to_string()>
                <p role="status">{move || t!(i18n, compare_chosen, count = count, most = MAX_HOMES)}</p>
                {move || match to() {
                    Some(to) => view! { <A href=to attr:class="button">{t!(i18n, compare_open)}</A> }.into_any(),
                    None => view! { <span class="muted">{t!(i18n, compare_need_two)}</span> }.into_any(),
                }}
                <button type="button" class="secondary" on:click=move |_| chosen.set(Vec::new())>{t!(i18n, compare_clear)}</button>
            </div>
        </Show>
    }
}
