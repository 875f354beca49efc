//! Labelled form fields that show their problem inline.
use crate::domain::forms::{read_field, Problem, Problems};
use crate::domain::numbers::NumberKind;
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

/// The words for a field problem.
pub fn problem_text(problem: Problem) -> AnyView {
    let i18n = use_i18n();
    match problem {
        Problem::Required => t!(i18n, problem_required).into_any(),
        Problem::NotANumber => t!(i18n, problem_not_a_number).into_any(),
        Problem::Ambiguous { as_written, other } => {
            let shown = move |v: f64| move || crate::format::number(i18n.get_locale().as_str(), v);
            t!(
                i18n,
                problem_ambiguous_number,
                first = shown(as_written),
                second = shown(other)
            )
            .into_any()
        }
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
    /// Money: numeric keypad, separators allowed; shown back grouped.
    Amount,
    /// Decimals such as 2.5 bathrooms; shown back as the language writes them.
    Decimal,
    /// A year: numeric keypad, never grouped.
    Year,
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
    /// The largest number the field takes (as its form checks on save).
    #[prop(optional)]
    max: Option<f64>,
    /// Problems from the last save attempt.
    #[prop(optional, into)]
    problems: Option<Signal<Problems>>,
) -> impl IntoView {
    let id = format!("field-{name}-{}", uuid::Uuid::new_v4().simple());
    let error_id = format!("{id}-error");
    // A number that cannot be read is said when the field is left, before
    // any save; one that can is shown back as the language writes it.
    let i18n = use_i18n();
    let left_with = RwSignal::new(None::<Problem>);
    let number_kind = match kind {
        Kind::Amount => Some(NumberKind::Money),
        Kind::Decimal => Some(NumberKind::Quantity),
        _ => None,
    };
    let on_blur = move |_| {
        let Some(number_kind) = number_kind else {
            return;
        };
        let locale = i18n.get_locale_untracked();
        let read = read_field(
            &value.get_untracked(),
            crate::format::marks(locale.as_str()),
            number_kind,
            max.unwrap_or(f64::MAX),
        );
        match read {
            Ok(Some(v)) => value.set(crate::format::number(locale.as_str(), v)),
            Ok(None) => {}
            Err(problem) => left_with.set(Some(problem)),
        }
    };
    // A save's problem with this field stands until the field is typed in.
    let edited = RwSignal::new(false);
    if let Some(problems) = problems {
        Effect::new(move |_| {
            problems.track();
            edited.set(false);
        });
    }
    let problem = move || {
        left_with.get().or_else(|| {
            if edited.get() {
                return None;
            }
            problems.and_then(|p| p.with(|p| p.iter().find(|(f, _)| *f == name).map(|(_, p)| *p)))
        })
    };
    let invalid = move || problem().is_some().to_string();
    let (input_type, mode) = match kind {
        Kind::Text | Kind::Lines => ("text", "text"),
        Kind::Amount | Kind::Year => ("text", "numeric"),
        Kind::Decimal => ("text", "decimal"),
        Kind::Phone => ("tel", "tel"),
        Kind::Email => ("email", "email"),
        Kind::Url => ("url", "url"),
        Kind::Date => ("date", "none"),
    };
    let on_input = move |ev| {
        left_with.set(None);
        edited.set(true);
        value.set(event_target_value(&ev));
    };
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
                prop:value=move || value.get() on:input=on_input on:blur=on_blur />
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
