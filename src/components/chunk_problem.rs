use crate::components::BackupButton;
use crate::i18n::{t, use_i18n};
use crate::state::{use_document, SaveState};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Why a part of the app could not be loaded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Problem {
    /// No connection (or a failed request): trying again may work.
    Network,
    /// The host now serves a newer version and this one's files are gone:
    /// reloading opens the new version.
    Updated,
}

/// The message for a part of the app (a page's wasm chunk) that could not
/// be loaded, with Try again. Lives in the shell, so it shows when nothing
/// else can be fetched.
///
/// The chunk loader (`__wasm_split.js`, patched by
/// scripts/patch-split-loader.mjs) never reports a failed load to the wasm,
/// which would abort the app: it calls `showplanChunkFailed(gone)` and
/// waits for the promise this returns, resolved by Try again, then loads
/// again. Every pending edit is saved at once; when that write fails (full
/// storage), the message says so and offers a backup instead of a reload
/// that would lose the edit.
#[component]
pub fn ChunkProblem() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_document();
    let problem = RwSignal::new(None::<Problem>);
    let waiting = StoredValue::new_local(Vec::<js_sys::Function>::new());
    let on_failed = Closure::<dyn Fn(bool) -> js_sys::Promise>::new(move |gone: bool| {
        state.save_now();
        problem.set(Some(if gone {
            Problem::Updated
        } else {
            Problem::Network
        }));
        js_sys::Promise::new(&mut |resolve, _| waiting.update_value(|w| w.push(resolve)))
    });
    // Lives as long as the page (the app is mounted once); unmounting
    // (tests) unhooks it.
    let on_failed = on_failed.into_js_value();
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &"showplanChunkFailed".into(), &on_failed);
    }
    on_cleanup(move || {
        if let Some(window) = web_sys::window() {
            let _ = js_sys::Reflect::delete_property(&window, &"showplanChunkFailed".into());
        }
    });
    let saved = move || state.save_state.with(|s| *s == SaveState::Saved);
    let try_again = move |_| {
        state.save_now();
        if problem.get_untracked() == Some(Problem::Updated) {
            if !saved() {
                return;
            }
            // Saved above; the new version opens on this same address.
            crate::browser::reload();
            return;
        }
        problem.set(None);
        for resolve in waiting.try_update_value(std::mem::take).unwrap_or_default() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    };
    view! {
        {move || problem.get().map(|p| view! {
            <section class="banner banner-danger" role="alert" data-testid="chunk-problem">
                <p>
                    {match p {
                        Problem::Network => t!(i18n, chunk_failed).into_any(),
                        Problem::Updated => t!(i18n, chunk_updated).into_any(),
                    }}
                    " "
                    {move || if saved() { t!(i18n, chunk_saved).into_any() } else { t!(i18n, chunk_not_saved).into_any() }}
                </p>
                // A reload would lose an edit storage could not take.
                <Show when=move || p == Problem::Network || saved()>
                    <button type="button" on:click=try_again>
                        {match p {
                            Problem::Network => t!(i18n, try_again).into_any(),
                            Problem::Updated => t!(i18n, update_reload).into_any(),
                        }}
                    </button>
                </Show>
                <Show when=move || !saved()>
                    <BackupButton />
                </Show>
            </section>
        })}
    }
}
