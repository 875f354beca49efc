//! The planner for one tour: settings, stops, optimise, map.
use crate::components::locate_button::LocateButton;
use crate::components::place_search::PlaceSearch;
use crate::components::road_times::RoadTimes;
use crate::components::undo_toast::{use_undo, Undo};
use crate::components::{OptimiseButton, ShareTour, TourMap, TourStops};
use crate::domain::coords::parse_coords;
use crate::domain::model::{Id, LatLon, Record, Stop, Tour};
use crate::domain::tour_day::day::has_begun;
use crate::domain::tour_plan::{clock_of, parse_clock, places, plan, reorder, DistanceUnit};
use crate::format::time_of_day;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::{use_document, DocState};
use chrono::{NaiveDate, Utc};
use leptos::prelude::*;

/// Changes the tour `id` and marks it updated; the shared way every part of
/// the planner edits a tour.
#[derive(Clone, Copy)]
pub struct TourEdit {
    pub id: Id,
    state: DocState,
    undo: Undo,
}

impl TourEdit {
    /// For the tour `id`; call while building a component (reads context).
    pub fn new(id: Id) -> Self {
        TourEdit {
            id,
            state: use_document(),
            undo: use_undo(),
        }
    }

    pub fn apply(self, f: impl FnOnce(&mut Tour)) {
        self.state.update(|d| {
            if let Some(t) = d.tours.iter_mut().find(|t| t.id == self.id) {
                f(t);
                t.touch(Utc::now());
            }
        });
    }

    /// Changes stop `stop` of the tour (nothing when it is gone).
    pub fn apply_stop(self, stop: Id, f: impl FnOnce(&mut Stop)) {
        self.apply(|t| {
            if let Some(s) = t.stops.iter_mut().find(|s| s.id == stop) {
                f(s);
            }
        });
    }

    /// The tour as saved, following the document.
    pub fn tour(self) -> Memo<Option<Tour>> {
        let state = self.state;
        Memo::new(move |_| {
            state
                .doc
                .with(|d| d.tours.iter().find(|t| t.id == self.id).cloned())
        })
    }

    /// Changes the order of stops with `f`, and offers to put it back.
    pub fn reorder_with_undo(self, message: String, f: impl FnOnce(&mut Tour)) {
        let mut before = vec![];
        self.apply(|t| {
            before = t.stops.iter().map(|s| s.id).collect::<Vec<_>>();
            f(t);
        });
        self.undo
            .offer(message, move || self.apply(|t| reorder(t, &before)));
    }
}

#[component]
pub fn TourEditor(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let edit = TourEdit::new(id);
    let tour = edit.tour();
    let schedule = Memo::new(move |_| {
        tour.with(|t| {
            t.as_ref()
                .map(|t| state.doc.with(|d| plan(t, &d.properties)))
        })
    });
    let start_place_problem = RwSignal::new(false);
    let selected = crate::components::tour_map::SelectedStop(RwSignal::new(None));
    provide_context(selected);
    let end_place_problem = RwSignal::new(false);

    let text =
        move |f: fn(&Tour) -> String| move || tour.with(|t| t.as_ref().map(f).unwrap_or_default());

    let buyers = move || state.doc.with(|d| d.buyer_names());
    let addable = move || {
        state.doc.with(|d| {
            tour.with(|t| {
                let taken: Vec<Id> = t
                    .as_ref()
                    .map(|t| t.stops.iter().map(|s| s.property).collect())
                    .unwrap_or_default();
                // Sold and withdrawn homes cannot be shown to a buyer.
                d.properties
                    .iter()
                    .filter(|p| !taken.contains(&p.id) && crate::domain::matching::on_market(p))
                    .map(|p| (p.id, p.address.clone()))
                    .collect::<Vec<_>>()
            })
        })
    };
    let chosen = RwSignal::new(String::new());
    let add_stop = move |_| {
        let Ok(pid) = uuid::Uuid::parse_str(&chosen.get_untracked()) else {
            return;
        };
        edit.apply(|t| t.stops.push(Stop::at(pid)));
        chosen.set(String::new());
    };

    let set_place = move |end: bool, value: String| {
        let coords = parse_coords(&value);
        let problem = !value.trim().is_empty() && coords.is_none();
        if end {
            end_place_problem.set(problem)
        } else {
            start_place_problem.set(problem)
        }
        if problem {
            return;
        }
        edit.apply(|t| {
            if end {
                t.set_end_coords(coords);
            } else {
                t.start.coords = coords;
            }
        });
    };

    // Speeds in the unit the language reads distances in (mph in English).
    let speed_unit = move || DistanceUnit::for_locale(i18n.get_locale().as_str());
    let exists = move || tour.with(Option::is_some);
    // Up to four of the tour's homes side by side, for its buyer.
    let compare_href = move || {
        tour.with(|t| {
            let t = t.as_ref()?;
            crate::domain::compare::path(t.stops.iter().map(|s| s.property), t.buyer)
        })
        .map(|p| crate::paths::href(&p))
    };
    view! {
        <Show when=exists fallback=move || view! { <p class="message message-error" role="alert">{t!(i18n, tour_not_found)}</p> }>
            <section class="record-form tour-planner" data-testid="tour-planner">
                <h2>{t!(i18n, tour_settings)}</h2>
                <p class="actions">
                    {move || compare_href().map(|href| view! { <a class="button secondary" href=href>{t!(i18n, compare_stops)}</a> })}
                    <a class="button" href=crate::paths::href(&format!("/day/{}", edit.id))>
                        {move || if tour.with(|t| t.as_ref().is_some_and(has_begun)) { t_string!(i18n, day_continue) } else { t_string!(i18n, day_start) }}
                    </a>
                </p>
                <div class="grid-2">
                    <label class="field"><span>{t!(i18n, tour_name)}</span>
                        <input type="text" name="tour-name" prop:value=text(|t| t.name.clone())
                            on:change=move |ev| { let v = event_target_value(&ev); edit.apply(|t| t.name = v.trim().to_string()) } />
                    </label>
                    <label class="field"><span>{t!(i18n, tour_buyer)}</span>
                        <select name="tour-buyer" on:change=move |ev| { let v = uuid::Uuid::parse_str(&event_target_value(&ev)).ok(); edit.apply(|t| t.buyer = v) }>
                            <option value="">{t!(i18n, tour_no_buyer)}</option>
                            {move || buyers().into_iter().map(|(bid, name)| {
                                let selected = move || tour.with(|t| t.as_ref().and_then(|t| t.buyer) == Some(bid));
                                view! { <option value=bid.to_string() selected=selected>{name}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="field"><span>{t!(i18n, tour_date)}</span>
                        <input type="date" name="tour-date" prop:value=text(|t| t.date.map(|d| d.to_string()).unwrap_or_default())
                            on:change=move |ev| { let v = event_target_value(&ev).parse::<NaiveDate>().ok(); edit.apply(|t| t.date = v) } />
                    </label>
                    <label class="field"><span>{t!(i18n, tour_start_time)}</span>
                        <input type="time" name="tour-start-time" prop:value=text(|t| clock_of(t.start_time))
                            on:change=move |ev| { let v = parse_clock(&event_target_value(&ev)); edit.apply(|t| t.start_time = v) } />
                    </label>
                    <label class="field"><span>{t!(i18n, tour_start_label)}</span>
                        <input type="text" name="tour-start-label" prop:value=text(|t| t.start.label.clone())
                            on:change=move |ev| { let v = event_target_value(&ev); edit.apply(|t| t.start.label = v.trim().to_string()) } />
                    </label>
                    <label class="field"><span>{t!(i18n, tour_start_coords)}</span>
                        <input type="text" name="tour-start-coords" inputmode="text" aria-invalid=move || start_place_problem.get().to_string()
                            prop:value=text(|t| t.start.coords.map(|c| format!("{}, {}", c.lat, c.lon)).unwrap_or_default())
                            on:change=move |ev| set_place(false, event_target_value(&ev)) />
                        <Show when=move || start_place_problem.get()>
                            <span class="field-error" role="alert">{t!(i18n, problem_no_coordinates)}</span>
                        </Show>
                    </label>
                    <LocateButton found=move |at: LatLon| {
                        start_place_problem.set(false);
                        edit.apply(|t| t.start.coords = Some(at));
                    } />
                    <PlaceSearch start=Signal::derive(text(|t| t.start.label.clone())) found=move |at: LatLon| {
                        start_place_problem.set(false);
                        edit.apply(|t| t.start.coords = Some(at));
                    } />
                    <label class="field"><span>{t!(i18n, tour_end_coords)}</span>
                        <input type="text" name="tour-end-coords" aria-invalid=move || end_place_problem.get().to_string()
                            prop:value=text(|t| t.end.as_ref().and_then(|e| e.coords).map(|c| format!("{}, {}", c.lat, c.lon)).unwrap_or_default())
                            on:change=move |ev| set_place(true, event_target_value(&ev)) />
                        <Show when=move || end_place_problem.get()>
                            <span class="field-error" role="alert">{t!(i18n, problem_no_coordinates)}</span>
                        </Show>
                    </label>
                    <label class="field"><span>{t!(i18n, tour_latest_end)}</span>
                        <input type="time" name="tour-latest-end" prop:value=text(|t| clock_of(t.latest_end))
                            on:change=move |ev| { let v = parse_clock(&event_target_value(&ev)); edit.apply(|t| t.latest_end = v) } />
                    </label>
                    <label class="field"><span>{t!(i18n, tour_default_duration)}</span>
                        <input type="number" name="tour-duration" min="5" max="240" inputmode="numeric" prop:value=text(|t| t.default_duration_min.to_string())
                            on:change=move |ev| { if let Ok(v) = event_target_value(&ev).parse::<u16>() { edit.apply(|t| t.default_duration_min = v.clamp(1, 600)) } } />
                    </label>
                    <label class="field"><span>{t!(i18n, tour_buffer)}</span>
                        <input type="number" name="tour-buffer" min="0" max="120" inputmode="numeric" prop:value=text(|t| t.buffer_min.to_string())
                            on:change=move |ev| { if let Ok(v) = event_target_value(&ev).parse::<u16>() { edit.apply(|t| t.buffer_min = v.min(600)) } } />
                    </label>
                    <label class="field"><span>{move || if speed_unit() == DistanceUnit::Miles { t_string!(i18n, tour_speed_mph) } else { t_string!(i18n, tour_speed) }}</span>
                        <input type="number" name="tour-speed" min="3" max="120" step="any" inputmode="decimal"
                            prop:value=move || tour.with(|t| t.as_ref().map(|t| speed_unit().speed(t.speed_kmh.unwrap_or(30.0)).to_string()).unwrap_or_default())
                            on:change=move |ev| {
                                let unit = speed_unit();
                                let v = event_target_value(&ev).parse::<f64>().ok().filter(|s| *s > 0.0).map(|s| unit.speed_to_kmh(s));
                                edit.apply(|t| t.speed_kmh = v)
                            } />
                    </label>
                    <label class="field"><span>{t!(i18n, tour_circuity)}</span>
                        <input type="number" name="tour-circuity" min="1" max="3" step="0.1" inputmode="decimal" prop:value=text(|t| t.circuity.map(|s| s.to_string()).unwrap_or_else(|| "1.3".into()))
                            on:change=move |ev| { let v = event_target_value(&ev).parse::<f64>().ok().filter(|c| *c >= 1.0); edit.apply(|t| t.circuity = v) } />
                    </label>
                </div>

                <RoadTimes edit=edit tour=tour />
                <h2>{t!(i18n, tour_stops_title)}</h2>
                <div class="actions add-stop">
                    <label class="field"><span>{t!(i18n, tour_add_stop_label)}</span>
                        <select name="add-stop" prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                            <option value="">{t!(i18n, tour_choose_home)}</option>
                            {move || addable().into_iter().map(|(pid, address)| view! { <option value=pid.to_string()>{address}</option> }).collect_view()}
                        </select>
                    </label>
                    <button type="button" on:click=add_stop disabled=move || chosen.get().is_empty()>{t!(i18n, tour_add_stop)}</button>
                </div>
                <OptimiseButton edit=edit tour=tour/>
                <p class="summary" data-testid="tour-summary">
                    {move || schedule.get().map(|s| { let l = i18n.get_locale(); t_string!(i18n, tour_summary, start = time_of_day(l.as_str(), s.start), finish = time_of_day(l.as_str(), s.finish), travel = s.travel).to_string() })}
                </p>
                <Show when=move || schedule.with(|s| s.as_ref().is_some_and(|s| s.overrun > 0))>
                    <p class="warning" role="alert" data-testid="overrun">
                        {move || t_string!(i18n, warning_overrun, minutes = schedule.with(|s| s.as_ref().map_or(0, |s| s.overrun))).to_string()}
                    </p>
                </Show>
                <TourStops edit=edit tour=tour schedule=schedule />
                <TourMap file=crate::storage::map_file()
                    selected=Signal::derive(move || {
                        let id = selected.0.get()?;
                        tour.with(|t| t.as_ref()?.stops.iter().position(|s| s.id == id).map(|i| i + 1))
                    })
                    places=Signal::derive(move || tour.with(|t| t.as_ref().map(|t| state.doc.with(|d| places(t, &d.properties))).unwrap_or_default()))
                    has_end=Signal::derive(move || tour.with(|t| t.as_ref().is_some_and(|t| t.end_place().is_some())))
                    place_start=Callback::new(move |at: LatLon| {
                        start_place_problem.set(false);
                        edit.apply(|t| t.start.coords = Some(at));
                    })
                />
                <ShareTour tour=tour />
            </section>
        </Show>
    }
}
