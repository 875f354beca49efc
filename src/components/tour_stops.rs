//! The stops of a tour in order, each with its leg, times and warnings;
//! reordered by dragging the handle (pointer events, so fingers work) or with
//! the move up / move down buttons.
use crate::components::labels::verdict_text;
use crate::components::tour_editor::TourEdit;
use crate::domain::model::{Id, LatLon, StopTiming, Tour};
use crate::domain::tour_plan::{
    apple_directions, clock_of, leg_override, move_stop, parse_clock, set_leg_override,
    DistanceUnit, TourPlan, Warning, START,
};
use crate::format::time_of_day;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A drag in progress: which row, and where it would land.
#[derive(Clone, Copy, PartialEq)]
struct Drag {
    from: usize,
    over: usize,
}

/// Where a drag at `y` (viewport pixels) would drop: the number of other
/// rows whose middle is above `y`.
fn drop_index(from: usize, y: f64) -> usize {
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
    let unit = move || DistanceUnit::for_locale(i18n.get_locale().as_str());
    let moved = move || t_string!(i18n, tour_reordered_undo).to_string();

    let finish_drag = move || {
        if let Some(Drag { from, over }) = drag.get_untracked() {
            drag.set(None);
            if from != over {
                edit.reorder_with_undo(moved(), |t| move_stop(t, from, over));
            }
        }
    };

    // One row per stop, in tour order; re-rendered when the tour or plan changes.
    let rows = move || {
        let Some(t) = tour.get() else { return vec![] };
        let Some(plan) = schedule.get() else {
            return vec![];
        };
        let count = t.stops.len();
        state.doc.with(|d| {
            t.stops
                .iter()
                .zip(plan.stops.iter())
                .enumerate()
                .map(|(i, (stop, planned))| {
                    let property = d.properties.iter().find(|p| p.id == stop.property);
                    let address = property.map(|p| p.address.clone()).unwrap_or_else(|| t_string!(i18n, tour_missing_home).to_string());
                    let here = property.and_then(|p| p.coords);
                    let (prev_id, prev_coords): (Id, Option<LatLon>) = if i == 0 {
                        (START, t.start.coords)
                    } else {
                        let prev = &t.stops[i - 1];
                        (prev.id, d.properties.iter().find(|p| p.id == prev.property).and_then(|p| p.coords))
                    };
                    let over = leg_override(&t, prev_id, stop.id);
                    let navigate = prev_coords.zip(here);
                    let sid = stop.id;
                    let timing_kind = match stop.timing {
                        None => "free",
                        Some(StopTiming::Pinned { .. }) => "pinned",
                        Some(StopTiming::Window { .. }) => "window",
                    };
                    let (first_time, second_time) = match stop.timing {
                        None => (String::new(), String::new()),
                        Some(StopTiming::Pinned { at }) => (clock_of(Some(at)), String::new()),
                        Some(StopTiming::Window { earliest, latest }) => (clock_of(Some(earliest)), clock_of(Some(latest))),
                    };
                    let distance = planned.distance_km.map(|km| {
                        let u = unit();
                        let amount = u.amount(km);
                        match u {
                            DistanceUnit::Km => t_string!(i18n, distance_km, amount = amount).to_string(),
                            DistanceUnit::Miles => t_string!(i18n, distance_mi, amount = amount).to_string(),
                        }
                    });
                    let dragging = move || drag.get().is_some_and(|d| d.from == i);
                    let target = move || drag.get().is_some_and(|d| d.from != i && d.over == i);
                    let warnings = planned.warnings.iter().map(|w| match *w {
                        Warning::Late { late } => t_string!(i18n, warning_late, minutes = late).to_string(),
                        Warning::Overlap { minutes } => t_string!(i18n, warning_overlap, minutes = minutes).to_string(),
                        Warning::WindowBroken { late } => t_string!(i18n, warning_window, minutes = late).to_string(),
                    }).collect::<Vec<_>>();
                    let duration = stop.duration_min.unwrap_or(t.default_duration_min);
                    let feedback: Vec<String> = d
                        .feedback
                        .iter()
                        .filter(|f| f.tour == t.id && f.stop == stop.id)
                        .map(|f| {
                            let mut line = format!("{}: {}", f.person, "★".repeat(usize::from(f.rating.unwrap_or(0).min(5))));
                            if let Some(v) = f.verdict {
                                line.push_str(&format!(" · {}", verdict_text(v)));
                            }
                            if !f.comment.is_empty() {
                                line.push_str(&format!(" · “{}”", f.comment));
                            }
                            line
                        })
                        .collect();
                    let (arrive, start, end, wait, travel) = (planned.arrive, planned.start, planned.end, planned.wait, planned.travel);
                    let move_label = t_string!(i18n, tour_drag, address = address.clone()).to_string();
                    let up_label = t_string!(i18n, tour_move_up, address = address.clone()).to_string();
                    let down_label = t_string!(i18n, tour_move_down, address = address.clone()).to_string();
                    let remove_label = t_string!(i18n, tour_remove_stop, address = address.clone()).to_string();
                    let leg_label = t_string!(i18n, tour_leg_override, address = address.clone()).to_string();
                    view! {
                        <li class="leg" data-testid="leg">
                            <span>{t!(i18n, tour_leg, minutes = travel)}{distance.map(|d| format!(" · {d}"))}</span>
                            <label class="leg-override">
                                <span class="visually-hidden">{leg_label}</span>
                                <input type="number" min="0" max="600" inputmode="numeric" placeholder=t_string!(i18n, tour_leg_auto).to_string()
                                    prop:value=over.map(|m| m.to_string()).unwrap_or_default()
                                    on:change=move |ev| {
                                        let v = event_target_value(&ev).trim().parse::<u16>().ok();
                                        edit.apply(|t| set_leg_override(t, prev_id, sid, v));
                                    } />
                            </label>
                            {navigate.map(|(a, b)| view! {
                                <a href=crate::domain::tour_plan::google_directions(a, b) target="_blank" rel="noopener noreferrer">{t!(i18n, tour_navigate_google)}</a>
                                <a href=apple_directions(a, b) target="_blank" rel="noopener noreferrer">{t!(i18n, tour_navigate_apple)}</a>
                            })}
                        </li>
                        <li class="stop" class:dragging=dragging class:drop-target=target data-stop-row="" data-testid="stop-row">
                            <div class="stop-head">
                                <button type="button" class="drag-handle" aria-label=move_label
                                    on:pointerdown=move |ev: web_sys::PointerEvent| {
                                        ev.prevent_default();
                                        if let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                                            let _ = el.set_pointer_capture(ev.pointer_id());
                                        }
                                        drag.set(Some(Drag { from: i, over: i }));
                                    }
                                    on:pointermove=move |ev: web_sys::PointerEvent| {
                                        if let Some(d) = drag.get_untracked() {
                                            let over = drop_index(d.from, f64::from(ev.client_y()));
                                            if over != d.over { drag.set(Some(Drag { over, ..d })); }
                                        }
                                    }
                                    on:pointerup=move |_| finish_drag()
                                    on:pointercancel=move |_| drag.set(None)>"⠿"</button>
                                <span class="stop-number">{i + 1}</span>
                                <span class="primary stop-address">{address}</span>
                                <span class="stop-times" data-testid="stop-times">
                                    {move || { let l = i18n.get_locale(); let c = |m| time_of_day(l.as_str(), m); t!(i18n, tour_times, arrive = c(arrive), start = c(start), end = c(end)) }}
                                    {(wait > 0).then(|| view! { " · " {t!(i18n, tour_wait, minutes = wait)} })}
                                </span>
                                <button type="button" class="secondary icon" aria-label=up_label disabled=i == 0
                                    on:click=move |_| edit.reorder_with_undo(moved(), |t| move_stop(t, i, i.saturating_sub(1)))>"↑"</button>
                                <button type="button" class="secondary icon" aria-label=down_label disabled=i + 1 == count
                                    on:click=move |_| edit.reorder_with_undo(moved(), |t| move_stop(t, i, i + 1))>"↓"</button>
                                <button type="button" class="danger icon" aria-label=remove_label
                                    on:click=move |_| edit.apply(|t| t.stops.retain(|s| s.id != sid))>"✕"</button>
                            </div>
                            {warnings.into_iter().map(|w| view! { <p class="warning" role="alert" data-testid="stop-warning">{w}</p> }).collect_view()}
                            {(!feedback.is_empty()).then(|| view! {
                                <ul class="stop-feedback" data-testid="stop-feedback">
                                    {feedback.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                                </ul>
                            })}
                            <div class="stop-controls">
                                <label class="field"><span>{t!(i18n, tour_duration)}</span>
                                    <input type="number" min="1" max="600" inputmode="numeric" name="stop-duration" prop:value=duration.to_string()
                                        on:change=move |ev| {
                                            let v = event_target_value(&ev).trim().parse::<u16>().ok().filter(|m| *m > 0);
                                            edit.apply(|t| if let Some(s) = t.stops.iter_mut().find(|s| s.id == sid) { s.duration_min = v });
                                        } />
                                </label>
                                <label class="field"><span>{t!(i18n, tour_timing)}</span>
                                    <select name="stop-timing" on:change=move |ev| {
                                        let kind = event_target_value(&ev);
                                        edit.apply(|t| {
                                            let start = t.start_time.unwrap_or_default();
                                            if let Some(s) = t.stops.iter_mut().find(|s| s.id == sid) {
                                                s.timing = match kind.as_str() {
                                                    "pinned" => Some(StopTiming::Pinned { at: start }),
                                                    "window" => Some(StopTiming::Window { earliest: start, latest: start }),
                                                    _ => None,
                                                };
                                            }
                                        });
                                    }>
                                        <option value="free" selected=timing_kind == "free">{t!(i18n, timing_free)}</option>
                                        <option value="pinned" selected=timing_kind == "pinned">{t!(i18n, timing_pinned)}</option>
                                        <option value="window" selected=timing_kind == "window">{t!(i18n, timing_window)}</option>
                                    </select>
                                </label>
                                {(timing_kind != "free").then(|| view! {
                                    <label class="field"><span>{if timing_kind == "pinned" { t_string!(i18n, timing_at).to_string() } else { t_string!(i18n, timing_earliest).to_string() }}</span>
                                        <input type="time" name="stop-time-1" prop:value=first_time
                                            on:change=move |ev| {
                                                let Some(v) = parse_clock(&event_target_value(&ev)) else { return };
                                                edit.apply(|t| if let Some(s) = t.stops.iter_mut().find(|s| s.id == sid) {
                                                    s.timing = match s.timing {
                                                        Some(StopTiming::Window { latest, .. }) => Some(StopTiming::Window { earliest: v, latest: latest.max(v) }),
                                                        _ => Some(StopTiming::Pinned { at: v }),
                                                    };
                                                });
                                            } />
                                    </label>
                                })}
                                {(timing_kind == "window").then(|| view! {
                                    <label class="field"><span>{t!(i18n, timing_latest)}</span>
                                        <input type="time" name="stop-time-2" prop:value=second_time
                                            on:change=move |ev| {
                                                let Some(v) = parse_clock(&event_target_value(&ev)) else { return };
                                                edit.apply(|t| if let Some(s) = t.stops.iter_mut().find(|s| s.id == sid) {
                                                    if let Some(StopTiming::Window { earliest, .. }) = s.timing {
                                                        s.timing = Some(StopTiming::Window { earliest: earliest.min(v), latest: v });
                                                    }
                                                });
                                            } />
                                    </label>
                                })}
                                <label class="field stop-note"><span>{t!(i18n, tour_stop_note)}</span>
                                    <input type="text" name="stop-note" prop:value=stop.note.clone()
                                        on:change=move |ev| {
                                            let v = event_target_value(&ev);
                                            edit.apply(|t| if let Some(s) = t.stops.iter_mut().find(|s| s.id == sid) { s.note = v.trim().to_string() });
                                        } />
                                </label>
                            </div>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ol class="stop-list" data-testid="stop-list">{rows}</ol>
    }
}
