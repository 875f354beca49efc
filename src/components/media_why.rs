//! Why the device did not keep a photo or recording, in the user's
//! language (a problem the browser names itself keeps the browser's words).
use crate::i18n::{t_string, I18n};
use crate::media_store::MediaError;

/// The reason, as it goes into a message's `{{ why }}`.
pub fn media_why(i18n: I18n, error: &MediaError) -> String {
    match error {
        MediaError::Quota => t_string!(i18n, media_why_quota).to_string(),
        MediaError::Unavailable => t_string!(i18n, media_why_unavailable).to_string(),
        MediaError::Other(words) => words.clone(),
    }
}
