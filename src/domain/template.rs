//! Texts with `{{ name }}` placeholders: the UI's (`i18n`) and the
//! messages Showplan writes for the agent (`tour_day::messages`).

/// `text` with each `{{ name }}` replaced by its value (an unknown name is
/// left as written), in one pass: braces inside a value stay as written.
pub fn fill<V: AsRef<str>>(text: &str, values: &[(&str, V)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        let name = rest[start + 2..start + len].trim();
        out.push_str(&rest[..start]);
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => out.push_str(value.as_ref()),
            None => out.push_str(&rest[start..start + len + 2]),
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}
