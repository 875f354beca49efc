//! Generates the typed translation keys from `locales/*.json`, so a missing
//! or misspelt key (or interpolation name) is a build error, not a blank
//! label.
//!
//! - `$OUT_DIR/i18n.rs`: the English strings (compiled in: the first render
//!   and the stand-in while another language loads), one constant per key
//!   (`keys::buyers_count::one` is an index), and per key the names its text
//!   interpolates (`args::tour_leg::minutes`), checked by `t!`.
//! - `target/i18n/<lang>.json` for every other language: its strings in the
//!   same order (English where one is missing) with the key list's
//!   fingerprint. scripts/build-wasm.sh puts them beside the wasm; the app
//!   fetches only the language the user reads.
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// English first: it is the fallback and the one compiled in.
const LOCALES: [&str; 5] = ["en", "es", "ro", "vi", "id"];

fn read(dir: &Path, locale: &str) -> Result<BTreeMap<String, String>, Box<dyn Error>> {
    let path = dir.join(format!("{locale}.json"));
    println!("cargo::rerun-if-changed={}", path.display());
    let value: Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    let Value::Object(map) = value else {
        return Err(format!("{} is not a JSON object", path.display()).into());
    };
    let mut out = BTreeMap::new();
    flatten("", &map, &mut out)?;
    Ok(out)
}

fn flatten(
    prefix: &str,
    map: &Map<String, Value>,
    out: &mut BTreeMap<String, String>,
) -> Result<(), Box<dyn Error>> {
    for (key, value) in map {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            Value::String(text) => {
                out.insert(path, text.clone());
            }
            Value::Object(inner) => flatten(&path, inner, out)?,
            _ => return Err(format!("{path}: a text or an object of texts").into()),
        }
    }
    Ok(())
}

/// The `{{ name }}` placeholders of a text.
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        names.insert(after[..end].trim().to_string());
        rest = &after[end + 2..];
    }
    names
}

/// FNV-1a over the key list: a language file is used only by a build with
/// exactly these keys in this order.
fn fingerprint(keys: &[&String]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for key in keys {
        for byte in key.bytes().chain([b'\n']) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// Nested modules for dotted keys: `a.b` becomes `pub mod a { pub const b }`.
#[derive(Default)]
struct Tree {
    leaf: Option<String>,
    children: BTreeMap<String, Tree>,
}

impl Tree {
    fn insert(&mut self, path: &str, item: String) {
        let mut node = self;
        for part in path.split('.') {
            node = node.children.entry(part.to_string()).or_default();
        }
        node.leaf = Some(item);
    }

    fn emit(&self, out: &mut String) {
        for (name, child) in &self.children {
            if let Some(item) = &child.leaf {
                let _ = writeln!(out, "{}", item.replace("{name}", name));
            }
            if !child.children.is_empty() {
                let _ = writeln!(out, "pub mod {name} {{");
                child.emit(out);
                out.push_str("}\n");
            }
        }
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").ok_or("no manifest dir")?);
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    let dir = manifest.join("locales");
    let english = read(&dir, "en")?;
    let keys: Vec<&String> = english.keys().collect();
    let print = fingerprint(&keys);

    let mut code = String::new();
    let _ = writeln!(
        code,
        "/// The key list's fingerprint, as in every language file."
    );
    let _ = writeln!(code, "pub const FINGERPRINT: &str = {print:?};");
    let _ = writeln!(code, "/// How many texts a language has.");
    let _ = writeln!(code, "pub const COUNT: usize = {};", keys.len());
    let mut key_tree = Tree::default();
    let mut arg_tree = Tree::default();
    for (index, (key, text)) in english.iter().enumerate() {
        // The English text goes with its key, so a build keeps only the
        // texts it shows (the buyer's viewer: a few dozen of them).
        let name = key.rsplit('.').next().unwrap_or(key);
        key_tree.insert(
            key,
            format!(
                "pub const {name}: crate::i18n::Key = &crate::i18n::Text {{ index: {index}, english: {text:?} }};"
            ),
        );
        for name in placeholders(text) {
            arg_tree.insert(
                &format!("{key}.{name}"),
                "pub const {name}: () = ();".into(),
            );
        }
    }
    code.push_str("/// Each key: its index in a language file, and its English text.\n#[allow(non_upper_case_globals)]\npub mod keys {\n");
    key_tree.emit(&mut code);
    code.push_str("}\n/// The names each key's text interpolates.\n#[allow(non_upper_case_globals, dead_code)]\npub mod args {\n");
    arg_tree.emit(&mut code);
    code.push_str("}\n");
    std::fs::write(out_dir.join("i18n.rs"), code)?;

    let files = manifest.join("target").join("i18n");
    std::fs::create_dir_all(&files)?;
    for locale in &LOCALES[1..] {
        let texts = read(&dir, locale)?;
        let strings: Vec<&String> = english
            .iter()
            .map(|(key, en)| texts.get(key).unwrap_or(en))
            .collect();
        let file = serde_json::json!({ "fingerprint": print, "strings": strings });
        let text = serde_json::to_string(&file)?;
        // Test builds compile them in (src/i18n.rs), from OUT_DIR.
        std::fs::write(out_dir.join(format!("i18n-{locale}.json")), &text)?;
        // Written only when changed, so a rebuild does not touch them.
        let path = files.join(format!("{locale}.json"));
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, text)?;
        }
    }
    Ok(())
}
