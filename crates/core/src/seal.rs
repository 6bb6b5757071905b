//! Sealing: encrypting a letter to every recipient key in one OpenPGP message.
//!
//! The cipher is negotiated as current implementations (GnuPG, OpenPGP.js, Sequoia) do:
//! - SEIPD v2 (AEAD, RFC 9580) only when *every* recipient advertises it (v6 keys always do),
//!   with the first AEAD ciphersuite all of them prefer, else AES-128/OCB (mandatory to implement);
//! - otherwise SEIPD v1 (with MDC), with the strongest AES every recipient lists, else AES-256,
//!   which every OpenPGP implementation in use decrypts (GnuPG 2.2 and OpenPGP.js 6 included).
//!
//! Nothing is compressed: reports are small and attachments are usually compressed already, and
//! compression before encryption has leaked plaintext before (CRIME-style length oracles).

use std::{io::Read, time::SystemTime};

use pgp::{
    composed::{ArmorOptions, Encryption, MessageBuilder},
    crypto::{
        aead::{AeadAlgorithm, ChunkSize},
        sym::SymmetricKeyAlgorithm,
    },
};
use rand_core::{CryptoRng, RngCore};

mod staged;
pub use staged::{stage, staged_cipher, CbcStep, CfbStage, HEADROOM};

use crate::{
    key::{EncryptionKeyRef, RecipientKey},
    letter::{self, Letter},
    policy::Policy,
    reply_key::ReplyKey,
    report::{
        document::{Attachment, ReportDocument},
        Report,
    },
    validate::{validate, FieldError},
};

/// The name stored in the encrypted literal data packet (`gpg --use-embedded-filename`).
pub const LITERAL_FILE_NAME: &str = "report.eml";

/// AEAD chunk size: OpenPGP.js's default. Small chunks (rPGP's default is 4 KiB) cost a tag and
/// a nonce computation each, which shows on big attachments.
const AEAD_CHUNK_SIZE: ChunkSize = ChunkSize::C256KiB;

/// How the sealed message is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Encoding {
    /// ASCII armor, for text channels (email bodies, forms, clipboards).
    #[default]
    Armored,
    /// Raw OpenPGP packets: a third smaller, for big uploads.
    Binary,
}

impl Encoding {
    /// The file name a sealed report in this encoding is saved under.
    pub fn file_name(self) -> &'static str {
        match self {
            Encoding::Armored => "report.asc",
            Encoding::Binary => "report.pgp",
        }
    }
}

impl std::fmt::Display for Cipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cipher::SeipdV1(sym) => write!(f, "{sym:?} with integrity check (SEIPD v1)"),
            Cipher::SeipdV2(sym, aead) => write!(f, "{sym:?}-{aead:?} (AEAD, SEIPD v2)"),
        }
    }
}

/// The cipher a message is encrypted with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cipher {
    /// Symmetrically Encrypted Integrity Protected Data v1 (CFB + MDC).
    SeipdV1(SymmetricKeyAlgorithm),
    /// SEIPD v2: AEAD with the given ciphersuite.
    SeipdV2(SymmetricKeyAlgorithm, AeadAlgorithm),
}

/// Why sealing did not produce a message.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SealError {
    /// The report is not complete; nothing was encrypted.
    #[error("The report is incomplete: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "))]
    Incomplete(Vec<FieldError>),
    /// The attachments break the policy's limits.
    #[error("{0}")]
    Attachments(crate::policy::document::AttachmentRefusal),
    /// There is no key to encrypt to.
    #[error("There is no recipient key to encrypt to.")]
    NoRecipients,
    /// The OpenPGP library failed while encrypting.
    #[error("Encryption failed: {0}")]
    Encryption(#[from] pgp::errors::Error),
    /// The letter does not fit one OpenPGP packet (4 GiB); no attachment limit allows that.
    #[error("The report is too large to encrypt in one message (4 GiB at most).")]
    TooLarge,
    /// The AES that ran outside rPGP (the browser's WebCrypto) failed: see [`stage`].
    #[error("Encryption failed: {0}")]
    Cipher(String),
}

/// A sealed report.
#[derive(Debug, Clone)]
pub struct Sealed {
    /// The OpenPGP message, armored or binary as asked.
    pub message: Vec<u8>,
    pub cipher: Cipher,
    /// The structured report that was encrypted (for the receipt; never sent anywhere).
    pub document: ReportDocument,
    /// The size of the letter before encryption.
    pub plaintext_bytes: u64,
}

/// Validates `report` against `policy`, composes the letter (text, JSON, `attachments`) and
/// encrypts it to every one of `recipients`.
pub fn seal_report<R: RngCore + CryptoRng>(
    policy: &Policy,
    report: &Report,
    attachments: &[Attachment],
    recipients: &[RecipientKey],
    encoding: Encoding,
    created: SystemTime,
    rng: R,
) -> Result<Sealed, SealError> {
    seal_report_with_progress(
        policy,
        report,
        attachments.to_vec(),
        recipients,
        encoding,
        created,
        rng,
        |_, _| {},
    )
}

/// [`seal_report`], calling `progress(done, total)` (bytes of the letter encrypted so far) as
/// encryption proceeds, about every [`PROGRESS_STEP`] bytes. Takes the attachments by value and
/// frees them (and the letter) as soon as they are encrypted: a 100 MB attachment otherwise
/// costs several times its size at the peak, and wasm memory never shrinks.
#[allow(clippy::too_many_arguments)] // one call site each; a struct would only rename them
pub fn seal_report_with_progress<R: RngCore + CryptoRng>(
    policy: &Policy,
    report: &Report,
    attachments: Vec<Attachment>,
    recipients: &[RecipientKey],
    encoding: Encoding,
    created: SystemTime,
    rng: R,
    progress: impl FnMut(u64, u64),
) -> Result<Sealed, SealError> {
    seal_report_with_reply_key(
        policy,
        report,
        attachments,
        None,
        recipients,
        encoding,
        created,
        rng,
        progress,
    )
}

/// [`seal_report_with_progress`], enclosing the reporter's `reply_key` in the letter (see
/// [`letter::compose_with_reply_key`]). The reply key is not an attachment of the researcher's:
/// the policy's attachment limits do not count it.
#[allow(clippy::too_many_arguments)] // as above
pub fn seal_report_with_reply_key<R: RngCore + CryptoRng>(
    policy: &Policy,
    report: &Report,
    attachments: Vec<Attachment>,
    reply_key: Option<&ReplyKey>,
    recipients: &[RecipientKey],
    encoding: Encoding,
    created: SystemTime,
    mut rng: R,
    progress: impl FnMut(u64, u64),
) -> Result<Sealed, SealError> {
    let letter = checked_letter(
        policy,
        report,
        attachments,
        reply_key,
        recipients,
        created,
        &mut rng,
    )?;
    seal_letter(letter, recipients, encoding, rng, progress)
}

/// Encrypts a [`checked_letter`] with rPGP alone, calling `progress` as in
/// [`seal_report_with_progress`].
pub fn seal_letter<R: RngCore + CryptoRng>(
    letter: Letter,
    recipients: &[RecipientKey],
    encoding: Encoding,
    rng: R,
    progress: impl FnMut(u64, u64),
) -> Result<Sealed, SealError> {
    let Letter { mime, document } = letter;
    let plaintext_bytes = mime.len();
    let mut source = ProgressReader {
        inner: mime.as_slice(),
        done: 0,
        reported: 0,
        total: plaintext_bytes as u64,
        progress,
    };
    let (message, cipher) = seal_source(&mut source, plaintext_bytes, recipients, encoding, rng)?;
    Ok(Sealed {
        message,
        cipher,
        document,
        plaintext_bytes: plaintext_bytes as u64,
    })
}

/// The checks of [`seal_report_with_reply_key`] (complete report, attachment limits, a
/// recipient), then its letter: everything before encryption. Frees the attachments.
pub fn checked_letter<R: RngCore + CryptoRng>(
    policy: &Policy,
    report: &Report,
    attachments: Vec<Attachment>,
    reply_key: Option<&ReplyKey>,
    recipients: &[RecipientKey],
    created: SystemTime,
    rng: &mut R,
) -> Result<Letter, SealError> {
    let problems = validate(policy, report);
    if !problems.is_empty() {
        return Err(SealError::Incomplete(problems));
    }
    policy
        .attachments
        .check(
            attachments
                .iter()
                .map(|a| (a.name.as_str(), a.bytes.len() as u64)),
        )
        .map_err(SealError::Attachments)?;
    if recipients.is_empty() {
        return Err(SealError::NoRecipients);
    }
    Ok(letter::compose_with_reply_key(
        policy,
        report,
        &attachments,
        reply_key,
        created,
        rng,
    ))
}

/// How often [`seal_report_with_progress`] reports, in bytes.
pub const PROGRESS_STEP: u64 = 1024 * 1024;

struct ProgressReader<S, F> {
    inner: S,
    done: u64,
    reported: u64,
    total: u64,
    progress: F,
}

impl<S: Read, F: FnMut(u64, u64)> Read for ProgressReader<S, F> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.done += read as u64;
        if self.done - self.reported >= PROGRESS_STEP || (read == 0 && self.reported < self.done) {
            self.reported = self.done;
            (self.progress)(self.done, self.total);
        }
        Ok(read)
    }
}

/// Encrypts `plaintext` to all `recipients` (one message any of them can open).
pub fn seal<R: RngCore + CryptoRng>(
    mut plaintext: &[u8],
    recipients: &[RecipientKey],
    encoding: Encoding,
    rng: R,
) -> Result<(Vec<u8>, Cipher), SealError> {
    let len = plaintext.len();
    seal_source(&mut plaintext, len, recipients, encoding, rng)
}

/// Like [`seal`], reading the plaintext from `source` as encryption proceeds, so a caller can
/// report progress from its reader.
pub fn seal_reader<S: Read, R: RngCore + CryptoRng>(
    mut source: S,
    recipients: &[RecipientKey],
    encoding: Encoding,
    rng: R,
) -> Result<(Vec<u8>, Cipher), SealError> {
    seal_source(&mut source, 0, recipients, encoding, rng)
}

/// [`seal_reader`] with the plaintext's expected length, so the output is allocated once rather
/// than grown by doubling (which can briefly need twice the message's size).
///
/// The source is a `dyn Read` so that rPGP's message writer, generic over it, is built once
/// for every caller (a slice, a progress reader) rather than once per reader type: a copy
/// less in the sealing worker's wasm for each (issue 10). It is read in large chunks, so the
/// indirect call costs nothing measurable.
fn seal_source<R: RngCore + CryptoRng>(
    source: &mut dyn Read,
    plaintext_len: usize,
    recipients: &[RecipientKey],
    encoding: Encoding,
    mut rng: R,
) -> Result<(Vec<u8>, Cipher), SealError> {
    if recipients.is_empty() {
        return Err(SealError::NoRecipients);
    }
    let cipher = negotiate(recipients);
    let builder = MessageBuilder::from_reader(LITERAL_FILE_NAME, source);
    let message = match cipher {
        Cipher::SeipdV1(sym) => {
            let mut builder = builder.seipd_v1(&mut rng, sym);
            for recipient in recipients {
                match recipient.encryption_key() {
                    EncryptionKeyRef::Primary(key) => builder.encrypt_to_key(&mut rng, key)?,
                    EncryptionKeyRef::Subkey(key) => builder.encrypt_to_key(&mut rng, key)?,
                };
            }
            finish(builder, encoding, plaintext_len, rng)?
        }
        Cipher::SeipdV2(sym, aead) => {
            let mut builder = builder.seipd_v2(&mut rng, sym, aead, AEAD_CHUNK_SIZE);
            for recipient in recipients {
                // The session key packet (PKESK v6) names the recipient, as GnuPG expects.
                match recipient.encryption_key() {
                    EncryptionKeyRef::Primary(key) => builder.encrypt_to_key(&mut rng, key)?,
                    EncryptionKeyRef::Subkey(key) => builder.encrypt_to_key(&mut rng, key)?,
                };
            }
            finish(builder, encoding, plaintext_len, rng)?
        }
    };
    Ok((message, cipher))
}

fn finish<S: Read, E: Encryption, R: RngCore + CryptoRng>(
    builder: MessageBuilder<'_, S, E>,
    encoding: Encoding,
    plaintext_len: usize,
    mut rng: R,
) -> Result<Vec<u8>, SealError> {
    // Packet overhead is a few hundred bytes per recipient; armor adds a third plus line breaks.
    let binary_len = plaintext_len + plaintext_len / 64 + 4096;
    let mut out = match encoding {
        Encoding::Armored => Vec::with_capacity(binary_len / 3 * 4 + binary_len / 48 + 256),
        Encoding::Binary => Vec::with_capacity(binary_len),
    };
    match encoding {
        Encoding::Armored => {
            builder.to_armored_writer(&mut rng, ArmorOptions::default(), &mut out)?
        }
        Encoding::Binary => builder.to_writer(&mut rng, &mut out)?,
    }
    Ok(out)
}

/// The cipher every recipient can decrypt (see the module documentation).
pub fn negotiate(recipients: &[RecipientKey]) -> Cipher {
    use AeadAlgorithm::{Gcm, Ocb};
    use SymmetricKeyAlgorithm::{AES128, AES256};

    if !recipients.is_empty() && recipients.iter().all(RecipientKey::supports_seipd_v2) {
        let suites = [(AES256, Ocb), (AES256, Gcm), (AES128, Ocb), (AES128, Gcm)];
        let all_prefer = |suite: &(SymmetricKeyAlgorithm, AeadAlgorithm)| {
            recipients
                .iter()
                .all(|r| r.preferences().aead.contains(suite))
        };
        let (sym, aead) = suites.into_iter().find(all_prefer).unwrap_or((AES128, Ocb));
        return Cipher::SeipdV2(sym, aead);
    }
    let all_list = |sym: &SymmetricKeyAlgorithm| {
        recipients
            .iter()
            .all(|r| r.preferences().symmetric.contains(sym))
    };
    Cipher::SeipdV1(
        [AES256, SymmetricKeyAlgorithm::AES192, AES128]
            .into_iter()
            .find(all_list)
            .unwrap_or(AES256),
    )
}
