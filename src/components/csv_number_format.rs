//! The mapping step's choice of how the file writes numbers: as found in
//! each column (shown), or one convention for the whole file.
use crate::components::csv_import_panel::column_label;
use crate::domain::csv_import::{detected_numbers, Column, FileNumbers, Table};
use crate::domain::names::Named;
use crate::domain::numbers::Marks;
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

/// How a convention is shown: an example number written in it.
fn example(marks: Marks) -> &'static str {
    if marks == Marks::COMMA {
        "1.234,56"
    } else {
        "1,234.56"
    }
}

/// A select for [`FileNumbers`], with what detection found per column.
#[component]
pub fn CsvNumberFormat(
    table: Table,
    mapping: RwSignal<Vec<Column>>,
    numbers: RwSignal<FileNumbers>,
) -> impl IntoView {
    let i18n = use_i18n();
    let found = Memo::new(move |_| {
        mapping
            .with(|m| detected_numbers(&table, m))
            .into_iter()
            .filter_map(|(column, marks)| {
                Some(format!("{} {}", column_label(column), example(marks?)))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    });
    let option_label = move |choice: FileNumbers| -> AnyView {
        match choice {
            FileNumbers::Detect => t!(i18n, csv_numbers_detect).into_any(),
            FileNumbers::Point => example(Marks::POINT).into_any(),
            FileNumbers::Comma => example(Marks::COMMA).into_any(),
        }
    };
    view! {
        <div class="field csv-numbers">
            <label>
                <span>{t!(i18n, csv_numbers)}</span>
                <select data-testid="csv-numbers"
                    on:change=move |ev| {
                        if let Some(choice) = FileNumbers::from_name(&event_target_value(&ev)) {
                            numbers.set(choice);
                        }
                    }
                    prop:value=move || numbers.get().as_str()>
                    {FileNumbers::all().map(|choice| view! {
                        <option value=choice.as_str()>{option_label(choice)}</option>
                    }).collect_view()}
                </select>
            </label>
            <Show when=move || numbers.get() == FileNumbers::Detect && !found.with(String::is_empty)>
                <p class="muted">{t!(i18n, csv_numbers_found, columns = move || found.get())}</p>
            </Show>
        </div>
    }
}
