use crate::i18n::{t, use_i18n};
use leptos::prelude::*;
use std::sync::Arc;

/// Something that can be undone: what to say, and how. A plain `Arc`
/// rather than a `Callback`: the component that offered the undo (a form)
/// is usually gone by the time the user taps Undo, and a `Callback` would
/// be disposed with it.
#[derive(Clone)]
pub struct UndoItem {
    pub message: String,
    pub undo: Arc<dyn Fn() + Send + Sync>,
}

/// The app's one pending undo.
#[derive(Clone, Copy)]
pub struct Undo(RwSignal<Option<UndoItem>>);

impl Undo {
    /// Offers an undo for what just happened (replacing any earlier offer).
    pub fn offer(&self, message: String, undo: impl Fn() + Send + Sync + 'static) {
        self.0.set(Some(UndoItem {
            message,
            undo: Arc::new(undo),
        }));
    }
}

/// Removes a home's photo or voice note, offering Undo (which puts it back
/// where it was). Its bytes stay on the device until no home has named it
/// for an hour (`media_store`), so Undo always finds them.
pub fn delete_media(
    state: crate::state::DocState,
    undo: Undo,
    property: crate::domain::model::Id,
    media: crate::domain::model::Id,
    message: String,
) {
    let mut removed = None;
    state.update_property(property, |p| {
        p.media.edit(|list| {
            if let Some(at) = list.iter().position(|m| m.id == media) {
                removed = Some((at, list.remove(at)));
            }
        });
    });
    if let Some((at, item)) = removed {
        undo.offer(message, move || {
            let item = item.clone();
            state.update_property(property, |p| {
                p.media.edit(|list| {
                    if !list.iter().any(|m| m.id == item.id) {
                        list.insert(at.min(list.len()), item);
                    }
                });
            });
        });
    }
}

/// Provides the undo context; call once at the root.
pub fn provide_undo() -> Undo {
    let undo = Undo(RwSignal::new(None));
    provide_context(undo);
    undo
}

/// The undo context.
pub fn use_undo() -> Undo {
    use_context::<Undo>().unwrap_or_else(provide_undo)
}

/// A bar at the bottom of the screen: what was deleted, and an Undo button.
/// Shown only after a deletion, so the bar itself is a lazily loaded chunk.
#[component]
pub fn UndoToast() -> impl IntoView {
    let undo = use_undo();
    view! {
        <Show when=move || undo.0.with(Option::is_some)>
            {move || Suspend::new(undo_bar(undo))}
        </Show>
    }
}

lazy_view! {
    undo_bar(undo: Undo) => UndoBar,
}

#[component]
fn UndoBar(undo: Undo) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {move || undo.0.get().map(|item| {
            let run = item.undo.clone();
            view! {
                <div class="toast" role="status" data-testid="undo-toast">
                    <span>{item.message}</span>
                    <button type="button" on:click=move |_| { run(); undo.0.set(None); }>{t!(i18n, undo)}</button>
                    <button type="button" class="secondary" on:click=move |_| undo.0.set(None)>{t!(i18n, close)}</button>
                </div>
            }
        })}
    }
}
