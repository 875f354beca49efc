//! Tour day messages to a listing agent or the buyer, in the recipient's
//! language, as links the device's own apps open (`sms:`, `mailto:`): no
//! server sends anything.
//!
//! Dates and times come already written in the recipient's language.

use crate::domain::template::fill;

/// What a message asks or says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// May the home be shown then?
    Request {
        address: String,
        date: String,
        time: String,
    },
    /// Running late for a showing.
    Late {
        address: String,
        time: String,
        minutes: u32,
    },
    /// Is the home still on the market?
    StillAvailable { address: String },
}

impl Message {
    /// The home the message is about (an e-mail's subject).
    pub fn address(&self) -> &str {
        match self {
            Message::Request { address, .. }
            | Message::Late { address, .. }
            | Message::StillAvailable { address } => address,
        }
    }
}

/// The phone's family: where an `sms:` link puts its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    /// iPhone and iPad: `sms:<number>&body=`.
    Apple,
    /// Android and the rest: `sms:<number>?body=`.
    Other,
}

impl Platform {
    /// The platform a browser's user agent names. An iPad asking for the
    /// desktop site says "Macintosh" (and has a touch screen).
    pub fn from_user_agent(agent: &str, touch: bool) -> Platform {
        let apple = agent.contains("iPhone")
            || agent.contains("iPad")
            || agent.contains("iPod")
            || (agent.contains("Macintosh") && touch);
        if apple {
            Platform::Apple
        } else {
            Platform::Other
        }
    }
}

/// The greeting and each message's words, per language; `{{ name }}` and
/// the other placeholders are filled in by [`text`].
struct Words {
    hello: &'static str,
    hello_name: &'static str,
    request: &'static str,
    late: &'static str,
    still: &'static str,
}

fn words(language: &str) -> Words {
    match language {
        "es" => Words {
            hello: "Hola",
            hello_name: "Hola, {{ name }}",
            request: "{{ hello }}, soy {{ agent }}. ¿Puedo mostrar {{ address }} el {{ date }} a las {{ time }}? Gracias.",
            late: "{{ hello }}, soy {{ agent }}. Llego unos {{ minutes }} minutos tarde a la visita de las {{ time }} en {{ address }}. Disculpe la demora.",
            still: "{{ hello }}, soy {{ agent }}. ¿Sigue disponible {{ address }} para visitas? Gracias.",
        },
        "ro" => Words {
            hello: "Bună ziua",
            hello_name: "Bună ziua, {{ name }}",
            request: "{{ hello }}, sunt {{ agent }}. Pot prezenta {{ address }} pe {{ date }}, la ora {{ time }}? Mulțumesc.",
            late: "{{ hello }}, sunt {{ agent }}. Întârzii cu aproximativ {{ minutes }} minute la vizionarea de la ora {{ time }}, {{ address }}. Îmi cer scuze.",
            still: "{{ hello }}, sunt {{ agent }}. Mai este disponibilă pentru vizionare locuința de la {{ address }}? Mulțumesc.",
        },
        "vi" => Words {
            hello: "Xin chào",
            hello_name: "Chào {{ name }}",
            request: "{{ hello }}, tôi là {{ agent }}. Tôi có thể dẫn khách xem {{ address }} vào {{ date }} lúc {{ time }} không? Cảm ơn.",
            late: "{{ hello }}, tôi là {{ agent }}. Tôi sẽ đến trễ khoảng {{ minutes }} phút cho buổi xem nhà lúc {{ time }} tại {{ address }}. Xin lỗi vì sự chậm trễ.",
            still: "{{ hello }}, tôi là {{ agent }}. Căn nhà tại {{ address }} còn cho xem được không? Cảm ơn.",
        },
        "id" => Words {
            hello: "Halo",
            hello_name: "Halo {{ name }}",
            request: "{{ hello }}, saya {{ agent }}. Bolehkah saya menunjukkan {{ address }} pada {{ date }} pukul {{ time }}? Terima kasih.",
            late: "{{ hello }}, saya {{ agent }}. Saya terlambat sekitar {{ minutes }} menit untuk kunjungan pukul {{ time }} di {{ address }}. Mohon maaf atas keterlambatannya.",
            still: "{{ hello }}, saya {{ agent }}. Apakah {{ address }} masih tersedia untuk dikunjungi? Terima kasih.",
        },
        _ => Words {
            hello: "Hello",
            hello_name: "Hello {{ name }}",
            request: "{{ hello }}, this is {{ agent }}. May I show {{ address }} on {{ date }} at {{ time }}? Thank you.",
            late: "{{ hello }}, this is {{ agent }}. I am running about {{ minutes }} minutes late for the {{ time }} showing at {{ address }}. Sorry for the delay.",
            still: "{{ hello }}, this is {{ agent }}. Is {{ address }} still available to show? Thank you.",
        },
    }
}

/// The message in `language` ("es"; English for any other), to someone
/// called `to` (may be empty), from the agent `agent`.
pub fn text(language: &str, message: &Message, to: &str, agent: &str) -> String {
    let w = words(language);
    let hello = if to.trim().is_empty() {
        w.hello.to_string()
    } else {
        fill(w.hello_name, &[("name", to.trim())])
    };
    let minutes;
    let (template, about): (&str, Vec<(&str, &str)>) = match message {
        Message::Request {
            address,
            date,
            time,
        } => (
            w.request,
            vec![("address", address), ("date", date), ("time", time)],
        ),
        Message::Late {
            address,
            time,
            minutes: late,
        } => {
            minutes = late.to_string();
            (
                w.late,
                vec![("address", address), ("time", time), ("minutes", &minutes)],
            )
        }
        Message::StillAvailable { address } => (w.still, vec![("address", address)]),
    };
    let mut values = vec![("hello", hello.as_str()), ("agent", agent.trim())];
    values.extend(about);
    fill(template, &values)
}

/// Text for a URL's query: everything but RFC 3986's unreserved characters
/// percent-encoded as UTF-8 (a space is `%20`, which every SMS and mail app
/// reads, where `+` is not).
pub fn query_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A link that opens the phone's messages app with `body` written to
/// `phone`; `None` when `phone` is not a phone number.
pub fn sms_href(phone: &str, body: &str, platform: Platform) -> Option<String> {
    let number = crate::domain::links::contact_href(phone)?
        .strip_prefix("tel:")?
        .to_string();
    let join = match platform {
        Platform::Apple => '&',
        Platform::Other => '?',
    };
    Some(format!("sms:{number}{join}body={}", query_text(body)))
}

/// A link that opens the mail app with `subject` and `body` to `email`;
/// `None` when `email` is not an e-mail address.
pub fn mailto_href(email: &str, subject: &str, body: &str) -> Option<String> {
    let to = crate::domain::links::contact_href(email)?;
    to.starts_with("mailto:").then(|| {
        format!(
            "{to}?subject={}&body={}",
            query_text(subject),
            query_text(body)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn late() -> Message {
        Message::Late {
            address: "8123 SE 13th Ave".into(),
            time: "10:30 AM".into(),
            minutes: 15,
        }
    }

    #[test]
    fn each_language_writes_its_own_message_with_every_value() {
        let request = Message::Request {
            address: "8123 SE 13th Ave".into(),
            date: "28 de noviembre".into(),
            time: "10:30".into(),
        };
        assert_eq!(
            text("es", &request, "Ana", "Luis Pérez"),
            "Hola, Ana, soy Luis Pérez. ¿Puedo mostrar 8123 SE 13th Ave el 28 de noviembre a las 10:30? Gracias."
        );
        assert_eq!(
            text("en", &late(), "", "Ana Lee"),
            "Hello, this is Ana Lee. I am running about 15 minutes late for the 10:30 AM showing at 8123 SE 13th Ave. Sorry for the delay."
        );
        for language in ["en", "es", "ro", "vi", "id"] {
            for message in [
                late(),
                request.clone(),
                Message::StillAvailable {
                    address: "8123 SE 13th Ave".into(),
                },
            ] {
                let t = text(language, &message, "Ana", "Luis");
                assert!(
                    t.contains("8123 SE 13th Ave") && t.contains("Ana") && t.contains("Luis"),
                    "{language}: {t}"
                );
                assert!(!t.contains('{') && !t.contains('}'), "{language}: {t}");
            }
            assert!(
                text(language, &late(), "", "Luis").contains("15"),
                "{language}"
            );
        }
        // A language Showplan does not speak gets English.
        assert_eq!(
            text("de", &late(), "", "Ana Lee"),
            text("en", &late(), "", "Ana Lee")
        );
    }

    #[test]
    fn braces_in_a_name_or_address_are_kept_as_written() {
        let m = Message::StillAvailable {
            address: "Unit {B}".into(),
        };
        assert_eq!(
            text("en", &m, "{agent}", "Ana"),
            "Hello {agent}, this is Ana. Is Unit {B} still available to show? Thank you."
        );
    }

    #[test]
    fn an_sms_link_puts_its_text_where_the_phone_reads_it() {
        let body = "Hello, 15 min late & sorry";
        assert_eq!(
            sms_href("+1 (503) 555-0100", body, Platform::Other).as_deref(),
            Some("sms:+15035550100?body=Hello%2C%2015%20min%20late%20%26%20sorry")
        );
        assert_eq!(
            sms_href("+1 (503) 555-0100", body, Platform::Apple).as_deref(),
            Some("sms:+15035550100&body=Hello%2C%2015%20min%20late%20%26%20sorry")
        );
        assert_eq!(sms_href("not a phone", body, Platform::Other), None);
        assert_eq!(sms_href("ana@example.com", body, Platform::Other), None);
    }

    #[test]
    fn the_platform_comes_from_the_user_agent() {
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15";
        let ipad_desktop = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15";
        let android =
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120 Mobile";
        assert_eq!(Platform::from_user_agent(iphone, true), Platform::Apple);
        assert_eq!(
            Platform::from_user_agent(ipad_desktop, true),
            Platform::Apple
        );
        assert_eq!(
            Platform::from_user_agent(ipad_desktop, false),
            Platform::Other
        );
        assert_eq!(Platform::from_user_agent(android, true), Platform::Other);
    }

    #[test]
    fn a_mail_link_carries_subject_and_body_encoded() {
        assert_eq!(
            mailto_href("ana@example.com", "Showing: 8123 SE 13th Ave", "Ça va? Ja.").as_deref(),
            Some("mailto:ana@example.com?subject=Showing%3A%208123%20SE%2013th%20Ave&body=%C3%87a%20va%3F%20Ja.")
        );
        assert_eq!(mailto_href("+1 503 555 0100", "s", "b"), None);
    }
}
