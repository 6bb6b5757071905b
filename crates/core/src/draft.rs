//! A draft of the report kept on the researcher's device, only if they ask for it, and only
//! encrypted with a passphrase they choose.
//!
//! The draft is an OpenPGP message encrypted with a passphrase (RFC 9580: a v6 SKESK with the
//! **Argon2** S2K, then SEIPD v2, AES-256/OCB). Why Argon2 and not the iterated-and-salted S2K:
//! a browser's storage can be read by anyone with the device (or a copy of the profile), so the
//! passphrase is the only protection, and Argon2 is memory-hard: each guess costs 64 MiB and
//! three passes, which GPUs and ASICs cannot cheapen the way they cheapen iterated SHA-256.
//! GnuPG 2.2 cannot read v6 SKESKs, but nothing but sealpost ever opens a draft, and rPGP 0.21
//! writes and reads them. Parameters: RFC 9106's second recommended choice (t = 3, p = 4,
//! m = 64 MiB), which fits a browser worker.
//!
//! Inside is JSON ([`Draft`]): what the researcher typed, and the names of the files they had
//! attached (the files themselves are never kept; they must attach them again).

use std::io::Cursor;

use pgp::{
    composed::{ArmorOptions, Esk, Message, MessageBuilder},
    crypto::{
        aead::{AeadAlgorithm, ChunkSize},
        sym::SymmetricKeyAlgorithm,
    },
    types::{Password, StringToKey},
};
use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{
    i18n::{self, Texts},
    report::Report,
};

/// The shortest passphrase accepted for a draft, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Argon2 passes (t), lanes (p) and memory exponent (m = 2^m KiB): RFC 9106 § 4, choice 2.
const ARGON2_T: u8 = 3;
const ARGON2_P: u8 = 4;
const ARGON2_M_ENC: u8 = 16;

/// The most memory a draft may make opening it cost (2^17 KiB = 128 MiB): a stored draft that
/// asks for gigabytes would crash the worker instead of failing with a message.
const MAX_M_ENC: u8 = 17;
/// The most Argon2 passes a draft may ask for.
const MAX_T: u8 = 10;

const DRAFT_FORMAT: &str = "sealpost-draft";
const DRAFT_VERSION: u32 = 1;

/// The prefix of every draft's storage key.
pub const STORAGE_PREFIX: &str = "sealpost-draft:";

/// What a draft holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Everything the researcher entered, exactly as entered.
    pub report: Report,
    /// The names of the files that were attached (not their contents).
    pub attachment_names: Vec<String>,
}

/// The JSON inside the encrypted draft: versioned, so a later sealpost can tell what it reads.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    format: String,
    version: u32,
    report: Report,
    attachment_names: Vec<String>,
}

/// Why a draft was not sealed or opened. Each message says what happened and what to do, in
/// the page's language ([`DraftError::message`]); `Display` is the English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum DraftError {
    /// The chosen passphrase is too short to protect the draft.
    PassphraseTooShort { min: usize },
    /// The passphrase does not open the draft (or the draft's key packet is damaged).
    WrongPassphrase,
    /// The stored text is not a draft sealpost can read.
    Damaged(String),
    /// The OpenPGP library failed while encrypting.
    Encryption(String),
    /// The worker that encrypts drafts could not be reached (the page says why, in its
    /// language).
    Unavailable(String),
}

impl DraftError {
    /// The message for the researcher, in `texts`' language. The details inside `Damaged` and
    /// `Encryption` are the OpenPGP library's, in English.
    pub fn message(&self, texts: &Texts) -> String {
        let t = texts.keep;
        match self {
            DraftError::PassphraseTooShort { min } => (t.choose_longer)(*min),
            DraftError::WrongPassphrase => t.wrong_passphrase.to_owned(),
            DraftError::Damaged(detail) => (t.damaged)(detail),
            DraftError::Encryption(detail) => (t.not_encrypted_by_library)(detail),
            DraftError::Unavailable(reason) => reason.clone(),
        }
    }
}

impl std::fmt::Display for DraftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(&i18n::EN))
    }
}

impl std::error::Error for DraftError {}

/// The storage key of drafts for the project named `project_name`: a hash, so the key does not
/// say which project the researcher is reporting to.
pub fn storage_key(project_name: &str) -> String {
    let digest = Sha256::digest(project_name.as_bytes());
    format!("{STORAGE_PREFIX}{}", hex::encode(&digest[..8]))
}

/// Encrypts `report` and the `attachment_names` with `passphrase`, armored for text storage.
pub fn seal_draft<R: RngCore + CryptoRng>(
    report: &Report,
    attachment_names: &[String],
    passphrase: &str,
    mut rng: R,
) -> Result<String, DraftError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(DraftError::PassphraseTooShort {
            min: MIN_PASSPHRASE_CHARS,
        });
    }
    let envelope = Envelope {
        format: DRAFT_FORMAT.into(),
        version: DRAFT_VERSION,
        report: report.clone(),
        attachment_names: attachment_names.to_vec(),
    };
    let json =
        serde_json::to_vec(&envelope).map_err(|err| DraftError::Encryption(err.to_string()))?;
    let encryption = |err: pgp::errors::Error| DraftError::Encryption(err.to_string());
    // No file name in the literal packet: nothing about the draft is readable outside it.
    let mut builder = MessageBuilder::from_bytes("", json).seipd_v2(
        &mut rng,
        SymmetricKeyAlgorithm::AES256,
        AeadAlgorithm::Ocb,
        ChunkSize::default(),
    );
    let s2k = StringToKey::new_argon2(&mut rng, ARGON2_T, ARGON2_P, ARGON2_M_ENC);
    builder
        .encrypt_with_password(&mut rng, s2k, &Password::from(passphrase))
        .map_err(encryption)?;
    builder
        .to_armored_string(&mut rng, ArmorOptions::default())
        .map_err(encryption)
}

/// Decrypts a draft sealed by [`seal_draft`] with `passphrase`.
pub fn open_draft(armored: &str, passphrase: &str) -> Result<Draft, DraftError> {
    let damaged = |what: &str| DraftError::Damaged(what.to_owned());
    let (message, _headers) = Message::from_armor(Cursor::new(armored.as_bytes()))
        .map_err(|_| damaged("not an OpenPGP message"))?;
    let Message::Encrypted { esk, .. } = &message else {
        return Err(damaged("not an encrypted message"));
    };
    // Only the kind of key packet sealpost writes, with bounded cost: opening must fail with a
    // message, never exhaust the worker's memory.
    let acceptable = esk.iter().any(|esk| match esk {
        Esk::SymKeyEncryptedSessionKey(skesk) => matches!(
            skesk.s2k(),
            Some(StringToKey::Argon2 { t, m_enc, .. }) if *m_enc <= MAX_M_ENC && *t <= MAX_T
        ),
        Esk::PublicKeyEncryptedSessionKey(_) => false,
    });
    if !acceptable || esk.len() != 1 {
        return Err(damaged("not a sealpost draft"));
    }
    let mut plain = message
        .decrypt_with_password(&Password::from(passphrase))
        .map_err(|_| DraftError::WrongPassphrase)?;
    if !plain.is_literal() {
        return Err(damaged("unexpected content"));
    }
    let json = plain
        .as_data_vec()
        .map_err(|_| damaged("its integrity check failed"))?;
    let envelope: Envelope =
        serde_json::from_slice(&json).map_err(|_| damaged("its content is not a draft"))?;
    if envelope.format != DRAFT_FORMAT || envelope.version != DRAFT_VERSION {
        return Err(damaged("it was saved by a different version of sealpost"));
    }
    Ok(Draft {
        report: envelope.report,
        attachment_names: envelope.attachment_names,
    })
}

#[cfg(test)]
mod tests;
