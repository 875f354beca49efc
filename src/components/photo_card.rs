//! One photo in a home's gallery: the picture, what it shows, its caption,
//! and the buttons that move or delete it.
use crate::components::photo_urls::{PhotoUrl, PhotoUrls};
use crate::components::undo_toast::{delete_media, use_undo};
use crate::domain::media::{move_by, Media, Shows};
use crate::domain::model::Id;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;

/// A photo of `property`; `photos` is the gallery's order.
#[component]
pub fn PhotoCard(
    property: Id,
    photo: Id,
    photos: Memo<Vec<Id>>,
    urls: PhotoUrls,
    viewing: RwSignal<Option<usize>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let undo = use_undo();
    let url = urls.get(photo);
    let position =
        Memo::new(move |_| photos.with(|p| p.iter().position(|x| *x == photo).unwrap_or(0)));
    let first = state
        .read_property(property, |p| {
            p.media.items().into_iter().find(|m| m.id == photo)
        })
        .flatten();
    let Some(first) = first else {
        return ().into_any();
    };
    let edit = move |f: Box<dyn FnOnce(&mut Media)>| {
        state.update_property(property, |p| {
            p.media.edit(|media| {
                if let Some(m) = media.iter_mut().find(|m| m.id == photo) {
                    f(m);
                }
            });
        });
    };
    // The rooms to suggest, and what the photo can show: the home's
    // renovations and features (each named once).
    let (rooms, renovations, features) = state
        .read_property(property, |p| {
            let mut rooms: Vec<String> = p
                .renovations
                .iter()
                .map(|r| r.room.clone())
                .filter(|r| !r.is_empty())
                .collect();
            rooms.sort();
            rooms.dedup();
            let renovations: Vec<_> = p
                .renovations
                .iter()
                .map(|r| (r.id, r.item.clone()))
                .collect();
            let mut seen = std::collections::HashSet::new();
            let features: Vec<String> = p
                .features
                .iter()
                .map(|f| f.text.clone())
                .filter(|t| !t.is_empty() && seen.insert(t.clone()))
                .collect();
            (rooms, renovations, features)
        })
        .unwrap_or_default();
    let shown = first.shows().form_value();
    let step = move |by: isize| {
        state.update_property(property, |p| {
            p.media.edit(|media| {
                if let Some(at) = media.iter().position(|m| m.id == photo) {
                    move_by(media, at, by);
                }
            });
        });
    };
    let delete = move |_| {
        let message = t_string!(i18n, media_deleted).to_string();
        delete_media(state, undo, property, photo, message);
    };
    let list_id = format!("rooms-{photo}");
    let last = move || position.get() + 1 >= photos.with(Vec::len);
    view! {
        <li class="photo-card" data-testid="photo">
            <button type="button" class="photo-thumb" on:click=move |_| viewing.set(Some(position.get_untracked()))
                aria-label=move || t_string!(i18n, media_view, n = position.get() + 1).to_string()>
                {move || match url.get() {
                    PhotoUrl::Ready(src) => view! { <img src=src alt="" width=first.width height=first.height /> }.into_any(),
                    PhotoUrl::Loading => view! { <span class="photo-placeholder"></span> }.into_any(),
                    PhotoUrl::Missing => view! { <span class="photo-placeholder">{t!(i18n, media_missing)}</span> }.into_any(),
                }}
            </button>
            <label class="field">
                <span>{t!(i18n, media_caption)}</span>
                <input type="text" value=first.caption.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |m| m.caption = v)); } />
            </label>
            <label class="field">
                <span>{t!(i18n, media_room)}</span>
                <input type="text" value=first.room.clone() list=list_id.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |m| m.room = v)); } />
                <datalist id=list_id>{rooms.into_iter().map(|r| view! { <option value=r></option> }).collect_view()}</datalist>
            </label>
            {(!renovations.is_empty() || !features.is_empty()).then(|| view! {
                <label class="field">
                    <span>{t!(i18n, media_shows)}</span>
                    <select on:change=move |ev| {
                        let shows = Shows::from_form_value(&event_target_value(&ev));
                        edit(Box::new(move |m| m.set_shows(shows)));
                    }>
                        <option value="" selected=shown.is_empty()>{t!(i18n, media_shows_home)}</option>
                        {(!renovations.is_empty()).then(|| view! {
                            <optgroup label=move || t_string!(i18n, renovations_title).to_string()>
                                {renovations.into_iter().map(|(id, item)| {
                                    let value = Shows::Renovation(id).form_value();
                                    view! { <option selected=value == shown value=value.clone()>{item}</option> }
                                }).collect_view()}
                            </optgroup>
                        })}
                        {(!features.is_empty()).then(|| view! {
                            <optgroup label=move || t_string!(i18n, features_title).to_string()>
                                {features.into_iter().map(|text| {
                                    let value = Shows::Feature(text.clone()).form_value();
                                    view! { <option selected=value == shown value=value.clone()>{text}</option> }
                                }).collect_view()}
                            </optgroup>
                        })}
                    </select>
                </label>
            })}
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| step(-1) disabled=move || position.get() == 0>{t!(i18n, media_earlier)}</button>
                <button type="button" class="secondary" on:click=move |_| step(1) disabled=last>{t!(i18n, media_later)}</button>
                <button type="button" class="danger" on:click=delete>{t!(i18n, media_delete)}</button>
            </div>
        </li>
    }
    .into_any()
}
