//! "Optimise order" and what it found. The search runs in slices with a
//! pause between them (`Optimising`), so the page answers while it works
//! on a long tour; a tour changed meanwhile is left as it is.
use crate::components::tour_editor::TourEdit;
use crate::domain::model::{Id, Tour};
use crate::domain::tour_plan::{reorder, Optimised, Optimising};
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;

/// Work per slice (moves judged, runs joined): about 5 ms in a browser.
const SLICE: u64 = 300_000;

/// What the last "Optimise" said.
#[derive(Clone, PartialEq)]
enum Outcome {
    Working,
    /// `gave_way`: the exact search stopped at its bound (say a shorter
    /// order may exist).
    Saved {
        before: u32,
        after: u32,
        gave_way: bool,
    },
    /// `proven`: no order keeps every time, or only none was found.
    Infeasible {
        address: String,
        proven: bool,
    },
    Clash {
        first: String,
        second: String,
    },
    NothingToDo,
    Changed,
}

#[component]
pub fn OptimiseButton(edit: TourEdit, tour: Memo<Option<Tour>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let outcome = RwSignal::new(None::<Outcome>);
    let working = move || outcome.get() == Some(Outcome::Working);

    let address = move |t: &Tour, stop: Id| {
        state.doc.with_untracked(|d| {
            t.stops
                .iter()
                .find(|s| s.id == stop)
                .and_then(|s| d.properties.iter().find(|p| p.id == s.property))
                .map(|p| p.address.clone())
                .unwrap_or_default()
        })
    };
    let apply = move |t: &Tour, found: Optimised| {
        let message = t_string!(i18n, tour_optimised_undo).to_string();
        let said = match found {
            Optimised::Order {
                stops,
                travel_before,
                travel_after,
                gave_way,
            } => {
                edit.reorder_with_undo(message, |t| reorder(t, &stops));
                Outcome::Saved {
                    before: travel_before,
                    after: travel_after,
                    gave_way,
                }
            }
            Optimised::Infeasible {
                culprit,
                clashes_with,
                stops,
                proven,
            } => {
                edit.reorder_with_undo(message, |t| reorder(t, &stops));
                match clashes_with {
                    Some(other) => Outcome::Clash {
                        first: address(t, culprit),
                        second: address(t, other),
                    },
                    None => Outcome::Infeasible {
                        address: address(t, culprit),
                        proven,
                    },
                }
            }
        };
        outcome.set(Some(said));
    };

    let run = move |_| {
        let Some(t) = tour.get_untracked() else {
            return;
        };
        if t.stops.len() < 2 {
            outcome.set(Some(Outcome::NothingToDo));
            return;
        }
        let mut job = state
            .doc
            .with_untracked(|d| Optimising::new(&t, &d.properties));
        outcome.set(Some(Outcome::Working));
        leptos::task::spawn_local(async move {
            while !job.step(SLICE) {
                gloo_timers::future::TimeoutFuture::new(0).await;
                // The page is gone: nothing will show what is found.
                if tour.try_with_untracked(|_| ()).is_none() {
                    return;
                }
            }
            // The page may be gone, or the tour changed or deleted, by now.
            let Some(current) = tour.try_get_untracked() else {
                return;
            };
            let Some(now) = current else {
                outcome.try_set(Some(Outcome::Changed));
                return;
            };
            if state
                .doc
                .with_untracked(|d| job.still_for(&now, &d.properties))
            {
                apply(&now, job.finish());
            } else {
                outcome.try_set(Some(Outcome::Changed));
            }
        });
    };

    view! {
        <div class="actions">
            <button type="button" class="secondary" on:click=run disabled=working data-testid="optimise">{t!(i18n, tour_optimise)}</button>
        </div>
        <p class="message" role="status" data-testid="optimise-result">
            {move || outcome.get().map(|o| match o {
                Outcome::Working => t_string!(i18n, tour_optimising).to_string(),
                Outcome::Saved { before, after, gave_way } => {
                    let found = t_string!(i18n, tour_optimised, before = before, after = after).to_string();
                    if gave_way {
                        format!("{found} {}", t_string!(i18n, tour_optimised_not_proven))
                    } else {
                        found
                    }
                }
                Outcome::Infeasible { address, proven: true } => t_string!(i18n, tour_infeasible, address = address).to_string(),
                Outcome::Infeasible { address, proven: false } => t_string!(i18n, tour_infeasible_found, address = address).to_string(),
                Outcome::Clash { first, second } => t_string!(i18n, tour_clash, first = first, second = second).to_string(),
                Outcome::NothingToDo => t_string!(i18n, tour_nothing_to_optimise).to_string(),
                Outcome::Changed => t_string!(i18n, tour_changed_while_optimising).to_string(),
            })}
        </p>
    }
}
