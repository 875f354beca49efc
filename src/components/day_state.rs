//! What every part of the tour day view shares: the tour, the clock, and
//! the day re-timed from both.
use crate::components::tour_editor::TourEdit;
use crate::components::undo_toast::{use_undo, Undo};
use crate::domain::model::{Id, Property, Stop, Tour};
use crate::domain::tour_day::day::{position, retimed, Position};
use crate::domain::tour_day::retime::Retimed;
use crate::domain::tour_plan::time_of;
use crate::state::{use_document, DocState};
use chrono::{NaiveDate, NaiveTime, Timelike};
use leptos::prelude::*;

/// The local date and minutes after midnight, now.
pub fn local_now() -> (NaiveDate, u32) {
    let now = chrono::Local::now();
    (now.date_naive(), now.hour() * 60 + now.minute())
}

/// The clock for tour `tour`'s day: the minutes after midnight now when
/// today is its date (or it has none), else `None`.
pub fn clock_on_the_day(tour: &Tour) -> Option<u32> {
    let (today, now) = local_now();
    tour.date.is_none_or(|d| d == today).then_some(now)
}

/// The tour day of one tour.
#[derive(Clone, Copy)]
pub struct Day {
    pub edit: TourEdit,
    pub tour: Memo<Option<Tour>>,
    /// Today's date and the minutes after midnight; ticks while the view
    /// is open.
    pub clock: RwSignal<(NaiveDate, u32)>,
    /// Each stop's times as the day stands, in tour order.
    pub times: Memo<Vec<Retimed>>,
    pub position: Memo<Position>,
    undo: Undo,
    state: DocState,
}

impl Day {
    /// The day of tour `id`, with a clock that ticks every 20 seconds.
    pub fn new(id: Id) -> Self {
        let state = use_document();
        let clock = RwSignal::new(local_now());
        // Dropped (and so stopped) with the view.
        let tick = gloo_timers::callback::Interval::new(20_000, move || clock.set(local_now()));
        let _tick = StoredValue::new_local(tick);
        let edit = TourEdit::new(id);
        let tour = edit.tour();
        let times = Memo::new(move |_| {
            let (today, now) = clock.get();
            tour.with(|t| match t {
                Some(t) => state.doc.with(|d| {
                    retimed(
                        t,
                        &d.properties,
                        now,
                        t.date.is_none_or(|date| date == today),
                    )
                }),
                None => Vec::new(),
            })
        });
        let position = Memo::new(move |_| times.with(|t| position(t)));
        Day {
            edit,
            tour,
            clock,
            times,
            position,
            undo: use_undo(),
            state,
        }
    }

    /// The clock now, read fresh (an action records the time it happened).
    pub fn now(self) -> NaiveTime {
        let now = local_now();
        self.clock.set(now);
        time_of(now.1)
    }

    /// Changes stop `stop` of the tour.
    pub fn record(self, stop: Id, f: impl FnOnce(&mut Stop)) {
        self.edit.apply_stop(stop, f);
    }

    /// Records something about stop `stop` (arrived, done, skipped) and
    /// offers to undo it: a wrong tap in a moving car is easy.
    pub fn record_with_undo(self, stop: Id, message: String, f: impl FnOnce(&mut Stop)) {
        let before = self.tour.with_untracked(|t| {
            t.as_ref()?
                .stops
                .iter()
                .find(|s| s.id == stop)
                .map(|s| (s.arrived, s.left, s.skipped))
        });
        self.record(stop, f);
        if let Some((arrived, left, skipped)) = before {
            self.undo.offer(message, move || {
                self.record(stop, |s| {
                    s.arrived = arrived;
                    s.left = left;
                    s.skipped = skipped;
                })
            });
        }
    }

    /// The stop at `index` and its home, if both are there.
    pub fn stop(self, index: usize) -> Option<(Stop, Option<Property>)> {
        let stop = self.tour.with(|t| t.as_ref()?.stops.get(index).cloned())?;
        let home = self.state.read_property(stop.property, Property::clone);
        Some((stop, home))
    }

    /// The address of the stop at `index` ("" when its home was deleted).
    /// Only the address is read: schedule rows ask on every change.
    pub fn address(self, index: usize) -> String {
        let Some(home) = self
            .tour
            .with(|t| Some(t.as_ref()?.stops.get(index)?.property))
        else {
            return String::new();
        };
        self.state.doc.with(|d| {
            d.properties
                .iter()
                .find(|p| p.id == home)
                .map(|p| p.address.clone())
                .unwrap_or_default()
        })
    }
}
