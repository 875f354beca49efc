use super::labels::market_text;
use super::message_links::{listing_agent_language, MessageLinks, Recipient};
use crate::domain::links::contact_href;
use crate::domain::model::{Id, ListingAgent};
use crate::domain::tour_day::market::market_check;
use crate::domain::tour_day::messages::Message;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use chrono::Utc;
use leptos::prelude::*;

/// The home's listing agent (who to ask for a showing) and whether the
/// listing is still on the market, with a one-tap "still available?"
/// message. Agent-private: never part of a share link.
#[component]
pub fn ListingAgentCard(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let initial = state
        .read_property(id, |p| p.listing_agent.clone())
        .unwrap_or_default();
    let s = |v: &str| RwSignal::new(v.to_string());
    let (name, phone, email, brokerage) = (
        s(&initial.name),
        s(&initial.phone),
        s(&initial.email),
        s(&initial.brokerage),
    );
    let language = listing_agent_language(id);
    // Every keystroke goes to the document; saving is debounced.
    let edit = move |f: fn(&mut ListingAgent, String), signal: RwSignal<String>| {
        move |ev| {
            let value = event_target_value(&ev);
            signal.set(value.clone());
            state.update_property(id, |p| f(&mut p.listing_agent, value));
        }
    };
    let check = move || {
        state.doc.with(|d| {
            let p = d.properties.iter().find(|p| p.id == id)?;
            market_check(
                p.status,
                p.checked,
                Utc::now(),
                crate::storage::market_days(),
            )
        })
    };
    let check_text = move || match check() {
        None => t_string!(i18n, market_ok).to_string(),
        Some(m) => market_text(m),
    };
    let mark_checked = move |_| state.update_property(id, |p| p.checked = Some(Utc::now()));
    let message = Signal::derive(move || Message::StillAvailable {
        address: state.doc.with(|d| {
            d.properties
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.address.clone())
                .unwrap_or_default()
        }),
    });
    let to = Signal::derive(move || Recipient {
        name: name.get(),
        phone: phone.get(),
        email: email.get(),
    });
    let call = move || contact_href(&phone.get()).filter(|h| h.starts_with("tel:"));
    view! {
        <section class="card private" data-testid="listing-agent">
            <h2>{t!(i18n, listing_agent_title)}</h2>
            <p class="badge badge-private">"🔒 "{t!(i18n, private_badge)}</p>
            <div class="grid-2">
                <label class="field"><span>{t!(i18n, col_agent_name)}</span>
                    <input type="text" autocomplete="off" prop:value=move || name.get() on:input=edit(|a, v| a.name = v, name) /></label>
                <label class="field"><span>{t!(i18n, col_agent_office)}</span>
                    <input type="text" autocomplete="off" prop:value=move || brokerage.get() on:input=edit(|a, v| a.brokerage = v, brokerage) /></label>
                <label class="field"><span>{t!(i18n, col_agent_phone)}</span>
                    <input type="tel" autocomplete="off" prop:value=move || phone.get() on:input=edit(|a, v| a.phone = v, phone) /></label>
                <label class="field"><span>{t!(i18n, col_agent_email)}</span>
                    <input type="email" autocomplete="off" prop:value=move || email.get() on:input=edit(|a, v| a.email = v, email) /></label>
            </div>
            {move || call().map(|href| view! { <p><a class="button secondary" href=href>{t!(i18n, call_listing_agent)}</a></p> })}
            <h3>{t!(i18n, market_title)}</h3>
            <p class:warning=move || check().is_some() data-testid="market-check">{check_text}</p>
            <button type="button" class="secondary" on:click=mark_checked>{t!(i18n, market_mark_checked)}</button>
            <details class="message">
                <summary>{t!(i18n, market_ask)}</summary>
                <MessageLinks message to language />
            </details>
        </section>
    }
}
