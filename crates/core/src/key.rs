//! Key acceptance: turning untrusted key text into a key we may encrypt to.
//!
//! rPGP parses the wire format and verifies signatures, but by design leaves the key semantics to
//! us (as Sequoia keeps them in its `policy` layer): which self-signature is current, whether the
//! key or a subkey has expired or been revoked, and which subkey is meant for encryption. We choose
//! the encryption key the way GnuPG and OpenPGP.js do: a subkey with a valid binding signature
//! that carries an encryption flag, is neither expired nor revoked, the newest if several; the
//! primary key only if no subkey qualifies and its own self-signature allows encryption.
//!
//! SHA-1 self-signatures are accepted, as GnuPG 2.2 and OpenPGP.js 6 accept them: the Rust and Ruby
//! security teams' keys still depend on them, and refusing would leave researchers unable to
//! report to those projects at all.

use std::{
    fmt,
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use pgp::{
    composed::{Deserializable, SignedPublicKey, SignedPublicSubKey},
    packet::{Signature, SignatureType},
    types::{KeyDetails, Tag},
};

/// A certificate that passed acceptance, with the key that reports are encrypted to.
///
/// Only [`RecipientKey::accept`] builds one, so holding one means the checks were made.
#[derive(Debug, Clone)]
pub struct RecipientKey {
    cert: SignedPublicKey,
    target: Target,
    fingerprint: String,
    user_id: Option<String>,
    expires: Option<SystemTime>,
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
    /// The input looks like a key but could not be parsed.
    #[error("The OpenPGP key could not be read: {reason}.")]
    Malformed { reason: String },
    /// No user ID or direct-key signature on the key verifies.
    #[error("The key {key} has no valid self-signature, so nothing shows its owner made it.")]
    NoValidSelfSignature { key: String },
    /// The owner revoked the whole key.
    #[error("The key {key} has been revoked by its owner. Ask the project for its current key.")]
    Revoked { key: String },
    /// The whole key is past its expiry date.
    #[error("The key {key} expired on {on}. Ask the project for a current key.")]
    Expired { key: String, on: String },
    /// Nothing in the certificate may be used for encryption now.
    #[error("The key {key} has no usable encryption key: {}.", reasons.join("; "))]
    NoEncryptionKey { key: String, reasons: Vec<String> },
}

impl RecipientKey {
    /// Parses `input` (ASCII-armored or binary) and accepts its first certificate if reports
    /// can be encrypted to it at time `now`.
    pub fn accept(input: &[u8], now: SystemTime) -> Result<Self, KeyError> {
        let cert = parse(input)?;
        let fingerprint = format!("{:X}", cert.primary_key.fingerprint());
        let self_sigs = valid_self_signatures(&cert);
        let user_id = primary_user_id(&cert);
        let name = KeyName {
            fingerprint: &fingerprint,
            user_id: user_id.as_deref(),
        }
        .to_string();

        let Some(current) = self_sigs.iter().max_by_key(|sig| created(sig)) else {
            return Err(KeyError::NoValidSelfSignature { key: name });
        };
        if cert
            .details
            .revocation_signatures
            .iter()
            .any(|sig| sig.verify_key(&cert.primary_key).is_ok())
        {
            return Err(KeyError::Revoked { key: name });
        }
        let expires = expiry(cert.primary_key.created_at().as_secs(), current);
        if let Some(on) = expires.filter(|on| *on <= now) {
            return Err(KeyError::Expired {
                key: name,
                on: format_date(on),
            });
        }

        let mut reasons = Vec::new();
        let newest_subkey = cert
            .public_subkeys
            .iter()
            .enumerate()
            .filter_map(|(index, subkey)| match judge_subkey(&cert, subkey, now) {
                Ok(subkey_expiry) => Some((index, subkey, subkey_expiry)),
                Err(SubkeyUnusable::NotForEncryption) => None,
                Err(SubkeyUnusable::Because(reason)) => {
                    reasons.push(reason);
                    None
                }
            })
            .max_by_key(|(_, subkey, _)| subkey.key.created_at().as_secs());

        let (target, target_expiry) = match newest_subkey {
            Some((index, _, subkey_expiry)) => (Target::Subkey(index), subkey_expiry),
            None if primary_may_encrypt(&cert, current) => (Target::Primary, None),
            None => {
                if reasons.is_empty() {
                    reasons.push("it has no key marked for encryption".into());
                }
                return Err(KeyError::NoEncryptionKey { key: name, reasons });
            }
        };

        Ok(Self {
            target,
            fingerprint,
            user_id,
            // The report can be read only while both the key and the subkey are valid.
            expires: [expires, target_expiry].into_iter().flatten().min(),
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
            EncryptionKeyRef::Primary(key) => format!("{:X}", key.fingerprint()),
            EncryptionKeyRef::Subkey(key) => format!("{:X}", key.key.fingerprint()),
        }
    }

    /// The primary user ID, as text (untrusted: render it as text, never as HTML).
    pub fn user_id(&self) -> Option<&str> {
        self.user_id.as_deref()
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

const ARMOR_PUBLIC_BEGIN: &str = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
const ARMOR_PUBLIC_END: &str = "-----END PGP PUBLIC KEY BLOCK-----";

fn parse(input: &[u8]) -> Result<SignedPublicKey, KeyError> {
    let malformed = |err: pgp::errors::Error| KeyError::Malformed {
        reason: err.to_string(),
    };
    // Binary OpenPGP data starts with a packet header, whose top bit is always set.
    if input.first().is_some_and(|byte| byte & 0x80 != 0) {
        return SignedPublicKey::from_bytes(input).map_err(malformed);
    }
    let Ok(text) = std::str::from_utf8(input) else {
        return Err(KeyError::NotAKey {
            found: "binary data that is not OpenPGP".into(),
        });
    };
    if text.contains("-----BEGIN PGP PRIVATE KEY BLOCK-----") {
        return Err(KeyError::SecretKey);
    }
    // Keys are often pasted from a web page or a SECURITY.md with prose around the armor:
    // keep only the armored block.
    let Some(start) = text.find(ARMOR_PUBLIC_BEGIN) else {
        return Err(KeyError::NotAKey {
            found: describe_non_key(text),
        });
    };
    let end = text[start..]
        .find(ARMOR_PUBLIC_END)
        .map_or(text.len(), |end| start + end + ARMOR_PUBLIC_END.len());
    SignedPublicKey::from_string(&text[start..end])
        .map(|(cert, _headers)| cert)
        .map_err(malformed)
}

/// A short, human description of text that is not a public key.
fn describe_non_key(text: &str) -> String {
    let other_armor = [
        (
            "-----BEGIN PGP MESSAGE-----",
            "an encrypted OpenPGP message",
        ),
        ("-----BEGIN PGP SIGNATURE-----", "an OpenPGP signature"),
        ("-----BEGIN PGP SIGNED MESSAGE-----", "a signed text"),
    ];
    if let Some((_, what)) = other_armor.iter().find(|(header, _)| text.contains(header)) {
        return (*what).into();
    }
    match text.lines().map(str::trim).find(|line| !line.is_empty()) {
        None => "nothing (the input is empty)".into(),
        Some(line) => {
            let mut snippet: String = line.chars().take(60).collect();
            if snippet.len() < line.len() {
                snippet.push('…');
            }
            format!("text starting “{snippet}”")
        }
    }
}

/// Self-signatures over user IDs and direct-key signatures that verify.
fn valid_self_signatures(cert: &SignedPublicKey) -> Vec<&Signature> {
    let primary = &cert.primary_key;
    let on_user_ids = cert.details.users.iter().flat_map(|user| {
        user.signatures.iter().filter(|sig| {
            sig.is_certification()
                && sig
                    .verify_certification(primary, Tag::UserId, &user.id)
                    .is_ok()
        })
    });
    let direct = cert
        .details
        .direct_signatures
        .iter()
        .filter(|sig| sig.typ() == Some(SignatureType::Key) && sig.verify_key(primary).is_ok());
    on_user_ids.chain(direct).collect()
}

/// The user ID marked primary by its newest valid self-signature, else the first valid one.
fn primary_user_id(cert: &SignedPublicKey) -> Option<String> {
    let primary = &cert.primary_key;
    let valid_users = cert.details.users.iter().filter_map(|user| {
        let newest = user
            .signatures
            .iter()
            .filter(|sig| {
                sig.is_certification()
                    && sig
                        .verify_certification(primary, Tag::UserId, &user.id)
                        .is_ok()
            })
            .max_by_key(|sig| created(sig))?;
        Some((user, newest.is_primary()))
    });
    let users: Vec<_> = valid_users.collect();
    let chosen = users
        .iter()
        .find(|(_, is_primary)| *is_primary)
        .or(users.first())?;
    Some(String::from_utf8_lossy(chosen.0.id.id()).into_owned())
}

enum SubkeyUnusable {
    /// Not meant for encryption: not worth mentioning.
    NotForEncryption,
    /// Meant for encryption but unusable, for the reason given.
    Because(String),
}

/// Whether `subkey` may be encrypted to now; `Ok` carries its expiry.
fn judge_subkey(
    cert: &SignedPublicKey,
    subkey: &SignedPublicSubKey,
    now: SystemTime,
) -> Result<Option<SystemTime>, SubkeyUnusable> {
    let primary = &cert.primary_key;
    let verifies = |sig: &&Signature| sig.verify_subkey_binding(primary, &subkey.key).is_ok();
    let binding = subkey
        .signatures
        .iter()
        .filter(|sig| sig.typ() == Some(SignatureType::SubkeyBinding))
        .filter(verifies)
        .max_by_key(|sig| created(sig));
    let Some(binding) = binding else {
        return Err(SubkeyUnusable::NotForEncryption);
    };
    let flags = binding.key_flags();
    if !(flags.encrypt_comms() || flags.encrypt_storage()) {
        return Err(SubkeyUnusable::NotForEncryption);
    }
    let id = hex_upper(subkey.key.legacy_key_id().as_ref());
    if !subkey.key.algorithm().can_encrypt() {
        return Err(SubkeyUnusable::Because(format!(
            "subkey {id} is marked for encryption but its algorithm ({:?}) cannot encrypt",
            subkey.key.algorithm()
        )));
    }
    let revoked = subkey
        .signatures
        .iter()
        .filter(|sig| sig.typ() == Some(SignatureType::SubkeyRevocation))
        .any(|sig| verifies(&sig));
    if revoked {
        return Err(SubkeyUnusable::Because(format!(
            "encryption subkey {id} was revoked"
        )));
    }
    let subkey_expiry = expiry(subkey.key.created_at().as_secs(), binding);
    if let Some(on) = subkey_expiry.filter(|on| *on <= now) {
        return Err(SubkeyUnusable::Because(format!(
            "encryption subkey {id} expired on {}",
            format_date(on)
        )));
    }
    Ok(subkey_expiry)
}

fn primary_may_encrypt(cert: &SignedPublicKey, current: &Signature) -> bool {
    let flags = current.key_flags();
    cert.primary_key.algorithm().can_encrypt() && (flags.encrypt_comms() || flags.encrypt_storage())
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

fn format_date(when: SystemTime) -> String {
    let secs = when
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    time::OffsetDateTime::from_unix_timestamp(secs)
        .map(|t| t.date().to_string())
        .unwrap_or_else(|_| "an unrepresentable date".into())
}

fn hex_upper(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02X}")).collect()
}

/// Hex in groups of four, as people compare fingerprints by eye.
pub fn group_by_four(hex: &str) -> String {
    hex.as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk))
        .collect::<Vec<_>>()
        .join(" ")
}
