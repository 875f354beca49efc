//! During a showing: the agent's 1-5 impression, and a quick note that
//! lands on the home (its notes, a feature, a renovation) without retyping.
use crate::components::day_state::Day;
use crate::domain::model::Id;
use crate::domain::tour_day::quick_note::{land, Landing};
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;

#[component]
pub fn QuickNote(day: Day, stop: Id) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let impression = move || {
        day.tour.with(|t| {
            t.as_ref()
                .and_then(|t| t.stops.iter().find(|s| s.id == stop))
                .and_then(|s| s.impression)
        })
    };
    let home = day.tour.with_untracked(|t| {
        t.as_ref()?
            .stops
            .iter()
            .find(|s| s.id == stop)
            .map(|s| s.property)
    });
    let text = RwSignal::new(String::new());
    let said = RwSignal::new(None::<String>);
    let put = move |landing: Landing| {
        let Some(home) = home else { return };
        let note = text.get_untracked();
        let category = t_string!(i18n, day_feature_category).to_string();
        let mut landed = false;
        state.update_property(home, |p| landed = land(p, &note, landing, &category));
        said.set(Some(if landed {
            text.set(String::new());
            match landing {
                Landing::Notes => t_string!(i18n, day_note_added),
                Landing::Feature => t_string!(i18n, day_feature_added),
                Landing::Renovation => t_string!(i18n, day_renovation_added),
            }
            .to_string()
        } else {
            t_string!(i18n, day_note_nothing).to_string()
        }));
    };
    view! {
        <div class="quick-note" data-testid="quick-note">
            <fieldset class="stars">
                <legend>{t!(i18n, day_impression)}</legend>
                {(1..=5u8).map(|n| view! {
                    <button type="button" class="star" aria-pressed=move || (impression() == Some(n)).to_string()
                        aria-label=move || t_string!(i18n, day_impression_n, stars = n)
                        class:on=move || impression().is_some_and(|i| i >= n)
                        on:click=move |_| day.record(stop, |s| s.impression = (s.impression != Some(n)).then_some(n))>"★"</button>
                }).collect_view()}
            </fieldset>
            <label class="field"><span>{t!(i18n, day_quick_note)}</span>
                <textarea rows="2" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </label>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| put(Landing::Notes)>{t!(i18n, day_add_note)}</button>
                <button type="button" class="secondary" on:click=move |_| put(Landing::Feature)>{t!(i18n, day_add_feature)}</button>
                <button type="button" class="secondary" on:click=move |_| put(Landing::Renovation)>{t!(i18n, day_add_renovation)}</button>
            </div>
            <p class="message" role="status">{move || said.get()}</p>
        </div>
    }
}
