//! Prints the size of a large saved document and how long encoding and
//! decoding it take on this machine. Writes the stored (packed) form to
//! `target/bench/document-2000.json` for the browser load benchmark.
//!
//! Run with `make bench` (or `cargo run --release --example bench_document`).
use showplan::domain::codec::{decode, encode};
use showplan::domain::packing::{pack, unpack};
use showplan::domain::sample::large_document;
use std::time::Instant;

fn median_ms(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let now = chrono::Utc::now();
    let doc = large_document(2_000, 50, now);
    let text = encode(&doc, now);
    let packed = pack(&text);
    let utf16_units = packed.encode_utf16().count();

    const RUNS: usize = 15;
    let mut enc = Vec::with_capacity(RUNS);
    let mut dec = Vec::with_capacity(RUNS);
    let mut pk = Vec::with_capacity(RUNS);
    let mut unpk = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let t = Instant::now();
        let out = encode(&doc, now);
        enc.push(t.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(out);
        let t = Instant::now();
        let back = decode(&text)?;
        dec.push(t.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(back);
        let t = Instant::now();
        let p = pack(&text);
        pk.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let u = unpack(&p)?;
        unpk.push(t.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(u);
    }

    println!(
        "document: {} properties, {} tours, {} buyers",
        doc.properties.len(),
        doc.tours.len(),
        doc.buyers.len()
    );
    println!(
        "document JSON: {} bytes ({:.2} MB)",
        text.len(),
        text.len() as f64 / 1e6
    );
    println!(
        "stored bytes (packed: DEFLATE + base64url): {} ({:.3} MB; target at most 2 MB)",
        packed.len(),
        packed.len() as f64 / 1e6
    );
    println!("stored UTF-16 units (what localStorage quotas count): {utf16_units}");
    println!("encode (host, median of {RUNS}): {:.2} ms", median_ms(enc));
    println!("decode (host, median of {RUNS}): {:.2} ms", median_ms(dec));
    println!("pack (host, median of {RUNS}): {:.2} ms", median_ms(pk));
    println!("unpack (host, median of {RUNS}): {:.2} ms", median_ms(unpk));

    std::fs::create_dir_all("target/bench")?;
    std::fs::write("target/bench/document-2000.json", &packed)?;
    println!("wrote target/bench/document-2000.json");
    Ok(())
}
