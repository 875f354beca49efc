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
    BASE.get_or_init(|| {
        let uri = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_default();
        base_from_uri(&uri)
    })
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
}
