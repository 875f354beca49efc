//! The stops of a tour in order, each with its leg, times and warnings;
//! reordered by dragging the handle (pointer events, so fingers work) or with
//! the move up / move down buttons.
//!
//! One keyed row per stop (`StopRow`, by stop id): an edit recomputes the
//! rows' data, and only what changed in a row is updated in the page, so a
//! field keeps its focus and an unchanged row is not touched.
use crate::components::labels::verdict_text;
use crate::components::stop_row::StopRow;
use crate::components::tour_editor::TourEdit;
use crate::domain::model::{AppointmentState, Id, LatLon, StopTiming, Tour};
use crate::domain::roads::LegSource;
use crate::domain::tour_day::market::{market_check, MarketCheck};
use crate::domain::tour_plan::{leg_override, move_stop, TourPlan, Warning, START};
use crate::i18n::{t_string, use_i18n};
use crate::state::use_document;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A drag in progress: which row, and where it would land.
#[derive(Clone, Copy, PartialEq)]
pub struct Drag {
    pub from: usize,
    pub over: usize,
}

/// Everything one stop's row shows, in the language-neutral form the
/// row turns into text.
#[derive(Clone, PartialEq, Default)]
pub struct RowData {
    pub id: Id,
    pub index: usize,
    pub count: usize,
    /// `None` when the home was deleted.
    pub address: Option<String>,
    /// The previous place's id (the start's for the first stop), for its leg.
    pub prev_id: Id,
    /// The agent's own minutes for the leg here.
    pub over: Option<u16>,
    /// From the previous place to this one, when both have coordinates.
    pub navigate: Option<(LatLon, LatLon)>,
    pub timing: Option<StopTiming>,
    pub distance_km: Option<f64>,
    /// Where the leg's minutes come from.
    pub source: LegSource,
    pub warnings: Vec<Warning>,
    pub duration: u16,
    /// "Maria: ★★★★ · Maybe · “…”", one per reaction.
    pub feedback: Vec<String>,
    pub arrive: u32,
    pub start: u32,
    pub end: u32,
    pub wait: u32,
    pub travel: u32,
    pub note: String,
    pub property: Id,
    pub appointment: AppointmentState,
    pub appointment_changed: Option<DateTime<Utc>>,
    /// Why the listing needs a look before the showing, if it does.
    pub market: Option<MarketCheck>,
}

/// The rows' data for the tour as planned.
fn rows_data(
    t: &Tour,
    plan: &TourPlan,
    d: &crate::domain::model::Document,
    now: DateTime<Utc>,
) -> Vec<RowData> {
    // Read once per recomputation, not once per row.
    let market_days = crate::storage::market_days();
    let coords = |property: Id| {
        d.properties
            .iter()
            .find(|p| p.id == property)
            .and_then(|p| p.coords)
    };
    t.stops
        .iter()
        .zip(plan.stops.iter())
        .enumerate()
        .map(|(i, (stop, planned))| {
            let property = d.properties.iter().find(|p| p.id == stop.property);
            let (prev_id, prev_coords) = match i.checked_sub(1).map(|p| &t.stops[p]) {
                None => (START, t.start.coords),
                Some(prev) => (prev.id, coords(prev.property)),
            };
            let feedback = d
                .feedback
                .iter()
                .filter(|f| f.tour == t.id && f.stop == stop.id)
                .map(|f| {
                    let stars = "★".repeat(usize::from(f.rating.unwrap_or(0).min(5)));
                    let mut line = format!("{}: {stars}", f.person);
                    if let Some(v) = f.verdict {
                        line.push_str(&format!(" · {}", verdict_text(v)));
                    }
                    if !f.comment.is_empty() {
                        line.push_str(&format!(" · “{}”", f.comment));
                    }
                    line
                })
                .collect();
            RowData {
                id: stop.id,
                index: i,
                count: t.stops.len(),
                address: property.map(|p| p.address.clone()),
                prev_id,
                over: leg_override(t, prev_id, stop.id),
                navigate: prev_coords.zip(property.and_then(|p| p.coords)),
                timing: stop.timing,
                distance_km: planned.distance_km,
                source: planned.source,
                warnings: planned.warnings.clone(),
                duration: stop.duration_min.unwrap_or(t.default_duration_min),
                feedback,
                arrive: planned.arrive,
                start: planned.start,
                end: planned.end,
                wait: planned.wait,
                travel: planned.travel,
                note: stop.note.clone(),
                property: stop.property,
                appointment: stop.appointment,
                appointment_changed: stop.appointment_changed,
                market: property.and_then(|p| market_check(p.status, p.checked, now, market_days)),
            }
        })
        .collect()
}

/// Where a drag at `y` (viewport pixels) would drop: the number of other
/// rows whose middle is above `y`.
pub fn drop_index(from: usize, y: f64) -> usize {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return from;
    };
    let Ok(rows) = doc.query_selector_all("[data-stop-row]") else {
        return from;
    };
    let mut above = 0;
    for i in 0..rows.length() {
        if i as usize == from {
            continue;
        }
        let Some(el) = rows
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let r = el.get_bounding_client_rect();
        if r.top() + r.height() / 2.0 < y {
            above += 1;
        }
    }
    above
}

#[component]
pub fn TourStops(
    edit: TourEdit,
    tour: Memo<Option<Tour>>,
    schedule: Memo<Option<TourPlan>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let drag = RwSignal::new(None::<Drag>);
    let moved = move || t_string!(i18n, tour_reordered_undo).to_string();
    let finish_drag = move || {
        if let Some(Drag { from, over }) = drag.get_untracked() {
            drag.set(None);
            if from != over {
                edit.reorder_with_undo(moved(), |t| move_stop(t, from, over));
            }
        }
    };
    let rows = Memo::new(move |_| {
        tour.with(|t| {
            schedule.with(|plan| match (t, plan) {
                (Some(t), Some(plan)) => state.doc.with(|d| rows_data(t, plan, d, Utc::now())),
                _ => Vec::new(),
            })
        })
    });
    let ids = Memo::new(move |_| rows.with(|r| r.iter().map(|row| row.id).collect::<Vec<_>>()));
    view! {
        <ol class="stop-list" data-testid="stop-list">
            <For each=move || ids.get() key=|id| *id let:id>
                {
                    // This row's data; a row being removed keeps its last.
                    let row = Memo::new(move |last: Option<&RowData>| {
                        rows.with(|r| r.iter().find(|row| row.id == id).cloned())
                            .or_else(|| last.cloned())
                            .unwrap_or_default()
                    });
                    view! { <StopRow row edit drag finish_drag=Callback::new(move |()| finish_drag()) /> }
                }
            </For>
        </ol>
    }
}
