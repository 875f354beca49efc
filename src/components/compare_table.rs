//! Homes side by side: one column per home, one row per figure.
use crate::domain::compare::Column;
use crate::format::{amount, money};
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;

/// One row's cell for a home, given the month and money-range writers.
type Cell = fn(&Column, &dyn Fn(Option<f64>) -> String, &dyn Fn((u64, u64)) -> String) -> String;

#[component]
pub fn CompareTable(columns: Memo<Vec<Column>>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || i18n.get_locale().as_str();
    let currency = use_context::<crate::format::Currency>();
    let per_month = move |v: Option<f64>| match v {
        Some(v) => money(
            locale(),
            &currency.map(|c| c.0.get()).unwrap_or_default(),
            v.round(),
        ),
        None => t_string!(i18n, compare_unknown).to_string(),
    };
    let range = move |(low, high): (u64, u64)| {
        if low == high {
            amount(locale(), Some(low))
        } else {
            format!(
                "{} – {}",
                amount(locale(), Some(low)),
                amount(locale(), Some(high))
            )
        }
    };
    // One row: its heading and each home's cell.
    let row = move |label: AnyView, cell: Cell| {
        view! {
            <tr>
                <th scope="row">{label}</th>
                {move || columns.get().iter().map(|c| view! { <td>{cell(c, &per_month, &range)}</td> }).collect_view()}
            </tr>
        }
    };
    view! {
        <div class="table-scroll">
            <table class="compare" data-testid="compare-table">
                <thead><tr>
                    <td></td>
                    {move || columns.get().into_iter().map(|c| view! { <th scope="col">{c.address}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {row(t!(i18n, compare_price).into_any(), |c, _, r| c.list_price.map(|p| r((p, p))).unwrap_or_else(|| "–".into()))}
                    {row(t!(i18n, compare_renovations).into_any(), |c, _, r| r(c.renovations))}
                    {row(t!(i18n, compare_effective).into_any(), |c, _, r| c.effective.map(r).unwrap_or_else(|| "–".into()))}
                    {row(t!(i18n, compare_loan).into_any(), |c, m, _| m(c.monthly.map(|x| x.loan)))}
                    {row(t!(i18n, compare_taxes).into_any(), |c, m, _| m(c.monthly.and_then(|x| x.taxes)))}
                    {row(t!(i18n, compare_insurance).into_any(), |c, m, _| m(c.monthly.and_then(|x| x.insurance)))}
                    {row(t!(i18n, compare_hoa).into_any(), |c, m, _| m(c.monthly.and_then(|x| x.hoa)))}
                    <tr class="total">
                        <th scope="row">{t!(i18n, compare_monthly)}</th>
                        {move || columns.get().iter().map(|c| view! { <td data-testid="compare-monthly"><strong>{per_month(c.monthly.map(|m| m.total()))}</strong></td> }).collect_view()}
                    </tr>
                    {row(t!(i18n, compare_cash).into_any(), |c, _, r| r((c.cash_renovations, c.cash_renovations)))}
                    {row(t!(i18n, compare_met).into_any(), |c, _, _| if c.must_haves_met.is_empty() { "–".into() } else { c.must_haves_met.join(", ") })}
                    {row(t!(i18n, compare_missing).into_any(), |c, _, _| if c.must_haves_missing.is_empty() { "–".into() } else { c.must_haves_missing.join(", ") })}
                    {move || {
                        // A row per place that matters to the buyer.
                        let names: Vec<String> = columns.with(|c| c.first().map(|c| c.commutes.iter().map(|(n, _)| n.clone()).collect()).unwrap_or_default());
                        names.into_iter().enumerate().map(|(k, name)| view! {
                            <tr>
                                <th scope="row">{t_string!(i18n, compare_commute, place = name).to_string()}</th>
                                {columns.get().iter().map(|c| {
                                    let text = match c.commutes.get(k).and_then(|(_, m)| *m) {
                                        Some((m, by_road)) => format!(
                                            "{} · {}",
                                            t_string!(i18n, tour_leg, minutes = m),
                                            if by_road { t_string!(i18n, leg_by_road) } else { t_string!(i18n, leg_estimate) }
                                        ),
                                        None => "–".into(),
                                    };
                                    view! { <td data-testid="compare-commute">{text}</td> }
                                }).collect_view()}
                            </tr>
                        }).collect_view()
                    }}
                    {row(t!(i18n, compare_impressions).into_any(), |c, _, _| if c.impressions.is_empty() { "–".into() } else { c.impressions.iter().map(|n| "★".repeat(usize::from(*n).min(5))).collect::<Vec<_>>().join(" · ") })}
                    {row(t!(i18n, compare_ratings).into_any(), |c, _, _| if c.ratings.is_empty() { "–".into() } else { c.ratings.iter().map(|(who, n)| format!("{who}: {}", "★".repeat(usize::from(*n).min(5)))).collect::<Vec<_>>().join(" · ") })}
                </tbody>
            </table>
        </div>
    }
}
