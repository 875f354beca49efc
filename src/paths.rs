//! Every in-app link goes through [`href`], so the app works when it is
//! served under a sub-path (`trunk build --public-url /showplan/`).
//!
//! The sub-path is read from the `<base href>` that Trunk writes into
//! `index.html`, so one build knows where it lives without configuration.
use std::sync::OnceLock;

static BASE: OnceLock<String> = OnceLock::new();

/// The path the app is served under, without a trailing slash: `""` at the
/// root of a host, `"/showplan"` under a sub-path.
pub fn base() -> String {
    BASE.get_or_init(|| base_from_uri(&crate::browser::base_uri()))
        .clone()
}

/// An absolute in-app path (`"/tours"`) turned into the link for this host.
pub fn href(path: &str) -> String {
    join(&base(), path)
}

/// The path part of a base URI, trimmed of its trailing slash.
///
/// `"https://x.github.io/showplan/"` gives `"/showplan"`; `"http://127.0.0.1:8080/"` gives `""`.
pub fn base_from_uri(uri: &str) -> String {
    let after_scheme = match uri.find("://") {
        Some(i) => &uri[i + 3..],
        None => uri,
    };
    let path = match after_scheme.find('/') {
        Some(i) => &after_scheme[i..],
        None => "",
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    // A base URI names a folder: drop any file name after the last slash.
    let folder = match path.rfind('/') {
        Some(i) => &path[..i],
        None => "",
    };
    folder.trim_end_matches('/').to_string()
}

/// Joins a base (`""` or `"/showplan"`) and an absolute path (`"/tours"`).
pub fn join(base: &str, path: &str) -> String {
    let path = path.trim_start_matches('/');
    format!("{}/{}", base.trim_end_matches('/'), path)
}

/// Where the app should be when it starts at `pathname`, if not there.
///
/// A buyer's link is short: `<base>/#2.…`, the app's root with the
/// itinerary in the fragment; it opens the buyer view (`<base>/view#2.…`).
/// So does any other fragment at the root, for the buyer view to say it is
/// not an itinerary. A visit to the bare root (or to `<base>/index.html`)
/// opens Buyers, the app's first page. Settling
/// this before the first render spares rendering the root only to redirect
/// (a whole second render on every start, on a phone's slow CPU).
pub fn start_address(base: &str, pathname: &str, hash: &str) -> Option<String> {
    // Some hosts and bookmarks name the start page itself: the same root.
    let at_root = pathname.trim_end_matches('/') == base.trim_end_matches('/')
        || pathname == join(base, "/index.html");
    if !at_root {
        return None;
    }
    let fragment = hash.trim_start_matches('#');
    Some(if !fragment.is_empty() {
        format!("{}#{fragment}", join(base, "/view"))
    } else {
        join(base, "/buyers")
    })
}

/// Is `pathname` the buyer's itinerary view (where agent tools are hidden)?
pub fn is_buyer_view(pathname: &str) -> bool {
    pathname.trim_end_matches('/').ends_with("/view")
}

/// The part of the app an address shows: one per entry of the top bar, and
/// the pages reached from them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Buyers,
    Properties,
    Match,
    Tours,
    Day,
    Compare,
    Data,
    View,
    Reply,
}

/// The page an address inside the app shows (`pathname` with the base, as
/// the browser has it), and the id after it (`/buyers/<id>`); `None` when
/// no page has that address. The bare root shows Buyers.
pub fn route_of(base: &str, pathname: &str) -> Option<(Section, Option<String>)> {
    let base = base.trim_end_matches('/');
    let rest = if pathname == base {
        ""
    } else {
        pathname.strip_prefix(base)?.strip_prefix('/')?
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let (first, id) = match rest.split_once('/') {
        Some((first, id)) if !id.is_empty() && !id.contains('/') => (first, Some(id.to_string())),
        Some(_) => return None,
        None => (rest, None),
    };
    let section = match first {
        "" | "index.html" if id.is_none() => Section::Buyers,
        "buyers" => Section::Buyers,
        "properties" => Section::Properties,
        "tours" => Section::Tours,
        "day" if id.is_some() => Section::Day,
        "compare" if id.is_some() => Section::Compare,
        "match" if id.is_none() => Section::Match,
        "data" if id.is_none() => Section::Data,
        "view" if id.is_none() => Section::View,
        "reply" if id.is_none() => Section::Reply,
        _ => return None,
    };
    Some((section, id))
}

/// Whether a link to `path` (with the base) is the page at `pathname` or a
/// page under it: how the top bar marks where the user is.
pub fn is_under(path: &str, pathname: &str) -> bool {
    let path = path
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .trim_end_matches('/');
    let pathname = pathname.trim_end_matches('/');
    pathname == path
        || pathname
            .strip_prefix(path)
            .is_some_and(|rest| rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_at_host_root_is_empty() {
        assert_eq!(base_from_uri("http://127.0.0.1:8080/"), "");
        assert_eq!(base_from_uri("http://127.0.0.1:8080"), "");
    }

    #[test]
    fn base_under_sub_path_has_no_trailing_slash() {
        assert_eq!(base_from_uri("https://me.github.io/showplan/"), "/showplan");
        assert_eq!(base_from_uri("https://h/a/b/?x=1#y"), "/a/b");
        assert_eq!(base_from_uri("http://127.0.0.1:8000/index.html"), "");
    }

    #[test]
    fn a_short_link_at_the_root_opens_the_buyer_view() {
        assert_eq!(
            start_address("", "/", "#2.abc").as_deref(),
            Some("/view#2.abc")
        );
        assert_eq!(
            start_address("/showplan", "/showplan/", "#2.abc").as_deref(),
            Some("/showplan/view#2.abc")
        );
        assert_eq!(
            start_address("/showplan", "/showplan", "#12.abc").as_deref(),
            Some("/showplan/view#12.abc")
        );
    }

    /// Whoever opens the root with something after the `#` was sent a
    /// link: if it is not an itinerary, the buyer view says so, rather than
    /// showing a buyer the agent's empty Buyers page.
    #[test]
    fn any_other_fragment_at_the_root_goes_to_the_buyer_view_to_be_explained() {
        assert_eq!(
            start_address("", "/", "#hello").as_deref(),
            Some("/view#hello")
        );
        assert_eq!(
            start_address("", "/", "#.abc").as_deref(),
            Some("/view#.abc")
        );
        assert_eq!(
            start_address("/showplan", "/showplan/", "#top").as_deref(),
            Some("/showplan/view#top")
        );
    }

    #[test]
    fn the_root_otherwise_opens_buyers() {
        assert_eq!(start_address("", "/", "").as_deref(), Some("/buyers"));
        assert_eq!(start_address("", "/", "#").as_deref(), Some("/buyers"));
        assert_eq!(
            start_address("/showplan", "/showplan/", "").as_deref(),
            Some("/showplan/buyers")
        );
    }

    #[test]
    fn the_start_page_by_name_is_the_root() {
        assert_eq!(
            start_address("", "/index.html", "").as_deref(),
            Some("/buyers")
        );
        assert_eq!(
            start_address("/showplan", "/showplan/index.html", "#2.abc").as_deref(),
            Some("/showplan/view#2.abc")
        );
        assert_eq!(start_address("", "/tours/index.html", "").as_deref(), None);
    }

    #[test]
    fn any_other_address_is_kept() {
        assert_eq!(start_address("", "/tours", "#2.abc").as_deref(), None);
        assert_eq!(start_address("", "/buyers", "").as_deref(), None);
        assert_eq!(start_address("/showplan", "/", "#2.abc").as_deref(), None);
        assert_eq!(
            start_address("/showplan", "/showplan/view", "#2.abc").as_deref(),
            None
        );
    }

    #[test]
    fn join_builds_links_for_both_roots() {
        assert_eq!(join("", "/tours"), "/tours");
        assert_eq!(join("/showplan", "/tours"), "/showplan/tours");
        assert_eq!(join("/showplan/", "tours"), "/showplan/tours");
        assert_eq!(join("", "/"), "/");
    }
    #[test]
    fn every_address_names_its_page_and_id() {
        let id = || Some("7f0c".to_string());
        assert_eq!(route_of("", "/buyers"), Some((Section::Buyers, None)));
        assert_eq!(route_of("", "/buyers/"), Some((Section::Buyers, None)));
        assert_eq!(route_of("", "/buyers/7f0c"), Some((Section::Buyers, id())));
        assert_eq!(
            route_of("", "/properties/7f0c"),
            Some((Section::Properties, id()))
        );
        assert_eq!(route_of("", "/tours/7f0c/"), Some((Section::Tours, id())));
        assert_eq!(route_of("", "/day/7f0c"), Some((Section::Day, id())));
        assert_eq!(
            route_of("", "/compare/7f0c"),
            Some((Section::Compare, id()))
        );
        assert_eq!(route_of("", "/match"), Some((Section::Match, None)));
        assert_eq!(route_of("", "/data"), Some((Section::Data, None)));
        assert_eq!(route_of("", "/view"), Some((Section::View, None)));
        assert_eq!(route_of("", "/reply"), Some((Section::Reply, None)));
        assert_eq!(route_of("", "/"), Some((Section::Buyers, None)));
        assert_eq!(
            route_of("/showplan", "/showplan/tours/7f0c"),
            Some((Section::Tours, id()))
        );
        assert_eq!(
            route_of("/showplan", "/showplan"),
            Some((Section::Buyers, None))
        );
        assert_eq!(
            route_of("/showplan", "/showplan/index.html"),
            Some((Section::Buyers, None))
        );
    }

    #[test]
    fn an_address_no_page_has_is_not_found() {
        for path in [
            "/nowhere",
            "/day",
            "/compare/",
            "/match/7f0c",
            "/buyers/a/b",
            "/buyers//",
            "/data/x",
        ] {
            assert_eq!(route_of("", path), None, "{path}");
        }
        // Outside the sub-path the app is served under.
        assert_eq!(route_of("/showplan", "/buyers"), None);
        assert_eq!(route_of("/showplan", "/showplanx/buyers"), None);
    }

    #[test]
    fn a_link_marks_its_page_and_the_pages_under_it() {
        assert!(is_under("/buyers", "/buyers"));
        assert!(is_under("/buyers", "/buyers/7f0c"));
        assert!(is_under("/showplan/match?buyer=1", "/showplan/match"));
        assert!(!is_under("/buyers", "/buyersx"));
        assert!(!is_under("/tours", "/buyers"));
    }
}
