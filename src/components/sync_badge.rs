//! Sync's status in the top bar of every page, while sync is on: "Synced
//! 2:30 PM", "Syncing 3 changes", "Offline · last synced 2:10 PM", or the
//! reason it failed, as a link to the Sync card, which says it in full.
//!
//! The top bar holds the link empty and hidden ([`SyncBadgeSlot`]); the
//! sync runner, a lazily loaded chunk fetched only where sync is set, fills
//! it in ([`keep_badge`]). So opening the app carries none of this code or
//! its wording logic: the 150 KB first load is kept for those who never
//! sync.
use crate::i18n::{t_string, I18n};
use crate::paths::href;
use crate::sync_status::{short, shortest, status, Status};
use leptos::prelude::*;

const ID: &str = "sync-badge";

/// The empty, hidden badge in the top bar: the runner fills it in.
#[component]
pub fn SyncBadgeSlot() -> impl IntoView {
    view! { <a id=ID class="sync-badge" href=href("/data") data-testid="sync-badge" hidden=""></a> }
}

/// Keeps the top bar's badge saying where sync is, in the top bar's
/// language, from now on (the runner calls it once, under the app's owner).
pub fn keep_badge(i18n: I18n) {
    let status = status();
    Effect::new(move |_| {
        let words = status.with(|s| short(i18n, s));
        let word = status.with(|s| shortest(i18n, s)).unwrap_or_default();
        let kind = status.with(|s| match s {
            Status::Failed(_) => "sync-badge sync-problem",
            Status::Offline { .. } => "sync-badge sync-offline",
            Status::Syncing { .. } | Status::Starting => "sync-badge sync-busy",
            _ => "sync-badge",
        });
        let label = words
            .as_ref()
            .map(|w| t_string!(i18n, sync_badge_label, status = w.clone()).to_string());
        let Some(badge) = document().get_element_by_id(ID) else {
            return;
        };
        badge.set_class_name(kind);
        match (words, label) {
            (Some(words), Some(label)) => {
                let _ = badge.set_attribute("aria-label", &label);
                // What a narrow top bar shows instead (style/main.css).
                let _ = badge.set_attribute("data-short", &word);
                // A dot (its colour says the state) and the words.
                badge.set_inner_html(r#"<span class="sync-dot" aria-hidden="true"></span><span class="sync-words"></span>"#);
                if let Ok(Some(text)) = badge.query_selector(".sync-words") {
                    text.set_text_content(Some(&words));
                }
                let _ = badge.remove_attribute("hidden");
            }
            _ => {
                let _ = badge.set_attribute("hidden", "");
            }
        }
    });
}
