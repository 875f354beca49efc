//! One remembered setting typed as text (a server's or a file's address):
//! its card, label and field, and what the last change came to, said as a
//! status or, for a problem, an alert that also marks the field invalid.
use leptos::prelude::*;

/// What the last change came to, in the user's words.
#[derive(Debug, Clone, PartialEq)]
pub enum Said {
    /// Kept as typed.
    Kept(String),
    /// Emptied: what that means.
    Cleared(String),
    /// Not kept: why, and what to do.
    Problem(String),
}

#[component]
pub fn SettingField(
    /// The card's anchor (`#routing-engine`).
    id: &'static str,
    /// The heading, the line under it and the field's label (followed as
    /// the language changes).
    #[prop(into)]
    title: Signal<String>,
    #[prop(into)] intro: Signal<String>,
    #[prop(into)] label: Signal<String>,
    /// The input's `name` and `type`.
    name: &'static str,
    #[prop(default = "url")] kind: &'static str,
    #[prop(into)] placeholder: String,
    /// What the field shows.
    text: RwSignal<String>,
    said: RwSignal<Option<Said>>,
    /// Called with what was typed, when the field changes.
    changed: Callback<String>,
    /// Anything under the field (a setting's further actions).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let problem = move || said.with(|s| matches!(s, Some(Said::Problem(_))));
    let message = move || {
        said.get().map(|s| match s {
            Said::Kept(w) => {
                view! { <p class="message message-ok" role="status">{w}</p> }.into_any()
            }
            Said::Cleared(w) => view! { <p class="message" role="status">{w}</p> }.into_any(),
            Said::Problem(w) => {
                view! { <p class="message message-error" role="alert">{w}</p> }.into_any()
            }
        })
    };
    view! {
        <section class="card" id=id>
            <h2>{title}</h2>
            <p class="muted">{intro}</p>
            <label class="field">
                <span>{label}</span>
                <input type=kind name=name inputmode="url" autocomplete="off" spellcheck="false"
                    placeholder=placeholder
                    aria-invalid=move || problem().to_string()
                    prop:value=move || text.get()
                    on:change=move |ev| {
                        let typed = event_target_value(&ev);
                        text.set(typed.clone());
                        changed.run(typed);
                    } />
            </label>
            {message}
            {children.map(|c| c())}
        </section>
    }
}
