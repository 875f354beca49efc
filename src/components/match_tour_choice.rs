//! On the Match page: which of the buyer's tours "Add to tour" adds to.
use crate::domain::match_tours::open_tours;
use crate::domain::model::Id;
use crate::format::day;
use crate::i18n::{t, use_i18n};
use crate::state::use_document;
use chrono::NaiveDate;
use leptos::prelude::*;

/// A tour as the Match page names it: "Saturday, southeast (Saturday,
/// November 28, 2026)", or its name alone for a draft.
pub fn tour_label(locale: &str, name: &str, date: Option<NaiveDate>) -> String {
    match date {
        Some(date) => format!("{name} ({})", day(locale, date)),
        None => name.to_string(),
    }
}

/// The buyer's drafts and tours to come, and a new draft (`None`, made at
/// the first home added).
#[component]
pub fn MatchTourChoice(
    buyer: Memo<Option<Id>>,
    target: RwSignal<Option<Id>>,
    today: NaiveDate,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let options = move || {
        let locale = i18n.get_locale().as_str();
        let Some(bid) = buyer.get() else {
            return Vec::new();
        };
        state.doc.with(|d| {
            open_tours(&d.tours, bid, today)
                .into_iter()
                .map(|t| (t.id, tour_label(locale, &t.name, t.date)))
                .collect::<Vec<_>>()
        })
    };
    let choose = move |ev: leptos::ev::Event| {
        target.set(uuid::Uuid::parse_str(&event_target_value(&ev)).ok());
    };
    view! {
        <label class="field narrow">
            <span>{t!(i18n, match_add_to)}</span>
            <select data-testid="match-tour" on:change=choose
                prop:value=move || target.get().map(|id| id.to_string()).unwrap_or_default()>
                {move || options().into_iter().map(|(id, label)| view! {
                    <option value=id.to_string() selected=move || target.get() == Some(id)>{label}</option>
                }).collect_view()}
                <option value="" selected=move || target.get().is_none()>{t!(i18n, match_new_draft)}</option>
            </select>
        </label>
    }
}
