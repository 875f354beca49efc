//! Sync with a CouchDB database the user runs (or any server that speaks
//! its HTTP API), over the network with gloo-net: the records that came
//! down since the last checkpoint are opened and merged in by the tab
//! merge's rule, then the records changed since the last push go up in one
//! `_bulk_docs`, sealed (src/sync_crypto.rs). Nothing waits on it: a sync
//! that fails says why and leaves the document as it was.
//!
//! The database holds, beside the records, one document of its own,
//! `showplan-key`: the salt every device derives the key with, and a known
//! text sealed under that key, so a wrong passphrase is told apart before
//! anything is read or written.
use crate::domain::model::Document;
use crate::domain::sync::{
    bodies_where, bulk_docs, incoming, losers, read_bulk_result, read_changes, Body, Change,
    Sealed, Since, State, Upload, Written,
};
use crate::domain::sync_media::media_of;
use crate::sync_crypto::{random_bytes, CryptoError, Key};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::Utc;
use gloo_net::http::{Request, RequestBuilder};

/// What the user set under "Sync".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// The database's address: `https://couch.example.org/agent-ana`.
    pub database: String,
    pub user: String,
    pub password: String,
    pub passphrase: String,
    /// A brokerage's shared database for homes (empty: none), reached with
    /// the same user name and password, sealed with the team's passphrase.
    pub team_database: String,
    pub team_passphrase: String,
}

impl Settings {
    /// The team database's settings, when one is set.
    pub fn team(&self) -> Option<Settings> {
        (!self.team_database.trim().is_empty()).then(|| Settings {
            database: self.team_database.clone(),
            user: self.user.clone(),
            password: self.password.clone(),
            passphrase: self.team_passphrase.clone(),
            team_database: String::new(),
            team_passphrase: String::new(),
        })
    }
}

/// Which database a sync is with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The agent's own: every record, whole.
    Own,
    /// The brokerage's shared one: homes only, without the agent's own
    /// parts (`domain::team`).
    Team,
}

/// Why a sync did not finish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncError {
    /// No answer (offline, the server down or blocked by the policy).
    Unreachable,
    /// The server refused the user name or password.
    WrongPassword,
    /// The passphrase opens nothing in this database.
    WrongPassphrase,
    /// The team's passphrase opens nothing in the team database.
    WrongTeamPassphrase,
    /// The server has no room.
    ServerFull,
    /// The server has no database at this address (a typing slip, or it
    /// was never made: making one is for whoever runs the server).
    NoDatabase,
    /// This device has no room to keep what came: a photo or voice note
    /// from another device, or the other version of a record edited on
    /// both (nothing of it is taken; it comes again once there is room).
    DeviceFull,
    /// Anything else the server said (its status and reason).
    Server(String),
}

const KEY_DOC: &str = "showplan-key";
const CHECK: &str = "showplan";

pub(crate) fn with_auth(request: RequestBuilder, settings: &Settings) -> RequestBuilder {
    let request = request
        .credentials(web_sys::RequestCredentials::Omit)
        .header("Accept", "application/json");
    if settings.user.is_empty() {
        request
    } else {
        let pair = format!("{}:{}", settings.user, settings.password);
        request.header("Authorization", &format!("Basic {}", STANDARD.encode(pair)))
    }
}

pub(crate) fn base(settings: &Settings) -> String {
    settings.database.trim().trim_end_matches('/').to_string()
}

/// The server's answer, however it says it.
pub(crate) async fn respond(
    request: Result<Request, gloo_net::Error>,
) -> Result<gloo_net::http::Response, SyncError> {
    let request = request.map_err(|e| SyncError::Server(e.to_string()))?;
    request.send().await.map_err(|_| SyncError::Unreachable)
}

/// The answer's status and text; statuses that mean the same whatever was
/// asked become their error.
pub(crate) async fn read(response: gloo_net::http::Response) -> Result<(u16, String), SyncError> {
    let status = response.status();
    let text = response.text().await.map_err(|_| SyncError::Unreachable)?;
    match status {
        401 | 403 => Err(SyncError::WrongPassword),
        413 | 507 => Err(SyncError::ServerFull),
        // CouchDB's words for a database that is not there (a missing
        // document says "missing", or "deleted").
        404 if text.contains("Database does not exist") || text.contains("no_db_file") => {
            Err(SyncError::NoDatabase)
        }
        _ => Ok((status, text)),
    }
}

pub(crate) async fn send(
    request: Result<Request, gloo_net::Error>,
) -> Result<(u16, String), SyncError> {
    read(respond(request).await?).await
}

pub(crate) fn no_crypto(_: CryptoError) -> SyncError {
    SyncError::Server("WebCrypto is not available".into())
}

pub(crate) fn server(status: u16, text: &str) -> SyncError {
    SyncError::Server(format!(
        "{status} {}",
        text.chars().take(120).collect::<String>()
    ))
}

pub(crate) fn field(text: &str, name: &str) -> Option<String> {
    let tape = crate::domain::json::parse(text).ok()?;
    crate::domain::json::Fields::of(tape.root())
        .ok()?
        .need(name)
        .ok()
}

thread_local! {
    /// The keys derived (the agent's and the team's), with their
    /// passphrase and salt: PBKDF2's 310,000 rounds once, not on every sync.
    static DERIVED: std::cell::RefCell<Vec<(String, Vec<u8>, Key)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

async fn derive(passphrase: &str, salt: &[u8]) -> Result<Key, CryptoError> {
    let known = DERIVED.with_borrow(|d| {
        d.iter()
            .find(|(p, s, _)| p == passphrase && s == salt)
            .map(|(_, _, k)| k.clone())
    });
    if let Some(key) = known {
        return Ok(key);
    }
    let key = Key::derive(passphrase, salt).await?;
    DERIVED.with_borrow_mut(|d| {
        // Two databases at most: an older passphrase's key goes.
        if d.len() >= 2 {
            d.remove(0);
        }
        d.push((passphrase.to_string(), salt.to_vec(), key.clone()));
    });
    Ok(key)
}

/// The database's key: derived with its salt (made by the first device),
/// and checked against its sealed known text.
pub async fn key(settings: &Settings) -> Result<Key, SyncError> {
    let url = format!("{}/{KEY_DOC}", base(settings));
    let (status, text) = send(with_auth(Request::get(&url), settings).build()).await?;
    match status {
        200 => {
            let salt = field(&text, "salt")
                .and_then(|s| STANDARD.decode(s).ok())
                .ok_or_else(|| server(status, &text))?;
            let check = Sealed {
                iv: field(&text, "iv").unwrap_or_default(),
                data: field(&text, "data").unwrap_or_default(),
            };
            let key = derive(&settings.passphrase, &salt)
                .await
                .map_err(no_crypto)?;
            match key.open(&check).await {
                Ok(t) if t == CHECK => Ok(key),
                _ => Err(SyncError::WrongPassphrase),
            }
        }
        404 => {
            // A new database: make its salt, and seal the known text.
            let salt = random_bytes(16).map_err(no_crypto)?;
            let key = derive(&settings.passphrase, &salt)
                .await
                .map_err(no_crypto)?;
            let check = key.seal(CHECK).await.map_err(no_crypto)?;
            let body = crate::domain::json::Out::new()
                .put("salt", &STANDARD.encode(&salt))
                .put("iv", &check.iv)
                .put("data", &check.data)
                .done();
            let request = with_auth(Request::put(&url), settings)
                .header("Content-Type", "application/json")
                .body(body);
            match send(request).await? {
                (201 | 202, _) => Ok(key),
                // Another device made it meanwhile: use theirs.
                (409, _) => Box::pin(self::key(settings)).await,
                (status, text) => Err(server(status, &text)),
            }
        }
        _ => Err(server(status, &text)),
    }
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// Records that came down, to merge into the document.
    pub down: Option<Document>,
    /// The versions that lost to a later edit of the same record on the
    /// other side (kept, and offered: "edited on another device").
    pub losers: Vec<Body>,
    pub pulled: usize,
    pub pushed: usize,
    /// What stopped photos and voice notes (the records synced anyway).
    pub problem: Option<SyncError>,
}

/// One read of the `_changes` feed from `since` (`style=main_only`, and
/// `extra` for what this read wants): its changes and where they end.
async fn changes(
    settings: &Settings,
    since: &Since,
    extra: &[(&str, &str)],
    abort: Option<&web_sys::AbortSignal>,
) -> Result<(Vec<Change>, Since), SyncError> {
    let url = format!("{}/_changes", base(settings));
    let request = with_auth(Request::get(&url), settings)
        .abort_signal(abort)
        .query([("since", since.query()), ("style", "main_only")])
        .query(extra.iter().copied())
        .build();
    let (status, text) = send(request).await?;
    if status != 200 {
        return Err(server(status, &text));
    }
    read_changes(&text).map_err(|_| server(status, &text))
}

/// Brings down what changed since `state.since`: the records as they came.
async fn pull(settings: &Settings, key: &Key, state: &mut State) -> Result<Vec<Body>, SyncError> {
    let (changes, since) =
        changes(settings, &state.since, &[("include_docs", "true")], None).await?;
    let mut bodies = Vec::new();
    for change in changes {
        // A photo or voice note removed from the server: no longer there
        // to bring down (or there to send up again, if a home names it).
        if change.deleted && media_of(&change.id).is_some() {
            state.revs.remove(&change.id);
            continue;
        }
        // A revision this device already has (its own push, an earlier
        // pull) is not opened again.
        if state.revs.get(&change.id) == Some(&change.rev) {
            continue;
        }
        state.revs.insert(change.id.clone(), change.rev.clone());
        let Some(sealed) = change.sealed else {
            continue;
        };
        // A body this key cannot open is another passphrase's: left alone.
        if let Ok(text) = key.open(&sealed).await {
            bodies.extend(Body::from_text(&text));
        }
    }
    state.since = since;
    Ok(bodies)
}

/// Sends up what changed since the last push (and what must be tried
/// again), but not what just came down unchanged: that would send every
/// record back to where it came from, again and again.
async fn push(
    settings: &Settings,
    scope: Scope,
    key: &Key,
    local: &Document,
    came: &[Body],
    state: &mut State,
) -> Result<usize, SyncError> {
    let started = Utc::now();
    // Changed since the last push, or refused last time (a conflict).
    let mut bodies: Vec<Body> = bodies_where(local, |id, at| state.due(id, at));
    bodies.retain(|b| !came.contains(b));
    if scope == Scope::Team {
        bodies = crate::domain::team::outgoing(bodies, &state.revs);
    }
    if bodies.is_empty() {
        state.pushed = Some(started);
        return Ok(0);
    }
    let mut sealed = Vec::with_capacity(bodies.len());
    for body in &bodies {
        sealed.push(key.seal(&body.to_text()).await.map_err(no_crypto)?);
    }
    let ids: Vec<String> = bodies.iter().map(|b| b.id().to_string()).collect();
    let uploads: Vec<Upload<'_>> = bodies
        .iter()
        .zip(&sealed)
        .zip(&ids)
        .map(|((body, sealed), id)| Upload {
            id: body.id(),
            rev: state.revs.get(id).map(String::as_str),
            deleted: matches!(body, Body::Deleted(_)),
            sealed,
        })
        .collect();
    let url = format!("{}/_bulk_docs", base(settings));
    let request = with_auth(Request::post(&url), settings)
        .header("Content-Type", "application/json")
        .body(bulk_docs(&uploads));
    let (status, text) = send(request).await?;
    if status != 201 && status != 200 {
        return Err(server(status, &text));
    }
    let written = read_bulk_result(&text).map_err(|_| server(status, &text))?;
    state.retry.clear();
    let mut kept = 0;
    for (id, outcome) in written {
        match outcome {
            Written::Kept(rev) => {
                state.revs.insert(id, rev);
                kept += 1;
            }
            // Another device wrote it since: the next pull brings its copy,
            // the merge rule picks the later edit, and this is tried again.
            Written::Conflict => state.retry.push(id),
            Written::Refused(reason) => return Err(SyncError::Server(reason)),
        }
    }
    state.pushed = Some(started);
    Ok(kept)
}

/// One sync: the key checked, what changed on the server brought down, and
/// what changed here sent up, then photos and voice notes (the agent's
/// own database only). `local` is the document as it is now, `kept` the
/// other versions kept from earlier conflicts (their photos stay named);
/// the caller merges `Outcome::down` into it.
pub async fn sync_once(
    settings: &Settings,
    scope: Scope,
    local: &Document,
    kept: &[Body],
    state: &mut State,
) -> Result<Outcome, SyncError> {
    let key = match (key(settings).await, scope) {
        (Err(SyncError::WrongPassphrase), Scope::Team) => Err(SyncError::WrongTeamPassphrase),
        (key, _) => key,
    }?;
    let came = pull(settings, &key, state).await?;
    let came = match scope {
        Scope::Own => came,
        Scope::Team => crate::domain::team::incoming(local, came),
    };
    let lost = losers(local, &came, state.pushed);
    let down = (!came.is_empty()).then(|| incoming(local, came.iter().cloned()));
    let merged = match &down {
        Some(d) => crate::domain::merge::merge(local, d),
        None => local.clone(),
    };
    let pushed = push(settings, scope, &key, &merged, &came, state).await?;
    let moved = match scope {
        Scope::Own => {
            let kept: Vec<Body> = kept.iter().chain(&lost).cloned().collect();
            crate::sync_media::sync_media(settings, &key, &merged, &kept, state).await
        }
        Scope::Team => crate::sync_media::Moved::default(),
    };
    Ok(Outcome {
        down,
        losers: lost,
        pulled: came.len() + moved.down,
        pushed: pushed + moved.up,
        problem: moved.problem,
    })
}

/// How long the server holds a long-poll open when nothing changes.
const POLL_MS: &str = "25000";

/// Waits until the database holds a revision this device lacks: the
/// `_changes` feed long-polled from where the last sync read up to, again
/// and again while nothing new comes (this device's own pushes come back
/// in the feed, and are not news). Dropped with `abort`.
pub async fn news(
    settings: &Settings,
    state: &State,
    abort: &web_sys::AbortSignal,
) -> Result<(), SyncError> {
    let poll = [("feed", "longpoll"), ("timeout", POLL_MS)];
    let mut since = state.since.clone();
    loop {
        let (changes, next) = changes(settings, &since, &poll, Some(abort)).await?;
        if state.news(&changes) {
            return Ok(());
        }
        since = next;
    }
}
