//! One stop of a tour: the leg that leads to it, then the stop with its
//! times, warnings, the buyer's feedback and its controls. Every part reads
//! the row's data reactively, so an edit updates only what changed.
use crate::components::stop_appointment::StopAppointment;
use crate::components::tour_editor::TourEdit;
use crate::components::tour_map::SelectedStop;
use crate::components::tour_stops::{drop_index, Drag, RowData};
use crate::domain::model::StopTiming;
use crate::domain::roads::LegSource;
use crate::domain::tour_plan::{
    apple_directions, clock_of, google_directions, move_stop, parse_clock, set_leg_override,
    timing_from_plan, DistanceUnit, Warning,
};
use crate::format::time_of_day;
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The stable names of a stop's timing kinds, as the select's values.
fn timing_kind(timing: Option<StopTiming>) -> &'static str {
    match timing {
        None => "free",
        Some(StopTiming::Pinned { .. }) => "pinned",
        Some(StopTiming::Window { .. }) => "window",
    }
}

#[component]
pub fn StopRow(
    row: Memo<RowData>,
    edit: TourEdit,
    drag: RwSignal<Option<Drag>>,
    finish_drag: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sid = row.with_untracked(|r| r.id);
    let home = row.with_untracked(|r| r.property);
    let index = move || row.with(|r| r.index);
    let moved = move || t_string!(i18n, tour_reordered_undo).to_string();
    let address = move || {
        row.with(|r| r.address.clone())
            .unwrap_or_else(|| t_string!(i18n, tour_missing_home).to_string())
    };
    let distance = move || {
        let km = row.with(|r| r.distance_km)?;
        let unit = DistanceUnit::for_locale(i18n.get_locale().as_str());
        let amount = unit.amount(km);
        Some(match unit {
            DistanceUnit::Km => format!(" · {}", t_string!(i18n, distance_km, amount = amount)),
            DistanceUnit::Miles => format!(" · {}", t_string!(i18n, distance_mi, amount = amount)),
        })
    };
    let source = move || {
        let words = match row.with(|r| r.source) {
            LegSource::Road => t_string!(i18n, leg_by_road),
            LegSource::Estimate => t_string!(i18n, leg_estimate),
            LegSource::Hand => t_string!(i18n, leg_by_hand),
        };
        format!(" · {words}")
    };
    let warning = move |w: Warning| match w {
        Warning::Late { late } => t_string!(i18n, warning_late, minutes = late),
        Warning::Overlap { minutes } => t_string!(i18n, warning_overlap, minutes = minutes),
        Warning::WindowBroken { late } => t_string!(i18n, warning_window, minutes = late),
    };
    let kind = move || timing_kind(row.with(|r| r.timing));
    let times = move || {
        let l = i18n.get_locale();
        let (arrive, start, end) = row.with(|r| (r.arrive, r.start, r.end));
        let c = |m| time_of_day(l.as_str(), m);
        t_string!(
            i18n,
            tour_times,
            arrive = c(arrive),
            start = c(start),
            end = c(end)
        )
    };
    let wait = move || row.with(|r| r.wait);
    let set_timing = move |kind: String| {
        let planned = row.with_untracked(|r| r.start);
        edit.apply_stop(sid, |s| s.timing = timing_from_plan(&kind, planned))
    };
    let set_first_time = move |v| {
        edit.apply_stop(sid, |s| {
            s.timing = match s.timing {
                Some(StopTiming::Window { latest, .. }) => Some(StopTiming::Window {
                    earliest: v,
                    latest: latest.max(v),
                }),
                _ => Some(StopTiming::Pinned { at: v }),
            };
        })
    };
    let set_latest = move |v| {
        edit.apply_stop(sid, |s| {
            if let Some(StopTiming::Window { earliest, .. }) = s.timing {
                s.timing = Some(StopTiming::Window {
                    earliest: earliest.min(v),
                    latest: v,
                });
            }
        })
    };
    let first_time = move || match row.with(|r| r.timing) {
        Some(StopTiming::Pinned { at }) => clock_of(Some(at)),
        Some(StopTiming::Window { earliest, .. }) => clock_of(Some(earliest)),
        None => String::new(),
    };
    let latest_time = move || match row.with(|r| r.timing) {
        Some(StopTiming::Window { latest, .. }) => clock_of(Some(latest)),
        _ => String::new(),
    };
    view! {
        <li class="leg" data-testid="leg">
            <span data-testid="leg-time">{move || t_string!(i18n, tour_leg, minutes = row.with(|r| r.travel))}{distance}{source}</span>
            <label class="leg-override">
                <span class="visually-hidden">{move || t_string!(i18n, tour_leg_override, address = address())}</span>
                <input type="number" min="0" max="600" inputmode="numeric" placeholder=move || t_string!(i18n, tour_leg_auto)
                    prop:value=move || row.with(|r| r.over.map(|m| m.to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        let v = event_target_value(&ev).trim().parse::<u16>().ok();
                        let prev = row.with_untracked(|r| r.prev_id);
                        edit.apply(|t| set_leg_override(t, prev, sid, v));
                    } />
            </label>
            {move || row.with(|r| r.navigate).map(|(a, b)| view! {
                <a href=google_directions(a, b) target="_blank" rel="noopener noreferrer">{t!(i18n, tour_navigate_google)}</a>
                <a href=apple_directions(a, b) target="_blank" rel="noopener noreferrer">{t!(i18n, tour_navigate_apple)}</a>
            })}
        </li>
        <li class="stop" on:focusin=move |_| {
                // The stop being worked on is the one the map highlights.
                if let Some(selected) = use_context::<SelectedStop>() {
                    selected.0.set(Some(sid));
                }
            }
            class:dragging=move || drag.get().is_some_and(|d| d.from == index())
            class:drop-target=move || drag.get().is_some_and(|d| d.from != index() && d.over == index())
            data-stop-row="" data-testid="stop-row">
            <div class="stop-head">
                <button type="button" class="drag-handle" aria-label=move || t_string!(i18n, tour_drag, address = address())
                    on:pointerdown=move |ev: web_sys::PointerEvent| {
                        ev.prevent_default();
                        if let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                            let _ = el.set_pointer_capture(ev.pointer_id());
                        }
                        let i = row.with_untracked(|r| r.index);
                        drag.set(Some(Drag { from: i, over: i }));
                    }
                    on:pointermove=move |ev: web_sys::PointerEvent| {
                        if let Some(d) = drag.get_untracked() {
                            let over = drop_index(d.from, f64::from(ev.client_y()));
                            if over != d.over { drag.set(Some(Drag { over, ..d })); }
                        }
                    }
                    on:pointerup=move |_| finish_drag.run(())
                    on:pointercancel=move |_| drag.set(None)>"⠿"</button>
                <span class="stop-number">{move || index() + 1}</span>
                <span class="primary stop-address">{address}</span>
                <span class="stop-times" data-testid="stop-times">
                    {times}
                    {move || (wait() > 0).then(|| format!(" · {}", t_string!(i18n, tour_wait, minutes = wait())))}
                </span>
                <button type="button" class="secondary icon" aria-label=move || t_string!(i18n, tour_move_up, address = address())
                    disabled=move || index() == 0
                    on:click=move |_| { let i = row.with_untracked(|r| r.index); edit.reorder_with_undo(moved(), |t| move_stop(t, i, i.saturating_sub(1))) }>"↑"</button>
                <button type="button" class="secondary icon" aria-label=move || t_string!(i18n, tour_move_down, address = address())
                    disabled=move || row.with(|r| r.index + 1 == r.count)
                    on:click=move |_| { let i = row.with_untracked(|r| r.index); edit.reorder_with_undo(moved(), |t| move_stop(t, i, i + 1)) }>"↓"</button>
                <button type="button" class="danger icon" aria-label=move || t_string!(i18n, tour_remove_stop, address = address())
                    on:click=move |_| edit.apply(|t| t.stops.retain(|s| s.id != sid))>"✕"</button>
            </div>
            {move || row.with(|r| r.warnings.clone()).into_iter().map(|w| view! {
                <p class="warning" role="alert" data-testid="stop-warning">{warning(w)}</p>
            }).collect_view()}
            <crate::components::stop_photos::StopPhotos property=home />
            {move || { let feedback = row.with(|r| r.feedback.clone()); (!feedback.is_empty()).then(|| view! {
                <ul class="stop-feedback" data-testid="stop-feedback">
                    {feedback.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                </ul>
            })}}
            <div class="stop-controls">
                <label class="field"><span>{t!(i18n, tour_duration)}</span>
                    <input type="number" min="1" max="600" inputmode="numeric" name="stop-duration"
                        prop:value=move || row.with(|r| r.duration.to_string())
                        on:change=move |ev| {
                            let v = event_target_value(&ev).trim().parse::<u16>().ok().filter(|m| *m > 0);
                            edit.apply_stop(sid, |s| s.duration_min = v);
                        } />
                </label>
                <label class="field"><span>{t!(i18n, tour_timing)}</span>
                    <select name="stop-timing" prop:value=kind on:change=move |ev| set_timing(event_target_value(&ev))>
                        <option value="free" selected=move || kind() == "free">{t!(i18n, timing_free)}</option>
                        <option value="pinned" selected=move || kind() == "pinned">{t!(i18n, timing_pinned)}</option>
                        <option value="window" selected=move || kind() == "window">{t!(i18n, timing_window)}</option>
                    </select>
                </label>
                <Show when=move || kind() != "free">
                    <label class="field"><span>{move || if kind() == "pinned" { t_string!(i18n, timing_at) } else { t_string!(i18n, timing_earliest) }}</span>
                        <input type="time" name="stop-time-1" prop:value=first_time
                            on:change=move |ev| if let Some(v) = parse_clock(&event_target_value(&ev)) { set_first_time(v) } />
                    </label>
                </Show>
                <Show when=move || kind() == "window">
                    <label class="field"><span>{t!(i18n, timing_latest)}</span>
                        <input type="time" name="stop-time-2" prop:value=latest_time
                            on:change=move |ev| if let Some(v) = parse_clock(&event_target_value(&ev)) { set_latest(v) } />
                    </label>
                </Show>
                <StopAppointment row edit />
                <label class="field stop-note"><span>{t!(i18n, tour_stop_note)}</span>
                    <input type="text" name="stop-note" prop:value=move || row.with(|r| r.note.clone())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            edit.apply_stop(sid, |s| s.note = v.trim().to_string());
                        } />
                </label>
            </div>
        </li>
    }
}
