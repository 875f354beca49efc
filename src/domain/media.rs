//! Photos and voice notes of a home: what the document keeps of them.
//!
//! The bytes live on the device (IndexedDB, `media_store`), one record per
//! photo or recording; the document keeps each one's id, what it shows and
//! its caption, in the order the agent put them. Media never enter a share
//! link (the link's payload has no field for them).
use super::model::Id;
use chrono::{DateTime, Utc};

/// A photo or a voice note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MediaKind {
    #[default]
    Photo,
    Voice,
}

/// One photo or voice note of a home.
#[derive(Debug, Clone, PartialEq)]
pub struct Media {
    pub id: Id,
    pub kind: MediaKind,
    pub added: DateTime<Utc>,
    pub caption: String,
    /// The room it shows ("" for the home as a whole).
    pub room: String,
    /// The renovation it shows, if any.
    pub renovation: Option<Id>,
    /// The feature it shows (its text), "" for none.
    pub feature: String,
    /// A photo's size in pixels, as stored.
    pub width: u32,
    pub height: u32,
    /// A voice note's length.
    pub duration_ms: u32,
    /// The stored size.
    pub bytes: u64,
}

impl Media {
    /// A new photo of `width` x `height` stored in `bytes`.
    pub fn photo(id: Id, now: DateTime<Utc>, width: u32, height: u32, bytes: u64) -> Media {
        Media {
            id,
            kind: MediaKind::Photo,
            added: now,
            caption: String::new(),
            room: String::new(),
            renovation: None,
            feature: String::new(),
            width,
            height,
            duration_ms: 0,
            bytes,
        }
    }

    /// A new voice note of `duration_ms` stored in `bytes`.
    pub fn voice(id: Id, now: DateTime<Utc>, duration_ms: u32, bytes: u64) -> Media {
        Media {
            kind: MediaKind::Voice,
            duration_ms,
            ..Media::photo(id, now, 0, 0, bytes)
        }
    }
}

/// A home's photos and voice notes as the document holds them: the JSON
/// text of the list, read into [`Media`] only where they are shown, moved,
/// backed up or synced. Opening the app reads and saves the whole document;
/// kept as text, the list costs that first load no reader or writer of its
/// own (photos were to add at most 2 KB to it).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MediaList {
    /// `[...]` as read or written, or "" for none.
    json: String,
}

impl MediaList {
    /// The list kept as `json` (a JSON list, as the document's reader
    /// found it); read only when asked for.
    pub fn from_json_text(json: &str) -> MediaList {
        MediaList {
            json: if json == "[]" {
                String::new()
            } else {
                json.to_string()
            },
        }
    }

    /// The JSON list, or "" for none.
    pub fn json_text(&self) -> &str {
        &self.json
    }

    pub fn is_empty(&self) -> bool {
        self.json.is_empty()
    }

    /// The photos and voice notes, in the agent's order, or why they cannot
    /// be read (storage changed outside Showplan; files from outside the
    /// device are checked whole: `codec::decode_checked`).
    pub fn read(&self) -> Result<Vec<Media>, String> {
        if self.json.is_empty() {
            return Ok(Vec::new());
        }
        super::json::read(&self.json)
    }

    /// The photos and voice notes; none where they cannot be read (each
    /// way in from outside the device checks them first).
    pub fn items(&self) -> Vec<Media> {
        self.read().unwrap_or_default()
    }

    /// Changes the list with `change`; `None`, and the list left exactly as
    /// it is, when it cannot be read (nothing is lost by writing back less).
    pub fn edit<R>(&mut self, change: impl FnOnce(&mut Vec<Media>) -> R) -> Option<R> {
        let mut items = self.read().ok()?;
        let out = change(&mut items);
        *self = MediaList::from(items);
        Some(out)
    }
}

impl From<Vec<Media>> for MediaList {
    fn from(items: Vec<Media>) -> MediaList {
        if items.is_empty() {
            return MediaList::default();
        }
        MediaList {
            json: super::json::to_text(&items),
        }
    }
}

/// What a photo shows, besides its room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shows {
    /// The home, or the room, as a whole.
    Home,
    /// One of the home's renovations.
    Renovation(Id),
    /// One of the home's features (by its text).
    Feature(String),
}

impl Media {
    /// What the photo shows.
    pub fn shows(&self) -> Shows {
        match (&self.renovation, self.feature.as_str()) {
            (Some(id), _) => Shows::Renovation(*id),
            (None, "") => Shows::Home,
            (None, text) => Shows::Feature(text.to_string()),
        }
    }

    /// Says what the photo shows (one thing at a time).
    pub fn set_shows(&mut self, shows: Shows) {
        (self.renovation, self.feature) = match shows {
            Shows::Home => (None, String::new()),
            Shows::Renovation(id) => (Some(id), String::new()),
            Shows::Feature(text) => (None, text),
        };
    }
}

impl Shows {
    /// The value of the option that stands for it in a form.
    pub fn form_value(&self) -> String {
        match self {
            Shows::Home => String::new(),
            Shows::Renovation(id) => format!("renovation:{id}"),
            Shows::Feature(text) => format!("feature:{text}"),
        }
    }

    /// Back from a form's option value; anything unknown is the home.
    pub fn from_form_value(value: &str) -> Shows {
        if let Some(id) = value.strip_prefix("renovation:") {
            return Id::parse_str(id).map_or(Shows::Home, Shows::Renovation);
        }
        match value.strip_prefix("feature:") {
            Some(text) if !text.is_empty() => Shows::Feature(text.to_string()),
            _ => Shows::Home,
        }
    }
}

/// The longest side of a stored photo, in pixels.
pub const PHOTO_MAX_SIDE: u32 = 1600;

/// JPEG quality of a stored photo.
pub const PHOTO_QUALITY: f64 = 0.8;

/// The size a `width` x `height` picture is stored at: its longest side at
/// most `max_side`, the aspect ratio kept, never enlarged, never 0.
pub fn fit_within(width: u32, height: u32, max_side: u32) -> (u32, u32) {
    let longest = width.max(height);
    if longest <= max_side || longest == 0 {
        return (width.max(1), height.max(1));
    }
    let scale = |side: u32| {
        ((u64::from(side) * u64::from(max_side) + u64::from(longest) / 2) / u64::from(longest))
            .max(1) as u32
    };
    (scale(width), scale(height))
}

/// Moves the item at `from` one place earlier (`-1`) or later (`1`) in
/// `items`; nothing when that would leave the list.
pub fn move_by<T>(items: &mut [T], from: usize, step: isize) -> bool {
    let Some(to) = from.checked_add_signed(step) else {
        return false;
    };
    if from >= items.len() || to >= items.len() {
        return false;
    }
    items.swap(from, to);
    true
}

/// How full the device's storage is, for a warning before it runs out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Room {
    /// Plenty of room.
    Plenty,
    /// Less than a tenth of the quota (or under 50 MB) is left.
    Low,
    /// Under 5 MB left: a photo may not fit.
    Full,
}

/// How much room is left of `quota` bytes when `usage` are used.
pub fn room_left(usage: u64, quota: u64) -> Room {
    let left = quota.saturating_sub(usage);
    if left < 5_000_000 {
        Room::Full
    } else if left < 50_000_000 || left < quota / 10 {
        Room::Low
    } else {
        Room::Plenty
    }
}

/// A media record on the device that no home refers to is kept a while
/// (an undo, or another tab that saved its document a moment later, may
/// still bring it back) and deleted once it has been unreferenced this long.
pub const UNREFERENCED_GRACE_MS: i64 = 60 * 60 * 1000;

/// What to do with a stored media record in a sweep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sweep {
    /// Referenced: keep (and clear any mark).
    Keep,
    /// Unreferenced for the first time: note when.
    Mark,
    /// Unreferenced, and noted long enough ago: delete.
    Delete,
    /// Unreferenced, noted recently: wait.
    Wait,
}

/// The sweep's decision for a record, given whether the document refers to
/// it, when it was first seen unreferenced, and the time now (ms).
pub fn sweep(referenced: bool, unreferenced_since: Option<i64>, now_ms: i64) -> Sweep {
    match (referenced, unreferenced_since) {
        (true, _) => Sweep::Keep,
        (false, None) => Sweep::Mark,
        (false, Some(since)) if now_ms - since >= UNREFERENCED_GRACE_MS => Sweep::Delete,
        (false, Some(_)) => Sweep::Wait,
    }
}

/// "1:05": a voice note's length in whole minutes and seconds, counted as
/// a stopwatch counts (1.9 s is "0:01").
pub fn duration_text(ms: u32) -> String {
    let seconds = ms / 1000;
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_fits_its_longest_side_and_keeps_its_shape() {
        assert_eq!(fit_within(4000, 3000, 1600), (1600, 1200));
        assert_eq!(fit_within(3000, 4000, 1600), (1200, 1600));
        assert_eq!(fit_within(4032, 3024, 1600), (1600, 1200));
        assert_eq!(fit_within(800, 600, 1600), (800, 600));
        assert_eq!(fit_within(10_000, 10, 1600), (1600, 2));
        assert_eq!(fit_within(100_000, 1, 1600), (1600, 1));
        assert_eq!(fit_within(0, 0, 1600), (1, 1));
    }

    #[test]
    fn moving_stays_within_the_list() {
        let mut v = vec![1, 2, 3];
        assert!(move_by(&mut v, 0, 1));
        assert_eq!(v, [2, 1, 3]);
        assert!(!move_by(&mut v, 0, -1));
        assert!(!move_by(&mut v, 2, 1));
        assert!(move_by(&mut v, 2, -1));
        assert_eq!(v, [2, 3, 1]);
        assert!(!move_by(&mut v, 7, -1));
    }

    #[test]
    fn room_left_warns_before_it_runs_out() {
        assert_eq!(room_left(0, 2_000_000_000), Room::Plenty);
        assert_eq!(room_left(1_900_000_000, 2_000_000_000), Room::Low);
        assert_eq!(room_left(1_000_000_000, 1_040_000_000), Room::Low);
        assert_eq!(room_left(1_036_000_000, 1_040_000_000), Room::Full);
        assert_eq!(room_left(5, 0), Room::Full);
    }

    #[test]
    fn an_unreferenced_record_is_deleted_only_after_the_grace() {
        assert_eq!(
            sweep(true, Some(0), 10 * UNREFERENCED_GRACE_MS),
            Sweep::Keep
        );
        assert_eq!(sweep(false, None, 5), Sweep::Mark);
        assert_eq!(
            sweep(false, Some(0), UNREFERENCED_GRACE_MS - 1),
            Sweep::Wait
        );
        assert_eq!(sweep(false, Some(0), UNREFERENCED_GRACE_MS), Sweep::Delete);
    }

    #[test]
    fn what_a_photo_shows_goes_through_a_form_and_back() {
        let mut m = Media::photo(Id::from_u128(1), chrono::Utc::now(), 1, 1, 1);
        assert_eq!(m.shows(), Shows::Home);
        for shows in [
            Shows::Renovation(Id::from_u128(9)),
            Shows::Feature("gas range: 6 burners".into()),
            Shows::Home,
        ] {
            assert_eq!(Shows::from_form_value(&shows.form_value()), shows);
            m.set_shows(shows.clone());
            assert_eq!(m.shows(), shows);
        }
        m.set_shows(Shows::Feature("deck".into()));
        m.set_shows(Shows::Renovation(Id::from_u128(2)));
        assert_eq!(m.feature, "");
        assert_eq!(Shows::from_form_value("renovation:not-an-id"), Shows::Home);
        assert_eq!(Shows::from_form_value("feature:"), Shows::Home);
        assert_eq!(Shows::from_form_value("something else"), Shows::Home);
    }

    #[test]
    fn durations_read_as_minutes_and_seconds() {
        assert_eq!(duration_text(0), "0:00");
        assert_eq!(duration_text(65_400), "1:05");
        assert_eq!(duration_text(59_600), "0:59");
        assert_eq!(duration_text(999), "0:00");
    }
}
