//! After the tour: every stop as it happened, the agent's impressions and
//! the buyer's feedback (as it arrives); printable, and a CSV download.
use crate::components::day_state::Day;
use crate::components::labels::verdict_text;
use crate::domain::tour_day::summary::{summary, summary_csv, CsvWords, SummaryRow};
use crate::format::time_of_day;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;

#[component]
pub fn TourSummary(day: Day) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let rows = Memo::new(move |_| {
        day.tour.with(|t| match t {
            Some(t) => state.doc.with(|d| summary(t, &d.properties, &d.feedback)),
            None => Vec::new(),
        })
    });
    let download = move |_| {
        let headers = [
            t_string!(i18n, summary_number),
            t_string!(i18n, summary_address),
            t_string!(i18n, summary_arrived),
            t_string!(i18n, summary_left),
            t_string!(i18n, summary_minutes),
            t_string!(i18n, summary_skipped),
            t_string!(i18n, summary_impression),
            t_string!(i18n, summary_feedback),
        ];
        let verdict = |v| verdict_text(v);
        let csv = rows.with_untracked(|r| {
            summary_csv(
                r,
                &CsvWords {
                    headers,
                    yes: t_string!(i18n, summary_yes),
                    verdict: &verdict,
                },
            )
        });
        let date = day.tour.with_untracked(|t| t.as_ref().and_then(|t| t.date));
        let file = format!(
            "showplan-tour-{}.csv",
            date.map_or_else(
                || crate::format::file_stamp(chrono::Utc::now()),
                |d| d.to_string()
            )
        );
        let _ = crate::browser::download_text(&file, "text/csv", &csv);
    };
    // The homes seen (not skipped), side by side for the tour's buyer.
    let compare_href = move || {
        day.tour
            .with(|t| {
                let t = t.as_ref()?;
                let seen = t.stops.iter().filter(|s| !s.skipped).map(|s| s.property);
                crate::domain::compare::path(seen, t.buyer)
            })
            .map(|p| crate::paths::href(&p))
    };
    let reactions = |r: &SummaryRow| {
        r.feedback
            .iter()
            .map(|(person, rating, verdict, comment)| {
                let mut line = person.clone();
                if let Some(n) = rating {
                    line.push_str(&format!(" {}", "★".repeat(usize::from(*n).min(5))));
                }
                if let Some(v) = verdict {
                    line.push_str(&format!(" · {}", verdict_text(*v)));
                }
                if !comment.is_empty() {
                    line.push_str(&format!(" · “{comment}”"));
                }
                line
            })
            .collect::<Vec<_>>()
    };
    view! {
        <section class="card tour-summary" data-testid="tour-summary">
            <h2>{t!(i18n, summary_title)}</h2>
            <div class="table-scroll">
                <table>
                    <thead><tr>
                        <th scope="col">{t!(i18n, summary_number)}</th>
                        <th scope="col">{t!(i18n, summary_address)}</th>
                        <th scope="col">{t!(i18n, summary_when)}</th>
                        <th scope="col">{t!(i18n, summary_impression)}</th>
                        <th scope="col">{t!(i18n, summary_feedback)}</th>
                    </tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|r| {
                            let when = if r.skipped {
                                t_string!(i18n, day_row_skipped).to_string()
                            } else if r.arrived.is_none() && r.left.is_none() {
                                t_string!(i18n, summary_not_recorded).to_string()
                            } else {
                                let l = i18n.get_locale();
                                let at = |m: Option<u32>| m.map(|m| time_of_day(l.as_str(), m)).unwrap_or_default();
                                format!("{}–{}", at(r.arrived), at(r.left))
                            };
                            let stars = r.impression.map(|n| "★".repeat(usize::from(n).min(5))).unwrap_or_default();
                            let feedback = reactions(&r);
                            view! {
                                <tr data-testid="summary-row">
                                    <td>{r.number}</td>
                                    <td>{r.address}</td>
                                    <td>{when}</td>
                                    <td aria-label=r.impression.map(|n| t_string!(i18n, day_impression_n, stars = n)).unwrap_or_default()>{stars}</td>
                                    <td>{feedback.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="actions no-print">
                {move || compare_href().map(|href| view! { <a class="button secondary" href=href>{t!(i18n, compare_seen)}</a> })}
                <button type="button" on:click=download>{t!(i18n, summary_csv)}</button>
                <button type="button" class="secondary" on:click=|_| crate::browser::print()>{t!(i18n, summary_print)}</button>
            </div>
        </section>
    }
}
