//! End-to-end encryption of what sync sends, with the browser's WebCrypto:
//! a key derived from the passphrase with PBKDF2 (SHA-256, 310,000 rounds)
//! and a per-database salt, and AES-GCM (256-bit key, a fresh 96-bit nonce
//! for every body). The server sees ids, revisions and ciphertext only.
//! A wrong passphrase cannot open anything: opening fails, and nothing is
//! changed.
use crate::domain::sync::Sealed;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// PBKDF2 rounds (OWASP's 2023 advice for SHA-256).
pub const ROUNDS: u32 = 310_000;

/// Why sealing or opening failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CryptoError {
    /// This browser has no WebCrypto (an insecure page, a very old one).
    Unavailable,
    /// The body does not open with this key: a wrong passphrase, or bytes
    /// changed on the way.
    WrongKey,
}

fn subtle() -> Result<web_sys::SubtleCrypto, CryptoError> {
    Ok(web_sys::window()
        .ok_or(CryptoError::Unavailable)?
        .crypto()
        .map_err(|_| CryptoError::Unavailable)?
        .subtle())
}

fn object(pairs: &[(&str, &JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        // Setting a plain object's own property does not fail.
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o
}

async fn wait(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

/// Random bytes from the browser's generator.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, CryptoError> {
    let mut bytes = vec![0u8; n];
    web_sys::window()
        .ok_or(CryptoError::Unavailable)?
        .crypto()
        .map_err(|_| CryptoError::Unavailable)?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| CryptoError::Unavailable)?;
    Ok(bytes)
}

/// The key for a database: PBKDF2 of the passphrase with its salt.
#[derive(Clone)]
pub struct Key(web_sys::CryptoKey);

impl Key {
    pub async fn derive(passphrase: &str, salt: &[u8]) -> Result<Key, CryptoError> {
        let subtle = subtle()?;
        let secret = Uint8Array::from(passphrase.as_bytes());
        let usages = Array::of1(&"deriveKey".into());
        let base = wait(subtle.import_key_with_str("raw", &secret, "PBKDF2", false, &usages))
            .await
            .map_err(|_| CryptoError::Unavailable)?
            .unchecked_into::<web_sys::CryptoKey>();
        let algorithm = object(&[
            ("name", &"PBKDF2".into()),
            ("hash", &"SHA-256".into()),
            ("salt", &Uint8Array::from(salt).into()),
            ("iterations", &ROUNDS.into()),
        ]);
        let kind = object(&[("name", &"AES-GCM".into()), ("length", &256.into())]);
        let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
        let key = wait(
            subtle.derive_key_with_object_and_object(&algorithm, &base, &kind, false, &usages),
        )
        .await
        .map_err(|_| CryptoError::Unavailable)?;
        Ok(Key(key.unchecked_into()))
    }

    /// AES-GCM of `data` with nonce `iv`, one way or the other: sealing
    /// fails only without WebCrypto; opening fails when another key sealed
    /// it or a byte changed (its tag does not match).
    async fn aes(&self, seal: bool, iv: &[u8], data: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let algorithm = object(&[
            ("name", &"AES-GCM".into()),
            ("iv", &Uint8Array::from(iv).into()),
        ]);
        let subtle = subtle()?;
        let data = Uint8Array::from(data);
        let promise = if seal {
            subtle.encrypt_with_object_and_js_u8_array(&algorithm, &self.0, &data)
        } else {
            subtle.decrypt_with_object_and_js_u8_array(&algorithm, &self.0, &data)
        };
        let out = wait(promise).await.map_err(|_| match seal {
            true => CryptoError::Unavailable,
            false => CryptoError::WrongKey,
        })?;
        Ok(Uint8Array::new(&out).to_vec())
    }

    /// `text` sealed under this key, with a fresh nonce.
    pub async fn seal(&self, text: &str) -> Result<Sealed, CryptoError> {
        let iv = random_bytes(12)?;
        let data = self.aes(true, &iv, text.as_bytes()).await?;
        Ok(Sealed {
            iv: STANDARD.encode(&iv),
            data: STANDARD.encode(data),
        })
    }

    /// The text inside `sealed`, if it opens with this key.
    pub async fn open(&self, sealed: &Sealed) -> Result<String, CryptoError> {
        let iv = STANDARD
            .decode(&sealed.iv)
            .map_err(|_| CryptoError::WrongKey)?;
        let data = STANDARD
            .decode(&sealed.data)
            .map_err(|_| CryptoError::WrongKey)?;
        let plain = self.aes(false, &iv, &data).await?;
        String::from_utf8(plain).map_err(|_| CryptoError::WrongKey)
    }

    /// `bytes` sealed under this key: a fresh 12-byte nonce, then the
    /// ciphertext (photos and voice notes travel as raw bytes, not base64).
    pub async fn seal_bytes(&self, bytes: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let mut out = random_bytes(12)?;
        let sealed = self.aes(true, &out, bytes).await?;
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// The bytes inside what [`Key::seal_bytes`] made, if they open with
    /// this key.
    pub async fn open_bytes(&self, sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
        if sealed.len() < 12 {
            return Err(CryptoError::WrongKey);
        }
        let (iv, data) = sealed.split_at(12);
        self.aes(false, iv, data).await
    }
}
