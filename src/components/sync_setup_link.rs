//! "Add another device": the setup link and its QR code, which open the
//! Data page on a second device with the database and user name filled in.
//! Neither the password nor the passphrase is in it: they are typed there.
use crate::components::QrCodeImage;
use crate::domain::sync::{setup_fragment, Setup};
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;

#[component]
pub fn SyncSetupLink(
    /// The database and user name this device syncs with.
    database: String,
    user: String,
    /// The team's shared database, when one is set.
    team: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let link = format!(
        "{}#{}",
        crate::browser::absolute(&crate::paths::href("/data")),
        setup_fragment(&Setup {
            database,
            user,
            team
        })
    );
    let shown = link.clone();
    view! {
        <details class="sync-setup" data-testid="sync-setup">
            <summary>{t!(i18n, sync_add_device)}</summary>
            <p class="muted">{t!(i18n, sync_add_device_help)}</p>
            <label class="field">
                <span>{t!(i18n, sync_setup_link)}</span>
                <input type="url" readonly prop:value=shown on:focus=|ev| {
                    use wasm_bindgen::JsCast;
                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        input.select();
                    }
                } />
            </label>
            <QrCodeImage text=link label=t_string!(i18n, sync_setup_qr).to_string() />
        </details>
    }
}
