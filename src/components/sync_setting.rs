//! "Sync": a CouchDB database this device keeps its records in step with,
//! end-to-end encrypted with a passphrase typed on each device. The status
//! is always said: off, syncing, synced at, offline, or the reason it
//! failed. A failed sync never stops local work, and a wrong passphrase
//! changes nothing.
use crate::domain::roads::base_address;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_document;
use crate::storage;
use crate::sync::{sync_once, Settings, SyncError};
use leptos::prelude::*;

/// Where sync is.
#[derive(Debug, Clone, PartialEq)]
enum Status {
    Off,
    Syncing,
    Synced {
        at: chrono::DateTime<chrono::Utc>,
        pulled: usize,
        pushed: usize,
    },
    Offline,
    Failed(SyncError),
}

/// How often an open app syncs while online.
const EVERY_MS: u32 = 30_000;

#[component]
pub fn SyncSetting() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let stored = storage::sync_settings();
    let database = RwSignal::new(
        stored
            .as_ref()
            .map(|s| s.database.clone())
            .unwrap_or_default(),
    );
    let user = RwSignal::new(stored.as_ref().map(|s| s.user.clone()).unwrap_or_default());
    let password = RwSignal::new(
        stored
            .as_ref()
            .map(|s| s.password.clone())
            .unwrap_or_default(),
    );
    let passphrase = RwSignal::new(
        stored
            .as_ref()
            .map(|s| s.passphrase.clone())
            .unwrap_or_default(),
    );
    let status = RwSignal::new(Status::Off);
    let problem = RwSignal::new(None::<String>);
    let busy = StoredValue::new(false);

    let run = move || {
        let Some(settings) = storage::sync_settings() else {
            status.set(Status::Off);
            return;
        };
        if busy.get_value() {
            return;
        }
        if crate::routing::offline() {
            status.set(Status::Offline);
            return;
        }
        busy.set_value(true);
        status.set(Status::Syncing);
        leptos::task::spawn_local(async move {
            let local = state.doc.get_untracked();
            let mut sync_state = storage::sync_state();
            let next = match sync_once(&settings, &local, &mut sync_state).await {
                Ok(outcome) => {
                    if !outcome.losers.is_empty() {
                        let mut kept = storage::sync_losers();
                        kept.retain(|b| !outcome.losers.iter().any(|l| l.id() == b.id()));
                        kept.extend(outcome.losers.iter().cloned());
                        // Not kept: the later edit still stands.
                        let _ = storage::save_sync_losers(&kept);
                    }
                    if let Some(down) = &outcome.down {
                        state.merge_in(down);
                        state.save_now();
                    }
                    // Not kept: the next sync starts from the last one kept.
                    let _ = storage::save_sync_state(&sync_state);
                    Status::Synced {
                        at: chrono::Utc::now(),
                        pulled: outcome.pulled,
                        pushed: outcome.pushed,
                    }
                }
                Err(e) => Status::Failed(e),
            };
            busy.set_value(false);
            status.try_set(next);
        });
    };
    // While this page is open and sync is on: now, then every half minute.
    run();
    // Dropped (and so stopped) with the view.
    let timer = gloo_timers::callback::Interval::new(EVERY_MS, run);
    let _timer = StoredValue::new_local(timer);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problem.set(None);
        let typed = database.get_untracked();
        let Some(address) = base_address(&typed).filter(|_| !typed.trim().is_empty()) else {
            problem.set(Some(t_string!(i18n, routing_bad_address).to_string()));
            return;
        };
        if !crate::routing::allowed(&address) {
            problem.set(Some(
                t_string!(i18n, routing_not_allowed, address = address).to_string(),
            ));
            return;
        }
        if passphrase.get_untracked().chars().count() < 8 {
            problem.set(Some(t_string!(i18n, sync_passphrase_short).to_string()));
            return;
        }
        let settings = Settings {
            database: address,
            user: user.get_untracked().trim().to_string(),
            password: password.get_untracked(),
            passphrase: passphrase.get_untracked(),
        };
        if storage::save_sync_settings(Some(&settings)).is_err() {
            problem.set(Some(t_string!(i18n, routing_not_saved).to_string()));
            return;
        }
        run();
    };
    let stop = move |_| {
        let _ = storage::save_sync_settings(None);
        status.set(Status::Off);
    };
    let said = move || match status.get() {
        Status::Off => ("status", t_string!(i18n, sync_off).to_string()),
        Status::Syncing => ("status", t_string!(i18n, sync_syncing).to_string()),
        Status::Offline => ("status", t_string!(i18n, sync_offline).to_string()),
        Status::Synced { at, pulled, pushed } => (
            "status",
            t_string!(
                i18n,
                sync_synced,
                date = crate::format::moment(i18n.get_locale().as_str(), at),
                down = pulled,
                up = pushed
            )
            .to_string(),
        ),
        Status::Failed(e) => (
            "alert",
            match e {
                SyncError::Unreachable => t_string!(i18n, sync_unreachable).to_string(),
                SyncError::WrongPassword => t_string!(i18n, sync_wrong_password).to_string(),
                SyncError::WrongPassphrase => t_string!(i18n, sync_wrong_passphrase).to_string(),
                SyncError::ServerFull => t_string!(i18n, sync_server_full).to_string(),
                SyncError::Server(reason) => {
                    t_string!(i18n, sync_server_error, reason = reason).to_string()
                }
            },
        ),
    };
    let field = |label: String,
                 name: &'static str,
                 kind: &'static str,
                 value: RwSignal<String>,
                 complete: &'static str| {
        view! {
            <label class="field">
                <span>{label}</span>
                <input type=kind name=name autocomplete=complete spellcheck="false"
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
            </label>
        }
    };
    view! {
        <section class="card" id="sync" data-testid="sync">
            <h2>{t!(i18n, sync_title)}</h2>
            <p class="muted">{t!(i18n, sync_intro)}</p>
            <form on:submit=save novalidate>
                {field(t_string!(i18n, sync_database).to_string(), "sync-database", "url", database, "off")}
                {field(t_string!(i18n, sync_user).to_string(), "sync-user", "text", user, "username")}
                {field(t_string!(i18n, sync_password).to_string(), "sync-password", "password", password, "current-password")}
                {field(t_string!(i18n, sync_passphrase).to_string(), "sync-passphrase", "password", passphrase, "off")}
                {move || problem.get().map(|p| view! { <p class="message message-error" role="alert">{p}</p> })}
                <div class="actions">
                    <button type="submit">{t!(i18n, sync_now)}</button>
                    <button type="button" class="secondary" on:click=stop>{t!(i18n, sync_stop)}</button>
                </div>
            </form>
            {move || {
                let (role, words) = said();
                view! { <p class="message" role=role data-testid="sync-status">{words}</p> }
            }}
        </section>
    }
}
