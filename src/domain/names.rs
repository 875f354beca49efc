//! Stable names for the enums that reach a form value, a stored value, a
//! CSV file or a link. They are written out here, once, and never come
//! from `Debug` (whose output the release build trims).
use super::media::MediaKind;
use super::model::{
    AppointmentState, AreaUnit, ListingStatus, NoteCategory, Priority, PropertyType, Verdict,
};

/// An enum with a fixed name per value: the same as its stored (serde) name.
pub trait Named: Copy + PartialEq + 'static {
    /// Every value with its name, in display order.
    const NAMES: &'static [(Self, &'static str)];

    /// The value's stable name.
    fn as_str(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(value, _)| *value == self)
            .map_or("", |(_, name)| name)
    }

    /// Every value, in display order.
    fn all() -> impl Iterator<Item = Self> {
        Self::NAMES.iter().map(|(value, _)| *value)
    }

    /// The value with this name, if there is one.
    fn from_name(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(value, _)| *value)
    }
}

/// Stored by name: the saved document (`json`) and serde (share links, see
/// the `serde(try_from, into)` on each type in `model`) read a string and
/// look it up, and write the name.
macro_rules! stored_by_name {
    ($($t:ty),*) => {$(
        impl From<$t> for &'static str {
            fn from(value: $t) -> Self {
                value.as_str()
            }
        }

        impl TryFrom<String> for $t {
            type Error = String;

            fn try_from(name: String) -> Result<Self, String> {
                <$t>::from_name(&name).ok_or_else(|| format!("unknown value \"{name}\""))
            }
        }

        impl crate::domain::json::FromJson for $t {
            fn from_json(value: crate::domain::json::Json<'_>) -> Result<Self, String> {
                crate::domain::json::by_name(value, <$t>::from_name)
            }
        }

        impl crate::domain::json::ToJson for $t {
            fn write_json(&self, out: &mut String) {
                crate::domain::json::write_text(self.as_str(), out);
            }
        }
    )*};
}

stored_by_name!(
    PropertyType,
    ListingStatus,
    Priority,
    NoteCategory,
    AreaUnit,
    Verdict,
    AppointmentState,
    MediaKind
);

impl Named for MediaKind {
    const NAMES: &'static [(Self, &'static str)] =
        &[(MediaKind::Photo, "photo"), (MediaKind::Voice, "voice")];
}

impl Named for PropertyType {
    const NAMES: &'static [(Self, &'static str)] = &[
        (PropertyType::House, "house"),
        (PropertyType::Townhouse, "townhouse"),
        (PropertyType::Condo, "condo"),
        (PropertyType::Apartment, "apartment"),
        (PropertyType::MultiFamily, "multi_family"),
        (PropertyType::Land, "land"),
        (PropertyType::Other, "other"),
    ];
}

impl Named for ListingStatus {
    const NAMES: &'static [(Self, &'static str)] = &[
        (ListingStatus::Active, "active"),
        (ListingStatus::Pending, "pending"),
        (ListingStatus::Sold, "sold"),
        (ListingStatus::Withdrawn, "withdrawn"),
    ];
}

impl Named for Priority {
    const NAMES: &'static [(Self, &'static str)] = &[
        (Priority::High, "high"),
        (Priority::Medium, "medium"),
        (Priority::Low, "low"),
    ];
}

impl Named for NoteCategory {
    const NAMES: &'static [(Self, &'static str)] = &[
        (NoteCategory::Schools, "schools"),
        (NoteCategory::Transit, "transit"),
        (NoteCategory::Shopping, "shopping"),
        (NoteCategory::Parks, "parks"),
        (NoteCategory::Safety, "safety"),
        (NoteCategory::Noise, "noise"),
        (NoteCategory::Community, "community"),
        (NoteCategory::Other, "other"),
    ];
}

impl Named for AreaUnit {
    const NAMES: &'static [(Self, &'static str)] =
        &[(AreaUnit::SqFt, "sq_ft"), (AreaUnit::SqM, "sq_m")];
}

impl Named for Verdict {
    const NAMES: &'static [(Self, &'static str)] = &[
        (Verdict::SeeAgain, "see_again"),
        (Verdict::Maybe, "maybe"),
        (Verdict::No, "no"),
    ];
}

impl Named for AppointmentState {
    const NAMES: &'static [(Self, &'static str)] = &[
        (AppointmentState::ToRequest, "to_request"),
        (AppointmentState::Requested, "requested"),
        (AppointmentState::Confirmed, "confirmed"),
        (AppointmentState::Declined, "declined"),
        (AppointmentState::Cancelled, "cancelled"),
    ];
}

/// How a property kind is written in an exported CSV: words an MLS file
/// uses, which the importer reads back as the same kind.
pub fn property_type_csv(kind: PropertyType) -> &'static str {
    match kind {
        PropertyType::House => "House",
        PropertyType::Townhouse => "Townhouse",
        PropertyType::Condo => "Condo",
        PropertyType::Apartment => "Apartment",
        PropertyType::MultiFamily => "Multi-family",
        PropertyType::Land => "Land",
        PropertyType::Other => "Other",
    }
}

/// How a listing status is written in an exported CSV (read back the same).
pub fn status_csv(status: ListingStatus) -> &'static str {
    match status {
        ListingStatus::Active => "Active",
        ListingStatus::Pending => "Pending",
        ListingStatus::Sold => "Sold",
        ListingStatus::Withdrawn => "Withdrawn",
    }
}
