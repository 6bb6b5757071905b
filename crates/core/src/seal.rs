//! Sealing: encrypting a report to an accepted recipient key.
//!
//! v4 recipients get SEIPD v1 (integrity-protected with an MDC) with AES-256, which every
//! OpenPGP implementation in use decrypts. The output is ASCII-armored for text channels.

use pgp::{
    composed::{ArmorOptions, MessageBuilder},
    crypto::sym::SymmetricKeyAlgorithm,
};
use rand_core::{CryptoRng, RngCore};

use crate::{
    key::{EncryptionKeyRef, RecipientKey},
    policy::Policy,
    report::Report,
    validate::{validate, FieldError},
};

/// The name stored in the encrypted literal data packet (`gpg --use-embedded-filename`).
const LITERAL_FILE_NAME: &str = "report.txt";

/// Why sealing did not produce a message.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SealError {
    /// The report is not complete; nothing was encrypted.
    #[error("The report is incomplete: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "))]
    Incomplete(Vec<FieldError>),
    /// There is no key to encrypt to.
    #[error("There is no recipient key to encrypt to.")]
    NoRecipients,
    /// The OpenPGP library failed while encrypting.
    #[error("Encryption failed: {0}")]
    Encryption(#[from] pgp::errors::Error),
}

/// Validates `report` against `policy`, renders it and encrypts it to every one of
/// `recipients`. Returns the ASCII-armored OpenPGP message.
pub fn seal_report<R: RngCore + CryptoRng>(
    policy: &Policy,
    report: &Report,
    recipients: &[RecipientKey],
    rng: R,
) -> Result<String, SealError> {
    let problems = validate(policy, report);
    if !problems.is_empty() {
        return Err(SealError::Incomplete(problems));
    }
    seal(report.render_text(policy).as_bytes(), recipients, rng)
}

/// Encrypts `plaintext` to all `recipients` (one message any of them can open) and returns
/// the ASCII-armored OpenPGP message.
pub fn seal<R: RngCore + CryptoRng>(
    plaintext: &[u8],
    recipients: &[RecipientKey],
    mut rng: R,
) -> Result<String, SealError> {
    if recipients.is_empty() {
        return Err(SealError::NoRecipients);
    }
    let mut builder = MessageBuilder::from_bytes(LITERAL_FILE_NAME, plaintext.to_vec())
        .seipd_v1(&mut rng, SymmetricKeyAlgorithm::AES256);
    for recipient in recipients {
        match recipient.encryption_key() {
            EncryptionKeyRef::Primary(key) => builder.encrypt_to_key(&mut rng, key)?,
            EncryptionKeyRef::Subkey(key) => builder.encrypt_to_key(&mut rng, key)?,
        };
    }
    Ok(builder.to_armored_string(&mut rng, ArmorOptions::default())?)
}
