//! Reusable pieces of the UI, one public component per file.
mod backup_button;
mod import_backup;
mod language_switch;
mod locale_memory;
mod storage_banners;
mod top_bar;

pub use backup_button::BackupButton;
pub use import_backup::ImportBackup;
pub use language_switch::LanguageSwitch;
pub use locale_memory::LocaleMemory;
pub use storage_banners::StorageBanners;
pub use top_bar::TopBar;
