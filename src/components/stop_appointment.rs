//! A stop's showing appointment with the listing agent: where it stands,
//! since when, whether the listing needs checking, and a prefilled request
//! to send in the listing agent's language.
use crate::components::labels::{appointment_state, market_text};
use crate::components::message_links::{
    listing_agent_language, listing_agent_of, MessageLinks, Recipient,
};
use crate::components::tour_editor::TourEdit;
use crate::components::tour_stops::RowData;
use crate::domain::model::AppointmentState;
use crate::domain::names::Named;
use crate::domain::tour_day::messages::Message;
use crate::format::{day, moment, time_of_day};
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use chrono::Utc;
use leptos::prelude::*;

/// Sets the appointment state of stop `sid`, noting when it changed.
fn set_state(edit: TourEdit, sid: crate::domain::model::Id, state: AppointmentState) {
    edit.apply_stop(sid, |s| {
        if s.appointment != state {
            s.appointment = state;
            s.appointment_changed = Some(Utc::now());
        }
    });
}

#[component]
pub fn StopAppointment(row: Memo<RowData>, edit: TourEdit) -> impl IntoView {
    let i18n = use_i18n();
    let doc = use_document();
    let (sid, property) = row.with_untracked(|r| (r.id, r.property));
    let language = listing_agent_language(property);
    let current = move || row.with(|r| r.appointment);
    let since = move || {
        let at = row.with(|r| r.appointment_changed)?;
        Some(t_string!(
            i18n,
            appointment_since,
            moment = moment(i18n.get_locale().as_str(), at)
        ))
    };
    let date = move || {
        doc.doc.with(|d| {
            d.tours
                .iter()
                .find(|t| t.id == edit.id)
                .and_then(|t| t.date)
        })
    };
    let message = Signal::derive(move || {
        let l = language.get();
        Message::Request {
            address: row.with(|r| r.address.clone().unwrap_or_default()),
            date: date().map(|d| day(&l, d)).unwrap_or_default(),
            time: time_of_day(&l, row.with(|r| r.start)),
        }
    });
    let to = Signal::derive(move || {
        doc.doc.with(|d| {
            d.properties
                .iter()
                .find(|p| p.id == property)
                .map(listing_agent_of)
                .unwrap_or_else(Recipient::default)
        })
    });
    let requested = Callback::new(move |()| {
        if current() == AppointmentState::ToRequest {
            set_state(edit, sid, AppointmentState::Requested);
        }
    });
    view! {
        <div class="appointment" data-testid="stop-appointment">
            <label class="field"><span>{t!(i18n, appointment_label)}</span>
                <select name="stop-appointment" on:change=move |ev| {
                    if let Some(s) = AppointmentState::from_name(&event_target_value(&ev)) {
                        set_state(edit, sid, s);
                    }
                }>
                    {AppointmentState::all().map(|s| view! {
                        <option value=s.as_str() selected=move || current() == s>{move || appointment_state(s)}</option>
                    }).collect_view()}
                </select>
                {move || since().map(|text| view! { <small class="muted">{text}</small> })}
            </label>
            {move || row.with(|r| r.market).map(|m| view! {
                <p class="warning" data-testid="stop-market">{market_text(m)}</p>
            })}
            <details class="message">
                <summary>{t!(i18n, appointment_ask)}</summary>
                <Show when=move || date().is_some()
                    fallback=move || view! { <p class="muted">{t!(i18n, appointment_needs_date)}</p> }>
                    <MessageLinks message to language on_open=requested />
                </Show>
            </details>
        </div>
    }
}
