//! Sync through a CouchDB database, the plain part: each record is one
//! CouchDB document keyed by the record's id, whose body (sealed on the
//! device by `src/sync_crypto.rs`, so the server holds ids, revisions and
//! ciphertext only) is the record's JSON with its kind; a deleted record
//! travels as a CouchDB deletion whose sealed body is the tombstone, so the
//! time of the deletion travels too.
//!
//! What comes down joins the document by the tab merge's rule
//! (`domain::merge`): the copy edited later wins, a deletion wins over a
//! copy last edited before it.
use super::json::{self, Fields, FromJson, Json, Out, ToJson};
use super::model::{Buyer, Document, Feedback, Id, Property, Record, Tombstone, Tour};
use chrono::{DateTime, Utc};

/// A record as it travels (before sealing, after opening). Records are
/// few hundred bytes each and bodies are made one at a time, so the
/// variants stay unboxed.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Buyer(Buyer),
    Property(Property),
    Tour(Tour),
    Feedback(Feedback),
    Deleted(Tombstone),
}

impl Body {
    /// The record's id (the CouchDB document's `_id`).
    pub fn id(&self) -> Id {
        match self {
            Body::Buyer(r) => r.id,
            Body::Property(r) => r.id,
            Body::Tour(r) => r.id,
            Body::Feedback(r) => r.id,
            Body::Deleted(t) => t.id,
        }
    }

    /// When the record was last edited (`None` for a deletion).
    pub fn updated(&self) -> Option<DateTime<Utc>> {
        match self {
            Body::Buyer(r) => Some(r.stamp().updated),
            Body::Property(r) => Some(r.stamp().updated),
            Body::Tour(r) => Some(r.stamp().updated),
            Body::Feedback(r) => Some(r.stamp().updated),
            Body::Deleted(_) => None,
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Body::Buyer(_) => "buyer",
            Body::Property(_) => "property",
            Body::Tour(_) => "tour",
            Body::Feedback(_) => "feedback",
            Body::Deleted(_) => "deleted",
        }
    }

    /// The text that is sealed: `{"k": kind, "r": record}`.
    pub fn to_text(&self) -> String {
        let out = Out::new().put("k", &self.kind());
        match self {
            Body::Buyer(r) => out.put("r", r),
            Body::Property(r) => out.put("r", r),
            Body::Tour(r) => out.put("r", r),
            Body::Feedback(r) => out.put("r", r),
            Body::Deleted(t) => out.put("r", t),
        }
        .done()
    }

    /// A body read back from its text; `None` for anything else (another
    /// app's document, a kind this version does not know).
    pub fn from_text(text: &str) -> Option<Body> {
        let tape = json::parse(text).ok()?;
        let fields = Fields::of(tape.root()).ok()?;
        let body = match fields.need::<String>("k").ok()?.as_str() {
            "buyer" => Body::Buyer(fields.need("r").ok()?),
            // Its photos' list is read too: a home whose list does not read
            // is not taken (`media::MediaList` trusts what this app wrote).
            "property" => Body::Property(
                fields
                    .need::<Property>("r")
                    .ok()
                    .filter(|p| p.media.read().is_ok())?,
            ),
            "tour" => Body::Tour(fields.need("r").ok()?),
            "feedback" => Body::Feedback(fields.need("r").ok()?),
            "deleted" => Body::Deleted(fields.need("r").ok()?),
            _ => return None,
        };
        Some(body)
    }
}

/// Every record edited, and every deletion made, after `since` (all of
/// them when `None`): the tests' view of what a push considers (the push
/// itself asks `State::due`, which adds the retries).
#[cfg(test)]
fn outgoing(document: &Document, since: Option<DateTime<Utc>>) -> Vec<Body> {
    bodies_where(document, |_, at| since.is_none_or(|s| at > s))
}

/// The records and deletions of `document` that `keep` (given each one's
/// id and when it was last edited or deleted) keeps, as bodies: the one
/// walk over the document that what goes up and what conflicts share.
pub fn bodies_where(document: &Document, keep: impl Fn(Id, DateTime<Utc>) -> bool) -> Vec<Body> {
    fn pick<R: Record + Clone>(
        records: &[R],
        keep: &impl Fn(Id, DateTime<Utc>) -> bool,
        wrap: fn(R) -> Body,
        out: &mut Vec<Body>,
    ) {
        out.extend(
            records
                .iter()
                .filter(|r| keep(r.id(), r.stamp().updated))
                .cloned()
                .map(wrap),
        );
    }
    let mut out = Vec::new();
    pick(&document.buyers, &keep, Body::Buyer, &mut out);
    pick(&document.properties, &keep, Body::Property, &mut out);
    pick(&document.tours, &keep, Body::Tour, &mut out);
    pick(&document.feedback, &keep, Body::Feedback, &mut out);
    out.extend(
        document
            .deleted
            .iter()
            .filter(|t| keep(t.id, t.at))
            .copied()
            .map(Body::Deleted),
    );
    out
}

/// What came down, as a document of the same generation as `local`, to
/// merge into it (`domain::merge::merge(local, &incoming)`).
pub fn incoming(local: &Document, bodies: impl IntoIterator<Item = Body>) -> Document {
    let mut document = Document {
        generation: local.generation,
        ..Document::default()
    };
    for body in bodies {
        match body {
            Body::Buyer(r) => document.buyers.push(r),
            Body::Property(r) => document.properties.push(r),
            Body::Tour(r) => document.tours.push(r),
            Body::Feedback(r) => document.feedback.push(r),
            Body::Deleted(t) => document.deleted.push(t),
        }
    }
    document
}

/// The copies that lost a conflict: records edited both here (since the
/// last push) and on another device, whose two versions differ. The merge
/// keeps the later edit; the other is returned, to be kept and offered as
/// "edited on another device" (nothing is silently dropped).
pub fn losers(local: &Document, came: &[Body], pushed: Option<DateTime<Utc>>) -> Vec<Body> {
    let edited_here = |at: DateTime<Utc>| pushed.is_none_or(|p| at > p);
    let ids: std::collections::HashSet<Id> = came.iter().map(Body::id).collect();
    let here: std::collections::HashMap<Id, Body> =
        bodies_where(local, |id, at| ids.contains(&id) && edited_here(at))
            .into_iter()
            .filter(|b| !matches!(b, Body::Deleted(_)))
            .map(|b| (b.id(), b))
            .collect();
    came.iter()
        .filter_map(|there| {
            let here = here.get(&there.id())?;
            let (here_at, there_at) = (here.updated()?, there.updated()?);
            // The later edit wins (a tie keeps this device's), as in the merge.
            (here != there).then(|| {
                if there_at > here_at {
                    here.clone()
                } else {
                    there.clone()
                }
            })
        })
        .collect()
}

/// Takes a version kept from a conflict instead of the record as it is:
/// stamped `now`, so it is the later edit and wins on every device. A
/// record no longer in the document (deleted since) is not brought back.
/// Returns whether it was taken.
pub fn take(document: &mut Document, kept: Body, now: DateTime<Utc>) -> bool {
    fn put<R: Record>(records: &mut [R], mut kept: R, now: DateTime<Utc>) -> bool {
        kept.touch(now);
        match records.iter_mut().find(|r| r.id() == kept.id()) {
            Some(r) => {
                *r = kept;
                true
            }
            None => false,
        }
    }
    match kept {
        Body::Buyer(r) => put(&mut document.buyers, r, now),
        Body::Property(r) => put(&mut document.properties, r, now),
        Body::Tour(r) => put(&mut document.tours, r, now),
        Body::Feedback(r) => put(&mut document.feedback, r, now),
        Body::Deleted(_) => false,
    }
}

/// What a setup link carries to a second device: the database, the user
/// name and the team's database; never the password or a passphrase,
/// typed there by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Setup {
    pub database: String,
    pub user: String,
    pub team: String,
}

/// The fragment of a setup link (`sync=<database>&user=<name>`, and
/// `&team=<database>` when a team database is set), which opens the Data
/// page on a second device with those filled in.
pub fn setup_fragment(setup: &Setup) -> String {
    let mut fragment = format!(
        "sync={}&user={}",
        percent(&setup.database),
        percent(&setup.user)
    );
    if !setup.team.is_empty() {
        fragment.push_str(&format!("&team={}", percent(&setup.team)));
    }
    fragment
}

/// What a setup link's fragment (with or without its `#`) carries; `None`
/// for any other fragment.
pub fn read_setup_fragment(fragment: &str) -> Option<Setup> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut setup = Setup::default();
    for pair in fragment.split('&') {
        match pair.split_once('=') {
            Some(("sync", value)) => setup.database = unpercent(value)?,
            Some(("user", value)) => setup.user = unpercent(value)?,
            Some(("team", value)) => setup.team = unpercent(value)?,
            _ => return None,
        }
    }
    (!setup.database.is_empty()).then_some(setup)
}

/// Percent-encodes all but the unreserved characters (RFC 3986).
fn percent(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Undoes [`percent`]; `None` for a broken escape or text that is not UTF-8.
fn unpercent(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.bytes();
    while let Some(byte) = rest.next() {
        if byte == b'%' {
            let hex = [rest.next()?, rest.next()?];
            bytes.push(u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?);
        } else {
            bytes.push(byte);
        }
    }
    String::from_utf8(bytes).ok()
}

/// A sealed body as the server keeps it: the nonce and the ciphertext, in
/// base64.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub iv: String,
    pub data: String,
}

/// One entry of a `_changes` answer (with `include_docs=true`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: String,
    pub rev: String,
    pub deleted: bool,
    /// The sealed body; `None` for a document that is not Showplan's.
    pub sealed: Option<Sealed>,
}

/// Where in the server's changes a device has read up to: CouchDB's
/// `last_seq`, kept as the JSON value it was (a number in some servers, an
/// opaque string in CouchDB 2 and later) and sent back as it came.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Since(pub String);

impl Since {
    /// The value of the `since` query parameter.
    pub fn query(&self) -> &str {
        if self.0.is_empty() {
            "0"
        } else {
            &self.0
        }
    }
}

fn raw_seq(value: Json<'_>) -> json::Result<String> {
    match value.text() {
        Ok(text) => Ok(text.into_owned()),
        // A number: its digits.
        Err(_) => Ok(u64::from_json(value)?.to_string()),
    }
}

fn sealed(doc: Json<'_>) -> Option<Sealed> {
    let fields = Fields::of(doc).ok()?;
    Some(Sealed {
        iv: fields.need("iv").ok()?,
        data: fields.need("data").ok()?,
    })
}

/// The changes in a `_changes` answer, and where they end.
pub fn read_changes(text: &str) -> json::Result<(Vec<Change>, Since)> {
    let tape = json::parse(text)?;
    let root = Fields::of(tape.root())?;
    let mut changes = Vec::new();
    for entry in root
        .value("results")
        .ok_or("\"results\" is missing")?
        .items()?
    {
        let fields = Fields::of(entry)?;
        let id: String = fields.need("id")?;
        let rev = fields
            .value("changes")
            .ok_or("\"changes\" is missing")?
            .items()?
            .next()
            .map(|c| Fields::of(c).and_then(|c| c.need::<String>("rev")))
            .transpose()?
            .unwrap_or_default();
        changes.push(Change {
            // Design documents and `_local` ones are not records.
            sealed: if id.starts_with('_') {
                None
            } else {
                fields.value("doc").and_then(sealed)
            },
            deleted: fields.or_default("deleted")?,
            id,
            rev,
        });
    }
    let last = root.value("last_seq").ok_or("\"last_seq\" is missing")?;
    Ok((changes, Since(raw_seq(last)?)))
}

/// One document to write with `_bulk_docs`.
pub struct Upload<'a> {
    pub id: Id,
    /// The revision it replaces, when the server has it.
    pub rev: Option<&'a str>,
    pub deleted: bool,
    pub sealed: &'a Sealed,
}

/// The `_bulk_docs` request body for `docs`.
pub fn bulk_docs(docs: &[Upload<'_>]) -> String {
    struct Doc<'a, 'b>(&'b Upload<'a>);
    impl ToJson for Doc<'_, '_> {
        fn write_json(&self, out: &mut String) {
            let u = self.0;
            let mut o = Out::new().put("_id", &u.id.to_string());
            if let Some(rev) = u.rev {
                o = o.put("_rev", &rev.to_string());
            }
            out.push_str(
                &o.put("_deleted", &u.deleted)
                    .put("iv", &u.sealed.iv)
                    .put("data", &u.sealed.data)
                    .done(),
            );
        }
    }
    let docs: Vec<Doc<'_, '_>> = docs.iter().map(Doc).collect();
    Out::new().put("docs", &docs).done()
}

/// What the server said of one document written by `_bulk_docs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// Kept, at this revision.
    Kept(String),
    /// Another device changed it since this one last saw it.
    Conflict,
    /// Refused, with the server's reason (`forbidden`, `unauthorized`, ...).
    Refused(String),
}

/// The outcome of each document of a `_bulk_docs` answer, by id.
pub fn read_bulk_result(text: &str) -> json::Result<Vec<(String, Written)>> {
    let tape = json::parse(text)?;
    let mut out = Vec::new();
    for entry in tape.root().items()? {
        let f = Fields::of(entry)?;
        let id: String = f.need("id")?;
        let written = match (f.opt::<String>("rev")?, f.opt::<String>("error")?) {
            (_, Some(e)) if e == "conflict" => Written::Conflict,
            (_, Some(e)) => Written::Refused(e),
            (Some(rev), None) => Written::Kept(rev),
            (None, None) => Written::Refused("no revision".into()),
        };
        out.push((id, written));
    }
    Ok(out)
}

/// Where this device is with the database: the changes read up to, the
/// last push, each record's revision on the server, and records whose push
/// must be tried again, and the photos and voice notes this device sent up
/// (`domain::sync_media`). Kept on the device (`storage::sync_state`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    pub since: Since,
    pub pushed: Option<DateTime<Utc>>,
    pub revs: std::collections::HashMap<String, String>,
    pub retry: Vec<String>,
    pub uploaded: Vec<String>,
}

impl State {
    /// Whether a record (its id, when last edited or deleted) is due to go
    /// up: changed since the last push, or refused last time (a conflict).
    pub fn due(&self, id: Id, at: DateTime<Utc>) -> bool {
        self.pushed.is_none_or(|p| at > p) || self.retry.contains(&id.to_string())
    }

    /// How many changes of `document` wait to go up.
    pub fn waiting(&self, document: &Document) -> usize {
        bodies_where(document, |id, at| self.due(id, at)).len()
    }

    /// Whether a `_changes` answer brings a revision this device has not
    /// got (its own pushes come back in the feed too, and need no pull).
    pub fn news(&self, changes: &[Change]) -> bool {
        changes
            .iter()
            .any(|c| !c.id.starts_with('_') && self.revs.get(&c.id) != Some(&c.rev))
    }

    /// As kept: `{"since", "pushed" (ms), "revs": ["id rev", …], "retry",
    /// "uploaded"}`.
    pub fn to_text(&self) -> String {
        let mut revs: Vec<String> = self
            .revs
            .iter()
            .map(|(id, rev)| format!("{id} {rev}"))
            .collect();
        revs.sort();
        Out::new()
            .put("since", &self.since.0)
            .put("pushed", &self.pushed.map(|p| p.timestamp_millis()))
            .put("revs", &revs)
            .put("retry", &self.retry)
            .put("uploaded", &self.uploaded)
            .done()
    }

    /// Read back; anything unreadable starts over (a full pull, which the
    /// merge rule makes harmless).
    pub fn from_text(text: &str) -> State {
        let read = || -> json::Result<State> {
            let tape = json::parse(text)?;
            let f = Fields::of(tape.root())?;
            let revs: Vec<String> = f.or_default("revs")?;
            Ok(State {
                since: Since(f.or_default("since")?),
                pushed: f
                    .opt::<i64>("pushed")?
                    .and_then(DateTime::from_timestamp_millis),
                revs: revs
                    .iter()
                    .filter_map(|r| r.split_once(' '))
                    .map(|(id, rev)| (id.to_string(), rev.to_string()))
                    .collect(),
                retry: f.or_default("retry")?,
                uploaded: f.or_default("uploaded")?,
            })
        };
        read().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::merge::merge;
    use crate::domain::sample::sample_document;
    use chrono::TimeZone;

    fn at(minute: i64) -> DateTime<Utc> {
        Utc.timestamp_millis_opt(1_800_000_000_000 + minute * 60_000)
            .unwrap()
    }

    #[test]
    fn every_kind_of_record_round_trips_through_its_body() {
        let doc = sample_document(at(0));
        let mut bodies = outgoing(&doc, None);
        bodies.push(Body::Deleted(Tombstone {
            id: Id::from_u128(7),
            at: at(3),
        }));
        assert_eq!(
            bodies.len(),
            doc.buyers.len()
                + doc.properties.len()
                + doc.tours.len()
                + doc.feedback.len()
                + doc.deleted.len()
                + 1
        );
        for body in &bodies {
            let text = body.to_text();
            assert_eq!(Body::from_text(&text).as_ref(), Some(body), "{text}");
        }
        assert_eq!(Body::from_text(r#"{"k":"spaceship","r":{}}"#), None);
        assert_eq!(Body::from_text("not json"), None);
    }

    #[test]
    fn a_home_whose_photo_list_does_not_read_is_not_taken() {
        use crate::domain::media::{Media, MediaList};
        let mut home = sample_document(at(0)).properties[0].clone();
        home.media = vec![Media::photo(Id::from_u128(9), at(1), 4, 3, 10)].into();
        let text = Body::Property(home.clone()).to_text();
        assert_eq!(Body::from_text(&text), Some(Body::Property(home.clone())));
        home.media = MediaList::from_json_text(r#"[{"kind":"photo"}]"#);
        assert_eq!(Body::from_text(&Body::Property(home).to_text()), None);
    }

    #[test]
    fn what_waits_to_go_up_is_counted_and_news_is_only_what_this_device_lacks() {
        let mut doc = sample_document(at(0));
        let mut state = State::default();
        let all = outgoing(&doc, None).len();
        assert_eq!(
            state.waiting(&doc),
            all,
            "nothing pushed yet: everything waits"
        );
        state.pushed = Some(at(1));
        assert_eq!(state.waiting(&doc), 0);
        doc.properties[1].stamp.updated = at(2);
        state.retry.push(doc.buyers[0].id.to_string());
        assert_eq!(state.waiting(&doc), 2, "one edit and one refused push");

        let id = doc.properties[1].id.to_string();
        state.revs.insert(id.clone(), "2-a".into());
        let change = |id: &str, rev: &str| Change {
            id: id.into(),
            rev: rev.into(),
            deleted: false,
            sealed: None,
        };
        assert!(!state.news(&[]));
        assert!(!state.news(&[change(&id, "2-a")]), "its own push, echoed");
        assert!(!state.news(&[change("_design/x", "1-x")]));
        assert!(state.news(&[change(&id, "3-b")]), "another device's edit");
        assert!(state.news(&[change("new-record", "1-c")]));
    }

    #[test]
    fn a_kept_version_taken_is_the_later_edit_and_a_deleted_record_stays_deleted() {
        let mut doc = sample_document(at(0));
        let mut theirs = doc.buyers[1].clone();
        theirs.name = "Their spelling".into();
        assert!(take(&mut doc, Body::Buyer(theirs.clone()), at(9)));
        assert_eq!(doc.buyers[1].name, "Their spelling");
        assert_eq!(doc.buyers[1].stamp.updated, at(9));

        let mut tour = doc.tours[0].clone();
        tour.name = "Their tour".into();
        assert!(take(&mut doc, Body::Tour(tour), at(10)));
        assert_eq!(doc.tours[0].name, "Their tour");

        let gone = doc.properties.remove(0);
        let before = doc.clone();
        assert!(!take(&mut doc, Body::Property(gone), at(11)));
        assert_eq!(doc, before, "not brought back");
    }

    #[test]
    fn a_setup_link_carries_the_databases_and_user_only_and_reads_back() {
        let setup = Setup {
            database: "https://couch.example.org:6984/agent ana".into(),
            user: "ana@brokerage".into(),
            team: String::new(),
        };
        let fragment = setup_fragment(&setup);
        assert_eq!(
            fragment,
            "sync=https%3A%2F%2Fcouch.example.org%3A6984%2Fagent%20ana&user=ana%40brokerage"
        );
        assert_eq!(read_setup_fragment(&format!("#{fragment}")), Some(setup));
        let with_team = Setup {
            database: "https://c.example/bază".into(),
            user: String::new(),
            team: "https://c.example/team".into(),
        };
        let fragment = setup_fragment(&with_team);
        assert!(fragment.ends_with("&team=https%3A%2F%2Fc.example%2Fteam"));
        assert_eq!(read_setup_fragment(&fragment), Some(with_team));
        // Anything else is not a setup link.
        assert_eq!(read_setup_fragment("#2.abc"), None);
        assert_eq!(read_setup_fragment(""), None);
        assert_eq!(read_setup_fragment("sync=&user=x"), None);
        assert_eq!(read_setup_fragment("sync=%E2%28&user=x"), None, "not UTF-8");
        assert_eq!(read_setup_fragment("sync=%4"), None, "a broken escape");
        assert_eq!(read_setup_fragment("sync=a&password=b"), None);
    }

    #[test]
    fn only_what_changed_since_the_last_push_goes_up() {
        let mut doc = sample_document(at(0));
        assert!(outgoing(&doc, Some(at(1))).is_empty());
        doc.properties[2].stamp.updated = at(5);
        doc.deleted.push(Tombstone {
            id: Id::from_u128(9),
            at: at(6),
        });
        let up: Vec<Id> = outgoing(&doc, Some(at(1))).iter().map(Body::id).collect();
        assert_eq!(up, [doc.properties[2].id, Id::from_u128(9)]);
    }

    #[test]
    fn what_comes_down_merges_by_the_latest_edit_and_deletions_hold() {
        let local = sample_document(at(0));
        let mut theirs = local.properties[0].clone();
        theirs.address = "Edited on the phone".into();
        theirs.stamp.updated = at(10);
        let mut older = local.properties[1].clone();
        older.address = "An older copy".into();
        older.stamp.updated = at(-10);
        let gone = Tombstone {
            id: local.buyers[0].id,
            at: at(10),
        };
        let down = incoming(
            &local,
            [
                Body::Property(theirs.clone()),
                Body::Property(older),
                Body::Deleted(gone),
            ],
        );
        let merged = merge(&local, &down);
        assert_eq!(merged.properties[0].address, "Edited on the phone");
        assert_eq!(merged.properties[1].address, local.properties[1].address);
        assert!(merged.buyers.iter().all(|b| b.id != gone.id));
        assert_eq!(merged.properties.len(), local.properties.len());
    }

    #[test]
    fn a_record_edited_on_both_devices_keeps_the_other_version() {
        let mut local = sample_document(at(0));
        let pushed = Some(at(1));
        // Edited here after the last push, and there: theirs is later.
        local.properties[0].address = "here".into();
        local.properties[0].stamp.updated = at(5);
        let mut theirs = local.properties[0].clone();
        theirs.address = "there".into();
        theirs.stamp.updated = at(6);
        // Edited there only: no conflict.
        let mut only_there = local.properties[1].clone();
        only_there.address = "only there".into();
        only_there.stamp.updated = at(6);
        // Edited here later than there: this device's wins, theirs is kept.
        local.buyers[0].name = "here, later".into();
        local.buyers[0].stamp.updated = at(9);
        let mut their_buyer = local.buyers[0].clone();
        their_buyer.name = "there, earlier".into();
        their_buyer.stamp.updated = at(7);
        let came = [
            Body::Property(theirs),
            Body::Property(only_there),
            Body::Buyer(their_buyer.clone()),
        ];
        let lost = losers(&local, &came, pushed);
        assert_eq!(lost.len(), 2);
        assert_eq!(
            lost[0],
            Body::Property(local.properties[0].clone()),
            "this device's older edit"
        );
        assert_eq!(
            lost[1],
            Body::Buyer(their_buyer),
            "the other device's older edit"
        );
        // The same copy on both sides is no conflict.
        assert!(losers(&local, &[Body::Buyer(local.buyers[0].clone())], pushed).is_empty());
    }

    #[test]
    fn a_changes_answer_is_read_with_either_kind_of_sequence() {
        let couch = r#"{"results":[
            {"seq":"3-g1AAAA","id":"00000000-0000-0000-0000-000000000007","changes":[{"rev":"2-ab"}],"deleted":true,"doc":{"_id":"x","_rev":"2-ab","_deleted":true,"iv":"AAAA","data":"BBBB"}},
            {"seq":"4-g1AAAB","id":"_design/x","changes":[{"rev":"1-cd"}],"doc":{"iv":"C","data":"D"}},
            {"seq":"5-g1AAAC","id":"not-ours","changes":[{"rev":"1-ef"}],"doc":{"_id":"not-ours","title":"hello"}}
        ],"last_seq":"5-g1AAAC","pending":0}"#;
        let (changes, since) = read_changes(couch).unwrap();
        assert_eq!(since, Since("5-g1AAAC".into()));
        assert_eq!(since.query(), "5-g1AAAC");
        assert_eq!(changes.len(), 3);
        assert!(changes[0].deleted);
        assert_eq!(changes[0].rev, "2-ab");
        assert_eq!(
            changes[0].sealed,
            Some(Sealed {
                iv: "AAAA".into(),
                data: "BBBB".into()
            })
        );
        assert_eq!(changes[1].sealed, None, "a design document is not a record");
        assert_eq!(changes[2].sealed, None, "nor is another app's document");
        let pouch = r#"{"results":[],"last_seq":12}"#;
        assert_eq!(read_changes(pouch).unwrap().1.query(), "12");
        assert_eq!(Since::default().query(), "0");
        assert!(read_changes("{\"results\":5}").is_err());
    }

    #[test]
    fn the_checkpoint_is_kept_and_resumed_from() {
        let mut state = State {
            since: Since("7-g1AAAA".into()),
            pushed: Some(at(4)),
            retry: vec!["b".into()],
            uploaded: vec!["media-c".into()],
            ..State::default()
        };
        state.revs.insert("a".into(), "2-x".into());
        state.revs.insert("b".into(), "1-y".into());
        let back = State::from_text(&state.to_text());
        assert_eq!(back, state);
        assert_eq!(back.since.query(), "7-g1AAAA");
        // Nothing kept, or something damaged: a first sync, from the start.
        assert_eq!(State::from_text(""), State::default());
        assert_eq!(State::from_text("{\"revs\":5}"), State::default());
    }

    #[test]
    fn bulk_docs_carry_ids_revisions_and_ciphertext_only() {
        let sealed = Sealed {
            iv: "NONCE".into(),
            data: "CIPHER".into(),
        };
        let body = bulk_docs(&[
            Upload {
                id: Id::from_u128(1),
                rev: None,
                deleted: false,
                sealed: &sealed,
            },
            Upload {
                id: Id::from_u128(2),
                rev: Some("3-x"),
                deleted: true,
                sealed: &sealed,
            },
        ]);
        assert_eq!(
            body,
            r#"{"docs":[{"_id":"00000000-0000-0000-0000-000000000001","iv":"NONCE","data":"CIPHER"},{"_id":"00000000-0000-0000-0000-000000000002","_rev":"3-x","_deleted":true,"iv":"NONCE","data":"CIPHER"}]}"#
        );
        let answer = r#"[{"ok":true,"id":"a","rev":"1-x"},{"id":"b","error":"conflict","reason":"Document update conflict."},{"id":"c","error":"forbidden","reason":"no"}]"#;
        assert_eq!(
            read_bulk_result(answer).unwrap(),
            vec![
                ("a".into(), Written::Kept("1-x".into())),
                ("b".into(), Written::Conflict),
                ("c".into(), Written::Refused("forbidden".into())),
            ]
        );
    }
}
