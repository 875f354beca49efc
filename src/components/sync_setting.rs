//! "Sync": a CouchDB database this device keeps its records in step with,
//! end-to-end encrypted with a passphrase typed on each device. The status
//! is always said: off, syncing, synced at, offline, or the reason it
//! failed. A failed sync never stops local work, and a wrong passphrase
//! changes nothing.
use crate::domain::roads::base_address;
use crate::i18n::{t, t_string, use_i18n};
use crate::storage;
use crate::sync::Settings;
use crate::sync_status::{sentence, status, sync_now, Status};
use leptos::prelude::*;

#[component]
pub fn SyncSetting() -> impl IntoView {
    let i18n = use_i18n();
    let status = status();
    let stored = storage::sync_settings();
    let saved = RwSignal::new(stored.clone());
    let stored = stored.unwrap_or_default();
    let database = RwSignal::new(stored.database);
    let user = RwSignal::new(stored.user);
    let password = RwSignal::new(stored.password);
    let passphrase = RwSignal::new(stored.passphrase);
    let team = RwSignal::new(stored.team_database);
    let team_passphrase = RwSignal::new(stored.team_passphrase);
    let problem = RwSignal::new(None::<String>);
    // Opened from another device's setup link: its database and user name
    // filled in, the rest typed here. The link's words leave the address.
    let from_link = crate::browser::take_fragment(crate::domain::sync::read_setup_fragment);
    if let Some(link) = &from_link {
        database.set(link.database.clone());
        user.set(link.user.clone());
        team.set(link.team.clone());
        crate::browser::reveal("[data-testid=sync]");
    }

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problem.set(None);
        let typed = |what: RwSignal<String>| what.get_untracked().trim().to_string();
        let checked = match (
            address(i18n, &typed(database)),
            passphrase.with_untracked(|p| p.chars().count() >= 8),
            typed(team),
        ) {
            (Err(why), _, _) => Err(why),
            (Ok(_), false, _) => Err(t_string!(i18n, sync_passphrase_short).to_string()),
            (Ok(own), true, shared) if shared.is_empty() => Ok((own, String::new())),
            (Ok(own), true, shared) => address(i18n, &shared).and_then(|shared| {
                if shared == own {
                    Err(t_string!(i18n, sync_team_same).to_string())
                } else if team_passphrase.with_untracked(|p| p.chars().count() < 8) {
                    Err(t_string!(i18n, sync_passphrase_short).to_string())
                } else {
                    Ok((own, shared))
                }
            }),
        };
        let (own, shared) = match checked {
            Ok(both) => both,
            Err(why) => {
                problem.set(Some(why));
                return;
            }
        };
        let settings = Settings {
            database: own,
            user: typed(user),
            password: password.get_untracked(),
            passphrase: passphrase.get_untracked(),
            team_passphrase: if shared.is_empty() {
                String::new()
            } else {
                team_passphrase.get_untracked()
            },
            team_database: shared,
        };
        if storage::save_sync_settings(Some(&settings)).is_err() {
            problem.set(Some(t_string!(i18n, routing_not_saved).to_string()));
            return;
        }
        saved.set(Some(settings));
        if !sync_now() {
            // Offline: it starts when the connection comes back.
            status.set(Status::Offline {
                pending: 0,
                last: None,
            });
        }
    };
    let stop = move |_| {
        let _ = storage::save_sync_settings(None);
        saved.set(None);
        sync_now();
        status.set(Status::Off);
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
            {from_link.map(|_| view! { <p class="message" role="status">{t!(i18n, sync_from_link)}</p> })}
            <form on:submit=save novalidate>
                {field(t_string!(i18n, sync_database).to_string(), "sync-database", "url", database, "off")}
                {field(t_string!(i18n, sync_user).to_string(), "sync-user", "text", user, "username")}
                {field(t_string!(i18n, sync_password).to_string(), "sync-password", "password", password, "current-password")}
                {field(t_string!(i18n, sync_passphrase).to_string(), "sync-passphrase", "password", passphrase, "off")}
                <fieldset class="sync-team">
                    <legend>{t!(i18n, sync_team)}</legend>
                    <p class="muted">{t!(i18n, sync_team_intro)}</p>
                    {field(t_string!(i18n, sync_team_database).to_string(), "sync-team-database", "url", team, "off")}
                    {field(t_string!(i18n, sync_team_passphrase).to_string(), "sync-team-passphrase", "password", team_passphrase, "off")}
                </fieldset>
                {move || problem.get().map(|p| view! { <p class="message message-error" role="alert">{p}</p> })}
                <div class="actions">
                    <button type="submit">{t!(i18n, sync_now)}</button>
                    <button type="button" class="secondary" on:click=stop>{t!(i18n, sync_stop)}</button>
                </div>
            </form>
            {move || {
                let (failed, words) = status.with(|s| sentence(i18n, s));
                let role = if failed { "alert" } else { "status" };
                view! { <p class="message" role=role data-testid="sync-status">{words}</p> }
            }}
            {move || saved.get().map(|s| view! {
                <super::sync_setup_link::SyncSetupLink database=s.database user=s.user team=s.team_database />
            })}
        </section>
    }
}

/// A database's address as typed, checked: an address, and one the app's
/// policy lets it reach; else why not, in the user's language.
fn address(i18n: crate::i18n::I18n, typed: &str) -> Result<String, String> {
    let Some(address) = base_address(typed).filter(|_| !typed.is_empty()) else {
        return Err(t_string!(i18n, routing_bad_address).to_string());
    };
    if !crate::routing::allowed(&address) {
        return Err(t_string!(i18n, routing_not_allowed, address = address).to_string());
    }
    Ok(address)
}
