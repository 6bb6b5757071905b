//! Decrypting a sealed report with the recipient's secret key (rPGP), asking for the key's
//! passphrase only when the key is protected.

use std::io::{BufReader, Cursor, IsTerminal};

use pgp::{
    composed::{Deserializable, Message, SignedSecretKey},
    types::Password,
};

/// Why a report could not be decrypted.
#[derive(Debug, thiserror::Error)]
pub enum DecryptError {
    #[error("{0} is not an OpenPGP secret key ({1}). Export it with: gpg --armor --export-secret-keys KEYID")]
    NotASecretKey(String, String),
    #[error(
        "The secret key is protected by a passphrase: give it with --passphrase-file FILE, or run \
         sealpost at a terminal to be asked for it."
    )]
    PassphraseNeeded,
    #[error("Cannot read the passphrase: {0}")]
    Prompt(std::io::Error),
    #[error("{0} is not an OpenPGP message ({1}).")]
    NotAMessage(String, String),
    #[error(
        "The report cannot be decrypted with this key ({0}): it was sealed to another key, or \
         the passphrase is wrong."
    )]
    Decrypt(String),
    #[error("The decrypted report cannot be read: {0}")]
    Read(String),
}

/// The secret key in `bytes` (armored or binary); `name` is the file, for messages.
pub fn secret_key(bytes: &[u8], name: &str) -> Result<SignedSecretKey, DecryptError> {
    let parsed = if bytes.trim_ascii_start().starts_with(b"-----BEGIN") {
        SignedSecretKey::from_armor_single(Cursor::new(bytes)).map(|(key, _)| key)
    } else {
        SignedSecretKey::from_bytes(Cursor::new(bytes))
    };
    parsed.map_err(|err| DecryptError::NotASecretKey(name.to_owned(), err.to_string()))
}

/// Whether any of the key's secret material needs a passphrase.
pub fn is_protected(key: &SignedSecretKey) -> bool {
    key.primary_key.secret_params().is_encrypted()
        || key
            .secret_subkeys
            .iter()
            .any(|sub| sub.key.secret_params().is_encrypted())
}

/// The passphrase: `given` (from --passphrase-file), else asked for on the terminal when the key
/// needs one, else none.
pub fn passphrase(key: &SignedSecretKey, given: Option<String>) -> Result<Password, DecryptError> {
    if let Some(given) = given {
        return Ok(Password::from(given));
    }
    if !is_protected(key) {
        return Ok(Password::empty());
    }
    // rpassword reads from the controlling terminal, not standard input; without one, asking
    // would hang or fail obscurely.
    if !std::io::stderr().is_terminal() {
        return Err(DecryptError::PassphraseNeeded);
    }
    rpassword::prompt_password("Passphrase for the secret key: ")
        .map(Password::from)
        .map_err(DecryptError::Prompt)
}

/// The plaintext of `message` (armored or binary) for `key`.
pub fn decrypt(
    message: &[u8],
    name: &str,
    key: &SignedSecretKey,
    password: &Password,
) -> Result<Vec<u8>, DecryptError> {
    let not_a_message =
        |err: pgp::errors::Error| DecryptError::NotAMessage(name.to_owned(), err.to_string());
    let parsed = if message.trim_ascii_start().starts_with(b"-----BEGIN") {
        Message::from_armor(BufReader::new(Cursor::new(message)))
            .map(|(message, _)| message)
            .map_err(not_a_message)?
    } else {
        Message::from_bytes(BufReader::new(Cursor::new(message))).map_err(not_a_message)?
    };
    let mut decrypted = parsed
        .decrypt(password, key)
        .map_err(|err| DecryptError::Decrypt(err.to_string()))?;
    // sealpost never compresses, but gpg does by default.
    if decrypted.is_compressed() {
        decrypted = decrypted
            .decompress()
            .map_err(|err| DecryptError::Read(err.to_string()))?;
    }
    // Reading to the end also checks the integrity tag (MDC or AEAD): a tampered message fails.
    decrypted
        .as_data_vec()
        .map_err(|err| DecryptError::Read(err.to_string()))
}
