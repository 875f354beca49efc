//! Generates the typed `i18n` module from `locales/*.json` at compile time,
//! so a missing or misspelt key is a build error, not a blank label.
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");

    let out_dir = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?;
    let i18n_mod_directory = PathBuf::from(out_dir).join("i18n");

    // interpolate_display: strings with values can also be built as plain
    // text (for aria labels, messages and downloads).
    let cfg = Config::new("en")?
        .add_locale("es")?
        .add_locale("ro")?
        .add_locale("vi")?
        .add_locale("id")?
        .parse_options(ParseOptions::new().interpolate_display(true));
    let translations = TranslationsInfos::parse(cfg)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(i18n_mod_directory)?;
    Ok(())
}
