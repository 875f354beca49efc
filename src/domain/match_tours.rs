//! Which of a buyer's tours a home from the Match page can go into, which
//! one is chosen at first, and which already have the home.
use crate::domain::model::{Id, Stop, Tour};
use chrono::{DateTime, NaiveDate, Utc};

/// The buyer's tours that are not over: drafts (no date) first, newest
/// first, then dated ones from the soonest.
pub fn open_tours(tours: &[Tour], buyer: Id, today: NaiveDate) -> Vec<&Tour> {
    let mut drafts: Vec<&Tour> = tours
        .iter()
        .filter(|t| t.buyer == Some(buyer) && t.date.is_none())
        .collect();
    drafts.reverse();
    let mut dated: Vec<&Tour> = tours
        .iter()
        .filter(|t| t.buyer == Some(buyer) && t.date.is_some_and(|d| d >= today))
        .collect();
    dated.sort_by_key(|t| t.date);
    drafts.extend(dated);
    drafts
}

/// The tour chosen at first: the newest draft, else the soonest dated
/// tour to come; `None` when the buyer has neither (a new draft, said so).
pub fn default_tour(tours: &[Tour], buyer: Id, today: NaiveDate) -> Option<Id> {
    open_tours(tours, buyer, today).first().map(|t| t.id)
}

/// The buyer's open tours that already show `property`.
pub fn tours_with(tours: &[Tour], buyer: Id, property: Id, today: NaiveDate) -> Vec<&Tour> {
    open_tours(tours, buyer, today)
        .into_iter()
        .filter(|t| t.stop_of(property).is_some())
        .collect()
}

/// Adds `property` to the tour `chosen`, or takes it out if it is there
/// already. With no tour chosen, or one no longer there, a new draft for
/// `buyer` called `draft_name` is made for it. Returns the tour's id.
pub fn toggle_home(
    tours: &mut Vec<Tour>,
    chosen: Option<Id>,
    buyer: Id,
    property: Id,
    draft_name: &str,
    now: DateTime<Utc>,
) -> Id {
    let found = chosen.and_then(|id| tours.iter().position(|t| t.id == id));
    let i = found.unwrap_or_else(|| {
        tours.push(Tour::new(draft_name, Some(buyer), now));
        tours.len() - 1
    });
    let tour = &mut tours[i];
    match tour.stop_of(property) {
        Some(at) => {
            tour.stops.remove(at);
        }
        None => tour.stops.push(Stop::at(property)),
    }
    tour.stamp.updated = now;
    tour.id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Stop;
    use chrono::{DateTime, Utc};
    use uuid::Uuid;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default()
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default()
    }

    fn tour(name: &str, buyer: Id, date: Option<NaiveDate>, homes: &[Id]) -> Tour {
        let mut t = Tour::new(name, Some(buyer), now());
        t.date = date;
        t.stops = homes.iter().map(|h| Stop::at(*h)).collect();
        t
    }

    #[test]
    fn drafts_first_then_dated_tours_to_come_past_ones_and_others_left_out() {
        let (maria, ana) = (Uuid::new_v4(), Uuid::new_v4());
        let tours = vec![
            tour("Saturday", maria, Some(day(28)), &[]),
            tour("Old draft", maria, None, &[]),
            tour("Last week", maria, Some(day(19)), &[]),
            tour("Ana's", ana, None, &[]),
            tour("Thursday", maria, Some(day(26)), &[]),
            tour("New draft", maria, None, &[]),
        ];
        let names: Vec<&str> = open_tours(&tours, maria, day(26))
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(names, ["New draft", "Old draft", "Thursday", "Saturday"]);
        assert_eq!(default_tour(&tours, maria, day(26)), Some(tours[5].id));
    }

    #[test]
    fn without_a_draft_the_soonest_tour_is_chosen_and_without_tours_none() {
        let maria = Uuid::new_v4();
        let tours = vec![
            tour("Saturday", maria, Some(day(28)), &[]),
            tour("Thursday", maria, Some(day(26)), &[]),
        ];
        assert_eq!(default_tour(&tours, maria, day(20)), Some(tours[1].id));
        assert_eq!(default_tour(&tours, maria, day(29)), None);
        assert_eq!(default_tour(&[], maria, day(20)), None);
    }

    #[test]
    fn a_home_goes_into_the_chosen_tour_and_out_again_or_starts_a_draft() {
        let (maria, home) = (Uuid::new_v4(), Uuid::new_v4());
        let mut tours = vec![tour("Saturday", maria, Some(day(28)), &[])];
        let saturday = tours[0].id;
        assert_eq!(
            toggle_home(&mut tours, Some(saturday), maria, home, "Draft", now()),
            saturday
        );
        assert_eq!(tours[0].stop_of(home), Some(0));
        toggle_home(&mut tours, Some(saturday), maria, home, "Draft", now());
        assert_eq!(tours[0].stop_of(home), None);
        // Nothing chosen, or a tour since deleted: a new draft, for the buyer.
        for chosen in [None, Some(Uuid::new_v4())] {
            let made = toggle_home(&mut tours, chosen, maria, home, "Draft", now());
            let draft = tours.iter().find(|t| t.id == made);
            assert!(draft
                .is_some_and(|t| t.name == "Draft" && t.buyer == Some(maria) && t.date.is_none()));
            assert!(draft.is_some_and(|t| t.stop_of(home) == Some(0)));
        }
        assert_eq!(tours.len(), 3);
    }

    #[test]
    fn a_home_is_found_in_every_open_tour_that_has_it() {
        let (maria, home, other) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        let tours = vec![
            tour("Saturday", maria, Some(day(28)), &[other, home]),
            tour("Draft", maria, None, &[other]),
            tour("Last week", maria, Some(day(19)), &[home]),
        ];
        let names: Vec<&str> = tours_with(&tours, maria, home, day(26))
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(names, ["Saturday"]);
    }
}
