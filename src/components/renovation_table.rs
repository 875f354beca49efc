use crate::components::fields::problem_text;
use crate::components::labels::priority;
use crate::domain::forms::{renovation, Problems};
use crate::domain::matching::{effective_price, renovation_totals};
use crate::domain::model::{Id, Priority};
use crate::domain::names::Named;
use crate::format::amount;
use crate::i18n::{t, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;

/// The renovations a home needs, with cost totals and the effective price.
#[component]
pub fn RenovationTable(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let locale = move || i18n.get_locale().as_str();
    let property = move || {
        state
            .doc
            .with(|d| d.properties.iter().find(|p| p.id == id).cloned())
    };
    let (item, room, low, high) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let prio = RwSignal::new(Priority::Medium);
    let problems = RwSignal::new(Problems::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match renovation(
            &item.get_untracked(),
            &room.get_untracked(),
            prio.get_untracked(),
            &low.get_untracked(),
            &high.get_untracked(),
            crate::format::marks_now(i18n),
        ) {
            Ok(r) => {
                state.update_property(id, |p| p.renovations.push(r));
                for s in [item, room, low, high] {
                    s.set(String::new());
                }
                problems.set(Problems::new());
            }
            Err(p) => problems.set(p),
        }
    };
    let remove =
        move |rid: Id| state.update_property(id, |p| p.renovations.retain(|r| r.id != rid));
    let problem = move |field: &'static str| {
        problems
            .with(|p| p.iter().find(|(f, _)| *f == field).map(|(_, p)| *p))
            .map(problem_text)
    };

    view! {
        <section class="card" data-testid="renovations">
            <h2>{t!(i18n, renovations_title)}</h2>
            <div class="table-scroll">
            <table class="reno-table">
                <thead><tr>
                    <th scope="col">{t!(i18n, reno_item)}</th><th scope="col">{t!(i18n, reno_room)}</th>
                    <th scope="col">{t!(i18n, reno_priority)}</th><th scope="col" class="num">{t!(i18n, reno_low)}</th>
                    <th scope="col" class="num">{t!(i18n, reno_high)}</th><th></th>
                </tr></thead>
                <tbody>
                    {move || property().map(|p| p.renovations.into_iter().map(|r| {
                        let rid = r.id;
                        view! { <tr>
                            <td>{r.item}</td><td>{r.room}</td><td>{priority(r.priority)}</td>
                            <td class="num">{amount(locale(), Some(r.cost_low))}</td>
                            <td class="num">{amount(locale(), Some(r.cost_high))}</td>
                            <td><button type="button" class="secondary small" on:click=move |_| remove(rid)>{t!(i18n, remove)}</button></td>
                        </tr> }
                    }).collect_view())}
                </tbody>
                <tfoot><tr data-testid="reno-total">
                    <th scope="row" colspan="3">{t!(i18n, reno_total)}</th>
                    <td class="num">{move || property().map(|p| amount(locale(), Some(renovation_totals(&p).0)))}</td>
                    <td class="num">{move || property().map(|p| amount(locale(), Some(renovation_totals(&p).1)))}</td>
                    <td></td>
                </tr></tfoot>
            </table>
            </div>
            <p class="effective" data-testid="effective-price">
                {t!(i18n, effective_price)}": "
                {move || match property().and_then(|p| effective_price(&p)) {
                    Some((lo, hi)) => format!("{} – {}", amount(locale(), Some(lo)), amount(locale(), Some(hi))),
                    None => "–".to_string(),
                }}
            </p>
            <form class="grid-form" on:submit=add novalidate>
                <label class="field"><span>{t!(i18n, reno_item)}</span>
                    <input type="text" name="item" aria-invalid=move || problem("item").is_some().to_string() prop:value=move || item.get() on:input=move |ev| item.set(event_target_value(&ev)) />
                    <span class="field-error">{move || problem("item")}</span>
                </label>
                <label class="field"><span>{t!(i18n, reno_room)}</span>
                    <input type="text" name="room" prop:value=move || room.get() on:input=move |ev| room.set(event_target_value(&ev)) />
                </label>
                <label class="field"><span>{t!(i18n, reno_priority)}</span>
                    <select on:change=move |ev| { let v = event_target_value(&ev); if let Some(p) = Priority::from_name(&v) { prio.set(p) } }>
                        {Priority::all().map(|p| view! { <option value=p.as_str() selected=move || prio.get() == p>{move || priority(p)}</option> }).collect_view()}
                    </select>
                </label>
                <label class="field"><span>{t!(i18n, reno_low)}</span>
                    <input type="text" inputmode="numeric" name="cost_low" aria-invalid=move || problem("cost_low").is_some().to_string() prop:value=move || low.get() on:input=move |ev| low.set(event_target_value(&ev)) />
                    <span class="field-error">{move || problem("cost_low")}</span>
                </label>
                <label class="field"><span>{t!(i18n, reno_high)}</span>
                    <input type="text" inputmode="numeric" name="cost_high" aria-invalid=move || problem("cost_high").is_some().to_string() prop:value=move || high.get() on:input=move |ev| high.set(event_target_value(&ev)) />
                    <span class="field-error">{move || problem("cost_high")}</span>
                </label>
                <button type="submit">{t!(i18n, reno_add)}</button>
            </form>
        </section>
    }
}
