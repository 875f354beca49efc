use super::csv_number_format::CsvNumberFormat;
use crate::domain::csv_import::{
    detect_all, left_out, read_table, Column, CsvError, FileNumbers, Imported, Importer, RowError,
    RowProblem, Table,
};
use crate::domain::import_merge::{merge_imported, unusual_prices, Merged};
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use chrono::Utc;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What an import did, for its report.
#[derive(Clone)]
struct Report {
    merged: Merged,
    /// Rows not imported, with why.
    errors: Vec<RowError>,
    /// The file's columns not imported that held something.
    left_out: Vec<String>,
    /// Homes priced far outside the file's own range: (address, price).
    check: Vec<(String, Option<u64>)>,
}

/// Rows read per task while importing.
const IMPORT_SLICE: usize = 250;

/// A column's name in the user's language.
pub fn column_label(c: Column) -> String {
    let i18n = use_i18n();
    match c {
        Column::Address => t_string!(i18n, col_address).to_string(),
        Column::Street => t_string!(i18n, col_street).to_string(),
        Column::City => t_string!(i18n, col_city).to_string(),
        Column::Zip => t_string!(i18n, col_zip).to_string(),
        Column::State => t_string!(i18n, col_state).to_string(),
        Column::Neighbourhood => t_string!(i18n, col_neighbourhood).to_string(),
        Column::Price => t_string!(i18n, col_price).to_string(),
        Column::Beds => t_string!(i18n, col_beds).to_string(),
        Column::Baths => t_string!(i18n, col_baths).to_string(),
        Column::FloorArea => t_string!(i18n, col_floor_area).to_string(),
        Column::Type => t_string!(i18n, col_type).to_string(),
        Column::Lat => t_string!(i18n, col_lat).to_string(),
        Column::Lon => t_string!(i18n, col_lon).to_string(),
        Column::Mls => t_string!(i18n, col_mls).to_string(),
        Column::Status => t_string!(i18n, col_status).to_string(),
        Column::SoldDate => t_string!(i18n, col_sold_date).to_string(),
        Column::Link => t_string!(i18n, col_link).to_string(),
        Column::AgentName => t_string!(i18n, col_agent_name).to_string(),
        Column::AgentPhone => t_string!(i18n, col_agent_phone).to_string(),
        Column::AgentEmail => t_string!(i18n, col_agent_email).to_string(),
        Column::AgentOffice => t_string!(i18n, col_agent_office).to_string(),
        Column::Taxes => t_string!(i18n, field_taxes_year).to_string(),
        Column::Hoa => t_string!(i18n, field_hoa_month).to_string(),
        Column::Ignore => t_string!(i18n, col_ignore).to_string(),
    }
}

/// Imports an MLS-style CSV: preview, map columns, import, then a report of
/// every row that was skipped and why.
#[component]
pub fn CsvImportPanel() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let table = RwSignal::new(None::<Table>);
    let mapping = RwSignal::new(Vec::<Column>::new());
    let numbers = RwSignal::new(FileNumbers::Detect);
    let failure = RwSignal::new(None::<CsvError>);
    let report = RwSignal::new(None::<Report>);
    // The file's name, said beside the preview: the field itself is cleared
    // so the same file can be chosen again.
    let file_name = RwSignal::new(String::new());

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = match crate::browser::read_chosen_file(&input).await {
                Some(Ok(text)) => text,
                Some(Err(e)) => {
                    failure.set(Some(CsvError::Unreadable { line: 0, reason: e }));
                    return;
                }
                None => return,
            };
            let name = input
                .files()
                .and_then(|f| f.get(0))
                .map(|f| f.name())
                .unwrap_or_default();
            file_name.set(name);
            input.set_value("");
            report.set(None);
            match read_table(&text) {
                Ok(t) => {
                    mapping.set(detect_all(&t.headers));
                    numbers.set(FileNumbers::Detect);
                    table.set(Some(t));
                    failure.set(None);
                }
                Err(e) => {
                    table.set(None);
                    failure.set(Some(e));
                }
            }
        });
    };
    let has_address = move || {
        mapping.with(|m| {
            m.iter()
                .any(|c| matches!(c, Column::Address | Column::Street))
        })
    };
    // Rows read so far and in all, while an import runs.
    let progress = RwSignal::new(None::<(usize, usize)>);
    let run = move |_| {
        let Some(t) = table.get_untracked() else {
            return;
        };
        if progress.get_untracked().is_some() {
            return;
        }
        let (columns, file_numbers) = (mapping.get_untracked(), numbers.get_untracked());
        let marks = crate::format::marks_now(i18n);
        progress.set(Some((0, t.rows.len())));
        leptos::task::spawn_local(async move {
            let now = Utc::now();
            let importer = Importer::new(&t, &columns, file_numbers, marks, now);
            let mut result = Imported::default();
            // A slice of rows per task: the page keeps answering and the
            // progress bar moves on a long file.
            for start in (0..importer.len()).step_by(IMPORT_SLICE) {
                importer.read(start..start + IMPORT_SLICE, &mut result);
                progress.set(Some((
                    (start + IMPORT_SLICE).min(importer.len()),
                    importer.len(),
                )));
                gloo_timers::future::TimeoutFuture::new(0).await;
            }
            let check = unusual_prices(&result.properties)
                .into_iter()
                .map(|p| (p.address.clone(), p.list_price))
                .collect();
            let mut merged = Merged::default();
            let rows = result.properties.into_iter().zip(result.given);
            state.update(|d| merged = merge_imported(&mut d.properties, rows, now));
            report.set(Some(Report {
                merged,
                errors: result.errors,
                left_out: left_out(&t, &columns),
                check,
            }));
            progress.set(None);
            table.set(None);
        });
    };
    let problem_text = move |p: RowProblem| -> AnyView {
        match p {
            RowProblem::NoAddress => t!(i18n, csv_no_address).into_any(),
            RowProblem::NotANumber { column, value } => {
                let col = column_label(column);
                t!(
                    i18n,
                    csv_not_a_number,
                    value = move || value.clone(),
                    column = move || col.clone()
                )
                .into_any()
            }
            RowProblem::BadCoordinates => t!(i18n, csv_bad_coordinates).into_any(),
            RowProblem::UnknownStatus(value) => {
                t!(i18n, csv_unknown_status, value = move || value.clone()).into_any()
            }
        }
    };

    view! {
        <details class="card csv-import" data-testid="csv-import">
            <summary>{t!(i18n, csv_title)}</summary>
            <label class="field"><span>{t!(i18n, csv_file)}</span>
                <input type="file" accept=".csv,text/csv" on:change=on_file />
            </label>
            {move || failure.get().map(|e| view! {
                <p class="message message-error" role="alert">{match e {
                    CsvError::Empty => t!(i18n, csv_empty).into_any(),
                    CsvError::Unreadable { line, .. } => t!(i18n, csv_unreadable, line = move || line).into_any(),
                }}</p>
            })}
            {move || table.get().map(|t| {
                let rows = t.rows.len();
                view! {
                    <p class="muted" data-testid="csv-file-name">{t!(i18n, csv_file_read, name = move || file_name.get())}</p>
                    <p>{t!(i18n, csv_mapping)}</p>
                    <div class="table-scroll">
                        <table class="csv-preview" aria-label=move || crate::i18n::t_string!(i18n, csv_preview).to_string()>
                            <thead><tr>{t.headers.iter().enumerate().map(|(i, h)| view! {
                                <th scope="col">
                                    <span class="csv-header">{h.clone()}</span>
                                    <select aria-label=h.clone() data-column=i.to_string()
                                        on:change=move |ev| { let v = event_target_value(&ev); mapping.update(|m| if let (Some(slot), Some(c)) = (m.get_mut(i), Column::from_name(&v)) { *slot = c }) }
                                        prop:value=move || mapping.with(|m| m.get(i).map(|c| c.as_str()).unwrap_or("ignore"))>
                                        {Column::ALL.into_iter().map(|c| view! { <option value=c.as_str()>{column_label(c)}</option> }).collect_view()}
                                    </select>
                                </th>
                            }).collect_view()}</tr></thead>
                            <tbody>{t.rows.iter().take(5).map(|(_, cells)| view! {
                                <tr>{cells.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr>
                            }).collect_view()}</tbody>
                        </table>
                    </div>
                    <CsvNumberFormat table=t.clone() mapping numbers />
                    <Show when=move || !has_address()>
                        <p class="message message-error" role="alert">{t!(i18n, csv_no_address_column)}</p>
                    </Show>
                    <button type="button" on:click=run disabled=move || !has_address() || progress.with(Option::is_some)>{t!(i18n, csv_import_rows, count = move || rows)}</button>
                    {move || progress.get().map(|(done, all)| view! {
                        <p role="status" data-testid="csv-progress">
                            <progress max=all.to_string() value=done.to_string()></progress>" "
                            {t!(i18n, csv_importing, done = move || done, all = move || all)}
                        </p>
                    })}
                }
            })}
            {move || report.get().map(|Report { merged, errors, left_out, check }| {
                let skipped = errors.len();
                let Merged { added, updated, unchanged } = merged;
                view! {
                    <div class="import-report" role="status" data-testid="csv-report">
                        <Show when=move || added != 0 || updated + unchanged == 0>
                            <p class="message message-ok">{t_count!(i18n, csv_imported, move || added)}</p>
                        </Show>
                        <Show when=move || updated != 0>
                            <p class="message message-ok">{t_count!(i18n, csv_updated, move || updated)}</p>
                        </Show>
                        <Show when=move || unchanged != 0>
                            <p>{t_count!(i18n, csv_unchanged, move || unchanged)}</p>
                        </Show>
                        <Show when=move || skipped != 0>
                            <p>{t_count!(i18n, csv_skipped, move || skipped)}</p>
                        </Show>
                        <ul class="row-errors">{errors.into_iter().map(|e| view! {
                            <li><strong>{t!(i18n, csv_line, line = move || e.line)}</strong>": "{problem_text(e.problem)}</li>
                        }).collect_view()}</ul>
                        {(!left_out.is_empty()).then(|| {
                            let columns = left_out.join(", ");
                            view! { <p data-testid="csv-left-out">{t!(i18n, csv_left_out, columns = columns)}</p> }
                        })}
                        {(!check.is_empty()).then(|| view! {
                            <p data-testid="csv-check-prices">{t!(i18n, csv_check_prices)}</p>
                            <ul class="row-errors">{check.into_iter().map(|(address, price)| view! {
                                <li>{address}": "{move || crate::format::amount(i18n.get_locale().as_str(), price)}</li>
                            }).collect_view()}</ul>
                        })}
                    </div>
                }
            })}
        </details>
    }
}
