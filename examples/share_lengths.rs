//! Prints how long the buyer's link is for 5-, 10- and 20-stop tours of the
//! sample homes (realistic features and neighbourhood notes), and the QR
//! code version it needs at medium error correction.
//!
//! Run with `make share-lengths` (or `cargo run --release --example share_lengths`).
use chrono::Utc;
use showplan::domain::model::Stop;
use showplan::domain::qr::{link_code, version};
use showplan::domain::sample::sample_document;
use showplan::domain::share::{encode_itinerary, encode_within, itinerary, ShareOptions, MAX_LINK};

fn main() {
    let doc = sample_document(Utc::now());
    let prefix = "https://example.github.io/showplan/#";
    let options = ShareOptions {
        agent: "Ana Lee".into(),
        agent_contact: "+1 503 555 0100".into(),
        currency: "USD".into(),
        renovations: true,
        now: None,
        map: String::new(),
    };
    println!(
        "buyer link length (targets: 10 stops at most 1,000 characters; never above {MAX_LINK}):"
    );
    for n in [5, 10, 20] {
        let mut tour = doc.tours[0].clone();
        tour.stops = doc
            .properties
            .iter()
            .take(n)
            .map(|p| Stop::at(p.id))
            .collect();
        let it = itinerary(&tour, &doc.properties, &options);
        let full = prefix.len() + encode_itinerary(&it).len();
        let (fragment, left) = encode_within(&it, prefix.len());
        let url = format!("{prefix}{fragment}");
        let qr = link_code(&url)
            .map(|c| version(&c).to_string())
            .unwrap_or_else(|e| format!("none ({e:?})"));
        println!(
            "  {n:>2} stops: {full:>5} characters with everything, {:>5} sent{}; QR version {qr} (M)",
            url.len(),
            if left.features || left.notes || left.renovations {
                format!(" (left out {left:?})")
            } else {
                String::new()
            }
        );
    }
}
