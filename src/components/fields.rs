//! Labelled form fields that show their problem inline.
use crate::domain::forms::{Problem, Problems};
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

/// The words for a field problem.
pub fn problem_text(problem: Problem) -> AnyView {
    let i18n = use_i18n();
    match problem {
        Problem::Required => t!(i18n, problem_required).into_any(),
        Problem::NotANumber => t!(i18n, problem_not_a_number).into_any(),
        Problem::Negative => t!(i18n, problem_negative).into_any(),
        Problem::MinAboveMax => t!(i18n, problem_min_above_max).into_any(),
        Problem::NoCoordinates => t!(i18n, problem_no_coordinates).into_any(),
        Problem::NotADate => t!(i18n, problem_not_a_date).into_any(),
        Problem::OutOfRange => t!(i18n, problem_out_of_range).into_any(),
    }
}

/// How a field is typed on a tablet keyboard.
#[derive(Clone, Copy, Default, PartialEq)]
pub enum Kind {
    #[default]
    Text,
    /// Whole amounts: numeric keypad, separators allowed.
    Amount,
    /// Decimals such as 2.5 bathrooms.
    Decimal,
    Phone,
    Email,
    Url,
    Date,
    /// Several lines.
    Lines,
}

/// A labelled input bound to `value`, showing the problem for `name` from `problems`.
#[component]
pub fn Field(
    /// The visible label (already translated).
    label: AnyView,
    /// The field's name, as used in [`Problems`].
    name: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] kind: Kind,
    /// Problems from the last save attempt.
    #[prop(optional, into)]
    problems: Option<Signal<Problems>>,
) -> impl IntoView {
    let id = format!("field-{name}-{}", uuid::Uuid::new_v4().simple());
    let error_id = format!("{id}-error");
    let problem = move || {
        problems.and_then(|p| p.with(|p| p.iter().find(|(f, _)| *f == name).map(|(_, p)| *p)))
    };
    let invalid = move || problem().is_some().to_string();
    let (input_type, mode) = match kind {
        Kind::Text | Kind::Lines => ("text", "text"),
        Kind::Amount => ("text", "numeric"),
        Kind::Decimal => ("text", "decimal"),
        Kind::Phone => ("tel", "tel"),
        Kind::Email => ("email", "email"),
        Kind::Url => ("url", "url"),
        Kind::Date => ("date", "none"),
    };
    let on_input = move |ev| value.set(event_target_value(&ev));
    let control = if kind == Kind::Lines {
        view! {
            <textarea id=id.clone() name=name rows="3" aria-invalid=invalid aria-describedby=error_id.clone()
                prop:value=move || value.get() on:input=on_input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=name type=input_type inputmode=mode autocomplete="off"
                aria-invalid=invalid aria-describedby=error_id.clone()
                prop:value=move || value.get() on:input=on_input />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control}
            <p class="field-error" id=error_id role="alert">{move || problem().map(problem_text)}</p>
        </div>
    }
}

/// The "check the fields" line above a form that failed to save.
#[component]
pub fn FormProblems(problems: Signal<Problems>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || problems.with(|p| !p.is_empty())>
            <p class="message message-error" role="alert">{t!(i18n, fix_fields)}</p>
        </Show>
    }
}
