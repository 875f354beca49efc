//! A QR code drawn as SVG (medium error correction), so a phone can scan a link.
use crate::domain::qr::link_code;
use leptos::prelude::*;
use qrcode::Color;

/// The SVG path of the dark modules of `text`'s QR code, and its width in
/// modules; `None` when the text is too long for any QR code.
fn modules(text: &str) -> Option<(String, usize)> {
    let code = link_code(text).ok()?;
    let width = code.width();
    let mut path = String::new();
    for (i, c) in code.to_colors().into_iter().enumerate() {
        if c == Color::Dark {
            path.push_str(&format!("M{} {}h1v1h-1z", i % width, i / width));
        }
    }
    Some((path, width))
}

#[component]
pub fn QrCodeImage(
    /// The text to encode (a link).
    #[prop(into)]
    text: Signal<String>,
    /// What the code holds, for screen readers.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let code = Memo::new(move |_| text.with(|t| modules(t)));
    move || {
        code.get().map(|(path, width)| {
            // A quiet zone of 4 modules on every side.
            let view_box = format!("-4 -4 {} {}", width + 8, width + 8);
            view! {
                <svg class="qr-code" viewBox=view_box role="img" aria-label=move || label.get()
                    data-testid="qr-code" shape-rendering="crispEdges">
                    <rect x="-4" y="-4" width=(width + 8).to_string() height=(width + 8).to_string() fill="#fff" />
                    <path d=path fill="#000" />
                </svg>
            }
        })
    }
}
