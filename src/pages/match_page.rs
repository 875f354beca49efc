use crate::components::commute_road_times::CommuteRoadTimes;
use crate::components::compare_choice::{Chosen, CompareBox, CompareChosen};
use crate::components::labels::property_type;
use crate::components::{reason_text, tour_label, MatchTourChoice};
use crate::domain::match_tours::{default_tour, toggle_home, tours_with};
use crate::domain::matching::{on_market, rank, Reason};
use crate::domain::model::Id;
use crate::format::amount;
use crate::i18n::{t, t_string, use_i18n};
use crate::paths::href;
use crate::router::A;
use crate::router::{use_navigate, use_query_map};
use crate::state::use_document;
use chrono::Utc;
use leptos::prelude::*;

/// How many ranked homes show at first, and per "show more". Deal-breakers
/// rank last, so they appear when the list is shown in full.
const PAGE: usize = 50;

/// Choose a buyer; every home is ranked for them with its reasons, and the
/// best can go into a tour draft.
#[component]
pub fn MatchPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let query = use_query_map();
    let navigate = use_navigate();
    let buyer_id = Memo::new(move |_| {
        query
            .read()
            .get("buyer")
            .and_then(|s| uuid::Uuid::parse_str(&s).ok())
    });
    let buyers = move || state.doc.with(|d| d.buyer_names());
    let choose = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        navigate(&format!("/match?buyer={v}"));
    };
    // The tour "Add to tour" adds to: chosen on the page, at first the
    // buyer's newest draft or their soonest tour; `None` is a new draft.
    let today = chrono::Local::now().date_naive();
    let target = RwSignal::new(None::<Id>);
    Effect::new(move |_| {
        let chosen = buyer_id.get().and_then(|b| {
            state
                .doc
                .with_untracked(|d| default_tour(&d.tours, b, today))
        });
        target.set(chosen);
    });
    let in_target = move |pid: Id| {
        target.get().is_some_and(|tid| {
            state.doc.with(|d| {
                d.tours
                    .iter()
                    .any(|t| t.id == tid && t.stop_of(pid).is_some())
            })
        })
    };
    // The buyer's tours to come that already have the home, named.
    let in_tours = move |pid: Id| {
        let locale = i18n.get_locale().as_str();
        let bid = buyer_id.get()?;
        let names: Vec<String> = state.doc.with(|d| {
            tours_with(&d.tours, bid, pid, today)
                .into_iter()
                .map(|t| tour_label(locale, &t.name, t.date))
                .collect()
        });
        (!names.is_empty()).then(|| names.join(", "))
    };
    let toggle = move |pid: Id| {
        let Some(bid) = buyer_id.get_untracked() else {
            return;
        };
        let name = state
            .doc
            .with_untracked(|d| {
                d.buyers
                    .iter()
                    .find(|b| b.id == bid)
                    .map(|b| b.name.clone())
            })
            .unwrap_or_default();
        let draft_name = t_string!(i18n, tour_draft_name, name = name).to_string();
        let chosen = target.get_untracked();
        let mut tour = chosen;
        state.update(|d| {
            tour = Some(toggle_home(
                &mut d.tours,
                chosen,
                bid,
                pid,
                &draft_name,
                Utc::now(),
            ));
        });
        // A draft just made is the choice from now on.
        if tour != chosen {
            target.set(tour);
        }
    };
    // How many homes the chosen tour has, named as a draft or by its name.
    let chosen_size = move || {
        let tid = target.get()?;
        state.doc.with(|d| {
            d.tours
                .iter()
                .find(|t| t.id == tid)
                .map(|t| (t.name.clone(), t.date, t.stops.len()))
        })
    };
    let draft_size = move || chosen_size().map_or(0, |(_, _, n)| n);
    let dated = move || chosen_size().is_some_and(|(_, date, _)| date.is_some());
    let limit = RwSignal::new(PAGE);
    // Homes ticked to compare; another buyer starts afresh.
    let chosen: Chosen = RwSignal::new(Vec::new());
    Effect::new(move |_| {
        buyer_id.track();
        limit.set(PAGE);
        chosen.set(Vec::new());
    });
    // Sold and withdrawn homes are left out unless the agent asks for them.
    let off_market = RwSignal::new(false);
    let off_market_count = move || {
        state
            .doc
            .with(|d| d.properties.iter().filter(|p| !on_market(p)).count())
    };
    let offer_off_market = move || buyer_id.get().is_some() && off_market_count() != 0;
    let total = move || {
        let all = state.doc.with(|d| d.properties.len());
        if off_market.get() {
            all
        } else {
            all - off_market_count()
        }
    };
    let more = move || buyer_id.get().is_some() && limit.get() < total();
    let ranked = move || {
        let locale = i18n.get_locale().as_str();
        let bid = buyer_id.get()?;
        state.doc.with(|d| {
            let buyer = d.buyers.iter().find(|b| b.id == bid)?;
            Some(
                rank(buyer, &d.properties, off_market.get())
                    .into_iter()
                    .take(limit.get())
                    .map(|(p, m)| {
                        (
                            p.id,
                            p.address.clone(),
                            property_type(p.property_type),
                            amount(locale, p.list_price),
                            m,
                        )
                    })
                    .collect::<Vec<_>>(),
            )
        })
    };
    view! {
        <section class="page-section" data-testid="match-page">
            <h1>{t!(i18n, match_title)}</h1>
            <p class="intro">{t!(i18n, match_intro)}</p>
            <Show when=move || !buyers().is_empty() fallback=move || view! { <p class="empty">{t!(i18n, match_no_buyers)}</p> }>
                <label class="field narrow">
                    <span>{t!(i18n, match_buyer)}</span>
                    <select on:change=choose.clone() prop:value=move || buyer_id.get().map(|b| b.to_string()).unwrap_or_default()>
                        <option value="">{t!(i18n, match_choose)}</option>
                        {move || buyers().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                    </select>
                </label>
            </Show>
            <Show when=offer_off_market>
                <label class="check">
                    <input type="checkbox" data-testid="show-off-market" prop:checked=move || off_market.get()
                        on:change=move |ev| off_market.set(event_target_checked(&ev)) />
                    {t!(i18n, match_show_off_market, count = off_market_count)}
                </label>
            </Show>
            <CommuteRoadTimes buyer=buyer_id />
            <Show when=move || buyer_id.get().is_some()>
                <MatchTourChoice buyer=buyer_id target=target today=today />
                <p class="count" data-testid="tour-draft">
                    {move || if dated() {
                        let (name, _, count) = chosen_size().unwrap_or_default();
                        t!(i18n, match_tour_stops, tour = name, count = count).into_any()
                    } else {
                        t_count!(i18n, match_tour_draft, draft_size).into_any()
                    }}
                </p>
            </Show>
            <ol class="match-list" data-testid="match-list">
                {move || ranked().map(|rows| rows.into_iter().map(|(pid, address, kind, price, m)| {
                    let score = m.score;
                    let breaker = m.deal_breaker.is_some();
                    let gone = m.reasons.iter().any(|r| matches!(r, Reason::OffMarket(_)));
                    let compare_label = address.clone();
                    view! {
                        <li class="match" class:deal-breaker=breaker class:off-market=gone>
                            <span class="score" aria-label=move || t_string!(i18n, match_score, score = score).to_string()>{score}</span>
                            <div class="match-body">
                                <A href=href(&format!("/properties/{pid}"))><span class="primary">{address}</span></A>
                                <span class="muted">{kind}" · "{price}</span>
                                {move || in_tours(pid).map(|tours| view! {
                                    <span class="in-tours" data-testid="in-tours">{t!(i18n, match_in_tours, tours = tours)}</span>
                                })}
                                <ul class="reasons">{m.reasons.into_iter().map(|r| view! { <li>{reason_text(r)}</li> }).collect_view()}</ul>
                            </div>
                            <div class="match-actions">
                                // A sold or withdrawn home cannot be shown: no tour button.
                                {(!gone).then(|| view! {
                                    <button type="button" class="secondary" aria-pressed=move || in_target(pid).to_string() on:click=move |_| toggle(pid)>
                                        {move || if in_target(pid) { t!(i18n, match_in_tour).into_any() } else { t!(i18n, match_add_tour).into_any() }}
                                    </button>
                                })}
                                <CompareBox chosen home=pid address=compare_label />
                            </div>
                        </li>
                    }
                }).collect_view())}
            </ol>
            <CompareChosen chosen buyer=buyer_id />
            <Show when=more>
                <button type="button" class="secondary" on:click=move |_| limit.update(|l| *l += PAGE)>
                    {t!(i18n, show_more, count = move || PAGE.min(total().saturating_sub(limit.get())))}
                </button>
            </Show>
        </section>
    }
}
