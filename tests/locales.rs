//! Every UI string exists in every language: each locale file has the same
//! keys as English, and every counted phrase (an entry with plural forms,
//! chosen at run time by the browser's `Intl.PluralRules`) has its `one`,
//! `few` and `other` forms, each showing the count.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const LANGUAGES: [&str; 5] = ["en", "es", "ro", "vi", "id"];
const FORMS: [&str; 3] = ["one", "few", "other"];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

fn entries(language: &str) -> Map<String, Value> {
    let text = std::fs::read_to_string(dir().join(format!("{language}.json"))).unwrap();
    match serde_json::from_str(&text).unwrap() {
        Value::Object(map) => map,
        other => panic!("{language}.json is not an object: {other}"),
    }
}

/// Keys with their sub-keys (`buyers_count.one`), so a missing form counts.
fn keys(map: &Map<String, Value>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (key, value) in map {
        match value {
            Value::Object(forms) => out.extend(forms.keys().map(|f| format!("{key}.{f}"))),
            _ => {
                out.insert(key.clone());
            }
        }
    }
    out
}

#[test]
fn every_language_has_every_key() {
    let files: BTreeSet<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, LANGUAGES.iter().map(|l| l.to_string()).collect());
    let english = keys(&entries("en"));
    assert!(english.len() > 380, "{}", english.len());
    for language in LANGUAGES {
        let found = keys(&entries(language));
        let missing: Vec<_> = english.difference(&found).collect();
        let extra: Vec<_> = found.difference(&english).collect();
        assert!(missing.is_empty(), "{language}.json lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{language}.json has keys English does not: {extra:?}"
        );
    }
}

#[test]
fn counted_phrases_have_every_form_and_show_the_count() {
    for language in LANGUAGES {
        let counted: Vec<(String, Map<String, Value>)> = entries(language)
            .into_iter()
            .filter_map(|(k, v)| match v {
                Value::Object(forms) => Some((k, forms)),
                _ => None,
            })
            .collect();
        assert_eq!(counted.len(), 18, "{language}");
        for (key, forms) in counted {
            let names: BTreeSet<&str> = forms.keys().map(String::as_str).collect();
            assert_eq!(names, FORMS.into_iter().collect(), "{language}: {key}");
            for (form, text) in &forms {
                let text = text.as_str().unwrap_or_default();
                assert!(
                    text.contains("{{ count }}"),
                    "{language}: {key}.{form} = {text:?}"
                );
            }
        }
    }
}

#[test]
fn romanian_uses_its_three_forms() {
    // CLDR: 1 cumpărător (one), 2-19 cumpărători (few), 20 de cumpărători (other).
    let romanian = entries("ro");
    let form = |key: &str, f: &str| romanian[key][f].as_str().unwrap_or_default().to_string();
    assert_eq!(form("buyers_count", "one"), "{{ count }} cumpărător");
    assert_eq!(form("buyers_count", "few"), "{{ count }} cumpărători");
    assert_eq!(form("buyers_count", "other"), "{{ count }} de cumpărători");
    // English has two forms; its `few` (never chosen for English) repeats `other`.
    let english = entries("en");
    assert_eq!(
        english["buyers_count"]["few"],
        english["buyers_count"]["other"]
    );
    assert_ne!(
        english["buyers_count"]["one"],
        english["buyers_count"]["other"]
    );
}

/// The `{{ name }}` placeholders of a text.
fn placeholders(text: &str) -> BTreeSet<String> {
    text.split("{{")
        .skip(1)
        .filter_map(|part| part.split_once("}}"))
        .map(|(name, _)| name.trim().to_string())
        .collect()
}

#[test]
fn every_translation_interpolates_what_english_does() {
    // The code passes the values English names (checked when it is built):
    // a translation naming another would show "{{ name }}" to the user.
    let english = entries("en");
    for language in LANGUAGES {
        for (key, value) in entries(language) {
            let texts: Vec<(String, String, String)> = match (&value, &english[&key]) {
                (Value::String(t), Value::String(e)) => vec![(key.clone(), t.clone(), e.clone())],
                (Value::Object(forms), Value::Object(en_forms)) => forms
                    .iter()
                    .map(|(f, t)| {
                        let e = en_forms[f].as_str().unwrap_or_default().to_string();
                        (
                            format!("{key}.{f}"),
                            t.as_str().unwrap_or_default().to_string(),
                            e,
                        )
                    })
                    .collect(),
                _ => panic!("{language}: {key} has another shape than in English"),
            };
            for (name, text, en) in texts {
                assert_eq!(
                    placeholders(&text),
                    placeholders(&en),
                    "{language}: {name} = {text:?}"
                );
            }
        }
    }
}

/// The files the release build ships: one per language but English (which
/// is compiled in), each readable by exactly this build, in that language.
#[test]
fn each_language_file_is_read_by_this_build() {
    use showplan::i18n::{keys, parse_language_file, COUNT};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/i18n");
    for (language, buyers) in [
        ("es", "Compradores"),
        ("ro", "Cumpărători"),
        ("vi", "Khách mua"),
        ("id", "Pembeli"),
    ] {
        let text = std::fs::read_to_string(dir.join(format!("{language}.json"))).unwrap();
        let strings = parse_language_file(&text).unwrap();
        assert_eq!(strings.len(), COUNT);
        assert_eq!(strings[keys::buyers_title.index], buyers, "{language}");
        assert_ne!(
            strings[keys::nav_properties.index],
            keys::nav_properties.english,
            "{language}"
        );
        // A file for other keys (another version of the app) is refused.
        let other = text.replacen("\"fingerprint\":\"", "\"fingerprint\":\"0", 1);
        assert_eq!(parse_language_file(&other), None);
        assert_eq!(parse_language_file("<!doctype html>"), None);
    }
}

#[test]
fn placeholders_are_filled_and_unknown_ones_kept() {
    use showplan::i18n::fill;
    let values = [("count", "3".to_string()), ("name", "Ana".to_string())];
    assert_eq!(
        fill("{{ name }} has {{count}} homes", &values),
        "Ana has 3 homes"
    );
    assert_eq!(
        fill("{{ other }} and {{ name }}", &values),
        "{{ other }} and Ana"
    );
    assert_eq!(fill("no placeholders", &values), "no placeholders");
    assert_eq!(fill("{{ open", &values), "{{ open");
}

#[test]
fn the_browser_language_picks_the_first_one_showplan_speaks() {
    use showplan::i18n::Locale;
    assert_eq!(
        Locale::first_spoken(["fr-FR", "es-MX", "en"]),
        Some(Locale::es)
    );
    assert_eq!(Locale::first_spoken(["RO"]), Some(Locale::ro));
    assert_eq!(Locale::first_spoken(["de", "x"]), None);
    assert_eq!(Locale::first_spoken([]), None);
}
