//! Where sync is, said in the top bar of every page and on the Data page's
//! Sync card. The runner (src/sync_runner.rs, its own lazily loaded chunk)
//! sets it; this part lives in the shell, so the top bar says "offline" or
//! "synced at" without fetching anything.
use crate::i18n::t_string;
use crate::storage;
use crate::sync::SyncError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// Where sync is.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// No database set: everything stays on this device.
    Off,
    /// Set, and starting.
    Starting,
    /// Bringing changes down and sending `pending` up.
    Syncing {
        pending: usize,
    },
    Synced {
        at: DateTime<Utc>,
        pulled: usize,
        pushed: usize,
    },
    /// No connection; `pending` changes wait to go up.
    Offline {
        pending: usize,
        last: Option<DateTime<Utc>>,
    },
    Failed(SyncError),
}

/// What the shell holds of sync: a counter bumped to sync now. The
/// status itself ([`status`]) and its badge in the top bar are read and
/// set only by the runner and the Sync card, both lazily loaded, so
/// opening the app carries none of that code: the top bar holds an empty,
/// hidden badge that the runner fills in (`components::sync_badge`).
#[derive(Clone, Copy)]
pub struct SyncControl {
    pub poke: RwSignal<u32>,
}

struct Runner {
    control: SyncControl,
    state: crate::state::DocState,
    owner: Option<Owner>,
    /// The top bar's language, for its badge.
    i18n: Option<crate::i18n::I18n>,
    started: bool,
}

thread_local! {
    static RUNNER: std::cell::RefCell<Option<Runner>> = const { std::cell::RefCell::new(None) };
    static STATUS: std::cell::Cell<Option<RwSignal<Status>>> = const { std::cell::Cell::new(None) };
}

/// Sets sync up; when sync is set on this device (and this is not a
/// buyer's link), starts it a second after the app opens, or when the
/// connection comes back. Call once, at the root.
pub fn provide_sync(state: crate::state::DocState) {
    let pathname = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    RUNNER.set(Some(Runner {
        control: SyncControl {
            poke: RwSignal::new(0),
        },
        state,
        owner: Owner::current(),
        i18n: None,
        started: false,
    }));
    if crate::paths::is_buyer_view(&pathname) {
        return;
    }
    if storage::sync_is_set() {
        set_timeout(
            || {
                start_sync();
            },
            std::time::Duration::from_secs(1),
        );
    }
    // Set or opened offline (the runner's chunk may not be on the device
    // yet): it starts when the connection comes. Once started, the runner
    // listens itself; `start_sync` does nothing while sync is not set.
    let online = window_event_listener_untyped("online", |_| {
        start_sync();
    });
    on_cleanup(move || online.remove());
}

/// The top bar's language, which its sync badge speaks.
pub fn badge_language(i18n: crate::i18n::I18n) {
    RUNNER.with_borrow_mut(|r| {
        if let Some(r) = r.as_mut() {
            r.i18n = Some(i18n);
        }
    });
}

/// Starts the runner (fetching its chunk) when sync is set, the device
/// online, and it has not started yet. Whether it started.
pub fn start_sync() -> bool {
    let start = RUNNER.with_borrow_mut(|runner| {
        let runner = runner.as_mut().filter(|r| !r.started)?;
        if !storage::sync_is_set() || crate::routing::offline() {
            return None;
        }
        runner.started = true;
        Some((
            runner.control,
            runner.state,
            runner.owner.clone(),
            runner.i18n,
        ))
    });
    let Some((control, state, owner, i18n)) = start else {
        return false;
    };
    leptos::task::spawn_local(crate::sync_runner::run_sync(control, state, owner, i18n));
    true
}

/// Syncs now (settings saved or stopped): wakes the runner, or starts it.
/// Whether it is running.
pub fn sync_now() -> bool {
    let running = RUNNER.with_borrow(|r| r.as_ref().filter(|r| r.started).map(|r| r.control));
    match running {
        Some(control) => {
            control.poke.update(|n| *n += 1);
            true
        }
        None => start_sync(),
    }
}

/// Where sync is (made on first use: starting when sync is set, else off).
pub fn status() -> RwSignal<Status> {
    STATUS.get().unwrap_or_else(|| {
        let made = RwSignal::new(if storage::sync_is_set() {
            Status::Starting
        } else {
            Status::Off
        });
        STATUS.set(Some(made));
        made
    })
}

/// The reason a sync failed, in the user's language.
pub fn reason(i18n: crate::i18n::I18n, error: &SyncError) -> String {
    match error {
        SyncError::Unreachable => t_string!(i18n, sync_unreachable).to_string(),
        SyncError::WrongPassword => t_string!(i18n, sync_wrong_password).to_string(),
        SyncError::WrongPassphrase => t_string!(i18n, sync_wrong_passphrase).to_string(),
        SyncError::WrongTeamPassphrase => t_string!(i18n, sync_wrong_team_passphrase).to_string(),
        SyncError::ServerFull => t_string!(i18n, sync_server_full).to_string(),
        SyncError::NoDatabase => t_string!(i18n, sync_no_database).to_string(),
        SyncError::DeviceFull => t_string!(i18n, sync_device_full).to_string(),
        SyncError::Server(reason) => {
            t_string!(i18n, sync_server_error, reason = reason.clone()).to_string()
        }
    }
}

/// The status as a sentence (the Sync card), and whether it is a problem.
pub fn sentence(i18n: crate::i18n::I18n, status: &Status) -> (bool, String) {
    let locale = i18n.get_locale().as_str();
    let waiting = |pending: usize| {
        (pending > 0)
            .then(|| t_count!(i18n, sync_pending, move || pending)())
            .map(|p| format!(" {p}"))
            .unwrap_or_default()
    };
    match status {
        Status::Off => (false, t_string!(i18n, sync_off).to_string()),
        Status::Starting => (false, t_string!(i18n, sync_syncing).to_string()),
        Status::Syncing { pending } => (
            false,
            format!("{}{}", t_string!(i18n, sync_syncing), waiting(*pending)),
        ),
        Status::Offline { pending, .. } => (
            false,
            format!("{}{}", t_string!(i18n, sync_offline), waiting(*pending)),
        ),
        Status::Synced { at, pulled, pushed } => (
            false,
            t_string!(
                i18n,
                sync_synced,
                date = crate::format::moment(locale, *at),
                down = *pulled,
                up = *pushed
            )
            .to_string(),
        ),
        Status::Failed(e) => (true, reason(i18n, e)),
    }
}

/// The status in a few words (the top bar): `None` when sync is off.
pub fn short(i18n: crate::i18n::I18n, status: &Status) -> Option<String> {
    let locale = i18n.get_locale().as_str();
    let words = match status {
        Status::Off => return None,
        Status::Starting => t_string!(i18n, sync_badge_on).to_string(),
        Status::Syncing { pending: 0 } => t_string!(i18n, sync_syncing).to_string(),
        Status::Syncing { pending } => {
            let pending = *pending;
            t_count!(i18n, sync_badge_syncing, move || pending)()
        }
        Status::Synced { at, .. } => t_string!(
            i18n,
            sync_badge_synced,
            time = crate::format::short_moment(locale, *at)
        )
        .to_string(),
        Status::Offline { last: Some(at), .. } => t_string!(
            i18n,
            sync_badge_offline_since,
            time = crate::format::short_moment(locale, *at)
        )
        .to_string(),
        Status::Offline { last: None, .. } => t_string!(i18n, sync_badge_offline).to_string(),
        Status::Failed(e) => match e {
            SyncError::Unreachable => t_string!(i18n, sync_badge_unreachable),
            SyncError::WrongPassword => t_string!(i18n, sync_badge_password),
            SyncError::WrongPassphrase | SyncError::WrongTeamPassphrase => {
                t_string!(i18n, sync_badge_passphrase)
            }
            SyncError::ServerFull => t_string!(i18n, sync_badge_full),
            SyncError::NoDatabase => t_string!(i18n, sync_badge_no_database),
            SyncError::DeviceFull => t_string!(i18n, sync_badge_device_full),
            SyncError::Server(_) => t_string!(i18n, sync_badge_error),
        }
        .to_string(),
    };
    Some(words)
}

/// The status in a word or two, for a narrow top bar ("9:21 PM",
/// "Offline", "Not synced"): `None` when sync is off.
pub fn shortest(i18n: crate::i18n::I18n, status: &Status) -> Option<String> {
    let words = match status {
        Status::Off => return None,
        Status::Starting | Status::Syncing { .. } => t_string!(i18n, sync_syncing).to_string(),
        Status::Synced { at, .. } => crate::format::short_moment(i18n.get_locale().as_str(), *at),
        Status::Offline { .. } => t_string!(i18n, sync_badge_short_offline).to_string(),
        Status::Failed(_) => t_string!(i18n, sync_badge_short_problem).to_string(),
    };
    Some(words)
}
