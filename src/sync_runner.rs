//! Sync's runner, its own lazily loaded chunk, fetched only on a device
//! where sync is set: one loop for the life of the app that syncs when it
//! starts, when an edit has settled, when the server has news (its
//! `_changes` feed long-polled), when the connection comes back or the app
//! is shown again, and when asked ("Save and sync now"). A failed sync
//! says why in the top bar and tries again later, waiting longer each
//! time; local work never waits on it.
//!
//! A hidden tab does nothing until it is shown: the tab in front syncs,
//! and tabs share their edits through storage.
use crate::domain::sync::State;
use crate::state::DocState;
use crate::storage;
use crate::sync::{news, sync_once, Outcome, Scope, Settings, SyncError};
use crate::sync_status::{status, Status, SyncControl};
use futures::channel::mpsc::{unbounded, UnboundedReceiver, UnboundedSender};
use futures::future::{select, select_all, Either};
use futures::StreamExt;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

/// What woke the runner.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wake {
    /// Asked to sync now, or the settings changed.
    Asked,
    /// The document changed (an edit, or another tab's merged in).
    Edited,
    /// Online again, offline, or shown again.
    Back,
    /// The server has news, or a wait ran out.
    Due,
}

/// An edit settles this long before it goes up: typing a note is many
/// edits, and one sync carries them all.
const SETTLE_MS: u32 = 1_500;
/// The first wait after a failed sync; doubled after each failure, up to
/// [`RETRY_MAX_MS`].
const RETRY_MS: u32 = 15_000;
const RETRY_MAX_MS: u32 = 300_000;

fn hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// Wakes on asks, edits, the connection and the page being shown.
fn listen(control: SyncControl, state: DocState, wake: UnboundedSender<Wake>) {
    let on_change = |wake: UnboundedSender<Wake>, what: Wake| {
        move |seen: Option<()>| {
            if seen.is_some() {
                let _ = wake.unbounded_send(what);
            }
        }
    };
    let asked = on_change(wake.clone(), Wake::Asked);
    Effect::new(move |seen| {
        control.poke.track();
        asked(seen)
    });
    let edited = on_change(wake.clone(), Wake::Edited);
    Effect::new(move |seen| {
        state.doc.track();
        edited(seen)
    });
    let back = wake.clone();
    let online = window_event_listener_untyped("online", move |_| {
        let _ = back.unbounded_send(Wake::Back);
    });
    let gone = wake.clone();
    let offline = window_event_listener_untyped("offline", move |_| {
        let _ = gone.unbounded_send(Wake::Back);
    });
    // Fired at the document; it bubbles to the window.
    let shown = window_event_listener_untyped("visibilitychange", move |_| {
        if !hidden() {
            let _ = wake.unbounded_send(Wake::Back);
        }
    });
    on_cleanup(move || {
        online.remove();
        offline.remove();
        shown.remove();
    });
}

/// Keeps what one sync brought: the losing versions of conflicts, the
/// records that came down (merged in and saved at once), and where this
/// device is with the database. With no room to keep a losing version,
/// nothing of this sync is taken (the device goes on showing its own
/// version, and the next sync brings the same again): a version is never
/// dropped unseen.
fn keep(
    state: DocState,
    outcome: &Outcome,
    scope: Scope,
    sync_state: &State,
) -> Result<(), SyncError> {
    if !outcome.losers.is_empty() {
        let mut kept = storage::sync_losers();
        kept.retain(|b| !outcome.losers.iter().any(|l| l.id() == b.id()));
        kept.extend(outcome.losers.iter().cloned());
        storage::save_sync_losers(&kept).map_err(|_| SyncError::DeviceFull)?;
    }
    if let Some(down) = &outcome.down {
        state.merge_in(down);
        state.save_now();
    }
    // Not kept: the next sync starts from the last one kept, which the
    // merge rule makes harmless.
    let _ = storage::save_sync_state(scope, sync_state);
    Ok(())
}

/// What a sync with every database set did: the records that came in and
/// went out, and each database with where this device now is in it.
struct Done {
    pulled: usize,
    pushed: usize,
    feeds: Vec<(Settings, State)>,
}

/// One sync with the agent's own database, then the team's when one is
/// set. `None` when the settings changed meanwhile (what came is not the
/// new databases', and is dropped).
async fn sync_all(settings: &Settings, state: DocState) -> Option<Result<Done, SyncError>> {
    let mut done = Done {
        pulled: 0,
        pushed: 0,
        feeds: Vec::new(),
    };
    for (scope, db) in [
        (Scope::Own, Some(settings.clone())),
        (Scope::Team, settings.team()),
    ] {
        let Some(db) = db else {
            continue;
        };
        let mut sync_state = storage::sync_state(scope);
        let local = state.doc.get_untracked();
        let kept = storage::sync_losers();
        let result = sync_once(&db, scope, &local, &kept, &mut sync_state).await;
        if storage::sync_settings().as_ref() != Some(settings) {
            return None;
        }
        match result {
            Ok(outcome) => {
                if let Err(e) = keep(state, &outcome, scope, &sync_state) {
                    return Some(Err(e));
                }
                if let Some(problem) = outcome.problem {
                    return Some(Err(problem));
                }
                done.pulled += outcome.pulled;
                done.pushed += outcome.pushed;
                done.feeds.push((db, sync_state));
            }
            Err(e) => return Some(Err(e)),
        }
    }
    Some(Ok(done))
}

/// How many changes wait to go up to any database set.
fn waiting(settings: &Settings, state: DocState) -> usize {
    state.doc.with_untracked(|doc| {
        let own = storage::sync_state(Scope::Own).waiting(doc);
        let team = settings
            .team()
            .map_or(0, |_| storage::sync_state(Scope::Team).waiting(doc));
        own.max(team)
    })
}

/// The next wake, or `None` when the app is gone. While `news` is given,
/// the server's feed is long-polled meanwhile; else it waits `ms`.
async fn next(
    wakes: &mut UnboundedReceiver<Wake>,
    feeds: &[(Settings, State)],
    ms: u32,
) -> Option<Wake> {
    let controller = web_sys::AbortController::new().ok();
    let due = async {
        match &controller {
            Some(c) if !feeds.is_empty() => {
                let signal = c.signal();
                let polls = feeds
                    .iter()
                    .map(|(settings, state)| Box::pin(news(settings, state, &signal)));
                if select_all(polls).await.0.is_err() {
                    // No feed (offline, or a server without long-poll):
                    // the plain wait instead, never a loop of requests.
                    TimeoutFuture::new(ms).await;
                }
            }
            _ => TimeoutFuture::new(ms).await,
        }
    };
    let woke = match select(Box::pin(wakes.next()), Box::pin(due)).await {
        Either::Left((wake, _)) => wake,
        Either::Right(((), _)) => Some(Wake::Due),
    };
    if let Some(c) = controller {
        c.abort();
    }
    woke
}

/// Runs sync for the life of the app (see the module's words).
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn run_sync(
    control: SyncControl,
    state: DocState,
    owner: Option<Owner>,
    i18n: Option<crate::i18n::I18n>,
) {
    let (wake, mut wakes) = unbounded::<Wake>();
    let start = move || {
        listen(control, state, wake);
        if let Some(i18n) = i18n {
            crate::components::sync_badge::keep_badge(i18n);
        }
    };
    match &owner {
        Some(owner) => owner.with(start),
        None => start(),
    }
    let status = status();
    let mut retry_ms = RETRY_MS;
    loop {
        let Some(settings) = storage::sync_settings() else {
            status.set(Status::Off);
            match next(&mut wakes, &[], RETRY_MAX_MS).await {
                Some(_) => continue,
                None => return,
            }
        };
        let pending = waiting(&settings, state);
        let idle = hidden() || crate::routing::offline();
        if crate::routing::offline() {
            status.set(Status::Offline {
                pending,
                last: storage::synced_at(),
            });
        }
        let mut feeds = Vec::new();
        let synced = if idle {
            false
        } else {
            status.set(Status::Syncing { pending });
            let Some(result) = sync_all(&settings, state).await else {
                continue;
            };
            match result {
                Ok(done) => {
                    let at = chrono::Utc::now();
                    let _ = storage::save_synced_at(at);
                    status.set(Status::Synced {
                        at,
                        pulled: done.pulled,
                        pushed: done.pushed,
                    });
                    retry_ms = RETRY_MS;
                    feeds = done.feeds;
                    true
                }
                Err(SyncError::Unreachable) if crate::routing::offline() => {
                    status.set(Status::Offline {
                        pending,
                        last: storage::synced_at(),
                    });
                    false
                }
                Err(e) => {
                    status.set(Status::Failed(e));
                    false
                }
            }
        };
        // Wait for a reason to sync again. Edits are let settle; an edit
        // that leaves nothing to send (what a sync just merged in) is not
        // one.
        loop {
            let Some(woke) = next(&mut wakes, &feeds, retry_ms).await else {
                return;
            };
            if woke != Wake::Edited {
                break;
            }
            TimeoutFuture::new(SETTLE_MS).await;
            let mut other = false;
            while let Ok(w) = wakes.try_recv() {
                other |= w != Wake::Edited;
            }
            if other || waiting(&settings, state) > 0 {
                break;
            }
        }
        if !synced && !idle {
            retry_ms = (retry_ms * 2).min(RETRY_MAX_MS);
        }
    }
}
