use crate::components::geocoder_setting::GeocoderSetting;
use crate::components::map_file_setting::MapFileSetting;
use crate::components::routing_engine_setting::RoutingEngineSetting;
use crate::components::{BackupButton, FullBackup, ImportBackup};
use crate::domain::sample::sample_document;
use crate::i18n::{t, use_i18n};
use crate::state::use_document;
use chrono::Utc;
use leptos::prelude::*;

/// Where the data lives, backups in and out, and the sample data.
#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let counts = move || state.doc.with(|d| d.counts());
    let sample_loaded = RwSignal::new(false);
    // The first visit's "Try Showplan with sample data" lands on the sample.
    if crate::router::use_location().hash.get_untracked() == "#sample-data" {
        crate::browser::reveal("#sample-data");
    }
    let load_sample = move |_| {
        state.merge_in(&sample_document(Utc::now()));
        // Saved before "Loaded" is said: leaving at once loses nothing.
        state.save_now();
        sample_loaded.set(true);
    };
    view! {
        <section class="page-section" data-testid="data-page">
            <h1>{t!(i18n, data_title)}</h1>
            <p class="intro">{t!(i18n, data_intro)}</p>
            <ul class="counts" data-testid="data-counts">
                <li>{t_count!(i18n, buyers_count, move || counts().buyers)}</li>
                <li>{t_count!(i18n, properties_count, move || counts().properties)}</li>
                <li>{t_count!(i18n, tours_count, move || counts().tours)}</li>
            </ul>
            <div class="card">
                <p data-testid="last-backup">
                    {move || match state.last_backup.get() {
                        None => t!(i18n, last_backup_never).into_any(),
                        Some(at) => {
                            let date = crate::format::moment(i18n.get_locale().as_str(), at);
                            t!(i18n, last_backup_at, date = move || date.clone()).into_any()
                        }
                    }}
                </p>
                <BackupButton />
                <FullBackup />
            </div>
            <CurrencySetting />
            <MarketDaysSetting />
            <RoutingEngineSetting />
            <MapFileSetting />
            <GeocoderSetting />
            <crate::components::sync_setting::SyncSetting />
            <ImportBackup />
            <section class="card" id="sample-data">
                <h2>{t!(i18n, sample_title)}</h2>
                <p>{t!(i18n, sample_body)}</p>
                <button type="button" data-testid="load-sample" on:click=load_sample>{t!(i18n, sample_load)}</button>
                <Show when=move || sample_loaded.get()>
                    <p class="message message-ok" role="status" data-testid="sample-loaded">{t!(i18n, sample_loaded)}</p>
                </Show>
            </section>
        </section>
    }
}

/// The currency prices are shown in, remembered on this device.
#[component]
fn CurrencySetting() -> impl IntoView {
    let i18n = use_i18n();
    let currency = use_context::<crate::format::Currency>();
    let chosen = move || currency.map(|c| c.0.get()).unwrap_or_default();
    let on_change = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if crate::domain::currency::is_known(&code) {
            if let Some(c) = currency {
                c.0.set(code.clone());
            }
            // A failed write only means the choice is not remembered.
            let _ = crate::storage::save_currency(&code);
        }
    };
    view! {
        <section class="card">
            <h2>{t!(i18n, currency_title)}</h2>
            <label class="field">
                <span>{t!(i18n, currency_label)}</span>
                <select data-testid="currency" on:change=on_change>
                    {crate::domain::currency::CURRENCIES
                        .iter()
                        .map(|&code| view! { <option value=code selected=move || chosen() == code>{code}</option> })
                        .collect_view()}
                </select>
            </label>
            <p class="muted">{move || crate::format::amount(i18n.get_locale().as_str(), Some(650_000))}</p>
        </section>
    }
}

/// How many days a "still on the market?" check stays good before a tour
/// warns about the listing again, remembered on this device.
#[component]
fn MarketDaysSetting() -> impl IntoView {
    let i18n = use_i18n();
    let days = RwSignal::new(crate::storage::market_days().to_string());
    // What is wrong, if anything: a number out of range, or a choice that
    // could not be kept (full storage), which tours would then not use.
    let problem = RwSignal::new(None::<crate::i18n::Key>);
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        days.set(text.clone());
        problem.set(match text.trim().parse::<u32>() {
            Ok(d) if (1..=crate::storage::MAX_MARKET_DAYS).contains(&d) => {
                crate::storage::save_market_days(d)
                    .err()
                    .map(|_| crate::i18n::keys::market_days_not_saved)
            }
            _ => Some(crate::i18n::keys::market_days_problem),
        });
    };
    view! {
        <section class="card">
            <h2>{t!(i18n, market_title)}</h2>
            <label class="field">
                <span>{t!(i18n, market_days_label)}</span>
                <input type="number" min="1" max="60" inputmode="numeric" name="market-days"
                    aria-invalid=move || problem.get().is_some().to_string()
                    prop:value=move || days.get() on:change=on_change />
            </label>
            {move || problem.get().map(|key| view! {
                <p class="message message-error" role="alert">{i18n.view(key)}</p>
            })}
        </section>
    }
}
