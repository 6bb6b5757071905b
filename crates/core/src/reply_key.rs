//! A reply key made for the researcher in the page, so the project can answer encrypted.
//!
//! The researcher may have no OpenPGP key, or may not want to tie the report to the one they
//! have. [`generate`] makes a fresh one: a v4 Ed25519 primary key (certify, sign) with a
//! Cv25519 encryption subkey, the pair GnuPG 2.2 makes by default and every implementation in
//! use reads. Its secret half is downloaded by the researcher and never sent or stored; its
//! public half travels inside the sealed report ([`ReplyKey`]: `reply-key.asc` and
//! `report.json`'s `reply_key`).

use std::time::{Duration, SystemTime};

use pgp::{
    composed::{
        ArmorOptions, EncryptionCaps, KeyType, SecretKeyParamsBuilder, SignedSecretKey,
        SubkeyParamsBuilder,
    },
    crypto::{ecc_curve::ECCCurve, hash::HashAlgorithm, sym::SymmetricKeyAlgorithm},
    packet::{
        Features, KeyFlags, PacketTrait, SignatureConfig, SignatureType, Subpacket, SubpacketData,
    },
    types::{CompressionAlgorithm, KeyDetails as _, KeyVersion, Password, S2kParams, Timestamp},
};
use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};

use crate::key::{group_by_four, KeyError, RecipientKey};

/// How long a reply key is valid: long enough for a disclosure (often 90 days, sometimes a year
/// of back and forth), short enough that a forgotten key stops being used.
pub const VALIDITY: Duration = Duration::from_secs(2 * 365 * 24 * 60 * 60);

/// The user ID of a key whose owner gave neither a name nor a contact.
pub const ANONYMOUS: &str = "Anonymous reporter";

/// The letter part carrying the public key.
pub const ATTACHMENT_NAME: &str = "reply-key.asc";
/// RFC 3156's media type for OpenPGP keys.
pub const MEDIA_TYPE: &str = "application/pgp-keys";

/// A freshly made key pair, both halves armored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyKeyPair {
    /// The certificate (public key) to seal with the report.
    pub public_armored: String,
    /// The transferable secret key, protected by the passphrase if one was given. Only ever
    /// downloaded by the researcher.
    pub secret_armored: String,
    /// The primary key's fingerprint, upper-case hex without spaces.
    pub fingerprint: String,
}

impl ReplyKeyPair {
    /// The file the secret key is downloaded as: `sealpost-reply-key-<last 8 hex>.secret.asc`
    /// (the short key ID people see in `gpg --list-secret-keys`).
    pub fn secret_file_name(&self) -> String {
        let tail = self
            .fingerprint
            .get(self.fingerprint.len().saturating_sub(8)..)
            .unwrap_or_default();
        format!("sealpost-reply-key-{tail}.secret.asc")
    }

    /// The fingerprint in groups of four, as people compare it by eye.
    pub fn fingerprint_grouped(&self) -> String {
        group_by_four(&self.fingerprint)
    }
}

/// Why no reply key was made or enclosed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReplyKeyError {
    /// The OpenPGP library failed while making the key.
    #[error("The reply key could not be made: {0}")]
    Generation(String),
    /// The public key sent for enclosing is not a usable OpenPGP certificate.
    #[error("The reply key cannot be used: {0}")]
    Unusable(#[from] KeyError),
    /// The public key is not one armored public key block.
    #[error("The reply key is not an armored OpenPGP public key: {0}")]
    Malformed(String),
}

impl From<pgp::errors::Error> for ReplyKeyError {
    fn from(err: pgp::errors::Error) -> Self {
        Self::Generation(err.to_string())
    }
}

/// The user ID for a key owned by someone who typed `name` and `contact` (either may be
/// empty): `Name <address>` for an e-mail address, `Name (contact)` for anything else (a
/// Signal handle, a URL), [`ANONYMOUS`] when both are empty. One line, whatever was typed.
pub fn user_id(name: &str, contact: &str) -> String {
    let one_line = |text: &str| {
        text.split(|c: char| c.is_whitespace() || c.is_control())
            .filter(|word| !word.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Angle brackets and parentheses would change what the user ID parses as.
    let name: String = one_line(&one_line(name).replace(['<', '>', '(', ')'], " "));
    let mut contact = one_line(contact);
    let looks_like_address = |word: &str| {
        !word.contains([' ', '<', '>', '(', ')'])
            && word
                .split_once('@')
                .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
    };
    // "Ada <ada@example.org>" typed in the name field, with no separate contact.
    let mut name = name;
    if contact.is_empty() {
        if let Some(address) = name
            .split(' ')
            .find(|word| looks_like_address(word))
            .map(str::to_owned)
        {
            name = name
                .split(' ')
                .filter(|word| *word != address)
                .collect::<Vec<_>>()
                .join(" ");
            contact = address;
        }
    }
    let is_address = looks_like_address(&contact);
    match (name.is_empty(), contact.is_empty()) {
        (true, true) => ANONYMOUS.to_owned(),
        (false, true) => name,
        (true, false) if is_address => format!("<{contact}>"),
        (true, false) => format!("{ANONYMOUS} ({})", contact.replace(['(', ')'], "")),
        (false, false) if is_address => format!("{name} <{contact}>"),
        (false, false) => format!("{name} ({})", contact.replace(['(', ')'], "")),
    }
}

/// Makes a key pair for `user_id`, created at `created` and valid for [`VALIDITY`]. With a
/// `passphrase` (non-empty), the secret key material is locked with it (AES-256, iterated and
/// salted SHA-256: what GnuPG 2.2 reads; Argon2 is v6-only and GnuPG 2.2 cannot open it).
pub fn generate<R: RngCore + CryptoRng>(
    user_id: &str,
    passphrase: Option<&str>,
    created: SystemTime,
    mut rng: R,
) -> Result<ReplyKeyPair, ReplyKeyError> {
    // Seconds, not `Timestamp::try_from`: on wasm32 rPGP's `SystemTime` is web-time's.
    let created_at = created
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .and_then(|since| u32::try_from(since.as_secs()).ok())
        .map(Timestamp::from_secs)
        .ok_or_else(|| ReplyKeyError::Generation(format!("the clock says {created:?}")))?;
    let mut subkey = SubkeyParamsBuilder::default();
    subkey
        .version(KeyVersion::V4)
        .key_type(KeyType::ECDH(ECCCurve::Curve25519Legacy))
        .can_encrypt(EncryptionCaps::All)
        .created_at(created_at);
    let mut params = SecretKeyParamsBuilder::default();
    params
        .version(KeyVersion::V4)
        .key_type(KeyType::Ed25519Legacy)
        .can_certify(true)
        .can_sign(true)
        .created_at(created_at)
        .primary_user_id(user_id.to_owned())
        .subkey(
            subkey
                .build()
                .map_err(|err| ReplyKeyError::Generation(err.to_string()))?,
        );
    let params = params
        .build()
        .map_err(|err| ReplyKeyError::Generation(err.to_string()))?;
    // The builder signs without an expiry (rPGP 0.21 has no setting for one); the
    // self-signatures are made again below with the expiry and our clock.
    let mut key = params.generate(&mut rng)?;
    resign_with_expiry(&mut key, created_at, &mut rng)?;

    let public = key.to_public_key();
    let fingerprint = hex::encode_upper(public.fingerprint().as_bytes());
    if let Some(passphrase) = passphrase.filter(|p| !p.is_empty()) {
        let password = Password::from(passphrase);
        key.primary_key
            .set_password_with_s2k(&password, S2kParams::new_default(&mut rng, KeyVersion::V4))?;
        for subkey in &mut key.secret_subkeys {
            subkey.key.set_password_with_s2k(
                &password,
                S2kParams::new_default(&mut rng, KeyVersion::V4),
            )?;
        }
    }
    Ok(ReplyKeyPair {
        public_armored: public.to_armored_string(ArmorOptions::default())?,
        secret_armored: key.to_armored_string(ArmorOptions::default())?,
        fingerprint,
    })
}

/// Replaces the user ID's and the subkey's self-signatures with ones that carry the key
/// expiration time and are dated `created`.
fn resign_with_expiry<R: RngCore + CryptoRng>(
    key: &mut SignedSecretKey,
    created: Timestamp,
    rng: &mut R,
) -> Result<(), ReplyKeyError> {
    let expires = pgp::types::Duration::from_secs(VALIDITY.as_secs() as u32);
    let primary = &key.primary_key;
    let issuer = [
        Subpacket::regular(SubpacketData::SignatureCreationTime(created))?,
        Subpacket::regular(SubpacketData::IssuerFingerprint(primary.fingerprint()))?,
        Subpacket::regular(SubpacketData::KeyExpirationTime(expires))?,
    ];
    let issuer_id = vec![Subpacket::regular(SubpacketData::IssuerKeyId(
        primary.legacy_key_id(),
    ))?];

    let mut flags = KeyFlags::default();
    flags.set_certify(true);
    flags.set_sign(true);
    // SEIPD v1 only: GnuPG 2.2 cannot read SEIPD v2, and a project answering with OpenPGP.js or
    // Sequoia would use it if the key said it could.
    let mut features = Features::default();
    features.set_seipd_v1(true);
    let mut hashed = issuer.to_vec();
    hashed.extend([
        Subpacket::regular(SubpacketData::KeyFlags(flags))?,
        Subpacket::regular(SubpacketData::Features(features))?,
        Subpacket::regular(SubpacketData::PreferredSymmetricAlgorithms(
            vec![
                SymmetricKeyAlgorithm::AES256,
                SymmetricKeyAlgorithm::AES192,
                SymmetricKeyAlgorithm::AES128,
            ]
            .into(),
        ))?,
        Subpacket::regular(SubpacketData::PreferredHashAlgorithms(
            vec![
                HashAlgorithm::Sha512,
                HashAlgorithm::Sha384,
                HashAlgorithm::Sha256,
            ]
            .into(),
        ))?,
        // Uncompressed only: compressing before encrypting has leaked plaintext (see seal.rs).
        Subpacket::regular(SubpacketData::PreferredCompressionAlgorithms(
            vec![CompressionAlgorithm::Uncompressed].into(),
        ))?,
        Subpacket::regular(SubpacketData::IsPrimary(true))?,
    ]);
    for user in &mut key.details.users {
        let mut config =
            SignatureConfig::from_key(&mut *rng, primary, SignatureType::CertPositive)?;
        config.hashed_subpackets = hashed.clone();
        config.unhashed_subpackets = issuer_id.clone();
        let signature = config.sign_certification(
            primary,
            primary.public_key(),
            &Password::empty(),
            user.id.tag(),
            &user.id,
        )?;
        user.signatures = vec![signature];
    }

    let mut flags = KeyFlags::default();
    flags.set_encrypt_comms(true);
    flags.set_encrypt_storage(true);
    let mut hashed = issuer.to_vec();
    hashed.push(Subpacket::regular(SubpacketData::KeyFlags(flags))?);
    for subkey in &mut key.secret_subkeys {
        let mut config =
            SignatureConfig::from_key(&mut *rng, primary, SignatureType::SubkeyBinding)?;
        config.hashed_subpackets = hashed.clone();
        config.unhashed_subpackets = issuer_id.clone();
        let signature = config.sign_subkey_binding(
            primary,
            primary.public_key(),
            &Password::empty(),
            subkey.key.public_key(),
        )?;
        subkey.signatures = vec![signature];
    }
    Ok(())
}

/// A researcher's public reply key, checked and ready to enclose in a letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyKey {
    /// Upper-case hex, no spaces.
    pub fingerprint: String,
    /// The certificate re-armored from what was parsed, so nothing but public key material
    /// (whatever else the input held) ever goes into the letter.
    pub public_armored: String,
}

impl ReplyKey {
    /// Accepts `armored` (one armored public key block) if a reply can be encrypted to it at
    /// `now`, with the same rules as a project's keys. A secret key is refused.
    pub fn accept(armored: &str, now: SystemTime) -> Result<Self, ReplyKeyError> {
        let accepted = RecipientKey::accept(armored.as_bytes(), now)?;
        let public_armored = accepted
            .certificate()
            .to_armored_string(ArmorOptions::default())
            .map_err(|err| ReplyKeyError::Malformed(err.to_string()))?;
        Ok(Self {
            fingerprint: accepted.fingerprint().to_owned(),
            public_armored,
        })
    }

    /// The fingerprint in groups of four.
    pub fn fingerprint_grouped(&self) -> String {
        group_by_four(&self.fingerprint)
    }
}

#[cfg(test)]
mod tests;
