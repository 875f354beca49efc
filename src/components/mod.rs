//! Reusable pieces of the UI, one public component per file.
mod language_switch;
mod locale_memory;
mod top_bar;

pub use language_switch::LanguageSwitch;
pub use locale_memory::LocaleMemory;
pub use top_bar::TopBar;
