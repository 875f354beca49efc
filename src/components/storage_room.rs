//! How much this device holds for Showplan and how much room is left,
//! with a warning before it runs out.
use crate::domain::media::{room_left, Room};
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

/// The device's room, asked again each time `refresh` changes.
#[component]
pub fn StorageRoom<T: Clone + Send + Sync + 'static>(refresh: RwSignal<T>) -> impl IntoView {
    let i18n = use_i18n();
    let room = RwSignal::new(None::<(u64, u64)>);
    Effect::new(move |_| {
        refresh.track();
        leptos::task::spawn_local(async move {
            room.try_set(crate::media_store::estimate().await);
        });
    });
    let locale = move || i18n.get_locale().as_str();
    view! {
        {move || room.get().map(|(used, quota)| {
            let used_text = crate::format::bytes(locale(), used);
            let free_text = crate::format::bytes(locale(), quota.saturating_sub(used));
            view! {
                <p class="muted" data-testid="storage-room">
                    {t!(i18n, media_storage, used = move || used_text.clone(), free = move || free_text.clone())}
                </p>
                <Show when=move || room_left(used, quota) != Room::Plenty>
                    <p class="message message-warning" role="alert">{t!(i18n, media_storage_low)}</p>
                </Show>
            }
        })}
    }
}
