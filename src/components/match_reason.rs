//! The words for each reason a home ranks where it does on the Match page.
use crate::domain::matching::Reason;
use crate::domain::model::ListingStatus;
use crate::format::amount;
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;

/// One reason, in the user's language, money in their currency.
pub fn reason_text(reason: Reason) -> AnyView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked().as_str();
    let money = move |v: u64| amount(locale, Some(v));
    // Where a drive time comes from, said beside it.
    let how = move |by_road: bool| {
        if by_road {
            t_string!(i18n, leg_by_road).to_string()
        } else {
            t_string!(i18n, leg_estimate).to_string()
        }
    };
    match reason {
        // No renovations (or a fixed cost): one price, not "from X to X".
        Reason::WithinBudget { low, high } if low == high => {
            t!(i18n, r_within_budget_price, price = move || money(low)).into_any()
        }
        Reason::WithinBudget { low, high } => t!(
            i18n,
            r_within_budget,
            low = move || money(low),
            high = move || money(high)
        )
        .into_any(),
        Reason::BudgetTight { low, high, max } => t!(
            i18n,
            r_budget_tight,
            low = move || money(low),
            high = move || money(high),
            max = move || money(max)
        )
        .into_any(),
        Reason::OverBudget { by } => t!(i18n, r_over_budget, by = move || money(by)).into_any(),
        Reason::PriceUnknown => t!(i18n, r_price_unknown).into_any(),
        Reason::BedsOk { have, want } => {
            t!(i18n, r_beds_ok, have = move || have, want = move || want).into_any()
        }
        Reason::BedsShort { have, want } => {
            t!(i18n, r_beds_short, have = move || have, want = move || want).into_any()
        }
        Reason::BathsOk { have, want } => {
            t!(i18n, r_baths_ok, have = move || have, want = move || want).into_any()
        }
        Reason::BathsShort { have, want } => t!(
            i18n,
            r_baths_short,
            have = move || have,
            want = move || want
        )
        .into_any(),
        Reason::RoomsUnknown => t!(i18n, r_rooms_unknown).into_any(),
        Reason::TypeMatch(_) => t!(i18n, r_type_match).into_any(),
        Reason::TypeMismatch(_) => t!(i18n, r_type_mismatch).into_any(),
        Reason::AreaMatch(area) => t!(i18n, r_area_match, area = move || area.clone()).into_any(),
        Reason::AreaOther(_) => t!(i18n, r_area_misc).into_any(),
        Reason::MustHaveMet(wish) => t!(i18n, r_must_met, wish = move || wish.clone()).into_any(),
        Reason::MustHaveMissing(wish) => {
            t!(i18n, r_must_missing, wish = move || wish.clone()).into_any()
        }
        Reason::NiceToHaveMet { text, .. } => {
            t!(i18n, r_nice_met, wish = move || text.clone()).into_any()
        }
        Reason::DealBreaker(wish) => {
            t!(i18n, r_deal_breaker, wish = move || wish.clone()).into_any()
        }
        Reason::Commute {
            place,
            minutes,
            by_road,
        } => {
            let how = how(by_road);
            t!(
                i18n,
                r_commute,
                minutes = minutes,
                place = move || place.clone(),
                how = move || how.clone()
            )
            .into_any()
        }
        Reason::CommuteTooLong {
            place,
            minutes,
            max,
            by_road,
        } => {
            let how = how(by_road);
            t!(
                i18n,
                r_commute_too_long,
                minutes = minutes,
                place = move || place.clone(),
                max = max,
                how = move || how.clone()
            )
            .into_any()
        }
        Reason::Pending => t!(i18n, r_pending).into_any(),
        Reason::OffMarket(ListingStatus::Sold) => t!(i18n, r_sold).into_any(),
        Reason::OffMarket(_) => t!(i18n, r_withdrawn).into_any(),
    }
}
