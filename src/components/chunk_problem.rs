use crate::i18n::{t, use_i18n};
use crate::state::use_document;
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
/// again. Every pending edit is saved at once.
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
    let try_again = move |_| {
        state.save_now();
        if problem.get_untracked() == Some(Problem::Updated) {
            // Saved above; the new version opens on this same address.
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
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
                    {t!(i18n, chunk_saved)}
                </p>
                <button type="button" on:click=try_again>
                    {match p {
                        Problem::Network => t!(i18n, try_again).into_any(),
                        Problem::Updated => t!(i18n, update_reload).into_any(),
                    }}
                </button>
            </section>
        })}
    }
}
