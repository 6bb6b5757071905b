//! The messages between the page and the sealing worker.
//!
//! The page never links the OpenPGP code: it parses the policy (to draw the form), fetches key
//! files, and hands both to the worker, which accepts the keys and later seals the report. The
//! types here are plain data (JSON over `postMessage`); file contents travel beside them as
//! `Blob`s and the sealed message comes back as a transferred `ArrayBuffer`, so megabytes are
//! never copied through JSON.
//!
//! Besides accepting keys and sealing, the worker makes the researcher's reply key
//! ([`ReplyKeyRequest`]) and encrypts and opens their draft ([`DraftSealRequest`],
//! [`DraftOpenRequest`]): everything that needs OpenPGP happens there.
//!
//! [`Sealer`] is the worker's logic without the browser, so it is tested natively and the page's
//! in-process test double is the very same code.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{
    draft::{self, Draft, DraftError},
    key::RecipientKey,
    letter::Letter,
    policy::{KeySource, Policy, PolicyError},
    recipients,
    reply_key::{self, ReplyKey, ReplyKeyPair},
    report::{
        document::{Attachment, ReportDocument},
        Report,
    },
    seal::{
        checked_letter, seal_letter, stage, staged_cipher, CfbStage, Cipher, Encoding, SealError,
    },
};

/// What [`Sealer::stage_seal`] leaves to do.
pub enum SealJob {
    /// Sealed already (rPGP did it all): the message and what the page is told.
    Done((Vec<u8>, SealedInfo)),
    /// Only the bulk AES is left: see [`StagedSeal`].
    Staged(StagedSeal),
}

/// A report sealed but for its bulk AES-CFB (see [`crate::seal::stage`]).
pub struct StagedSeal {
    /// The message so far; its plaintext, session key and cipher for the AES outside.
    pub stage: CfbStage,
    document: ReportDocument,
    plaintext_bytes: u64,
}

impl StagedSeal {
    /// Completes the message with `first` = AES(0) and `cbc` = the CBC encryption of
    /// `stage.plaintext()` under `first` (see [`CfbStage::finish`]).
    pub fn finish(self, first: &[u8], cbc: &[u8]) -> Result<(Vec<u8>, SealedInfo), String> {
        self.complete(|stage| stage.finish(first, cbc))
    }

    /// Completes the message with rPGP's software AES (no WebCrypto at hand).
    pub fn finish_in_software(self) -> Result<(Vec<u8>, SealedInfo), String> {
        self.complete(CfbStage::finish_in_software)
    }

    /// The message once `stage` was encrypted in place by [`CfbStage::take_cbc`] (refused if
    /// any byte was not).
    pub fn finish_encrypted(self) -> Result<(Vec<u8>, SealedInfo), String> {
        self.complete(CfbStage::into_message)
    }

    fn complete(
        self,
        encrypt: impl FnOnce(CfbStage) -> Result<Vec<u8>, SealError>,
    ) -> Result<(Vec<u8>, SealedInfo), String> {
        let encoding = self.stage.encoding();
        let cipher = self.stage.cipher();
        let message = encrypt(self.stage).map_err(|err| err.to_string())?;
        Ok(sealed_info(
            message,
            encoding,
            cipher,
            self.document,
            self.plaintext_bytes,
        ))
    }
}

/// The message with what the page is told about it.
fn sealed_info(
    message: Vec<u8>,
    encoding: Encoding,
    cipher: Cipher,
    document: ReportDocument,
    plaintext_bytes: u64,
) -> (Vec<u8>, SealedInfo) {
    let info = SealedInfo {
        encoding,
        cipher: cipher.to_string(),
        report_id: document.id.clone(),
        plaintext_bytes,
        ciphertext_sha256: hex::encode(Sha256::digest(&message)),
        document,
    };
    (message, info)
}

/// Sent once: the policy and, for each recipient with a `key_url`, the fetched key text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AcceptRequest {
    pub policy_json: String,
    /// One entry per policy recipient, in order: the fetched key for `key_url` recipients, or
    /// the reason the fetch failed; `None` for inline keys.
    pub fetched_keys: Vec<Option<Result<String, String>>>,
    /// The page's clock, milliseconds since the Unix epoch.
    pub now_ms: f64,
}

/// One key reports will be encrypted to, as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecipientSummary {
    /// The policy's name for this recipient (e.g. "Security team").
    pub name: Option<String>,
    /// Untrusted: render as text.
    pub user_id: Option<String>,
    /// Every validly self-signed user ID, the primary one first (untrusted text).
    #[serde(default)]
    pub user_ids: Vec<String>,
    /// Grouped in fours.
    pub fingerprint: String,
    pub encryption_fingerprint: String,
    pub algorithm: String,
    pub version: u8,
    /// `YYYY-MM-DD`, if the key expires.
    pub expires: Option<String>,
    /// Whether the policy pins this key's fingerprint (a mismatch never gets this far).
    pub pinned: bool,
    pub test_key: bool,
    pub seipd_v2: bool,
}

pub type AcceptResponse = Result<Vec<RecipientSummary>, Vec<PolicyError>>;

/// Seal the report. Attachment contents travel beside this, in the same order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SealRequest {
    pub report: Report,
    pub attachments: Vec<AttachmentMeta>,
    pub encoding: Encoding,
    pub now_ms: f64,
    /// The researcher's reply key (armored public key) made in the page, if they made one: the
    /// project can answer encrypted. Its secret half never leaves the researcher's device.
    #[serde(default)]
    pub reply_public_key: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentMeta {
    pub name: String,
    pub media_type: String,
}

/// What the worker says about a sealed report (the message bytes travel beside it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SealedInfo {
    pub encoding: Encoding,
    /// E.g. "AES256 with integrity check (SEIPD v1)".
    pub cipher: String,
    /// The report's random id (in its JSON and Message-ID).
    pub report_id: String,
    /// Size of the letter before encryption.
    pub plaintext_bytes: u64,
    /// SHA-256 of the sealed message, lower-case hex: what the researcher can prove was sent.
    pub ciphertext_sha256: String,
    /// The structured report that was sealed (report.json), for hand-offs that want fields.
    pub document: ReportDocument,
}

pub type SealResponse = Result<SealedInfo, String>;

/// Make a reply key for the researcher, named after what they typed (either may be empty).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReplyKeyRequest {
    /// Their name or handle.
    pub name: String,
    /// Their contact address.
    pub contact: String,
    /// Locks the secret key; `None` or empty leaves it unprotected.
    pub passphrase: Option<String>,
    pub now_ms: f64,
}

pub type ReplyKeyResponse = Result<ReplyKeyPair, String>;

/// Encrypt the researcher's draft with their passphrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftSealRequest {
    pub draft: Draft,
    pub passphrase: String,
}

/// The armored, encrypted draft.
pub type DraftSealResponse = Result<String, DraftError>;

/// Open a stored draft with the passphrase the researcher typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftOpenRequest {
    pub armored: String,
    pub passphrase: String,
}

pub type DraftOpenResponse = Result<Draft, DraftError>;

/// Check one key file on its own, for the page builder: a key the maintainer picked, pasted
/// or discovered (binary or armored bytes, as fetched).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyCheckRequest {
    pub bytes: Vec<u8>,
    pub now_ms: f64,
}

/// A key file every certificate of which reports can be encrypted to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckedKey {
    /// The keys as armored text for the policy's `key` (binary input armored as it is).
    pub armored: String,
    /// One per certificate in the file.
    pub keys: Vec<RecipientSummary>,
}

/// Why a key file cannot be used: [`crate::KeyError::code`] and its message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyRefusal {
    pub code: String,
    pub message: String,
}

pub type KeyCheckResponse = Result<CheckedKey, KeyRefusal>;

/// The worker's state and logic, browser-free.
#[derive(Debug, Default)]
pub struct Sealer {
    accepted: Option<(Policy, Vec<RecipientKey>)>,
}

impl Sealer {
    /// Checks the policy and accepts its keys, remembering them for [`Sealer::seal`].
    pub fn accept(&mut self, request: &AcceptRequest) -> AcceptResponse {
        let policy = Policy::from_json(&request.policy_json)?;
        let now = system_time(request.now_ms);
        let results = policy.recipients.iter().enumerate().map(|(index, source)| {
            let material = match (&source.key, request.fetched_keys.get(index)) {
                (KeySource::Inline(armored), _) => Ok(armored.clone().into_bytes()),
                (KeySource::Url(_), Some(Some(Ok(text)))) => Ok(text.clone().into_bytes()),
                (KeySource::Url(_), Some(Some(Err(reason)))) => Err(PolicyError {
                    path: format!("recipients[{index}].key_url"),
                    reason: reason.clone(),
                }),
                (KeySource::Url(url), _) => Err(PolicyError {
                    path: format!("recipients[{index}].key_url"),
                    reason: format!("the key at {url} was not fetched"),
                }),
            };
            material.and_then(|bytes| recipients::accept(index, source, &bytes, now))
        });
        let keys = recipients::all_or_errors(results)?;
        let summaries = keys
            .iter()
            .map(|(index, key)| summarize(&policy, *index, key))
            .collect();
        self.accepted = Some((policy, keys.into_iter().map(|(_, key)| key).collect()));
        Ok(summaries)
    }

    /// Seals `request.report` with `attachments` (contents in the order of the metadata), with
    /// rPGP alone.
    pub fn seal<R: rand_core::RngCore + rand_core::CryptoRng>(
        &self,
        request: &SealRequest,
        contents: Vec<Vec<u8>>,
        mut rng: R,
        progress: impl FnMut(u64, u64),
    ) -> Result<(Vec<u8>, SealedInfo), String> {
        let (letter, keys) = self.letter(request, contents, &mut rng)?;
        let sealed = seal_letter(letter, keys, request.encoding, rng, progress)
            .map_err(|err: SealError| err.to_string())?;
        Ok(sealed_info(
            sealed.message,
            request.encoding,
            sealed.cipher,
            sealed.document,
            sealed.plaintext_bytes,
        ))
    }

    /// [`Self::seal`] in two stages when the cipher is SEIPD v1 with AES: the caller runs the
    /// bulk AES (the browser's WebCrypto, see [`crate::seal::stage`]) and calls
    /// [`StagedSeal::finish`]. Otherwise rPGP seals it here, as [`Self::seal`] does.
    pub fn stage_seal<R: rand_core::RngCore + rand_core::CryptoRng>(
        &self,
        request: &SealRequest,
        contents: Vec<Vec<u8>>,
        mut rng: R,
        progress: impl FnMut(u64, u64),
    ) -> Result<SealJob, String> {
        let (letter, keys) = self.letter(request, contents, &mut rng)?;
        if staged_cipher(keys).is_none() {
            let sealed = seal_letter(letter, keys, request.encoding, rng, progress)
                .map_err(|err| err.to_string())?;
            return Ok(SealJob::Done(sealed_info(
                sealed.message,
                request.encoding,
                sealed.cipher,
                sealed.document,
                sealed.plaintext_bytes,
            )));
        }
        let Letter { mime, document } = letter;
        let plaintext_bytes = mime.len() as u64;
        match stage(mime, keys, request.encoding, &mut rng).map_err(|err| err.to_string())? {
            Some(stage) => Ok(SealJob::Staged(StagedSeal {
                stage,
                document,
                plaintext_bytes,
            })),
            None => Err("no AES cipher to stage".into()),
        }
    }

    /// The checked letter for `request`, and the keys to seal it to.
    fn letter<R: rand_core::RngCore + rand_core::CryptoRng>(
        &self,
        request: &SealRequest,
        contents: Vec<Vec<u8>>,
        rng: &mut R,
    ) -> Result<(Letter, &[RecipientKey]), String> {
        let Some((policy, keys)) = &self.accepted else {
            return Err("The keys have not been checked yet; reload the page.".into());
        };
        let attachments: Vec<Attachment> = request
            .attachments
            .iter()
            .zip(contents)
            .map(|(meta, bytes)| Attachment::new(meta.name.clone(), meta.media_type.clone(), bytes))
            .collect();
        let now = system_time(request.now_ms);
        // Checked before anything is encrypted, and enclosed re-armored from what was parsed:
        // whatever the page sent, only a usable public key goes into the letter.
        let reply_key = request
            .reply_public_key
            .as_deref()
            .map(|armored| ReplyKey::accept(armored, now))
            .transpose()
            .map_err(|err| format!("{err} Remove the reply key, or make a new one."))?;
        let letter = checked_letter(
            policy,
            &request.report,
            attachments,
            reply_key.as_ref(),
            keys,
            now,
            rng,
        )
        .map_err(|err: SealError| err.to_string())?;
        Ok((letter, keys))
    }

    /// Checks a key file as a policy recipient's key is checked (see [`crate::key`]).
    pub fn check_key(request: &KeyCheckRequest) -> KeyCheckResponse {
        let refusal = |err: crate::KeyError| KeyRefusal {
            code: err.code().to_owned(),
            message: err.to_string(),
        };
        let now = system_time(request.now_ms);
        let keys = RecipientKey::accept_all(&request.bytes, now)
            .map_err(refusal)?
            .into_iter()
            .map(|verdict| verdict.map(|key| summary(&key, None, false, false)))
            .collect::<Result<Vec<_>, _>>()
            .map_err(refusal)?;
        Ok(CheckedKey {
            armored: crate::key::armored_text(&request.bytes),
            keys,
        })
    }

    /// Makes a reply key (see [`reply_key::generate`]).
    pub fn make_reply_key<R: rand_core::RngCore + rand_core::CryptoRng>(
        request: &ReplyKeyRequest,
        rng: R,
    ) -> ReplyKeyResponse {
        reply_key::generate(
            &reply_key::user_id(&request.name, &request.contact),
            request.passphrase.as_deref(),
            system_time(request.now_ms),
            rng,
        )
        .map_err(|err| err.to_string())
    }

    /// Encrypts a draft (see [`draft::seal_draft`]).
    pub fn seal_draft<R: rand_core::RngCore + rand_core::CryptoRng>(
        request: &DraftSealRequest,
        rng: R,
    ) -> DraftSealResponse {
        draft::seal_draft(
            &request.draft.report,
            &request.draft.attachment_names,
            &request.passphrase,
            rng,
        )
    }

    /// Opens a draft (see [`draft::open_draft`]).
    pub fn open_draft(request: &DraftOpenRequest) -> DraftOpenResponse {
        draft::open_draft(&request.armored, &request.passphrase)
    }
}

fn summarize(policy: &Policy, index: usize, key: &RecipientKey) -> RecipientSummary {
    let source = &policy.recipients[index];
    summary(
        key,
        source.name.clone(),
        source.fingerprint.is_some(),
        source.test_key,
    )
}

fn summary(
    key: &RecipientKey,
    name: Option<String>,
    pinned: bool,
    test_key: bool,
) -> RecipientSummary {
    RecipientSummary {
        name,
        user_id: key.user_id().map(str::to_owned),
        user_ids: key.user_ids().to_vec(),
        fingerprint: key.fingerprint_grouped(),
        encryption_fingerprint: crate::key::group_by_four(&key.encryption_fingerprint()),
        algorithm: key.algorithm().to_owned(),
        version: key.version(),
        expires: key.expires_date(),
        pinned,
        test_key,
        seipd_v2: key.supports_seipd_v2(),
    }
}

/// Milliseconds since the epoch (as JavaScript's `Date.now()` gives them) as a `SystemTime`.
pub fn system_time(ms: f64) -> SystemTime {
    if ms.is_finite() && ms > 0.0 {
        UNIX_EPOCH + Duration::from_millis(ms as u64)
    } else {
        UNIX_EPOCH
    }
}

#[cfg(test)]
mod tests;
