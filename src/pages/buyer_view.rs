//! What a buyer sees from a share link: the itinerary, the map, a card per
//! home with directions, and ratings that go back to the agent as a reply
//! link. Read-only: the agent's saved data is never read or written here.
use crate::browser;
use crate::components::labels::{note_category, property_type};
use crate::components::map_keep::MapKeep;
use crate::components::{QrCodeImage, TourMap};
use crate::domain::links::contact_href;
use crate::domain::model::{LatLon, Verdict};
use crate::domain::share::{
    decode_itinerary, encode_reply, Itinerary, Reaction, Reply, ReplyDraft, ShareError,
};
use crate::domain::tour_plan::{apple_directions, google_directions};
use crate::format::amount;
use crate::format::{day, time_of_day};
use crate::i18n::{t, t_string, use_i18n};
use crate::paths::href;
use crate::storage;
use chrono::Utc;
use leptos::prelude::*;

/// The words for a link that cannot be opened.
pub fn share_error_text(e: ShareError) -> String {
    let i18n = use_i18n();
    match e {
        ShareError::Empty => t_string!(i18n, link_empty).to_string(),
        ShareError::Newer(_) => t_string!(i18n, link_newer).to_string(),
        ShareError::TooLong | ShareError::TooLarge => t_string!(i18n, link_too_large).to_string(),
        ShareError::NotALink
        | ShareError::Garbled
        | ShareError::Damaged
        | ShareError::WrongContent => t_string!(i18n, link_damaged).to_string(),
    }
}

fn coords(c: Option<[f64; 2]>) -> Option<LatLon> {
    c.map(|[lat, lon]| LatLon { lat, lon })
}

/// The URL fragment, kept current when another link is opened in the same tab.
pub fn use_hash() -> ReadSignal<String> {
    let (hash, set_hash) = signal(browser::location_hash());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_hash.set(browser::location_hash())
    });
    on_cleanup(move || handle.remove());
    hash
}

#[component]
pub fn BuyerViewPage() -> impl IntoView {
    let hash = use_hash();
    move || view! { <BuyerView fragment=hash.get() /> }
}

#[component]
fn BuyerView(fragment: String) -> impl IntoView {
    let i18n = use_i18n();
    let decoded = decode_itinerary(&fragment);
    match decoded {
        Ok(it) => view! { <ItineraryView it=it fragment=fragment /> }.into_any(),
        Err(ShareError::Empty) => view! { <KeptItineraries /> }.into_any(),
        Err(e) => view! {
            <section class="page-section" data-testid="buyer-view">
                <h1>{t!(i18n, view_title)}</h1>
                <p class="message message-error" role="alert" data-testid="link-error">{share_error_text(e)}</p>
            </section>
        }
        .into_any(),
    }
}

/// Itineraries kept on this device, when the view opens without a link.
#[component]
fn KeptItineraries() -> impl IntoView {
    let i18n = use_i18n();
    let kept: Vec<(String, Itinerary)> = storage::kept_itineraries()
        .into_iter()
        .filter_map(|f| decode_itinerary(&f).ok().map(|it| (f, it)))
        .collect();
    let empty = kept.is_empty();
    view! {
        <section class="page-section" data-testid="buyer-view">
            <h1>{t!(i18n, view_title)}</h1>
            {empty.then(|| view! { <p class="empty">{t!(i18n, link_empty)}</p> })}
            <ul class="record-list">
                {kept.into_iter().map(|(f, it)| {
                    let label = format!("{} {}", it.name, it.date.map(|d| d.to_string()).unwrap_or_default());
                    view! { <li><a href=format!("{}#{f}", href("/view")) rel="external">{label}</a></li> }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The itinerary a link carries, with the buyer's ratings.
#[component]
fn ItineraryView(it: Itinerary, fragment: String) -> impl IntoView {
    let i18n = use_i18n();
    // Prices in the agent's currency, which the link carries (links made
    // before it did show plain numbers).
    provide_context(crate::format::Currency(RwSignal::new(it.currency.clone())));
    let locale = move || i18n.get_locale().as_str();
    // What the buyer said so far is kept on the phone with the itinerary
    // until it is sent: a reload or a discarded tab loses nothing.
    let kept_draft =
        storage::load_reply_draft(&it.tour).and_then(|text| ReplyDraft::from_text(&text));
    let draft_kept = RwSignal::new(kept_draft.as_ref().map(|_| true));
    let kept_draft = kept_draft.unwrap_or_default();
    let person = RwSignal::new(kept_draft.person.clone());
    let named_as = StoredValue::new(kept_draft.person);
    let reactions = RwSignal::new(kept_draft.reactions);
    let draft_tour = it.tour.clone();
    Effect::new(move |first: Option<()>| {
        let draft = ReplyDraft {
            person: person.get(),
            reactions: reactions.get(),
        };
        if first.is_some() {
            draft_kept.set(Some(
                storage::save_reply_draft(&draft_tour, &draft.to_text()).is_ok(),
            ));
        }
    });
    // A name corrected after rating takes its ratings along.
    let rename = move |to: String| {
        let from = named_as.get_value();
        reactions.update(|all| {
            let mut draft = ReplyDraft {
                person: to.clone(),
                reactions: std::mem::take(all),
            };
            draft.rename(&from, &to);
            *all = draft.reactions;
        });
        named_as.set_value(to);
    };
    let reply_link = RwSignal::new(None::<String>);
    let kept = RwSignal::new(None::<bool>);
    let tour_id = it.tour.clone();

    let places: Vec<Option<LatLon>> = std::iter::once(coords(it.start.coords))
        .chain(it.stops.iter().map(|s| coords(s.coords)))
        .chain(it.end.iter().map(|e| coords(e.coords)))
        .collect();
    let has_end = it.end.is_some();
    // The agent's street map, when the link names one (a file this copy's
    // policy blocks fails like an unreachable one: the plain map shows).
    let map_file = crate::domain::map_file::map_address(&it.map, &browser::base_uri())
        .ok()
        .flatten();
    let left_out: Vec<usize> = it
        .stops
        .iter()
        .enumerate()
        .filter(|(_, s)| s.skipped)
        .map(|(i, _)| i + 1)
        .collect();
    let keep = move |_| {
        kept.set(Some(storage::keep_itinerary(&fragment).is_ok()));
        // Only a buyer who keeps the itinerary is asked to keep storage
        // (some browsers turn that into a prompt).
        storage::request_persistence();
    };
    let send = move |_| {
        let reply = Reply {
            tour: tour_id.clone(),
            sent: Utc::now().timestamp_millis(),
            reactions: ReplyDraft {
                person: String::new(),
                reactions: reactions.get_untracked(),
            }
            .to_send(),
        };
        reply_link.set(Some(format!(
            "{}#{}",
            browser::absolute(&href("/reply")),
            encode_reply(&reply)
        )));
    };
    // Reads and changes the current person's reaction to one stop.
    let edit = move |stop: String, f: Box<dyn FnOnce(&mut Reaction)>| {
        let who = person.get_untracked().trim().to_string();
        reactions.update(|all| {
            let at = all
                .iter()
                .position(|r| r.stop == stop && r.person == who)
                .unwrap_or_else(|| {
                    all.push(Reaction {
                        stop: stop.clone(),
                        person: who.clone(),
                        rating: None,
                        verdict: None,
                        comment: String::new(),
                    });
                    all.len() - 1
                });
            f(&mut all[at]);
        });
        reply_link.set(None);
    };
    let mine = move |stop: &str| {
        let who = person.get().trim().to_string();
        reactions.with(|all| {
            all.iter()
                .find(|r| r.stop == stop && r.person == who)
                .cloned()
        })
    };
    let named = move || !person.with(|p| p.trim().is_empty());

    let mut prev = coords(it.start.coords);
    let cards = it.stops.iter().enumerate().map(|(i, s)| {
        // Directions run from the last place still on the way.
        let skipped = s.skipped;
        let here = coords(s.coords);
        let directions = prev.zip(here).filter(|_| !skipped);
        if !skipped {
            prev = here.or(prev);
        }
        let stop = s.id.clone();
        let (stop_a, stop_b, stop_c, stop_d, stop_e) = (stop.clone(), stop.clone(), stop.clone(), stop.clone(), stop.clone());
        let price = s.price;
        let (kind, beds, baths, floor_area, area_unit) = (s.kind, s.beds, s.baths, s.floor_area, s.area_unit);
        // In the buyer's language, numbers as it writes them ("1.720 pies²").
        let facts = move || {
            let number = |v: f64| crate::format::number(locale(), v);
            let unit = if area_unit == crate::domain::model::AreaUnit::SqM {
                t_string!(i18n, unit_sq_m)
            } else {
                t_string!(i18n, unit_sq_ft)
            };
            format!(
                "{} · {} · {}",
                property_type(kind),
                t_string!(i18n, view_beds_baths, beds = beds.map_or("–".into(), |b| b.to_string()), baths = baths.map_or("–".into(), |b| number(f64::from(b)))),
                floor_area.map(|a| format!("{} {unit}", number(f64::from(a)))).unwrap_or_default(),
            )
        };
        let reno = s.renovations;
        let times = s.times;
        view! {
            <article class="home-card" class:skipped=skipped data-testid="home-card">
                <h2><span class="stop-number">{i + 1}</span>" "{s.address.clone()}</h2>
                {if skipped {
                    view! { <p class="stop-times warning" role="note">{t!(i18n, view_skipped)}</p> }.into_any()
                } else {
                    view! { <p class="stop-times">{move || { let l = i18n.get_locale(); let c = |m| time_of_day(l.as_str(), m); t!(i18n, tour_times, arrive = c(times[0]), start = c(times[1]), end = c(times[2])) }}</p> }.into_any()
                }}
                <p><strong>{move || amount(locale(), price)}</strong>" · "{facts}</p>
                {(!s.features.is_empty()).then(|| view! {
                    <ul class="features">{s.features.iter().map(|f| view! { <li>{f.clone()}</li> }).collect_view()}</ul>
                })}
                {(!s.notes.is_empty()).then(|| view! {
                    <ul class="notes">{s.notes.iter().map(|n| view! {
                        <li><strong>{note_category(n.category)}</strong>" "{"★".repeat(usize::from(n.rating.min(5)))}" "{n.text.clone()}</li>
                    }).collect_view()}</ul>
                })}
                {reno.map(|[low, high]| view! {
                    <p>{move || t_string!(i18n, view_renovations, low = amount(locale(), Some(low)), high = amount(locale(), Some(high))).to_string()}</p>
                })}
                {directions.map(|(a, b)| view! {
                    <p class="actions no-print">
                        <a href=google_directions(a, b) target="_blank" rel="noopener noreferrer">{t!(i18n, tour_navigate_google)}</a>
                        <a href=apple_directions(a, b) target="_blank" rel="noopener noreferrer">{t!(i18n, tour_navigate_apple)}</a>
                    </p>
                })}
                <fieldset class="rating no-print" disabled=move || !named()>
                    <legend>{t!(i18n, view_your_rating)}</legend>
                    <div class="stars" role="radiogroup" aria-label=t_string!(i18n, view_stars).to_string()>
                        {(1..=5u8).map(|n| {
                            let stop = stop_a.clone();
                            let label = t_count!(i18n, view_star_n, move || n)();
                            view! {
                                <label class="star">
                                    <input type="radio" name=format!("stars-{stop}") value=n.to_string()
                                        prop:checked={let stop = stop.clone(); move || mine(&stop).and_then(|r| r.rating) == Some(n)}
                                        on:change={let stop = stop.clone(); move |_| edit(stop.clone(), Box::new(move |r| r.rating = Some(n)))} />
                                    <span aria-hidden="true">"★"</span>
                                    <span class="visually-hidden">{label}</span>
                                </label>
                            }
                        }).collect_view()}
                    </div>
                    <div class="verdicts">
                        {[(Verdict::SeeAgain, t_string!(i18n, verdict_see_again)), (Verdict::Maybe, t_string!(i18n, verdict_maybe)), (Verdict::No, t_string!(i18n, verdict_no))].into_iter().map(|(v, label)| {
                            let stop = stop_b.clone();
                            view! {
                                <label class="check">
                                    <input type="radio" name=format!("verdict-{stop}")
                                        prop:checked={let stop = stop.clone(); move || mine(&stop).and_then(|r| r.verdict) == Some(v)}
                                        on:change={let stop = stop.clone(); move |_| edit(stop.clone(), Box::new(move |r| r.verdict = Some(v)))} />
                                    <span>{label}</span>
                                </label>
                            }
                        }).collect_view()}
                    </div>
                    <label class="field"><span>{t!(i18n, view_comment)}</span>
                        <textarea name=format!("comment-{stop_c}") rows="2"
                            prop:value=move || mine(&stop_d).map(|r| r.comment).unwrap_or_default()
                            on:change=move |ev| { let v = event_target_value(&ev); edit(stop_e.clone(), Box::new(move |r| r.comment = v)) }></textarea>
                    </label>
                </fieldset>
            </article>
        }
    }).collect_view();

    let title = if it.name.is_empty() {
        t_string!(i18n, tour_untitled).to_string()
    } else {
        it.name.clone()
    };
    let locale = i18n.get_locale_untracked();
    let locale = locale.as_str();
    let date = it.date.map(|d| day(locale, d)).unwrap_or_default();
    let agent = format!("{} {}", it.agent, it.agent_contact)
        .trim()
        .to_string();
    let start = it
        .stops
        .iter()
        .find(|s| !s.skipped)
        .map(|s| time_of_day(locale, s.times[0]))
        .unwrap_or_default();
    let finish = time_of_day(locale, it.finish);
    view! {
        <section class="page-section buyer-view" data-testid="buyer-view">
            <h1>{title}</h1>
            <p class="summary">{date}" · "{start}"–"{finish}</p>
            {(!agent.is_empty()).then(|| {
                // The agent's phone or e-mail is one tap away.
                let contact = it.agent_contact.trim().to_string();
                let contact = match contact_href(&contact) {
                    Some(href) => view! { <a class="contact" href=href>{contact}</a> }.into_any(),
                    None => contact.into_any(),
                };
                view! { <p>{t!(i18n, view_agent)}" "{it.agent.trim().to_string()}" "{contact}</p> }
            })}
            <div class="actions no-print">
                <button type="button" on:click=keep data-testid="keep">{t!(i18n, view_keep)}</button>
                <button type="button" class="secondary" on:click=move |_| browser::print()>{t!(i18n, view_print)}</button>
            </div>
            <p class="message" role="status">{move || kept.get().map(|ok| if ok { t_string!(i18n, view_kept).to_string() } else { t_string!(i18n, view_not_kept).to_string() })}</p>
            <TourMap file=map_file.clone() places=places has_end=has_end left_out=left_out />
            {map_file.map(|url| view! {
                <div class="no-print"><MapKeep url=url limit=crate::domain::map_file::BUYER_KEEP_LIMIT as f64 /></div>
            })}
            <label class="field no-print"><span>{t!(i18n, view_person)}</span>
                <input type="text" name="person" autocomplete="given-name" prop:value=move || person.get()
                    on:input=move |ev| person.set(event_target_value(&ev))
                    on:change=move |ev| rename(event_target_value(&ev).trim().to_string()) />
            </label>
            <p class="muted no-print" role="status" data-testid="ratings-kept">{move || draft_kept.get().map(|ok| if ok {
                t_string!(i18n, view_ratings_kept).to_string()
            } else {
                t_string!(i18n, view_ratings_not_kept).to_string()
            })}</p>
            {cards}
            <div class="no-print send-feedback">
                <button type="button" on:click=send disabled=move || reactions.with(Vec::is_empty) data-testid="send-feedback">{t!(i18n, view_send)}</button>
                {move || reply_link.get().map(|link| {
                    let text = link.clone();
                    view! {
                        <p>{t!(i18n, view_reply_ready)}</p>
                        <label class="field"><span>{t!(i18n, share_link)}</span>
                            <input type="text" readonly data-testid="reply-link" prop:value=link.clone() />
                        </label>
                        <div class="actions">
                            <button type="button" on:click=move |_| { let t = text.clone(); leptos::task::spawn_local(async move { browser::copy_text(&t).await; }); }>{t!(i18n, share_copy)}</button>
                            {browser::can_share().then(|| { let l = link.clone(); view! {
                                <button type="button" class="secondary" on:click=move |_| { let l = l.clone(); leptos::task::spawn_local(async move { browser::share_link("Showplan", &l).await; }); }>{t!(i18n, share_share)}</button>
                            }})}
                        </div>
                        <QrCodeImage text=link label=t_string!(i18n, view_reply_qr).to_string() />
                    }
                })}
            </div>
        </section>
    }
}
