//! Key acceptance: turning untrusted key text into keys we may encrypt to.
//!
//! Three layers, as in Sequoia: [`parse`] reads the wire format (armor in prose, binary, several
//! certificates), [`algorithm`] is the acceptance policy for algorithms and sizes, and this module
//! holds the validity rules rPGP by design leaves to us: which self-signature is current, whether
//! the key or a subkey has expired or been revoked, and which subkey is meant for encryption.
//!
//! The encryption key is chosen the way GnuPG and OpenPGP.js choose it: a subkey with a valid
//! binding signature that carries an encryption flag, neither expired nor revoked, the newest if
//! several; the primary key only if no subkey qualifies and its own self-signature allows
//! encryption.
//!
//! SHA-1 self-signatures are accepted, as GnuPG 2.2 and OpenPGP.js 6 accept them: the Rust and
//! Ruby security teams' keys still depend on them, and refusing would leave researchers unable to
//! report to those projects at all. (Sequoia refuses them; the tests pin our choice.)

mod algorithm;
mod parse;

use std::{
    fmt,
    time::{Duration, SystemTime, UNIX_EPOCH},
};

pub use algorithm::{AlgorithmProblem, MIN_RSA_BITS};
pub use parse::{armored_text, MAX_KEY_INPUT_BYTES};

use algorithm::Role;
use pgp::{
    composed::{SignedPublicKey, SignedPublicSubKey},
    crypto::{aead::AeadAlgorithm, sym::SymmetricKeyAlgorithm},
    packet::{RevocationCode, Signature, SignatureType},
    types::{KeyDetails, KeyVersion, Tag},
};

/// A certificate that passed acceptance, with the key that reports are encrypted to.
///
/// Only [`RecipientKey::accept`] and [`RecipientKey::accept_all`] build one, so holding one means
/// the checks were made.
#[derive(Debug, Clone)]
pub struct RecipientKey {
    cert: SignedPublicKey,
    target: Target,
    fingerprint: String,
    user_id: Option<String>,
    /// Every user ID with a valid self-signature, the primary one first.
    user_ids: Vec<String>,
    expires: Option<SystemTime>,
    algorithm: String,
    preferences: Preferences,
}

/// What the certificate's current self-signature says its owner's software can decrypt.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Preferences {
    /// The Features subpacket advertises SEIPD v2 (AEAD), or the key is v6, which implies it.
    pub seipd_v2: bool,
    pub symmetric: Vec<SymmetricKeyAlgorithm>,
    pub aead: Vec<(SymmetricKeyAlgorithm, AeadAlgorithm)>,
}

/// Which key of the certificate reports are encrypted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Primary,
    Subkey(usize),
}

/// The key material [`crate::seal`] encrypts the session key to.
pub(crate) enum EncryptionKeyRef<'a> {
    Primary(&'a SignedPublicKey),
    Subkey(&'a SignedPublicSubKey),
}

/// Why a key cannot be used. Each message names the key and says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// The input holds no OpenPGP key at all.
    #[error("This is not an OpenPGP key: found {found}.")]
    NotAKey { found: String },
    /// The input is a secret key, which must never be handed around.
    #[error(
        "This is a secret (private) OpenPGP key. sealpost needs only the public key; \
         keep the secret key to yourself."
    )]
    SecretKey,
    /// The input is far larger than any real key.
    #[error("The key file is {bytes} bytes, more than the {limit}-byte limit for a public key.")]
    TooLarge { bytes: usize, limit: usize },
    /// The input looks like a key but could not be parsed.
    #[error("The OpenPGP key could not be read: {reason}.")]
    Malformed { reason: String },
    /// One key was expected and the input holds several certificates.
    #[error(
        "The key file holds {count} certificates where one was expected; \
         give each recipient its own key."
    )]
    SeveralCertificates { count: usize },
    /// No user ID or direct-key signature on the key verifies.
    #[error("The key {key} has no valid self-signature, so nothing shows its owner made it.")]
    NoValidSelfSignature { key: String },
    /// The primary key's algorithm or size is not acceptable.
    #[error("The key {key} uses {problem}; sealpost does not encrypt to it. Ask the project for a current key.")]
    UnacceptableAlgorithm {
        key: String,
        problem: AlgorithmProblem,
    },
    /// The owner revoked the whole key.
    #[error("The key {key} has been revoked by its owner{}. Ask the project for its current key.", reason_suffix(.reason))]
    Revoked { key: String, reason: Option<String> },
    /// The whole key is past its expiry date.
    #[error("The key {key} expired on {on}. Ask the project for a current key.")]
    Expired { key: String, on: String },
    /// Nothing in the certificate may be used for encryption now.
    #[error("The key {key} has no usable encryption key: {}.", describe_problems(.problems))]
    NoEncryptionKey {
        key: String,
        problems: Vec<SubkeyProblem>,
    },
}

/// Why one encryption-flagged subkey cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SubkeyProblem {
    #[error("encryption subkey {id} expired on {on}")]
    Expired { id: String, on: String },
    #[error("encryption subkey {id} was revoked")]
    Revoked { id: String },
    #[error("encryption subkey {id} uses {problem}")]
    Algorithm {
        id: String,
        problem: AlgorithmProblem,
    },
    #[error("subkey {id} is marked for encryption but its algorithm ({algorithm}) cannot encrypt")]
    CannotEncrypt { id: String, algorithm: String },
}

fn reason_suffix(reason: &Option<String>) -> String {
    reason
        .as_ref()
        .map(|reason| format!(" ({reason})"))
        .unwrap_or_default()
}

fn describe_problems(problems: &[SubkeyProblem]) -> String {
    if problems.is_empty() {
        return "it has no key marked for encryption".into();
    }
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl KeyError {
    /// A stable, machine-readable name for the kind of refusal (used by `sealpost key check
    /// --format json`).
    pub fn code(&self) -> &'static str {
        match self {
            KeyError::NotAKey { .. } => "not-a-key",
            KeyError::SecretKey => "secret-key",
            KeyError::TooLarge { .. } => "too-large",
            KeyError::Malformed { .. } => "malformed",
            KeyError::SeveralCertificates { .. } => "several-certificates",
            KeyError::NoValidSelfSignature { .. } => "no-valid-self-signature",
            KeyError::UnacceptableAlgorithm {
                problem: AlgorithmProblem::WeakRsa { .. },
                ..
            } => "weak-rsa",
            KeyError::UnacceptableAlgorithm {
                problem: AlgorithmProblem::Legacy { .. },
                ..
            } => "legacy-algorithm",
            KeyError::UnacceptableAlgorithm {
                problem: AlgorithmProblem::Unsupported { .. },
                ..
            } => "unsupported-algorithm",
            KeyError::Revoked { .. } => "revoked",
            KeyError::Expired { .. } => "expired",
            KeyError::NoEncryptionKey { problems, .. } => match problems.as_slice() {
                [SubkeyProblem::Expired { .. }] => "encryption-subkey-expired",
                [SubkeyProblem::Revoked { .. }] => "encryption-subkey-revoked",
                [SubkeyProblem::Algorithm {
                    problem: AlgorithmProblem::WeakRsa { .. },
                    ..
                }] => "weak-rsa",
                [SubkeyProblem::Algorithm {
                    problem: AlgorithmProblem::Legacy { .. },
                    ..
                }] => "legacy-algorithm",
                [SubkeyProblem::Algorithm {
                    problem: AlgorithmProblem::Unsupported { .. },
                    ..
                }] => "unsupported-algorithm",
                _ => "no-encryption-key",
            },
        }
    }
}

impl RecipientKey {
    /// The accepted certificate, as parsed: public key material only.
    pub fn certificate(&self) -> &SignedPublicKey {
        &self.cert
    }

    /// Parses `input` (ASCII-armored, possibly inside prose, or binary), which must hold exactly
    /// one certificate, and accepts it if reports can be encrypted to it at time `now`.
    pub fn accept(input: &[u8], now: SystemTime) -> Result<Self, KeyError> {
        let mut verdicts = Self::accept_all(input, now)?;
        match verdicts.len() {
            1 => verdicts.remove(0),
            count => Err(KeyError::SeveralCertificates { count }),
        }
    }

    /// Parses every certificate in `input` and judges each at time `now`. The outer error is
    /// for input that holds no readable certificate at all.
    pub fn accept_all(
        input: &[u8],
        now: SystemTime,
    ) -> Result<Vec<Result<Self, KeyError>>, KeyError> {
        Ok(parse::certificates(input)?
            .into_iter()
            .map(|cert| Self::judge(cert, now))
            .collect())
    }

    fn judge(cert: SignedPublicKey, now: SystemTime) -> Result<Self, KeyError> {
        let fingerprint = hex::encode_upper(cert.primary_key.fingerprint().as_bytes());
        let self_sigs = SelfSignatures::verify(&cert);
        let user_ids = self_sigs.user_ids();
        let user_id = user_ids.first().cloned();
        let name = KeyName {
            fingerprint: &fingerprint,
            user_id: user_id.as_deref(),
        }
        .to_string();

        // Judge the algorithm first: an unsupported one also fails every signature check, and
        // "uses brainpoolP256r1" helps where "no valid self-signature" would mislead.
        algorithm::judge(cert.primary_key.public_params(), Role::Certify).map_err(|problem| {
            KeyError::UnacceptableAlgorithm {
                key: name.clone(),
                problem,
            }
        })?;
        let Some(current) = self_sigs.current() else {
            return Err(KeyError::NoValidSelfSignature { key: name });
        };
        if let Some(revocation) = cert
            .details
            .revocation_signatures
            .iter()
            .find(|sig| sig.verify_key(&cert.primary_key).is_ok())
        {
            return Err(KeyError::Revoked {
                key: name,
                reason: revocation_reason(revocation),
            });
        }
        let expires = expiry(cert.primary_key.created_at().as_secs(), current);
        if let Some(on) = expires.filter(|on| *on <= now) {
            return Err(KeyError::Expired {
                key: name,
                on: format_date(on),
            });
        }

        let mut problems = Vec::new();
        let newest_subkey = cert
            .public_subkeys
            .iter()
            .enumerate()
            .filter_map(|(index, subkey)| match judge_subkey(&cert, subkey, now) {
                Ok(subkey_expiry) => Some((index, subkey, subkey_expiry)),
                Err(None) => None,
                Err(Some(problem)) => {
                    problems.push(problem);
                    None
                }
            })
            .max_by_key(|(_, subkey, _)| subkey.key.created_at().as_secs());

        let (target, target_expiry) = match newest_subkey {
            Some((index, _, subkey_expiry)) => (Target::Subkey(index), subkey_expiry),
            None if primary_may_encrypt(&cert, current) => (Target::Primary, None),
            None => {
                return Err(KeyError::NoEncryptionKey {
                    key: name,
                    problems,
                })
            }
        };
        let encryption_params = match target {
            Target::Primary => cert.primary_key.public_params(),
            Target::Subkey(index) => cert.public_subkeys[index].key.public_params(),
        };
        let is_v6 = cert.primary_key.version() == KeyVersion::V6;
        let preferences = Preferences {
            seipd_v2: is_v6 || current.features().is_some_and(|f| f.seipd_v2()),
            symmetric: current.preferred_symmetric_algs().to_vec(),
            aead: current.preferred_aead_algs().to_vec(),
        };

        Ok(Self {
            target,
            fingerprint,
            user_id,
            user_ids,
            // The report can be read only while both the key and the subkey are valid.
            expires: [expires, target_expiry].into_iter().flatten().min(),
            algorithm: algorithm::describe(encryption_params),
            preferences,
            cert,
        })
    }

    /// The primary key's fingerprint in upper-case hex, without spaces.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The fingerprint in groups of four, as people compare it by eye.
    pub fn fingerprint_grouped(&self) -> String {
        group_by_four(&self.fingerprint)
    }

    /// The fingerprint of the key the session key is actually encrypted to (a subkey, usually).
    pub fn encryption_fingerprint(&self) -> String {
        match self.encryption_key() {
            EncryptionKeyRef::Primary(key) => hex::encode_upper(key.fingerprint().as_bytes()),
            EncryptionKeyRef::Subkey(key) => hex::encode_upper(key.key.fingerprint().as_bytes()),
        }
    }

    /// The primary user ID, as text (untrusted: render it as text, never as HTML).
    pub fn user_id(&self) -> Option<&str> {
        self.user_id.as_deref()
    }

    /// Every validly self-signed user ID, the primary one first (untrusted text).
    pub fn user_ids(&self) -> &[String] {
        &self.user_ids
    }

    /// The encryption key's algorithm, for people: "RSA 4096", "ECDH Curve25519 (legacy)", "X25519".
    pub fn algorithm(&self) -> &str {
        &self.algorithm
    }

    /// The OpenPGP key version: 4 (RFC 4880) or 6 (RFC 9580).
    pub fn version(&self) -> u8 {
        match self.cert.primary_key.version() {
            KeyVersion::V6 => 6,
            KeyVersion::V5 => 5,
            KeyVersion::V3 => 3,
            KeyVersion::V2 => 2,
            _ => 4,
        }
    }

    /// Whether the key's owner advertises support for AEAD-encrypted (SEIPD v2) messages.
    pub fn supports_seipd_v2(&self) -> bool {
        self.preferences.seipd_v2
    }

    pub(crate) fn preferences(&self) -> &Preferences {
        &self.preferences
    }

    /// When the key (or the subkey in use) stops being usable, if ever.
    pub fn expires(&self) -> Option<SystemTime> {
        self.expires
    }

    /// The expiry as `YYYY-MM-DD`, if any.
    pub fn expires_date(&self) -> Option<String> {
        self.expires.map(format_date)
    }

    pub(crate) fn encryption_key(&self) -> EncryptionKeyRef<'_> {
        match self.target {
            Target::Primary => EncryptionKeyRef::Primary(&self.cert),
            Target::Subkey(index) => EncryptionKeyRef::Subkey(&self.cert.public_subkeys[index]),
        }
    }
}

/// How error messages name a key: its user ID if it has one, and its fingerprint.
struct KeyName<'a> {
    fingerprint: &'a str,
    user_id: Option<&'a str>,
}

impl fmt::Display for KeyName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.user_id {
            Some(uid) => write!(f, "“{uid}” ({})", group_by_four(self.fingerprint)),
            None => write!(f, "{}", group_by_four(self.fingerprint)),
        }
    }
}

/// The certificate's self-signatures that verify, each checked once: a check is a public-key
/// operation (about a millisecond for RSA-3072 in wasm), and both the user IDs shown and the
/// current self-signature come from the same certifications.
struct SelfSignatures<'a> {
    /// Each user ID with at least one certification that verifies, in the certificate's order,
    /// with those certifications.
    users: Vec<(&'a [u8], Vec<&'a Signature>)>,
    /// Direct-key signatures that verify.
    direct: Vec<&'a Signature>,
}

impl<'a> SelfSignatures<'a> {
    fn verify(cert: &'a SignedPublicKey) -> Self {
        let primary = &cert.primary_key;
        let users = cert
            .details
            .users
            .iter()
            .map(|user| {
                let valid = user.signatures.iter().filter(|sig| {
                    sig.is_certification()
                        && sig
                            .verify_certification(primary, Tag::UserId, &user.id)
                            .is_ok()
                });
                (user.id.id(), valid.collect::<Vec<_>>())
            })
            .filter(|(_, valid)| !valid.is_empty())
            .collect();
        let direct = cert
            .details
            .direct_signatures
            .iter()
            .filter(|sig| sig.typ() == Some(SignatureType::Key) && sig.verify_key(primary).is_ok())
            .collect();
        Self { users, direct }
    }

    /// The newest of them: the one whose expiry and preferences hold now.
    fn current(&self) -> Option<&'a Signature> {
        let on_user_ids = self.users.iter().flat_map(|(_, sigs)| sigs.iter().copied());
        on_user_ids
            .chain(self.direct.iter().copied())
            .max_by_key(|sig| created(sig))
    }

    /// Every user ID with a valid self-signature, in the certificate's order but the primary
    /// one (marked so by its newest valid self-signature, else the first valid one) first.
    fn user_ids(&self) -> Vec<String> {
        let newest_says_primary = |sigs: &[&Signature]| {
            sigs.iter()
                .max_by_key(|sig| created(sig))
                .is_some_and(|sig| sig.is_primary())
        };
        let mut users: Vec<&[u8]> = self.users.iter().map(|(id, _)| *id).collect();
        if let Some(at) = self
            .users
            .iter()
            .position(|(_, sigs)| newest_says_primary(sigs))
        {
            let chosen = users.remove(at);
            users.insert(0, chosen);
        }
        users
            .into_iter()
            .map(|id| String::from_utf8_lossy(id).into_owned())
            .collect()
    }
}

fn revocation_reason(sig: &Signature) -> Option<String> {
    let text = sig
        .revocation_reason_string()
        .map(|text| String::from_utf8_lossy(text).trim().to_owned())
        .filter(|text| !text.is_empty());
    let code = match sig.revocation_reason_code() {
        Some(RevocationCode::KeyCompromised) => Some("the key was compromised"),
        Some(RevocationCode::KeySuperseded) => Some("the key was superseded"),
        Some(RevocationCode::KeyRetired) => Some("the key was retired"),
        _ => None,
    };
    match (code, text) {
        (Some(code), Some(text)) => Some(format!("{code}: “{text}”")),
        (Some(code), None) => Some(code.into()),
        (None, Some(text)) => Some(format!("“{text}”")),
        (None, None) => None,
    }
}

/// Whether `subkey` may be encrypted to now; `Ok` carries its expiry. `Err(None)` means it is
/// not meant for encryption (not worth mentioning); `Err(Some(_))` says why an encryption
/// subkey cannot be used.
fn judge_subkey(
    cert: &SignedPublicKey,
    subkey: &SignedPublicSubKey,
    now: SystemTime,
) -> Result<Option<SystemTime>, Option<SubkeyProblem>> {
    let primary = &cert.primary_key;
    let verifies = |sig: &&Signature| sig.verify_subkey_binding(primary, &subkey.key).is_ok();
    let binding = subkey
        .signatures
        .iter()
        .filter(|sig| sig.typ() == Some(SignatureType::SubkeyBinding))
        .filter(verifies)
        .max_by_key(|sig| created(sig))
        .ok_or(None)?;
    let flags = binding.key_flags();
    if !(flags.encrypt_comms() || flags.encrypt_storage()) {
        return Err(None);
    }
    let id = hex::encode_upper(subkey.key.legacy_key_id().as_ref());
    let params = subkey.key.public_params();
    if !subkey.key.algorithm().can_encrypt() {
        return Err(Some(SubkeyProblem::CannotEncrypt {
            id,
            algorithm: algorithm::describe(params),
        }));
    }
    let revoked = subkey
        .signatures
        .iter()
        .filter(|sig| sig.typ() == Some(SignatureType::SubkeyRevocation))
        .any(|sig| verifies(&sig));
    if revoked {
        return Err(Some(SubkeyProblem::Revoked { id }));
    }
    let subkey_expiry = expiry(subkey.key.created_at().as_secs(), binding);
    if let Some(on) = subkey_expiry.filter(|on| *on <= now) {
        return Err(Some(SubkeyProblem::Expired {
            id,
            on: format_date(on),
        }));
    }
    algorithm::judge(params, Role::Encrypt)
        .map_err(|problem| Some(SubkeyProblem::Algorithm { id, problem }))?;
    Ok(subkey_expiry)
}

fn primary_may_encrypt(cert: &SignedPublicKey, current: &Signature) -> bool {
    let flags = current.key_flags();
    cert.primary_key.algorithm().can_encrypt()
        && (flags.encrypt_comms() || flags.encrypt_storage())
        && algorithm::judge(cert.primary_key.public_params(), Role::Encrypt).is_ok()
}

fn created(sig: &Signature) -> u32 {
    sig.created().map_or(0, |t| t.as_secs())
}

/// When a key created at `created_secs` expires under `sig`; a zero duration means never.
fn expiry(created_secs: u32, sig: &Signature) -> Option<SystemTime> {
    sig.key_expiration_time()
        .map(|duration| duration.as_secs())
        .filter(|&secs| secs != 0)
        .map(|secs| UNIX_EPOCH + Duration::from_secs(u64::from(created_secs) + u64::from(secs)))
}

pub(crate) fn format_date(when: SystemTime) -> String {
    let secs = when
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    time::OffsetDateTime::from_unix_timestamp(secs)
        .map(|t| t.date().to_string())
        .unwrap_or_else(|_| "an unrepresentable date".into())
}

/// Hex in groups of four, as people compare fingerprints by eye.
pub fn group_by_four(hex: &str) -> String {
    hex.as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk))
        .collect::<Vec<_>>()
        .join(" ")
}
