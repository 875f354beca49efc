//! Photos and voice notes as sync carries them, the plain part: each one is
//! a CouchDB document of its own, `media-<id>`, whose one attachment is the
//! sealed bytes (never inside a record: the home's record keeps only the
//! media's id and what it shows). The sealed bytes are the media type, a
//! line break, then the bytes as the device keeps them, so the server
//! learns neither the kind nor the type, only the size.
//!
//! A photo's bytes never change after it is taken, so the rule is short:
//! what a home names and this device holds goes up when the server lacks
//! it; what a home names and the server holds comes down when this device
//! lacks it; and the device that sent it up removes it from the server once
//! no home names it and its own copy is swept (an hour after; an undo or a
//! kept other version may still name it). The agent's own database only: a
//! team database never receives them.
use super::model::{Document, Id};
use super::sync::{Body, State};
use std::collections::HashSet;

const PREFIX: &str = "media-";

/// The name of the one attachment of a media document.
pub const ATTACHMENT: &str = "sealed";

/// The CouchDB document id of a photo or voice note.
pub fn doc_id(media: Id) -> String {
    format!("{PREFIX}{media}")
}

/// The media a CouchDB document id stands for, if it is one.
pub fn media_of(doc_id: &str) -> Option<Id> {
    Id::parse_str(doc_id.strip_prefix(PREFIX)?).ok()
}

/// What is sealed: `mime`, a line break, then `bytes`.
pub fn frame(mime: &str, bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(mime.len() + 1 + bytes.len());
    out.extend_from_slice(mime.as_bytes());
    out.push(b'\n');
    out.extend_from_slice(bytes);
    out
}

/// The media type and bytes inside an opened frame; `None` when it is not
/// one (a media type must be short and plain, as `image/jpeg` or
/// `audio/webm;codecs=opus`).
pub fn unframe(framed: &[u8]) -> Option<(&str, &[u8])> {
    let end = framed.iter().take(101).position(|b| *b == b'\n')?;
    let mime = std::str::from_utf8(&framed[..end]).ok()?;
    let plain = |c: char| c.is_ascii_alphanumeric() || "/.+-;= ".contains(c);
    (mime.contains('/') && mime.chars().all(plain)).then(|| (mime, &framed[end + 1..]))
}

/// One photo or voice note, and the home that names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named {
    pub property: Id,
    pub media: Id,
}

/// Every photo and voice note a home names, in the document or in a kept
/// other version of a home (which one tap may bring back).
pub fn named(document: &Document, kept: &[Body]) -> Vec<Named> {
    let kept_homes = kept.iter().filter_map(|b| match b {
        Body::Property(p) => Some(p),
        _ => None,
    });
    let mut seen = HashSet::new();
    document
        .properties
        .iter()
        .chain(kept_homes)
        .flat_map(|p| {
            p.media.items().into_iter().map(|m| Named {
                property: p.id,
                media: m.id,
            })
        })
        .filter(|n| seen.insert(n.media))
        .collect()
}

/// What one sync does with photos and voice notes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Held here, named, and not on the server: sent up.
    pub up: Vec<Named>,
    /// Named, on the server, and not held here: brought down.
    pub down: Vec<Named>,
    /// Sent up from here, named by no home, and swept here: removed from
    /// the server (the document id, and the revision it removes).
    pub gone: Vec<(String, String)>,
}

/// The plan, from what is named, what this device holds (`local`), and
/// what it knows of the server (`state`).
pub fn plan(named: &[Named], local: &HashSet<Id>, state: &State) -> Plan {
    let on_server = |media: Id| state.revs.contains_key(&doc_id(media));
    let (up, down) = named
        .iter()
        .filter(|n| local.contains(&n.media) != on_server(n.media))
        .partition(|n| local.contains(&n.media));
    let names: HashSet<String> = named.iter().map(|n| doc_id(n.media)).collect();
    let gone = state
        .uploaded
        .iter()
        .filter(|id| !names.contains(*id))
        .filter(|id| media_of(id).is_some_and(|m| !local.contains(&m)))
        .filter_map(|id| Some((id.clone(), state.revs.get(id)?.clone())))
        .collect();
    Plan { up, down, gone }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::media::Media;
    use crate::domain::model::Property;
    use chrono::{TimeZone, Utc};

    fn id(n: u128) -> Id {
        Id::from_u128(n)
    }

    fn home(n: u128, media: &[u128]) -> Property {
        let now = Utc.timestamp_millis_opt(1_800_000_000_000).unwrap();
        let mut p = Property::new(now);
        p.id = id(n);
        p.media = media
            .iter()
            .map(|m| Media::photo(id(*m), now, 4, 3, 10))
            .collect::<Vec<_>>()
            .into();
        p
    }

    fn on_server(media: &[u128]) -> State {
        let mut state = State::default();
        for m in media {
            state.revs.insert(doc_id(id(*m)), format!("1-{m}"));
        }
        state
    }

    #[test]
    fn a_media_document_id_reads_back_and_nothing_else_is_one() {
        let m = id(77);
        assert_eq!(media_of(&doc_id(m)), Some(m));
        assert_eq!(media_of(&m.to_string()), None);
        assert_eq!(media_of("media-not-an-id"), None);
        assert_eq!(media_of("showplan-key"), None);
    }

    #[test]
    fn a_frame_carries_the_type_and_the_bytes_exactly() {
        let bytes = [0xFF, 0xD8, b'\n', 0, 0xFF];
        let framed = frame("image/jpeg", &bytes);
        assert_eq!(unframe(&framed), Some(("image/jpeg", &bytes[..])));
        let voice = frame("audio/webm;codecs=opus", &[]);
        assert_eq!(unframe(&voice), Some(("audio/webm;codecs=opus", &[][..])));
    }

    #[test]
    fn a_frame_without_a_plain_media_type_is_refused() {
        assert_eq!(unframe(b"no line break at all"), None);
        assert_eq!(unframe(b"\nbytes"), None);
        assert_eq!(unframe(b"text/html<script>\nx"), None);
        assert_eq!(unframe(&frame(&"a/".repeat(60), b"x")), None);
        assert_eq!(unframe(&[0xC3, b'/', b'\n', 1]), None);
    }

    #[test]
    fn the_named_media_are_the_homes_and_their_kept_other_versions() {
        let document = Document {
            properties: vec![home(1, &[10, 11]), home(2, &[12])],
            ..Document::default()
        };
        let kept = vec![Body::Property(home(1, &[10, 13]))];
        let named = named(&document, &kept);
        let pairs: Vec<(Id, Id)> = named.iter().map(|n| (n.property, n.media)).collect();
        assert_eq!(
            pairs,
            vec![
                (id(1), id(10)),
                (id(1), id(11)),
                (id(2), id(12)),
                (id(1), id(13))
            ]
        );
    }

    #[test]
    fn what_is_held_goes_up_and_what_the_server_holds_comes_down() {
        let named = vec![
            Named {
                property: id(1),
                media: id(10),
            },
            Named {
                property: id(1),
                media: id(11),
            },
            Named {
                property: id(2),
                media: id(12),
            },
            Named {
                property: id(2),
                media: id(13),
            },
        ];
        // 10 both sides, 11 here only, 12 on the server only, 13 nowhere
        // yet (another device has not sent it up): waits.
        let local: HashSet<Id> = [id(10), id(11)].into();
        let plan = plan(&named, &local, &on_server(&[10, 12]));
        assert_eq!(plan.up, vec![named[1]]);
        assert_eq!(plan.down, vec![named[2]]);
        assert!(plan.gone.is_empty());
    }

    #[test]
    fn only_what_this_device_sent_up_named_by_none_and_swept_here_leaves_the_server() {
        let mut state = on_server(&[20, 21, 22, 23]);
        state.uploaded = vec![doc_id(id(20)), doc_id(id(21)), doc_id(id(22))];
        // 20: still named. 21: named by none, still held here (an undo may
        // bring it back within the hour). 22: named by none and swept: goes.
        // 23: named by none, but another device sent it: not this one's.
        let named = vec![Named {
            property: id(1),
            media: id(20),
        }];
        let local: HashSet<Id> = [id(20), id(21)].into();
        let plan = plan(&named, &local, &state);
        assert_eq!(plan.gone, vec![(doc_id(id(22)), "1-22".to_string())]);
        assert!(plan.up.is_empty() && plan.down.is_empty());
    }
}
