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
        assert_eq!(counted.len(), 13, "{language}");
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
