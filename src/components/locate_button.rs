//! "Use my location": fills a place from where the device is, for an agent
//! at the door who has no coordinates at hand. Left out where the browser
//! cannot tell; a refusal or a failure says what to do, in the user's
//! language.
use crate::domain::model::LatLon;
use crate::geolocation::{self, Found, LocateError};
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;

/// What the last tap found.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Asked {
    Working,
    Found(f64),
    Failed(LocateError),
}

#[component]
pub fn LocateButton(
    /// Called with where the device is.
    #[prop(into)]
    found: Callback<LatLon>,
) -> impl IntoView {
    let i18n = use_i18n();
    let asked = RwSignal::new(None::<Asked>);
    let locate = move |_| {
        asked.set(Some(Asked::Working));
        leptos::task::spawn_local(async move {
            let said = match geolocation::here().await {
                Ok(Found { at, within_m }) => {
                    found.run(at);
                    Asked::Found(within_m)
                }
                Err(e) => Asked::Failed(e),
            };
            // The form may be gone by now.
            asked.try_set(Some(said));
        });
    };
    let message = move || {
        asked.get().map(|a| match a {
            Asked::Working => t_string!(i18n, locate_working).to_string(),
            Asked::Found(m) => {
                let metres = crate::format::number(i18n.get_locale().as_str(), m.max(1.0).round());
                t_string!(i18n, locate_found, metres = metres).to_string()
            }
            Asked::Failed(LocateError::Denied) => t_string!(i18n, locate_denied).to_string(),
            Asked::Failed(LocateError::Unavailable) => {
                t_string!(i18n, locate_unavailable).to_string()
            }
            Asked::Failed(LocateError::TimedOut) => t_string!(i18n, locate_timed_out).to_string(),
            Asked::Failed(LocateError::Unsupported) => {
                t_string!(i18n, locate_unsupported).to_string()
            }
        })
    };
    view! {
        <Show when=geolocation::supported>
            <div class="locate">
                <button
                    type="button"
                    class="secondary"
                    disabled=move || asked.get() == Some(Asked::Working)
                    on:click=locate
                >
                    {t!(i18n, locate_use_mine)}
                </button>
                <p class="message" role="status">{message}</p>
            </div>
        </Show>
    }
}
