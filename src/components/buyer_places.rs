//! A buyer's important places (work, school, family) and the longest drive
//! to each they accept, kept as they are typed.
use crate::domain::coords::parse_coords;
use crate::domain::model::{Id, ImportantPlace};
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use leptos::prelude::*;

/// A change to the buyer's places.
type Change = Box<dyn FnOnce(&mut Vec<ImportantPlace>)>;

/// Most minutes a limit may be.
const MAX_LIMIT: u16 = 300;

/// A place from what was typed: a name, a position, and a limit (empty for
/// none); `None` when any of it does not read.
fn read_place(name: &str, at: &str, max: &str) -> Option<ImportantPlace> {
    let name = name.trim();
    let coords = parse_coords(at)?;
    let max_minutes = match max.trim() {
        "" => None,
        m => Some(
            m.parse::<u16>()
                .ok()
                .filter(|m| (1..=MAX_LIMIT).contains(m))?,
        ),
    };
    (!name.is_empty()).then(|| ImportantPlace {
        name: name.to_string(),
        coords: Some(coords),
        max_minutes,
    })
}

fn where_text(p: &ImportantPlace) -> String {
    p.coords
        .map(|c| format!("{}, {}", c.lat, c.lon))
        .unwrap_or_default()
}

#[component]
pub fn BuyerPlaces(buyer: Id) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let places = Memo::new(move |_| {
        state.doc.with(|d| {
            d.buyers
                .iter()
                .find(|b| b.id == buyer)
                .map(|b| b.places.clone())
                .unwrap_or_default()
        })
    });
    let problem = RwSignal::new(false);
    let change = move |f: Change| {
        state.update(|d| {
            if let Some(b) = d.buyers.iter_mut().find(|b| b.id == buyer) {
                f(&mut b.places);
                b.stamp.updated = chrono::Utc::now();
            }
        });
    };
    let (name, at, max) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let add = move |_| match read_place(
        &name.get_untracked(),
        &at.get_untracked(),
        &max.get_untracked(),
    ) {
        Some(place) => {
            problem.set(false);
            change(Box::new(move |all| all.push(place)));
            for s in [name, at, max] {
                s.set(String::new());
            }
        }
        None => problem.set(true),
    };
    // A row edited in place: kept when it reads, else the problem is said.
    let edit_row = move |k: usize, field: usize, value: String| {
        let Some(old) = places.with_untracked(|p| p.get(k).cloned()) else {
            return;
        };
        let max_text = old.max_minutes.map(|m| m.to_string()).unwrap_or_default();
        let (n, w, m) = match field {
            0 => (value, where_text(&old), max_text),
            1 => (old.name.clone(), value, max_text),
            _ => (old.name.clone(), where_text(&old), value),
        };
        match read_place(&n, &w, &m) {
            Some(place) => {
                problem.set(false);
                change(Box::new(move |all| {
                    if let Some(slot) = all.get_mut(k) {
                        *slot = place;
                    }
                }));
            }
            None => problem.set(true),
        }
    };
    let rows = move || {
        places.get().into_iter().enumerate().map(|(k, p)| {
            let remove_label = t_string!(i18n, place_remove, name = p.name.clone()).to_string();
            view! {
                <li class="place-row" data-testid="buyer-place">
                    <label class="field"><span>{t!(i18n, place_name)}</span>
                        <input type="text" prop:value=p.name.clone() on:change=move |ev| edit_row(k, 0, event_target_value(&ev)) /></label>
                    <label class="field"><span>{t!(i18n, place_where)}</span>
                        <input type="text" prop:value=where_text(&p) on:change=move |ev| edit_row(k, 1, event_target_value(&ev)) /></label>
                    <label class="field narrow"><span>{t!(i18n, place_max)}</span>
                        <input type="number" min="1" max="300" inputmode="numeric" prop:value=p.max_minutes.map(|m| m.to_string()).unwrap_or_default()
                            on:change=move |ev| edit_row(k, 2, event_target_value(&ev)) /></label>
                    <button type="button" class="danger" aria-label=remove_label
                        on:click=move |_| change(Box::new(move |all| { if k < all.len() { all.remove(k); } }))>"×"</button>
                </li>
            }
        }).collect_view()
    };
    view! {
        <section class="card buyer-places" data-testid="buyer-places">
            <h2>{t!(i18n, places_title)}</h2>
            <p class="muted">{t!(i18n, places_intro)}</p>
            <ul class="place-list">{rows}</ul>
            <div class="place-row add-place">
                <label class="field"><span>{t!(i18n, place_name)}</span>
                    <input type="text" name="place-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) /></label>
                <label class="field"><span>{t!(i18n, place_where)}</span>
                    <input type="text" name="place-where" prop:value=move || at.get() on:input=move |ev| at.set(event_target_value(&ev)) /></label>
                <label class="field narrow"><span>{t!(i18n, place_max)}</span>
                    <input type="number" name="place-max" min="1" max="300" inputmode="numeric" prop:value=move || max.get() on:input=move |ev| max.set(event_target_value(&ev)) /></label>
                <button type="button" class="secondary" on:click=add>{t!(i18n, place_add)}</button>
            </div>
            <Show when=move || problem.get()>
                <p class="message message-error" role="alert">{t!(i18n, place_problem)}</p>
            </Show>
        </section>
    }
}
