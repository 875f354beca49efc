//! The QR code for a link, at medium error correction, in the smallest
//! version: the crate's mixed-mode split of a link (digits and capitals
//! apart from other bytes) is sometimes a version larger than plain bytes.
use qrcode::bits::Bits;
use qrcode::{EcLevel, QrCode, QrResult, Version};

/// `text` as bytes in the smallest version that holds it.
fn bytes_only(text: &str) -> Option<QrCode> {
    (1..=40).find_map(|v| {
        let mut bits = Bits::new(Version::Normal(v));
        bits.push_byte_data(text.as_bytes()).ok()?;
        bits.push_terminator(EcLevel::M).ok()?;
        QrCode::with_bits(bits, EcLevel::M).ok()
    })
}

fn number(code: &QrCode) -> i16 {
    match code.version() {
        Version::Normal(v) | Version::Micro(v) => v,
    }
}

/// The smaller of the mixed-mode and the plain-bytes code for `text`.
pub fn link_code(text: &str) -> QrResult<QrCode> {
    let mixed = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M);
    match (mixed, bytes_only(text)) {
        (Ok(m), Some(b)) if number(&b) < number(&m) => Ok(b),
        (Ok(m), _) => Ok(m),
        (Err(_), Some(b)) => Ok(b),
        (Err(e), None) => Err(e),
    }
}

/// The code's version (1-40).
pub fn version(code: &QrCode) -> i16 {
    number(code)
}
