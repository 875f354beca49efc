//! Every UI string exists in every language: each locale file has the same
//! keys as English (plural keys compared by their base name, since languages
//! have different plural forms), and every plural key has its `other` form.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use std::collections::BTreeSet;

const PLURAL_FORMS: [&str; 6] = ["_zero", "_one", "_two", "_few", "_many", "_other"];

fn base(key: &str) -> &str {
    PLURAL_FORMS
        .iter()
        .find_map(|s| key.strip_suffix(s))
        .unwrap_or(key)
}

fn keys(path: &std::path::Path) -> (BTreeSet<String>, BTreeSet<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let all: BTreeSet<String> = json.as_object().unwrap().keys().cloned().collect();
    let bases = all.iter().map(|k| base(k).to_string()).collect();
    (all, bases)
}

#[test]
fn every_language_has_every_key() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let (_, english) = keys(&dir.join("en.json"));
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let (all, bases) = keys(&path);
        let missing: Vec<_> = english.difference(&bases).collect();
        let extra: Vec<_> = bases.difference(&english).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", path.display());
        assert!(
            extra.is_empty(),
            "{} has keys English does not: {extra:?}",
            path.display()
        );
        for key in &all {
            if key.as_str() != base(key) {
                let other = format!("{}_other", base(key));
                assert!(
                    all.contains(&other),
                    "{} has {key} but not {other}",
                    path.display()
                );
            }
        }
        checked += 1;
    }
    assert_eq!(
        checked, 5,
        "English, Spanish, Romanian, Vietnamese, Indonesian"
    );
}

#[test]
fn romanian_plurals_have_one_few_and_other() {
    // CLDR: 1 casă, 2-19 case (few), 20 de case (other). Vietnamese and
    // Indonesian have one form, written as a plain string with the count.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let (english, _) = keys(&dir.join("en.json"));
    let (romanian, _) = keys(&dir.join("ro.json"));
    for key in english.iter().filter_map(|k| k.strip_suffix("_one")) {
        for form in ["_one", "_few", "_other"] {
            let want = format!("{key}{form}");
            assert!(romanian.contains(&want), "ro.json lacks {want}");
        }
    }
}
