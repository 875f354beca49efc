//! "Share with the buyer": the itinerary link, its QR code, copy, the
//! system share sheet, a calendar file, and the buyer view to print.
//!
//! A disclosure, closed at first: the link is built (the itinerary timed,
//! laid out, deflated) and its QR drawn only while it is open, so editing
//! the tour does not redo them on every keystroke.
use crate::browser;
use crate::components::day_state::clock_on_the_day;
use crate::components::QrCodeImage;
use crate::domain::calendar::ics;
use crate::domain::model::Tour;
use crate::domain::share::{encode_within, itinerary, LeftOut, ShareOptions, MAX_LINK};
use crate::domain::tour_day::day::has_begun;
use crate::i18n::{t, t_string, use_i18n};
use crate::paths::href;
use crate::state::use_document;
use crate::storage;
use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ShareTour(tour: Memo<Option<Tour>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let (saved_name, saved_contact) = storage::load_agent();
    let agent = RwSignal::new(saved_name);
    let contact = RwSignal::new(saved_contact);
    let renovations = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    // The short form: the app's root; it opens the buyer view.
    let prefix = browser::absolute(&href("/")) + "#";
    let prefix_len = prefix.len();

    let currency = use_context::<crate::format::Currency>();
    // The street map file, if set, so the buyer sees the same streets.
    let map_file = storage::map_file()
        .map(|url| crate::domain::map_file::for_link(&url, &crate::browser::base_uri()))
        .unwrap_or_default();
    let options = move || ShareOptions {
        agent: agent.get(),
        agent_contact: contact.get(),
        currency: currency.map(|c| c.0.get()).unwrap_or_default(),
        renovations: renovations.get(),
        now: tour.with(|t| t.as_ref().and_then(clock_on_the_day)),
        map: map_file.clone(),
    };
    let open = RwSignal::new(false);
    let shared = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        let opts = options();
        tour.with(|t| {
            t.as_ref().map(|t| {
                let it = state.doc.with(|d| itinerary(t, &d.properties, &opts));
                let (fragment, left) = encode_within(&it, prefix_len);
                (it, fragment, left)
            })
        })
    });
    let link = Signal::derive(move || {
        shared.with(|s| {
            s.as_ref()
                .map(|(_, f, _)| format!("{prefix}{f}"))
                .unwrap_or_default()
        })
    });
    let save_agent = move || {
        if storage::save_agent(&agent.get_untracked(), &contact.get_untracked()).is_err() {
            status.set(Some(t_string!(i18n, share_agent_not_saved).to_string()));
        }
    };
    let copy = move |_| {
        let text = link.get_untracked();
        spawn_local(async move {
            let ok = browser::copy_text(&text).await;
            status.set(Some(if ok {
                t_string!(i18n, share_copied).to_string()
            } else {
                t_string!(i18n, share_copy_failed).to_string()
            }));
        });
    };
    let share = move |_| {
        let text = link.get_untracked();
        let title = tour.with_untracked(|t| t.as_ref().map(|t| t.name.clone()).unwrap_or_default());
        spawn_local(async move {
            browser::share_link(&title, &text).await;
        });
    };
    let calendar = move |_| {
        let Some((it, _, _)) = shared.get_untracked() else {
            return;
        };
        match ics(&it, Utc::now(), browser::local_to_utc) {
            Some(text) => {
                let name = format!(
                    "showplan-{}.ics",
                    it.date.map(|d| d.to_string()).unwrap_or_default()
                );
                let _ = browser::download_text(&name, "text/calendar", &text);
            }
            None => status.set(Some(t_string!(i18n, share_needs_date).to_string())),
        }
    };
    let left_out = move || shared.with(|s| s.as_ref().map(|(_, _, l)| *l).unwrap_or_default());
    let too_long = move || link.with(|l| l.len() > MAX_LINK);
    let can_share = browser::can_share();

    view! {
        <details class="share-tour" data-testid="share-tour"
            on:toggle=move |ev| open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
            <summary><h2>{t!(i18n, share_title)}</h2></summary>
            <Show when=move || open.get()>
            <p class="intro">{t!(i18n, share_intro)}</p>
            <Show when=move || tour.with(|t| t.as_ref().is_some_and(has_begun))>
                <p class="message" role="note">{t!(i18n, share_day_note)}</p>
            </Show>
            <div class="grid-2">
                <label class="field"><span>{t!(i18n, share_agent_name)}</span>
                    <input type="text" name="agent-name" autocomplete="name" prop:value=move || agent.get()
                        on:input=move |ev| agent.set(event_target_value(&ev)) on:change=move |_| save_agent() />
                </label>
                <label class="field"><span>{t!(i18n, share_agent_contact)}</span>
                    <input type="text" name="agent-contact" autocomplete="tel" prop:value=move || contact.get()
                        on:input=move |ev| contact.set(event_target_value(&ev)) on:change=move |_| save_agent() />
                </label>
            </div>
            <label class="check">
                <input type="checkbox" prop:checked=move || renovations.get() on:change=move |ev| renovations.set(event_target_checked(&ev)) />
                <span>{t!(i18n, share_include_renovations)}</span>
            </label>
            <label class="field"><span>{t!(i18n, share_link)}</span>
                <input type="text" readonly name="share-link" data-testid="share-link" prop:value=move || link.get()
                    on:focus=move |ev| { event_target::<web_sys::HtmlInputElement>(&ev).select() } />
            </label>
            <Show when=move || left_out() != LeftOut::default()>
                <p class="warning" role="status">{move || {
                    let l = left_out();
                    let mut parts = vec![];
                    if l.features { parts.push(t_string!(i18n, share_left_features).to_string()); }
                    if l.notes { parts.push(t_string!(i18n, share_left_notes).to_string()); }
                    if l.renovations { parts.push(t_string!(i18n, share_left_renovations).to_string()); }
                    t_string!(i18n, share_left_out, what = parts.join(", ")).to_string()
                }}</p>
            </Show>
            <Show when=too_long>
                <p class="warning" role="status">{t!(i18n, share_too_long)}</p>
            </Show>
            <div class="actions">
                <button type="button" on:click=copy>{t!(i18n, share_copy)}</button>
                {can_share.then(|| view! { <button type="button" class="secondary" on:click=share>{t!(i18n, share_share)}</button> })}
                <button type="button" class="secondary" on:click=calendar data-testid="download-ics">{t!(i18n, share_calendar)}</button>
                <a class="button secondary" href=move || link.get() target="_blank" rel="noopener">{t!(i18n, share_open)}</a>
            </div>
            <p class="message" role="status">{move || status.get()}</p>
            <QrCodeImage text=link label=Signal::derive(move || t_string!(i18n, share_qr_label).to_string()) />
            </Show>
        </details>
    }
}
