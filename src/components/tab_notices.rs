//! What another tab did to the data, said at the bottom of the screen.
//!
//! These notices arrive while the user is working (another tab saved), so
//! they float over the page like the undo bar instead of being inserted
//! above it: a notice inserted above the page moved it down under a finger
//! about to tap.
use crate::i18n::{t, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;

/// Changes merged from another tab, or all data replaced there. Each is a
/// lazily loaded chunk fetched when it first shows.
#[component]
pub fn TabNotices() -> impl IntoView {
    let state = use_document();
    let dismissed = RwSignal::new(0u32);
    let other_tab = move || state.merged_from_other_tab.get() > dismissed.get();
    let dismissed_replace = RwSignal::new(0u32);
    let replaced = move || state.replaced_in_other_tab.get() > dismissed_replace.get();
    view! {
        <Show when=other_tab>{move || Suspend::new(other_tab_notice(dismissed))}</Show>
        <Show when=replaced>{move || Suspend::new(replaced_notice(dismissed_replace))}</Show>
    }
}

lazy_view! {
    other_tab_notice(dismissed: RwSignal<u32>) => OtherTabNotice,
    replaced_notice(dismissed: RwSignal<u32>) => ReplacedNotice,
}

/// Another tab's edits were merged into this one.
#[component]
fn OtherTabNotice(dismissed: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    view! {
        <div class="toast" role="status" data-testid="other-tab-notice">
            <span>{t!(i18n, merged_other_tab)}</span>
            <button type="button" class="secondary" on:click=move |_| dismissed.set(state.merged_from_other_tab.get_untracked())>
                {t!(i18n, dismiss)}
            </button>
        </div>
    }
}

/// Another tab replaced everything; this one took the new data whole.
#[component]
fn ReplacedNotice(dismissed: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    view! {
        <div class="toast" role="status" data-testid="replaced-notice">
            <span>{t!(i18n, replaced_other_tab)}</span>
            <button type="button" class="secondary" on:click=move |_| dismissed.set(state.replaced_in_other_tab.get_untracked())>
                {t!(i18n, dismiss)}
            </button>
        </div>
    }
}
