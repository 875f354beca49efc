//! How the document text is packed for `localStorage`: raw DEFLATE, then
//! base64url, behind a short marker. A 2,000-home document shrinks about
//! eightfold, so two copies (the verified-save protocol) fit easily in the
//! usual 5 MB quota. Backup files stay plain JSON.
//!
//! Unpacking is capped, so damaged or hostile data cannot balloon.
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// Marks packed text (format 1 of the packing).
pub const MARKER: &str = "SPZ1:";
/// The largest document text unpacking will produce (64 MB).
pub const MAX_UNPACKED: usize = 64 * 1024 * 1024;
/// DEFLATE level: 1-3 is much faster than 6 for JSON at a similar size.
const LEVEL: u8 = 3;

/// Why packed text could not be unpacked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnpackError {
    NotBase64,
    NotDeflate,
    TooLarge,
    NotUtf8,
}

impl std::fmt::Display for UnpackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            UnpackError::NotBase64 => "packed data is not base64",
            UnpackError::NotDeflate => "packed data is damaged",
            UnpackError::TooLarge => "packed data unpacks to more than the limit",
            UnpackError::NotUtf8 => "packed data is not text",
        })
    }
}

impl std::error::Error for UnpackError {}

/// Packs document text for storage.
pub fn pack(text: &str) -> String {
    let mut out = String::from(MARKER);
    deflate_base64(text.as_bytes(), LEVEL, &mut out);
    out
}

/// Appends `bytes`, raw DEFLATE at `level` (0-10), as base64url without padding.
pub fn deflate_base64(bytes: &[u8], level: u8, out: &mut String) {
    URL_SAFE_NO_PAD.encode_string(compress_to_vec(bytes, level), out);
}

/// Undoes [`deflate_base64`], refusing to inflate past `limit` bytes.
pub fn inflate_base64(text: &str, limit: usize) -> Result<Vec<u8>, UnpackError> {
    let bytes = decode_base64(text).ok_or(UnpackError::NotBase64)?;
    inflate(&bytes, limit)
}

/// base64url without padding, as [`deflate_base64`] writes it.
pub fn decode_base64(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text.trim()).ok()
}

/// Raw DEFLATE bytes inflated, refusing to go past `limit` bytes.
pub fn inflate(bytes: &[u8], limit: usize) -> Result<Vec<u8>, UnpackError> {
    decompress_to_vec_with_limit(bytes, limit).map_err(|e| {
        if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
            UnpackError::TooLarge
        } else {
            UnpackError::NotDeflate
        }
    })
}

/// Raw DEFLATE of `bytes` with a preset dictionary (as zlib's
/// `deflateSetDictionary`): the dictionary is compressed first and flushed
/// to a byte boundary, and only what follows is kept, so the data may refer
/// back into the dictionary without carrying it. Appended as base64url.
pub fn deflate_base64_with(dictionary: &[u8], bytes: &[u8], out: &mut String) {
    use miniz_oxide::deflate::core::{
        compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
    };
    let mut c = CompressorOxide::new(create_comp_flags_from_zip_params(10, 0, 0));
    // Room for the worst case (stored blocks) of dictionary and data, so
    // each part goes in one call.
    let mut buf = vec![0u8; 2 * (dictionary.len() + bytes.len()) + 64];
    let mut used = 0;
    if !dictionary.is_empty() {
        let (_, _, wrote) = compress(&mut c, dictionary, &mut buf, TDEFLFlush::Sync);
        used = wrote;
    }
    let (status, _, wrote) = compress(&mut c, bytes, &mut buf[used..], TDEFLFlush::Finish);
    let wrote = if matches!(status, TDEFLStatus::Done) {
        wrote
    } else {
        0
    };
    URL_SAFE_NO_PAD.encode_string(&buf[used..used + wrote], out);
}

/// Undoes [`deflate_base64_with`] with the same dictionary, refusing to
/// inflate past `limit` bytes.
pub fn inflate_base64_with(
    dictionary: &[u8],
    text: &str,
    limit: usize,
) -> Result<Vec<u8>, UnpackError> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    let bytes = URL_SAFE_NO_PAD
        .decode(text.trim())
        .map_err(|_| UnpackError::NotBase64)?;
    // The output starts with the dictionary, so matches can reach into it;
    // one byte past the limit tells "too large" from "exactly the limit".
    let mut out = dictionary.to_vec();
    out.resize(dictionary.len() + limit + 1, 0);
    let mut d = DecompressorOxide::new();
    let (status, _, wrote) = decompress(
        &mut d,
        &bytes,
        &mut out,
        dictionary.len(),
        inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
    );
    match status {
        TINFLStatus::Done if wrote <= limit => {
            out.truncate(dictionary.len() + wrote);
            Ok(out.split_off(dictionary.len()))
        }
        TINFLStatus::Done | TINFLStatus::HasMoreOutput => Err(UnpackError::TooLarge),
        _ => Err(UnpackError::NotDeflate),
    }
}

/// Unpacks stored text; text without the marker is returned as it is
/// (plain JSON written by hand, a test, or an older build).
pub fn unpack(stored: &str) -> Result<String, UnpackError> {
    unpack_with(stored, decode_base64)
}

/// [`unpack`] with another base64url decoder (the browser's own `atob`
/// costs the app's first load no code); it must agree with [`decode_base64`].
pub fn unpack_with(
    stored: &str,
    decode: impl FnOnce(&str) -> Option<Vec<u8>>,
) -> Result<String, UnpackError> {
    let Some(body) = stored.strip_prefix(MARKER) else {
        return Ok(stored.to_string());
    };
    let bytes = decode(body.trim()).ok_or(UnpackError::NotBase64)?;
    let raw = inflate(&bytes, MAX_UNPACKED)?;
    String::from_utf8(raw).map_err(|_| UnpackError::NotUtf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_round_trips_and_shrinks_json() {
        let text = "{\"buyers\":[".to_string() + &"{\"name\":\"Ana Pérez\"},".repeat(500) + "{}]}";
        let packed = pack(&text);
        assert!(packed.starts_with(MARKER));
        assert!(
            packed.len() * 5 < text.len(),
            "{} vs {}",
            packed.len(),
            text.len()
        );
        assert_eq!(unpack(&packed), Ok(text));
    }

    #[test]
    fn plain_text_passes_through() {
        assert_eq!(unpack("{\"a\":1}"), Ok("{\"a\":1}".to_string()));
    }

    #[test]
    fn damaged_packed_text_is_an_error_not_a_panic() {
        assert_eq!(unpack("SPZ1:@@@"), Err(UnpackError::NotBase64));
        assert_eq!(unpack("SPZ1:AAAA"), Err(UnpackError::NotDeflate));
        let packed = pack("{\"long\":\"enough text to truncate\"}");
        let cut = &packed[..packed.len() - 6];
        assert!(unpack(cut).is_err());
    }

    #[test]
    fn a_decompression_bomb_stops_at_the_limit() {
        let zeros = vec![b' '; MAX_UNPACKED + 1024];
        let bomb = format!(
            "{MARKER}{}",
            URL_SAFE_NO_PAD.encode(compress_to_vec(&zeros, 9))
        );
        assert!(bomb.len() < 200_000);
        assert_eq!(unpack(&bomb), Err(UnpackError::TooLarge));
    }
}
