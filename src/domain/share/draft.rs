//! A buyer's reactions before they are sent: kept on the phone with the
//! itinerary, so a reload, a phone call or a discarded tab loses nothing.
use super::payload::Reaction;
use crate::domain::json::{self, record_json, Out};

/// Who is rating, and what everyone on this phone said so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplyDraft {
    pub person: String,
    pub reactions: Vec<Reaction>,
}

record_json!(
    ReplyDraft,
    |f| ReplyDraft {
        person: f.or_default("person")?,
        reactions: f.or_default("reactions")?
    },
    |s| Out::new()
        .put("person", &s.person)
        .put("reactions", &s.reactions)
);

impl ReplyDraft {
    /// The draft as stored text.
    pub fn to_text(&self) -> String {
        json::to_text(self)
    }

    /// A stored draft; `None` when the text is not one (never a panic).
    pub fn from_text(text: &str) -> Option<ReplyDraft> {
        json::read(text).ok()
    }

    /// The name was corrected from `from` to `to`: what `from` said is now
    /// `to`'s, unless `to` already said something (another person on the
    /// same phone), so a typo fixed after rating sends no second person.
    pub fn rename(&mut self, from: &str, to: &str) {
        let (from, to) = (from.trim(), to.trim());
        if from.is_empty() || to.is_empty() || from == to {
            return;
        }
        if self.reactions.iter().any(|r| r.person == to) {
            return;
        }
        for r in self.reactions.iter_mut().filter(|r| r.person == from) {
            r.person = to.to_string();
        }
    }

    /// What goes in the reply: reactions of named people that say something.
    pub fn to_send(&self) -> Vec<Reaction> {
        self.reactions
            .iter()
            .filter(|r| !r.person.trim().is_empty())
            .filter(|r| r.rating.is_some() || r.verdict.is_some() || !r.comment.trim().is_empty())
            .cloned()
            .collect()
    }
}
