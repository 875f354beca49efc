//! "Still on the market?": a showing procedure starts by checking that each
//! listing is still active. A stop is flagged when its home is not active,
//! or was not checked within the agent's number of days (2 unless set).
use crate::domain::model::ListingStatus;
use chrono::{DateTime, Utc};

/// Days a check stays good, unless the agent sets another number.
pub const CHECK_DAYS: u32 = 2;

/// Why a stop's listing needs a look before the tour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarketCheck {
    /// Pending, sold or withdrawn.
    NotActive(ListingStatus),
    /// Never checked.
    NeverChecked,
    /// Last checked this many whole days ago.
    Stale { days: i64 },
}

/// What to say about a listing before its showing, if anything.
pub fn market_check(
    status: ListingStatus,
    checked: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    days: u32,
) -> Option<MarketCheck> {
    if status != ListingStatus::Active {
        return Some(MarketCheck::NotActive(status));
    }
    let Some(at) = checked else {
        return Some(MarketCheck::NeverChecked);
    };
    let age = (now - at).num_days();
    (age >= i64::from(days)).then_some(MarketCheck::Stale { days: age })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default()
    }

    #[test]
    fn a_listing_checked_within_the_days_is_fine() {
        let checked = Some(now() - Duration::hours(47));
        assert_eq!(
            market_check(ListingStatus::Active, checked, now(), CHECK_DAYS),
            None
        );
    }

    #[test]
    fn older_or_never_checked_listings_are_flagged() {
        let checked = Some(now() - Duration::hours(49));
        assert_eq!(
            market_check(ListingStatus::Active, checked, now(), CHECK_DAYS),
            Some(MarketCheck::Stale { days: 2 })
        );
        assert_eq!(
            market_check(ListingStatus::Active, None, now(), CHECK_DAYS),
            Some(MarketCheck::NeverChecked)
        );
        // The agent's own setting.
        let checked = Some(now() - Duration::days(4));
        assert_eq!(market_check(ListingStatus::Active, checked, now(), 7), None);
    }

    #[test]
    fn a_listing_no_longer_active_is_flagged_however_recent_the_check() {
        for status in [
            ListingStatus::Pending,
            ListingStatus::Sold,
            ListingStatus::Withdrawn,
        ] {
            assert_eq!(
                market_check(status, Some(now()), now(), CHECK_DAYS),
                Some(MarketCheck::NotActive(status))
            );
        }
    }
}
