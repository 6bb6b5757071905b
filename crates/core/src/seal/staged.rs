//! Sealing in two stages, so the bulk cipher can run outside rPGP.
//!
//! In the browser, rPGP's AES is software (wasm has no AES instructions) and seals a few tens of
//! MB/s; the browser's own WebCrypto AES runs natively, many times faster, but only
//! asynchronously and only in CBC, CTR and GCM modes. SEIPD v1 uses CFB with a zero IV, and CFB
//! *encryption* is a CBC encryption in disguise (the trick OpenPGP.js uses):
//!
//! ```text
//! CFB:  C[i] = P[i] ^ Y[i],  Y[1] = E(0),  Y[i+1] = E(C[i]) = E(Y[i] ^ P[i])
//! CBC of P with IV = Y[1]:   X[i] = E(X[i-1] ^ P[i]),  X[0] = Y[1]   =>   X[i] = Y[i+1]
//! ```
//!
//! so with `first = E(0)` and `cbc = CBC(P, iv = first)` (padding is ignored), the ciphertext is
//! `P ^ (first ‖ cbc)`. Everything else stays rPGP's: the session key packets (PKESK v3), the
//! literal data packet, packet headers and armor. [`stage`] prepares SEIPD v1's plaintext (the
//! random prefix with its quick check, the literal data packet, the MDC) and
//! [`CfbStage::finish`] takes `first` and `cbc` from any AES implementation.
//!
//! Only SEIPD v1 with AES is staged; SEIPD v2 (AEAD) and anything else is sealed by rPGP alone
//! ([`super::seal`]). The result is an ordinary OpenPGP message: the tests decrypt it with rPGP
//! and with GnuPG.

use bytes::Bytes;
use pgp::{
    armor::{self, BlockType},
    composed::RawSessionKey,
    crypto::sym::SymmetricKeyAlgorithm,
    packet::{LiteralData, PacketHeader, PacketTrait, PublicKeyEncryptedSessionKey},
    ser::Serialize,
    types::Tag,
};
use rand_core::{CryptoRng, RngCore};
use sha1::{Digest, Sha1};
use zeroize::Zeroizing;

use super::{negotiate, Cipher, Encoding, SealError, LITERAL_FILE_NAME};
use crate::key::{EncryptionKeyRef, RecipientKey};

/// AES's block size, the CFB prefix's random part.
const BLOCK: usize = 16;

/// A message whose only remaining work is AES-CFB over [`CfbStage::plaintext`].
pub struct CfbStage {
    sym: SymmetricKeyAlgorithm,
    session_key: Zeroizing<Vec<u8>>,
    /// The whole binary message so far: the session key packets, the SEIPD v1 packet's header
    /// and version, then its plaintext, which `finish` encrypts in place (no second copy).
    message: Vec<u8>,
    /// Where the SEIPD plaintext starts in `message`.
    body: usize,
    /// How many plaintext bytes have been encrypted (keystream applied, in order): the message
    /// is given out only once that is all of them, so a slip can never emit plaintext.
    encrypted: usize,
    encoding: Encoding,
}

/// The AES that [`stage`] would use for `recipients`, or `None` if they need another cipher
/// (SEIPD v2, or no AES): then [`super::seal`] does it all.
pub fn staged_cipher(recipients: &[RecipientKey]) -> Option<SymmetricKeyAlgorithm> {
    match negotiate(recipients) {
        Cipher::SeipdV1(
            sym @ (SymmetricKeyAlgorithm::AES128
            | SymmetricKeyAlgorithm::AES192
            | SymmetricKeyAlgorithm::AES256),
        ) => Some(sym),
        _ => None,
    }
}

/// Prepares `plaintext` for AES-CFB elsewhere, or `None` if the recipients' cipher is not SEIPD
/// v1 with AES (then [`super::seal`] does it all).
pub fn stage<R: RngCore + CryptoRng>(
    plaintext: Vec<u8>,
    recipients: &[RecipientKey],
    encoding: Encoding,
    mut rng: R,
) -> Result<Option<CfbStage>, SealError> {
    if recipients.is_empty() {
        return Err(SealError::NoRecipients);
    }
    let Some(sym) = staged_cipher(recipients) else {
        return Ok(None);
    };
    let session_key = Zeroizing::new({
        let mut key = vec![0u8; sym.key_size()];
        rng.fill_bytes(&mut key);
        key
    });
    let raw_key = RawSessionKey::from(session_key.as_slice());
    let mut head = Vec::new();
    for recipient in recipients {
        let packet = match recipient.encryption_key() {
            EncryptionKeyRef::Primary(key) => {
                PublicKeyEncryptedSessionKey::from_session_key_v3(&mut rng, &raw_key, sym, key)?
            }
            EncryptionKeyRef::Subkey(key) => {
                PublicKeyEncryptedSessionKey::from_session_key_v3(&mut rng, &raw_key, sym, key)?
            }
        };
        packet.to_writer_with_header(&mut head)?;
    }
    let literal = LiteralData::from_bytes(LITERAL_FILE_NAME, Bytes::from(plaintext))?;
    // Prefix (a random block and its last two bytes again), the literal packet, the MDC packet.
    let body_len = BLOCK + 2 + literal.write_len_with_header() + 22;
    let seipd = PacketHeader::new_fixed(
        Tag::SymEncryptedProtectedData,
        u32::try_from(1 + body_len).map_err(|_| SealError::TooLarge)?,
    );
    let mut message = Vec::with_capacity(head.len() + seipd.write_len() + 1 + body_len);
    message.extend_from_slice(&head);
    seipd.to_writer(&mut message)?;
    message.push(1); // SEIPD version 1
    let body = message.len();
    let mut prefix = [0u8; BLOCK + 2];
    rng.fill_bytes(&mut prefix[..BLOCK]);
    prefix[BLOCK] = prefix[BLOCK - 2];
    prefix[BLOCK + 1] = prefix[BLOCK - 1];
    message.extend_from_slice(&prefix);
    literal.to_writer_with_header(&mut message)?;
    drop(literal);
    message.extend_from_slice(&[0xD3, 0x14]);
    let mdc = Sha1::digest(&message[body..]);
    message.extend_from_slice(&mdc);
    Ok(Some(CfbStage {
        sym,
        session_key,
        message,
        body,
        encrypted: 0,
        encoding,
    }))
}

impl CfbStage {
    /// The negotiated cipher (SEIPD v1 with this AES).
    pub fn cipher(&self) -> Cipher {
        Cipher::SeipdV1(self.sym)
    }

    /// Armored or binary, as asked.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// The AES key (16, 24 or 32 bytes).
    pub fn session_key(&self) -> &[u8] {
        &self.session_key
    }

    /// What CFB encrypts: SEIPD v1's plaintext. CBC-encrypt exactly this.
    pub fn plaintext(&self) -> &[u8] {
        &self.message[self.body..]
    }

    /// The ciphertext is `plaintext ^ (first ‖ cbc)`, where `first` is AES(0), one block, and
    /// `cbc` the CBC encryption of [`Self::plaintext`] with `first` as IV (at least as long as
    /// the plaintext less a block; padding past that is ignored). Chunks of `cbc` can be given
    /// one after another with [`Self::apply`]; this is `apply(first, 0)` then `apply(cbc, BLOCK)`.
    pub fn finish(mut self, first: &[u8], cbc: &[u8]) -> Result<Vec<u8>, SealError> {
        if cbc.len() + BLOCK < self.plaintext().len() {
            return Err(SealError::Cipher(format!(
                "the CBC output is {} bytes, short of the {} needed",
                cbc.len(),
                self.plaintext().len() - BLOCK
            )));
        }
        self.apply(first, 0)?;
        self.apply(cbc, BLOCK)?;
        self.into_message()
    }

    /// Completes the message with rPGP's own AES-CFB (software), where no faster AES is at hand
    /// (a browser without WebCrypto in this context).
    pub fn finish_in_software(mut self) -> Result<Vec<u8>, SealError> {
        if self.encrypted != 0 {
            return Err(SealError::Cipher(
                "the message is already partly encrypted".into(),
            ));
        }
        let key = Zeroizing::new(self.session_key.to_vec());
        self.sym
            .encrypt_with_iv(&key, &[0; BLOCK], &mut self.message[self.body..])?;
        self.encrypted = self.message.len() - self.body;
        self.into_message()
    }

    /// XORs `keystream` into the plaintext at `offset`, which must be where the last call
    /// stopped (offset 0 takes AES(0), one block; offset `16 + n` the CBC output's bytes from
    /// `n`). Bytes past the plaintext's end are ignored.
    pub fn apply(&mut self, keystream: &[u8], offset: usize) -> Result<(), SealError> {
        if offset != self.encrypted {
            return Err(SealError::Cipher(format!(
                "keystream for byte {offset} given where byte {} is next",
                self.encrypted
            )));
        }
        if offset == 0 && keystream.len() != BLOCK {
            return Err(SealError::Cipher(
                "the first keystream block is not 16 bytes".into(),
            ));
        }
        let target = &mut self.message[self.body + offset..];
        let applied = target.len().min(keystream.len());
        for (byte, key) in target.iter_mut().zip(keystream) {
            *byte ^= key;
        }
        self.encrypted += applied;
        Ok(())
    }

    /// The finished message, armored if asked; refused unless every plaintext byte has been
    /// encrypted (by [`Self::apply`], [`Self::finish`] or [`Self::finish_in_software`]).
    pub fn into_message(self) -> Result<Vec<u8>, SealError> {
        let total = self.message.len() - self.body;
        if self.encrypted != total {
            return Err(SealError::Cipher(format!(
                "only {} of {total} bytes were encrypted",
                self.encrypted
            )));
        }
        match self.encoding {
            Encoding::Binary => Ok(self.message),
            Encoding::Armored => {
                let len = self.message.len();
                let mut out = Vec::with_capacity(len / 3 * 4 + len / 48 + 128);
                armor::write(
                    &Raw(&self.message),
                    BlockType::Message,
                    &mut out,
                    None,
                    true,
                )?;
                Ok(out)
            }
        }
    }
}

/// Bytes that are already OpenPGP packets, for the armor writer.
struct Raw<'a>(&'a [u8]);

impl Serialize for Raw<'_> {
    fn to_writer<W: std::io::Write>(&self, writer: &mut W) -> pgp::errors::Result<()> {
        writer.write_all(self.0)?;
        Ok(())
    }

    fn write_len(&self) -> usize {
        self.0.len()
    }
}
