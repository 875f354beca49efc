//! A home's photos full screen, one at a time: previous and next by button,
//! arrow key or a swipe; Escape or Close goes back to the gallery.
use crate::components::photo_urls::{PhotoUrl, PhotoUrls};
use crate::domain::model::Id;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use leptos::html::Dialog;
use leptos::prelude::*;

/// How far a finger moves sideways to turn to the next photo, in CSS pixels.
const SWIPE: i32 = 50;

/// The viewer over the page while `viewing` holds a photo's position.
#[component]
pub fn PhotoViewer(
    property: Id,
    photos: Memo<Vec<Id>>,
    urls: PhotoUrls,
    viewing: RwSignal<Option<usize>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let dialog = NodeRef::<Dialog>::new();
    let count = move || photos.with(Vec::len);
    // A photo deleted (in another tab) while shown: the nearest one, or none.
    let at = Memo::new(move |_| {
        viewing
            .get()
            .filter(|_| count() > 0)
            .map(|i| i.min(count() - 1))
    });
    Effect::new(move |_| {
        let Some(dialog) = dialog.get() else { return };
        match at.get() {
            Some(_) if !dialog.open() => {
                let _ = dialog.show_modal();
            }
            None if dialog.open() => dialog.close(),
            _ => {}
        }
    });
    let turn = move |by: isize| {
        viewing.update(|v| {
            if let Some(i) = v {
                let n = count() as isize;
                *i = (*i as isize + by).rem_euclid(n.max(1)) as usize;
            }
        });
    };
    let photo = move || at.get().and_then(|i| photos.with(|p| p.get(i).copied()));
    let caption = move || {
        photo().and_then(|id| {
            state.doc.with(|d| {
                d.properties
                    .iter()
                    .find(|p| p.id == property)
                    .and_then(|p| p.media.items().into_iter().find(|m| m.id == id))
                    .map(|m| {
                        if m.room.is_empty() {
                            m.caption.clone()
                        } else if m.caption.is_empty() {
                            m.room.clone()
                        } else {
                            format!("{} · {}", m.room, m.caption)
                        }
                    })
            })
        })
    };
    let down_x = StoredValue::new(None::<i32>);
    view! {
        <dialog node_ref=dialog class="photo-viewer" data-testid="photo-viewer"
            aria-label=move || t_string!(i18n, media_title).to_string()
            on:close=move |_| viewing.set(None)
            on:keydown=move |ev| match ev.key().as_str() {
                "ArrowLeft" => turn(-1),
                "ArrowRight" => turn(1),
                _ => {}
            }
            on:pointerdown=move |ev| down_x.set_value(Some(ev.client_x()))
            on:pointerup=move |ev| {
                if let Some(x) = down_x.get_value() {
                    let dx = ev.client_x() - x;
                    if dx <= -SWIPE { turn(1) } else if dx >= SWIPE { turn(-1) }
                }
                down_x.set_value(None);
            }
        >
            <Show when=move || at.get().is_some()>
                <p class="photo-viewer-position" aria-live="polite">
                    {move || t!(i18n, media_position, n = move || at.get().unwrap_or(0) + 1, all = count)}
                </p>
                {move || photo().map(|id| match urls.get(id).get() {
                    PhotoUrl::Ready(src) => view! { <img src=src alt=caption().unwrap_or_default() draggable="false" /> }.into_any(),
                    PhotoUrl::Loading => ().into_any(),
                    PhotoUrl::Missing => view! { <p>{t!(i18n, media_missing)}</p> }.into_any(),
                })}
                <p class="photo-viewer-caption">{caption}</p>
                <div class="photo-viewer-controls">
                    <button type="button" on:click=move |_| turn(-1) disabled=move || count() < 2>{t!(i18n, media_previous)}</button>
                    <button type="button" on:click=move |_| turn(1) disabled=move || count() < 2>{t!(i18n, media_next)}</button>
                    <button type="button" class="secondary" autofocus on:click=move |_| viewing.set(None)>{t!(i18n, close)}</button>
                </div>
            </Show>
        </dialog>
    }
}
