//! Which user-entered links may become clickable.
//!
//! Only `http`, `https`, `tel` and `mailto` are allowed. Anything else
//! (`javascript:`, `data:`, `vbscript:`, a scheme hidden behind control
//! characters, whitespace or odd case) is shown as plain text.

/// The link to put in an `href`, or `None` when the text must stay text.
pub fn safe_href(text: &str) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let (scheme, rest) = trimmed.split_once(':')?;
    let valid_scheme = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !valid_scheme {
        return None;
    }
    match scheme.to_ascii_lowercase().as_str() {
        "http" | "https" => {
            let host = rest.strip_prefix("//")?;
            let host_end = host.find(['/', '?', '#']).unwrap_or(host.len());
            (!host[..host_end].is_empty()).then(|| trimmed.to_string())
        }
        "tel" | "mailto" => (!rest.is_empty()).then(|| trimmed.to_string()),
        _ => None,
    }
}

/// A contact as a link a phone can act on: `mailto:` for an e-mail address,
/// `tel:` for a phone number ("+1 503 555 0100", "(503) 555-0100");
/// `None` for anything else.
pub fn contact_href(contact: &str) -> Option<String> {
    let c = contact.trim();
    if c.contains('@') {
        let ok = !c.chars().any(|ch| ch.is_whitespace() || ch.is_control())
            && c.split_once('@')
                .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
        return ok.then(|| format!("mailto:{c}"));
    }
    let allowed = |ch: char| ch.is_ascii_digit() || matches!(ch, '+' | ' ' | '-' | '.' | '(' | ')');
    let digits = c.chars().filter(char::is_ascii_digit).count();
    if !(5..=15).contains(&digits)
        || !c.chars().all(allowed)
        || c.chars().skip(1).any(|ch| ch == '+')
    {
        return None;
    }
    Some(format!(
        "tel:{}",
        c.chars()
            .filter(|ch| ch.is_ascii_digit() || *ch == '+')
            .collect::<String>()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_links_are_allowed() {
        for ok in [
            "https://www.example.com/listing/123",
            "http://example.com",
            "HTTPS://EXAMPLE.COM/A?b=c#d",
            "  https://example.com/padded  ",
            "tel:+1-503-555-0142",
            "mailto:agent@example.com?subject=Showing",
        ] {
            assert!(safe_href(ok).is_some(), "{ok}");
        }
        assert_eq!(
            safe_href("  https://example.com  ").as_deref(),
            Some("https://example.com")
        );
    }

    #[test]
    fn script_and_data_links_stay_text() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "JAVASCRIPT:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{0}javascript:alert(1)",
            "javascript\u{000B}:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "//evil.example.com",
            "https:evil",
            "https:///",
            "www.example.com",
            "",
            "   ",
            "&#106;avascript:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "http://exa mple.com",
        ] {
            assert_eq!(safe_href(bad), None, "{bad:?}");
        }
    }
}
