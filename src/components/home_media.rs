//! A home's media of one kind, in the agent's order, as the pages read it.
use crate::domain::media::MediaKind;
use crate::domain::model::Id;
use crate::state::use_document;
use leptos::prelude::*;

/// The ids of the home's photos or voice notes (none when the home is gone).
pub fn home_media(home: Id, kind: MediaKind) -> Memo<Vec<Id>> {
    let state = use_document();
    Memo::new(move |_| {
        state.doc.with(|d| {
            d.properties
                .iter()
                .find(|p| p.id == home)
                .map(|p| p.media_ids(kind))
                .unwrap_or_default()
        })
    })
}
