//! Which currency prices are in. It follows the agent's market, not the
//! language (Spanish-speaking agents sell in dollars, euros and pesos), so
//! it is a setting; the browser's language tag only suggests the first one.

/// The currencies offered in the setting (ISO 4217 codes).
pub const CURRENCIES: [&str; 14] = [
    "USD", "EUR", "MXN", "RON", "VND", "IDR", "GBP", "CAD", "AUD", "COP", "ARS", "CLP", "PEN",
    "MDL",
];

/// Whether `code` is one of [`CURRENCIES`].
pub fn is_known(code: &str) -> bool {
    CURRENCIES.contains(&code)
}

/// The currency a browser language tag suggests: by its region when it has
/// one ("es-MX": MXN), else by its language ("ro": RON); USD when unsure.
pub fn for_language(tag: &str) -> &'static str {
    let mut parts = tag.split(['-', '_']);
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    let region = parts
        .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
        .map(|p| p.to_ascii_uppercase());
    let by_region = match region.as_deref() {
        Some("MX") => Some("MXN"),
        Some("ES" | "FR" | "DE" | "IT" | "PT" | "NL" | "BE" | "AT" | "IE" | "FI" | "GR") => {
            Some("EUR")
        }
        Some("RO") => Some("RON"),
        Some("MD") => Some("MDL"),
        Some("VN") => Some("VND"),
        Some("ID") => Some("IDR"),
        Some("GB") => Some("GBP"),
        Some("CA") => Some("CAD"),
        Some("AU") => Some("AUD"),
        Some("CO") => Some("COP"),
        Some("AR") => Some("ARS"),
        Some("CL") => Some("CLP"),
        Some("PE") => Some("PEN"),
        Some(_) => Some("USD"),
        None => None,
    };
    by_region.unwrap_or(match language.as_str() {
        "es" => "EUR",
        "ro" => "RON",
        "vi" => "VND",
        "id" => "IDR",
        _ => "USD",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_language_suggests_a_currency() {
        assert_eq!(for_language("en-US"), "USD");
        assert_eq!(for_language("es-MX"), "MXN");
        assert_eq!(for_language("es-ES"), "EUR");
        assert_eq!(for_language("es-US"), "USD");
        assert_eq!(for_language("ro"), "RON");
        assert_eq!(for_language("vi-VN"), "VND");
        assert_eq!(for_language("id"), "IDR");
        assert_eq!(for_language("zh-Hant-TW"), "USD");
        assert_eq!(for_language(""), "USD");
        assert!(CURRENCIES.iter().all(|c| is_known(c)));
        assert!(!is_known("usd"));
    }
}
