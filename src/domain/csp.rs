//! Whether this copy's Content-Security-Policy lets it fetch from a server
//! the user configured (a routing engine, later a sync server), so a
//! setting it would block is refused when typed, with words, rather than
//! failing later like a dead network.
//!
//! The policy is the one the build wrote into `index.html` (its
//! `connect-src`, extended at build time with `CONNECT_SRC`; see README).

/// Scheme, host and port of an http(s) address (`None` for anything else).
fn origin(url: &str) -> Option<(String, String, u16)> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default = match scheme.as_str() {
        "http" => 80,
        "https" => 443,
        _ => return None,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        // An IPv6 address: [::1]:5000.
        let (h, after) = rest.split_once(']')?;
        let port = match after.strip_prefix(':') {
            Some(p) => p.parse().ok()?,
            None if after.is_empty() => default,
            None => return None,
        };
        (format!("[{h}]"), port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h.to_string(), p.parse().ok()?),
            None => (authority.to_string(), default),
        }
    };
    (!host.is_empty()).then(|| (scheme, host.to_ascii_lowercase(), port))
}

/// The source list of `directive` in `policy`, else of `default-src`.
fn sources<'a>(policy: &'a str, directive: &str) -> Vec<&'a str> {
    let find = |name: &str| {
        policy.split(';').find_map(|d| {
            let mut words = d.split_whitespace();
            (words.next()?.eq_ignore_ascii_case(name)).then(|| words.collect::<Vec<_>>())
        })
    };
    find(directive)
        .or_else(|| find("default-src"))
        .unwrap_or_else(|| vec!["*"])
}

/// Does one source expression allow `url` (whose origin is `to`) from a
/// page at `page`?
fn matches(source: &str, page: &(String, String, u16), to: &(String, String, u16)) -> bool {
    let (scheme, host, port) = to;
    let secure_upgrade = |s: &str| s == scheme || (s == "http" && scheme == "https");
    match source.to_ascii_lowercase().as_str() {
        "'none'" => false,
        "'self'" => page == to,
        "*" => scheme == "http" || scheme == "https",
        s if s.ends_with(':') && !s.contains('/') => secure_upgrade(&s[..s.len() - 1]),
        s => {
            let (src_scheme, rest) = match s.split_once("://") {
                Some((sc, r)) => (Some(sc), r),
                None => (None, s),
            };
            if let Some(sc) = src_scheme {
                if !secure_upgrade(sc) {
                    return false;
                }
            } else if !secure_upgrade(&page.0) {
                return false;
            }
            let authority = rest.split('/').next().unwrap_or("");
            let (src_host, src_port) = match authority.rsplit_once(':') {
                Some((h, p)) => (h, Some(p)),
                None => (authority, None),
            };
            let host_ok = match src_host.strip_prefix("*.") {
                Some(parent) => host.ends_with(&format!(".{parent}")),
                None => src_host == host,
            };
            let port_ok = match src_port {
                Some("*") => true,
                Some(p) => p.parse::<u16>().ok() == Some(*port),
                None => *port == if scheme == "https" { 443 } else { 80 },
            };
            host_ok && port_ok
        }
    }
}

/// Whether `policy` lets a page at `page_url` fetch `url`.
pub fn allows_connect(policy: &str, page_url: &str, url: &str) -> bool {
    let (Some(page), Some(to)) = (origin(page_url), origin(url)) else {
        return false;
    };
    sources(policy, "connect-src")
        .iter()
        .any(|s| matches(s, &page, &to))
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' https://osrm.example.org http://127.0.0.1:5011 https://*.brokerage.test";
    const PAGE: &str = "https://agent.example.com/showplan/tours";

    #[test]
    fn only_the_listed_servers_are_allowed() {
        let ok = |url| allows_connect(POLICY, PAGE, url);
        assert!(ok("https://agent.example.com/anything"));
        assert!(ok("https://osrm.example.org/table/v1/driving/1,2;3,4"));
        assert!(ok("http://127.0.0.1:5011/table/v1"));
        assert!(ok("https://routes.brokerage.test"));
        assert!(!ok("http://127.0.0.1:5012/table/v1"), "another port");
        assert!(
            !ok("http://osrm.example.org/"),
            "http where https is listed"
        );
        assert!(!ok("https://router.project-osrm.org/"));
        assert!(
            !ok("https://brokerage.test/"),
            "a wildcard names subdomains only"
        );
        assert!(!ok("ftp://osrm.example.org/"));
        assert!(!ok("not an address"));
    }

    #[test]
    fn a_scheme_or_a_star_allows_widely_and_none_allows_nothing() {
        assert!(allows_connect(
            "connect-src 'self' https:",
            PAGE,
            "https://any.example.net:8443/x"
        ));
        assert!(!allows_connect(
            "connect-src 'self' https:",
            PAGE,
            "http://any.example.net/"
        ));
        assert!(allows_connect(
            "connect-src *",
            PAGE,
            "http://10.0.0.5:5000/"
        ));
        assert!(!allows_connect(
            "connect-src 'none'",
            PAGE,
            "https://agent.example.com/"
        ));
        // No connect-src: default-src decides; no policy at all allows.
        assert!(!allows_connect(
            "default-src 'self'",
            PAGE,
            "https://osrm.example.org/"
        ));
        assert!(allows_connect("", PAGE, "https://osrm.example.org/"));
        assert!(allows_connect(
            "connect-src http://localhost:*",
            "http://localhost:8080/",
            "http://localhost:5000/"
        ));
    }
}
