//! The words for the model's enums, in the user's language.
use crate::domain::model::{ListingStatus, NoteCategory, Priority, PropertyType};
use crate::i18n::{t_string, use_i18n};

pub fn property_type(kind: PropertyType) -> String {
    let i18n = use_i18n();
    match kind {
        PropertyType::House => t_string!(i18n, type_house),
        PropertyType::Townhouse => t_string!(i18n, type_townhouse),
        PropertyType::Condo => t_string!(i18n, type_condo),
        PropertyType::Apartment => t_string!(i18n, type_apartment),
        PropertyType::MultiFamily => t_string!(i18n, type_multi_family),
        PropertyType::Land => t_string!(i18n, type_land),
        PropertyType::Other => t_string!(i18n, type_misc),
    }
    .to_string()
}

pub fn status(status: ListingStatus) -> String {
    let i18n = use_i18n();
    match status {
        ListingStatus::Active => t_string!(i18n, status_active),
        ListingStatus::Pending => t_string!(i18n, status_pending),
        ListingStatus::Sold => t_string!(i18n, status_sold),
        ListingStatus::Withdrawn => t_string!(i18n, status_withdrawn),
    }
    .to_string()
}

pub fn priority(priority: Priority) -> String {
    let i18n = use_i18n();
    match priority {
        Priority::High => t_string!(i18n, priority_high),
        Priority::Medium => t_string!(i18n, priority_medium),
        Priority::Low => t_string!(i18n, priority_low),
    }
    .to_string()
}

pub fn note_category(category: NoteCategory) -> String {
    let i18n = use_i18n();
    match category {
        NoteCategory::Schools => t_string!(i18n, cat_schools),
        NoteCategory::Transit => t_string!(i18n, cat_transit),
        NoteCategory::Shopping => t_string!(i18n, cat_shopping),
        NoteCategory::Parks => t_string!(i18n, cat_parks),
        NoteCategory::Safety => t_string!(i18n, cat_safety),
        NoteCategory::Noise => t_string!(i18n, cat_noise),
        NoteCategory::Community => t_string!(i18n, cat_community),
        NoteCategory::Other => t_string!(i18n, cat_misc),
    }
    .to_string()
}

/// "See again", "Maybe", "No" in the user's language.
pub fn verdict_text(v: crate::domain::model::Verdict) -> String {
    let i18n = crate::i18n::use_i18n();
    match v {
        crate::domain::model::Verdict::SeeAgain => {
            crate::i18n::t_string!(i18n, verdict_see_again).to_string()
        }
        crate::domain::model::Verdict::Maybe => {
            crate::i18n::t_string!(i18n, verdict_maybe).to_string()
        }
        crate::domain::model::Verdict::No => crate::i18n::t_string!(i18n, verdict_no).to_string(),
    }
}

pub fn appointment_state(state: crate::domain::model::AppointmentState) -> String {
    use crate::domain::model::AppointmentState as A;
    let i18n = use_i18n();
    match state {
        A::ToRequest => t_string!(i18n, appointment_to_request),
        A::Requested => t_string!(i18n, appointment_requested),
        A::Confirmed => t_string!(i18n, appointment_confirmed),
        A::Declined => t_string!(i18n, appointment_declined),
        A::Cancelled => t_string!(i18n, appointment_cancelled),
    }
    .to_string()
}

/// What the "still on the market?" check says about a listing.
pub fn market_text(check: crate::domain::tour_day::market::MarketCheck) -> String {
    use crate::domain::tour_day::market::MarketCheck;
    let i18n = use_i18n();
    match check {
        MarketCheck::NotActive(s) => t_string!(i18n, market_not_active, status = status(s)),
        MarketCheck::NeverChecked => t_string!(i18n, market_never).to_string(),
        MarketCheck::Stale { days } => t_string!(i18n, market_stale, days = days),
    }
}
