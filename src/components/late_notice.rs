//! The first appointment the tour will now miss, flagged as soon as the
//! re-timed day says so, with one tap to tell the listing agent and the
//! buyer "running N minutes late" in their language.
use crate::components::day_state::Day;
use crate::components::message_links::{
    listing_agent_language, listing_agent_of, MessageLinks, Recipient,
};
use crate::domain::model::StopTiming;
use crate::domain::tour_day::messages::Message;
use crate::domain::tour_day::retime::first_missed;
use crate::domain::tour_plan::minutes;
use crate::format::time_of_day;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;

#[component]
pub fn LateNotice(day: Day) -> impl IntoView {
    let missed = Memo::new(move |_| day.times.with(|t| first_missed(t)));
    // Shown again for another stop; the same stop keeps its message open.
    let stop = Memo::new(move |_| missed.get().map(|(i, _)| i));
    move || {
        stop.get()
            .map(|index| view! { <LateMessages day index missed /> })
    }
}

#[component]
fn LateMessages(day: Day, index: usize, missed: Memo<Option<(usize, u32)>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let Some((stop, home)) = day.stop(index) else {
        return ().into_any();
    };
    let at = match stop.timing {
        Some(StopTiming::Pinned { at }) => minutes(at),
        _ => 0,
    };
    let late = move || missed.get().map_or(0, |(_, m)| m);
    let address = home.as_ref().map(|p| p.address.clone()).unwrap_or_default();
    let agent_language = listing_agent_language(stop.property);
    let buyer_language = RwSignal::new(i18n.get_locale_untracked().as_str().to_string());
    let message = move |language: RwSignal<String>| {
        let address = address.clone();
        Signal::derive(move || Message::Late {
            address: address.clone(),
            time: time_of_day(&language.get(), at),
            minutes: late(),
        })
    };
    let agent = home.as_ref().map(listing_agent_of).unwrap_or_default();
    let buyer = day.tour.with_untracked(|t| {
        let id = t.as_ref()?.buyer?;
        state.doc.with_untracked(|d| {
            let b = d.buyers.iter().find(|b| b.id == id)?;
            let contact = b.contacts.first().cloned().unwrap_or_default();
            Some(Recipient {
                name: if contact.name.is_empty() {
                    b.name.clone()
                } else {
                    contact.name
                },
                phone: contact.phone,
                email: contact.email,
            })
        })
    });
    let text = {
        let address = home.as_ref().map(|p| p.address.clone()).unwrap_or_default();
        move || {
            t_string!(
                i18n,
                day_running_late,
                minutes = late(),
                time = time_of_day(i18n.get_locale().as_str(), at),
                address = address.clone()
            )
        }
    };
    view! {
        <section class="banner banner-danger day-late" role="alert" data-testid="late-notice">
            <p><strong>{text}</strong></p>
            <details class="message">
                <summary>{t!(i18n, day_tell_agent)}</summary>
                <MessageLinks message=message(agent_language) to=Signal::derive(move || agent.clone()) language=agent_language />
            </details>
            {buyer.map(|b| view! {
                <details class="message">
                    <summary>{t!(i18n, day_tell_buyer)}</summary>
                    <MessageLinks message=message(buyer_language) to=Signal::derive(move || b.clone()) language=buyer_language />
                </details>
            })}
        </section>
    }
    .into_any()
}
