use crate::components::labels::note_category;
use crate::domain::model::{Id, NeighbourhoodNote, NoteCategory};
use crate::domain::names::Named;
use crate::i18n::{t, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;

/// Notes on the neighbourhood and community, rated 1-5, each marked as
/// shareable with the buyer or not.
#[component]
pub fn NeighbourhoodNotes(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let notes = move || {
        state.doc.with(|d| {
            d.properties
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.neighbourhood.clone())
                .unwrap_or_default()
        })
    };
    let category = RwSignal::new(NoteCategory::Schools);
    let rating = RwSignal::new(3u8);
    let text = RwSignal::new(String::new());
    let shareable = RwSignal::new(true);
    let missing = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = text.get_untracked();
        if body.trim().is_empty() {
            missing.set(true);
            return;
        }
        let note = NeighbourhoodNote {
            id: uuid::Uuid::new_v4(),
            category: category.get_untracked(),
            rating: rating.get_untracked().clamp(1, 5),
            text: body.trim().to_string(),
            shareable: shareable.get_untracked(),
        };
        state.update_property(id, |p| p.neighbourhood.push(note));
        text.set(String::new());
        missing.set(false);
    };
    let set_shared = move |nid: Id, on: bool| {
        state.update_property(id, |p| {
            if let Some(n) = p.neighbourhood.iter_mut().find(|n| n.id == nid) {
                n.shareable = on;
            }
        })
    };
    let remove =
        move |nid: Id| state.update_property(id, |p| p.neighbourhood.retain(|n| n.id != nid));

    view! {
        <section class="card" data-testid="neighbourhood-notes">
            <h2>{t!(i18n, notes_title)}</h2>
            <ul class="record-list">
                {move || {
                    let list = notes();
                    if list.is_empty() {
                        return view! { <li class="empty">{t!(i18n, notes_none)}</li> }.into_any();
                    }
                    list.into_iter().map(|n| {
                        let nid = n.id;
                        let stars = "★".repeat(n.rating as usize) + &"☆".repeat(5usize.saturating_sub(n.rating as usize));
                        let rating_value = n.rating;
                        view! {
                            <li class="note">
                                <span class="badge">{note_category(n.category)}</span>
                                <span class="stars" aria-hidden="true">{stars}</span>
                                <span class="visually-hidden">{t!(i18n, rating_of, rating = move || rating_value)}</span>
                                <span class="note-text">{n.text}</span>
                                <label class="check">
                                    <input type="checkbox" prop:checked=n.shareable on:change=move |ev| set_shared(nid, event_target_checked(&ev)) />
                                    {t!(i18n, note_shareable)}
                                </label>
                                <button type="button" class="secondary small" on:click=move |_| remove(nid)>{t!(i18n, remove)}</button>
                            </li>
                        }
                    }).collect_view().into_any()
                }}
            </ul>
            <form class="grid-form" on:submit=add novalidate>
                <label class="field"><span>{t!(i18n, note_category)}</span>
                    <select name="category" on:change=move |ev| { let v = event_target_value(&ev); if let Some(c) = NoteCategory::from_name(&v) { category.set(c) } }>
                        {NoteCategory::all().map(|c| view! { <option value=c.as_str() selected=move || category.get() == c>{move || note_category(c)}</option> }).collect_view()}
                    </select>
                </label>
                <label class="field"><span>{t!(i18n, note_rating)}</span>
                    <select name="rating" on:change=move |ev| rating.set(event_target_value(&ev).parse().unwrap_or(3))>
                        {(1u8..=5).map(|r| view! { <option value=r.to_string() selected=move || rating.get() == r>{r}</option> }).collect_view()}
                    </select>
                </label>
                <label class="field wide"><span>{t!(i18n, note_text)}</span>
                    <textarea name="note" rows="2" aria-invalid=move || missing.get().to_string() prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    <span class="field-error">{move || missing.get().then_some(t!(i18n, problem_required))}</span>
                </label>
                <label class="check">
                    <input type="checkbox" prop:checked=move || shareable.get() on:change=move |ev| shareable.set(event_target_checked(&ev)) />
                    {t!(i18n, note_shareable)}
                </label>
                <button type="submit">{t!(i18n, note_add)}</button>
            </form>
        </section>
    }
}
