use super::language_switch::endonym;
use crate::browser;
use crate::domain::model::{Id, Property};
use crate::domain::tour_day::messages::{mailto_href, sms_href, text, Message};
use crate::i18n::{t, t_string, use_i18n, Locale};
use crate::state::use_document;
use crate::storage;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Who a message goes to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recipient {
    pub name: String,
    pub phone: String,
    pub email: String,
}

/// The language messages to a home's listing agent are written in: the one
/// last chosen for them (kept on the property), else the app's.
pub fn listing_agent_language(property: Id) -> RwSignal<String> {
    let i18n = use_i18n();
    let state = use_document();
    let kept = state
        .read_property(property, |p| p.listing_agent.language.clone())
        .unwrap_or_default();
    let language = RwSignal::new(if kept.is_empty() {
        i18n.get_locale_untracked().as_str().to_string()
    } else {
        kept
    });
    Effect::new(move |first: Option<()>| {
        let chosen = language.get();
        if first.is_some() {
            state.update_property(property, |p| p.listing_agent.language = chosen);
        }
    });
    language
}

/// A home's listing agent as a message's recipient.
pub fn listing_agent_of(p: &Property) -> Recipient {
    Recipient {
        name: p.listing_agent.name.clone(),
        phone: p.listing_agent.phone.clone(),
        email: p.listing_agent.email.clone(),
    }
}

/// A message to a listing agent or the buyer, shown as it will be sent, in
/// the language chosen for them, with one tap to send it through the
/// device's own apps (text message, e-mail, or the share sheet). Nothing
/// is sent by Showplan itself.
///
/// `message` is written with `language` (dates and times in it follow the
/// choice); `on_open` runs when the user opens one of the apps (a request
/// becomes "requested").
#[component]
pub fn MessageLinks(
    #[prop(into)] message: Signal<Message>,
    #[prop(into)] to: Signal<Recipient>,
    language: RwSignal<String>,
    #[prop(optional)] on_open: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (saved_name, saved_contact) = storage::load_agent();
    let agent = RwSignal::new(saved_name);
    let body = Memo::new(move |_| {
        message.with(|m| to.with(|r| text(&language.get(), m, &r.name, &agent.get())))
    });
    let platform = browser::platform();
    let sms = move || to.with(|r| sms_href(&r.phone, &body.get(), platform));
    let mail =
        move || to.with(|r| message.with(|m| mailto_href(&r.email, m.address(), &body.get())));
    let opened = move |_| {
        if let Some(f) = on_open {
            f.run(());
        }
    };
    let share = move |_| {
        let (title, text) = (
            message.with(|m| m.address().to_string()),
            body.get_untracked(),
        );
        spawn_local(async move {
            if browser::share_text(&title, &text).await {
                if let Some(f) = on_open {
                    f.run(());
                }
            }
        });
    };
    // Messages say who they are from: the name the share panel keeps.
    let name_not_kept = RwSignal::new(false);
    let save_name = move |_| {
        // This message uses the name either way; the next ones need it kept.
        name_not_kept.set(storage::save_agent(&agent.get_untracked(), &saved_contact).is_err());
    };
    let nowhere = move || sms().is_none() && mail().is_none() && !browser::can_share();
    view! {
        <div class="message-links">
            <div class="grid-2">
                <label class="field">
                    <span>{t!(i18n, message_language)}</span>
                    <select on:change=move |ev| language.set(event_target_value(&ev))>
                        {Locale::ALL.into_iter().map(|l| view! {
                            <option value=l.as_str() selected=move || language.get() == l.as_str()>{endonym(l)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>{t!(i18n, share_agent_name)}</span>
                    <input type="text" autocomplete="name" prop:value=move || agent.get()
                        on:input=move |ev| agent.set(event_target_value(&ev)) on:change=save_name />
                    <Show when=move || name_not_kept.get()>
                        <small class="message-error" role="alert">{t!(i18n, share_agent_not_saved)}</small>
                    </Show>
                </label>
            </div>
            <p class="message-preview" data-testid="message-text">{move || body.get()}</p>
            <div class="actions">
                {move || sms().map(|href| view! {
                    <a class="button" href=href on:click=opened>{t!(i18n, message_sms)}</a>
                })}
                {move || mail().map(|href| view! {
                    <a class="button secondary" href=href on:click=opened>{t!(i18n, message_email)}</a>
                })}
                {browser::can_share().then(|| view! {
                    <button type="button" class="secondary" on:click=share>{t!(i18n, message_share)}</button>
                })}
            </div>
            <Show when=nowhere>
                <p class="muted">{move || t_string!(i18n, message_no_contact)}</p>
            </Show>
        </div>
    }
}
