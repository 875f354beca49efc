//! A buyer's feedback reply, opened by the agent: a preview, then the
//! ratings attach to the tour (once, however often the link is opened).
use crate::components::labels::verdict_text;
use crate::domain::share::{add_reply, decode_reply, match_reply, MatchedReply, ReplyProblem};
use crate::i18n::{t, use_i18n};
use crate::pages::buyer_view::{share_error_text, use_hash};
use crate::paths::href;
use crate::router::A;
use crate::state::use_document;
use leptos::prelude::*;

#[component]
pub fn ReplyPage() -> impl IntoView {
    let hash = use_hash();
    move || view! { <ReplyFromLink fragment=hash.get() /> }
}

#[component]
fn ReplyFromLink(fragment: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let reply = decode_reply(&fragment);
    let added = RwSignal::new(None::<usize>);
    let body = match reply {
        Err(e) => view! { <p class="message message-error" role="alert" data-testid="link-error">{share_error_text(e)}</p> }.into_any(),
        Ok(reply) => {
            let matched = Memo::new(move |_| state.doc.with(|d| match_reply(d, &reply)));
            move || match matched.get() {
                Err(ReplyProblem::UnknownTour) => view! {
                    <p class="message message-error" role="alert" data-testid="link-error">{t!(i18n, reply_unknown_tour)}</p>
                }
                .into_any(),
                Ok(m) => view! { <ReplyPreview matched=m added=added /> }.into_any(),
            }
        }
        .into_any(),
    };
    view! {
        <section class="page-section" data-testid="reply-page">
            <h1>{t!(i18n, reply_title)}</h1>
            {body}
        </section>
    }
}

#[component]
fn ReplyPreview(matched: MatchedReply, added: RwSignal<Option<usize>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let tour_id = matched.tour;
    let (tour_name, rows) = state.doc.with_untracked(|d| {
        let tour = d.tours.iter().find(|t| t.id == tour_id);
        let address = |stop| {
            tour.and_then(|t| t.stops.iter().find(|s| s.id == stop))
                .and_then(|s| d.properties.iter().find(|p| p.id == s.property))
                .map(|p| p.address.clone())
                .unwrap_or_default()
        };
        (
            tour.map(|t| t.name.clone()).unwrap_or_default(),
            matched
                .feedback
                .iter()
                .map(|f| (address(f.stop), f.clone()))
                .collect::<Vec<_>>(),
        )
    });
    let new = matched.feedback.len() - matched.already_here;
    let matched = StoredValue::new(matched);
    let add = move |_| {
        let mut n = 0;
        state.update(|d| n = matched.with_value(|m| add_reply(d, m)));
        // Saved before "Added" is said: leaving at once loses nothing. A
        // second tap adds nothing new, so the counts add up (rather than a
        // later "0 added" replacing the first).
        state.save_now();
        added.update(|a| *a = Some(a.unwrap_or(0) + n));
    };
    view! {
        <p>{t!(i18n, reply_for, name = tour_name)}</p>
        <ul class="record-list" data-testid="reply-preview">
            {rows.into_iter().map(|(address, f)| view! {
                <li>
                    <span class="primary">{address}</span>
                    <span>{f.person.clone()}</span>
                    <span>{"★".repeat(usize::from(f.rating.unwrap_or(0).min(5)))}</span>
                    <span>{f.verdict.map(verdict_text)}</span>
                    <span class="muted">{f.comment.clone()}</span>
                </li>
            }).collect_view()}
        </ul>
        {move || match added.get() {
            Some(n) => view! {
                <p class="message message-ok" role="status" data-testid="reply-added">{t_count!(i18n, reply_added, move || n)}</p>
                <A href=href(&format!("/tours/{tour_id}")) attr:class="button">{t!(i18n, reply_open_tour)}</A>
            }.into_any(),
            None if new == 0 => view! {
                <p class="message" role="status" data-testid="reply-added">{t!(i18n, reply_already)}</p>
                <A href=href(&format!("/tours/{tour_id}")) attr:class="button">{t!(i18n, reply_open_tour)}</A>
            }.into_any(),
            None => view! { <button type="button" on:click=add data-testid="add-reply">{t_count!(i18n, reply_add, move || new)}</button> }.into_any(),
        }}
    }
}
