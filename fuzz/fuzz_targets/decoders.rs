//! Every decoder of untrusted text must return an error, never panic or
//! allocate without bound: share links, replies, packed and plain documents.
#![no_main]
use libfuzzer_sys::fuzz_target;
use showplan::domain::share::{self, wire};
use showplan::domain::{codec, packing};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The links as typed or pasted.
    let _ = share::decode_itinerary(&text);
    let _ = share::decode_reply(&text);
    // Past base64 and DEFLATE, so the JSON layer sees the fuzzer's bytes.
    let mut packed = String::from("1.");
    packing::deflate_base64(data, 1, &mut packed);
    let _ = share::decode_itinerary(&packed);
    let _ = share::decode_reply(&packed);
    // The binary layout (format 2) straight, and past its DEFLATE.
    let _ = wire::read_itinerary(data);
    let _ = wire::read_reply(data);
    let mut packed = String::from("2.");
    packing::deflate_base64_with(wire::DICTIONARY, data, &mut packed);
    let _ = share::decode_itinerary(&packed);
    let _ = share::decode_reply(&packed);
    // Raw bytes as the compressed stream itself, in both formats.
    for version in ["1.", "2."] {
        let mut raw = String::from(version);
        base64_url(data, &mut raw);
        let _ = share::decode_itinerary(&raw);
        let _ = share::decode_reply(&raw);
    }
    // Stored documents and backups.
    let _ = packing::unpack(&text);
    let _ = codec::decode(&text);
});

fn base64_url(data: &[u8], out: &mut String) {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for chunk in data.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ABC[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
}
