//! The researcher's draft in the browser's `localStorage`, one per project
//! (`sealpost_core::draft::storage_key`).
//!
//! Only ever written with an encrypted draft: [`save`] refuses anything that is not an armored
//! OpenPGP message, so no caller can store plaintext by mistake. Storage can be missing or
//! refused (private browsing, blocked site data, a page opened from a file, a full quota); each
//! case gets a message saying so (in the page's language: [`StoreError::message`]), and the
//! report stays on the page.

use std::fmt;

use sealpost_core::i18n::Texts;

use crate::browser::describe;

const ARMOR_BEGIN: &str = "-----BEGIN PGP MESSAGE-----";

/// Why the draft could not be read, written or deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StoreError {
    /// The browser gives this page no storage at all.
    Unavailable,
    /// The browser refused to store it (quota full, or storage blocked on write).
    Refused(String),
    /// What was to be stored is not an encrypted message (a bug; nothing was written).
    NotEncrypted,
}

impl StoreError {
    /// The message for the researcher, in `texts`' language.
    pub fn message(&self, texts: &Texts) -> String {
        let t = texts.keep;
        match self {
            StoreError::Unavailable => t.storage_unavailable.to_owned(),
            StoreError::Refused(reason) => (t.storage_refused)(reason),
            StoreError::NotEncrypted => t.storage_not_encrypted.to_owned(),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&sealpost_core::i18n::EN))
    }
}

/// The page's `localStorage`, if the browser gives it one. Reading the property itself throws
/// where site data is blocked, and is `null` where there is none.
fn storage() -> Result<web_sys::Storage, StoreError> {
    web_sys::window()
        .ok_or(StoreError::Unavailable)?
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StoreError::Unavailable)
}

/// The stored draft under `key`, if there is one.
pub fn load(key: &str) -> Result<Option<String>, StoreError> {
    storage()?
        .get_item(key)
        .map_err(|err| StoreError::Refused(describe(&err)))
}

/// Stores `armored` under `key`, replacing what was there. Refuses anything but an armored
/// OpenPGP message.
pub fn save(key: &str, armored: &str) -> Result<(), StoreError> {
    if !is_encrypted(armored) {
        return Err(StoreError::NotEncrypted);
    }
    storage()?
        .set_item(key, armored)
        .map_err(|err| StoreError::Refused(describe(&err)))
}

/// Deletes the draft under `key` (nothing happens if there is none).
pub fn delete(key: &str) -> Result<(), StoreError> {
    storage()?
        .remove_item(key)
        .map_err(|err| StoreError::Refused(describe(&err)))
}

/// Whether `text` is one armored OpenPGP message and nothing else.
fn is_encrypted(text: &str) -> bool {
    let text = text.trim();
    text.starts_with(ARMOR_BEGIN)
        && text.ends_with("-----END PGP MESSAGE-----")
        && text.matches("-----BEGIN").count() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_armored_messages_count_as_encrypted() {
        assert!(is_encrypted(
            "-----BEGIN PGP MESSAGE-----\n\nwy4ECQMI\n-----END PGP MESSAGE-----\n"
        ));
        assert!(!is_encrypted("{\"title\": \"Heap overflow\"}"));
        assert!(!is_encrypted(
            "-----BEGIN PGP MESSAGE-----\n-----END PGP MESSAGE-----\nplaintext"
        ));
        assert!(!is_encrypted(
            "-----BEGIN PGP MESSAGE-----\n-----BEGIN PGP SIGNED MESSAGE-----\nHeap overflow\n-----END PGP MESSAGE-----"
        ));
    }
}
