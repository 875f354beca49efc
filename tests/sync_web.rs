//! Browser tests of sync's end-to-end encryption (WebCrypto in headless
//! Chromium): a body sealed under a passphrase opens with it, not with
//! another, and never holds its text in the clear.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::expect_used, clippy::unwrap_used)]

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use showplan::domain::sample::sample_document;
use showplan::domain::sync::Body;
use showplan::sync_crypto::{CryptoError, Key};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SALT: &[u8] = b"per-database-salt-16";

#[wasm_bindgen_test]
async fn a_sealed_record_opens_with_its_passphrase_only() {
    let mut doc = sample_document(chrono::Utc::now());
    doc.properties[0].private_notes = "MARKER-7f3a seller must move by June".into();
    let body = Body::Property(doc.properties[0].clone());
    let text = body.to_text();
    let key = Key::derive("correct horse battery staple", SALT)
        .await
        .unwrap();
    let sealed = key.seal(&text).await.unwrap();

    // Nothing of the text is readable in what the server keeps.
    let raw = STANDARD.decode(&sealed.data).unwrap();
    assert!(!String::from_utf8_lossy(&raw).contains("MARKER-7f3a"));
    assert!(!sealed.data.contains("MARKER") && !sealed.iv.contains("MARKER"));
    assert_eq!(STANDARD.decode(&sealed.iv).unwrap().len(), 12);
    // AES-GCM: the text plus a 16-byte tag.
    assert_eq!(raw.len(), text.len() + 16);

    let opened = key.open(&sealed).await.unwrap();
    assert_eq!(Body::from_text(&opened), Some(body));

    // The same passphrase with another database's salt, or another
    // passphrase, opens nothing.
    let other_salt = Key::derive("correct horse battery staple", b"another-salt-000")
        .await
        .unwrap();
    assert_eq!(other_salt.open(&sealed).await, Err(CryptoError::WrongKey));
    let wrong = Key::derive("correct horse battery stapler", SALT)
        .await
        .unwrap();
    assert_eq!(wrong.open(&sealed).await, Err(CryptoError::WrongKey));

    // A fresh nonce each time: the same text never seals the same way twice.
    let again = key.seal(&text).await.unwrap();
    assert_ne!(again.iv, sealed.iv);
    assert_ne!(again.data, sealed.data);

    // A byte changed on the way is refused, not misread.
    let mut tampered = raw.clone();
    tampered[5] ^= 1;
    let tampered = showplan::domain::sync::Sealed {
        iv: sealed.iv.clone(),
        data: STANDARD.encode(tampered),
    };
    assert_eq!(key.open(&tampered).await, Err(CryptoError::WrongKey));
}

#[wasm_bindgen_test]
async fn a_sealed_photo_opens_byte_for_byte_with_its_key_only() {
    use showplan::domain::sync_media::{frame, unframe};
    // A JPEG's first bytes, a line break and every byte value.
    let mut photo = vec![0xFF, 0xD8, 0xFF, 0xE0, b'\n'];
    photo.extend(0u8..=255);
    let framed = frame("image/jpeg", &photo);
    let key = Key::derive("correct horse battery staple", SALT)
        .await
        .unwrap();
    let sealed = key.seal_bytes(&framed).await.unwrap();
    // A 12-byte nonce, then the ciphertext and its 16-byte tag; nothing of
    // the type or the picture in the clear.
    assert_eq!(sealed.len(), 12 + framed.len() + 16);
    assert!(!sealed
        .windows(4)
        .any(|w| w == b"jpeg" || w == [0xFF, 0xD8, 0xFF, 0xE0]));
    let opened = key.open_bytes(&sealed).await.unwrap();
    assert_eq!(unframe(&opened), Some(("image/jpeg", &photo[..])));

    let wrong = Key::derive("correct horse battery stapler", SALT)
        .await
        .unwrap();
    assert_eq!(wrong.open_bytes(&sealed).await, Err(CryptoError::WrongKey));
    let mut tampered = sealed.clone();
    tampered[20] ^= 1;
    assert_eq!(key.open_bytes(&tampered).await, Err(CryptoError::WrongKey));
    assert_eq!(
        key.open_bytes(&sealed[..8]).await,
        Err(CryptoError::WrongKey)
    );
}
