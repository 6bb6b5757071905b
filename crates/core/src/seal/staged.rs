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
//! A large message is encrypted a chunk at a time ([`CfbStage::next_cbc`] and
//! [`CfbStage::take_cbc`]), so the AES outside never holds more than a chunk of it: CBC chains
//! from one chunk to the next through its last output block, and because CFB's keystream for a
//! block is the CBC output of the block *before*, that last block of keystream waits until the
//! next chunk's plaintext has been handed out. The stage keeps that order, so callers cannot get
//! it wrong. The message is built in the plaintext's own allocation: a 100 MB attachment is
//! held once, not twice.
//!
//! The MDC (SHA-1 over the plaintext) may come from outside too ([`CfbStage::set_mdc`]): the
//! browser's SHA-1 is native as well. If none is given before the CBC begins, the stage hashes
//! in software ([`CfbStage::begin_cbc`]), so no caller can leave it out or set it once the
//! plaintext it covers has started to turn into ciphertext.
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
use std::ops::Range;

use rand_core::{CryptoRng, RngCore};
use sha1::{Digest, Sha1};
use zeroize::Zeroizing;

use super::{negotiate, Cipher, Encoding, SealError, LITERAL_FILE_NAME};
use crate::key::{EncryptionKeyRef, RecipientKey};

/// AES's block size, the CFB prefix's random part.
const BLOCK: usize = 16;
/// SHA-1's output: the MDC packet's body.
const MDC_LEN: usize = 20;

/// Room to leave free at the end of a plaintext buffer given to [`stage`], so the packets it
/// puts in front (session keys, headers: a few hundred bytes a recipient) and behind (the MDC)
/// fit without moving the whole buffer. With less, `stage` still works, with one copy.
pub const HEADROOM: usize = 64 * 1024;

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
    /// Chunked CBC: the keystream block for the bytes at `encrypted` (AES(0) at first, then each
    /// chunk's last CBC block, which is also the next chunk's IV). `None` until
    /// [`CfbStage::begin_cbc`]. The next chunk starts at `encrypted`: a chunk's bytes are
    /// encrypted, all but that held-back block, as soon as its output comes back.
    pending: Option<[u8; BLOCK]>,
    /// Whether the MDC's 20 bytes at the message's end hold the SHA-1 yet (zeros until then).
    mdc_set: bool,
    encoding: Encoding,
}

/// One chunk of CBC work: AES-CBC-encrypt [`CfbStage::cbc_input`] under `iv`, then give the
/// output to [`CfbStage::take_cbc`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CbcStep {
    /// The IV for this chunk: AES(0) for the first, else the previous chunk's last output block.
    pub iv: [u8; BLOCK],
    /// Which plaintext bytes (offsets into [`CfbStage::plaintext`]).
    pub range: Range<usize>,
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
/// v1 with AES (then [`super::seal`] does it all). The message is built in `plaintext`'s own
/// buffer: with [`HEADROOM`] bytes of spare capacity it is never copied whole.
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
    // The literal packet's own fields (mode, file name, date) come from rPGP, its data is the
    // plaintext where it already lies.
    let mut literal_fields = Vec::new();
    LiteralData::from_bytes(LITERAL_FILE_NAME, Bytes::new())?.to_writer(&mut literal_fields)?;
    let literal_len = literal_fields.len() + plaintext.len();
    let literal = PacketHeader::new_fixed(
        Tag::LiteralData,
        u32::try_from(literal_len).map_err(|_| SealError::TooLarge)?,
    );
    // Prefix (a random block and its last two bytes again), the literal packet, the MDC packet.
    let body_len = BLOCK + 2 + literal.write_len() + literal_len + 22;
    let seipd = PacketHeader::new_fixed(
        Tag::SymEncryptedProtectedData,
        u32::try_from(1 + body_len).map_err(|_| SealError::TooLarge)?,
    );
    let mut front = head;
    seipd.to_writer(&mut front)?;
    front.push(1); // SEIPD version 1
    let body = front.len();
    let mut prefix = [0u8; BLOCK + 2];
    rng.fill_bytes(&mut prefix[..BLOCK]);
    prefix[BLOCK] = prefix[BLOCK - 2];
    prefix[BLOCK + 1] = prefix[BLOCK - 1];
    front.extend_from_slice(&prefix);
    literal.to_writer(&mut front)?;
    front.extend_from_slice(&literal_fields);
    let mut message = plaintext;
    // Within the buffer's spare capacity (see HEADROOM) this moves the plaintext once, in place.
    message.reserve_exact(front.len() + 22);
    message.splice(0..0, front);
    message.extend_from_slice(&[0xD3, 0x14]);
    // The MDC's place: its hash comes from `set_mdc`, or from `hash_mdc` when the CBC begins.
    message.extend_from_slice(&[0; MDC_LEN]);
    Ok(Some(CfbStage {
        sym,
        session_key,
        message,
        body,
        encrypted: 0,
        pending: None,
        mdc_set: false,
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

    /// What CFB encrypts: SEIPD v1's plaintext. CBC-encrypt exactly this. Its MDC is hashed in
    /// software first if [`Self::set_mdc`] has not set it (hence `&mut`): the bytes handed out
    /// are always the ones the message will carry.
    pub fn plaintext(&mut self) -> &[u8] {
        self.hash_mdc();
        self.seipd_plaintext()
    }

    fn seipd_plaintext(&self) -> &[u8] {
        &self.message[self.body..]
    }

    /// The ciphertext is `plaintext ^ (first ‖ cbc)`, where `first` is AES(0), one block, and
    /// `cbc` the CBC encryption of [`Self::plaintext`] with `first` as IV (at least as long as
    /// the plaintext less a block; padding past that is ignored): the whole message in one step.
    pub fn finish(mut self, first: &[u8], cbc: &[u8]) -> Result<Vec<u8>, SealError> {
        let first: [u8; BLOCK] = first
            .try_into()
            .map_err(|_| SealError::Cipher("the first keystream block is not 16 bytes".into()))?;
        self.begin_cbc(first)?;
        // The plaintext is at least a block (the random prefix), so this step is the whole.
        if let Some(step) = self.next_cbc(usize::MAX) {
            self.take_cbc(&step, cbc)?;
        }
        self.into_message()
    }

    /// What the MDC hashes (SEIPD v1's plaintext up to and including the MDC packet's header),
    /// while it still waits for its SHA-1; `None` once that is set.
    pub fn mdc_input(&self) -> Option<&[u8]> {
        (!self.mdc_set).then(|| &self.message[self.body..self.message.len() - MDC_LEN])
    }

    /// Sets the MDC to `sha1`, the SHA-1 of [`Self::mdc_input`] computed elsewhere. Refused once
    /// it is set, and once the CBC has begun (the plaintext it covers is no longer intact).
    pub fn set_mdc(&mut self, sha1: &[u8]) -> Result<(), SealError> {
        if self.mdc_set || self.pending.is_some() || self.encrypted != 0 {
            return Err(SealError::Cipher(
                "the MDC is set once, before the encryption begins".into(),
            ));
        }
        let sha1: &[u8; MDC_LEN] = sha1
            .try_into()
            .map_err(|_| SealError::Cipher(format!("an MDC of {} bytes, not 20", sha1.len())))?;
        self.write_mdc(sha1);
        Ok(())
    }

    /// Computes the MDC in software (rPGP's SHA-1 crate), unless it is set already.
    pub fn hash_mdc(&mut self) {
        if let Some(input) = self.mdc_input() {
            let sha1: [u8; MDC_LEN] = Sha1::digest(input).into();
            self.write_mdc(&sha1);
        }
    }

    /// Puts `sha1` in the MDC's place at the message's end.
    fn write_mdc(&mut self, sha1: &[u8; MDC_LEN]) {
        let at = self.message.len() - MDC_LEN;
        self.message[at..].copy_from_slice(sha1);
        self.mdc_set = true;
    }

    /// AES(0) under the session key, [`Self::begin_cbc`]'s `first`, from rPGP's (constant-time,
    /// software) AES: one block is quicker here than a round trip to WebCrypto.
    pub fn first_cbc_block(&self) -> Result<[u8; BLOCK], SealError> {
        // CFB's first block under a zero IV is AES(IV) XOR plaintext: AES(0) for zeros. rPGP's
        // CFB takes at least the prefix (a block and two bytes).
        let mut prefix = [0u8; BLOCK + 2];
        self.sym
            .encrypt_with_iv(&self.session_key, &[0; BLOCK], &mut prefix)?;
        let mut block = [0u8; BLOCK];
        block.copy_from_slice(&prefix[..BLOCK]);
        Ok(block)
    }

    /// Starts chunked CBC with `first` = AES(0) (the CBC of one zero block under a zero IV).
    /// The MDC is hashed in software first if [`Self::set_mdc`] has not set it.
    pub fn begin_cbc(&mut self, first: [u8; BLOCK]) -> Result<(), SealError> {
        if self.encrypted != 0 || self.pending.is_some() {
            return Err(SealError::Cipher("the CBC has begun already".into()));
        }
        self.hash_mdc();
        self.pending = Some(first);
        Ok(())
    }

    /// The next chunk of CBC work, at most `max_len` bytes (rounded down to whole blocks), or
    /// `None` when every chunk has been taken (or the CBC has not begun).
    pub fn next_cbc(&self, max_len: usize) -> Option<CbcStep> {
        let iv = self.pending?;
        let (start, total) = (self.encrypted, self.seipd_plaintext().len());
        if start >= total {
            return None;
        }
        let len = (max_len / BLOCK * BLOCK).max(BLOCK);
        Some(CbcStep {
            iv,
            range: start..total.min(start.saturating_add(len)),
        })
    }

    /// The plaintext bytes `step` encrypts: still plaintext, as the stage keeps the keystream
    /// that would overwrite their first block until this step's output comes back.
    pub fn cbc_input(&self, step: &CbcStep) -> &[u8] {
        &self.seipd_plaintext()[step.range.clone()]
    }

    /// Takes the CBC output of `step` (AES-CBC of [`Self::cbc_input`] under `step.iv`, padding
    /// past its length ignored) and encrypts what it can: the previous chunk's last keystream
    /// block, then this chunk's bytes but the last block's keystream, which waits for the next
    /// step (all of it on the last step).
    pub fn take_cbc(&mut self, step: &CbcStep, output: &[u8]) -> Result<(), SealError> {
        let Some(pending) = self.pending else {
            return Err(SealError::Cipher("the CBC has not begun".into()));
        };
        let total = self.seipd_plaintext().len();
        let (start, end) = (step.range.start, step.range.end);
        if start != self.encrypted || step.iv != pending || end > total || end <= start {
            return Err(SealError::Cipher(format!(
                "CBC output for bytes {start}..{end} given where byte {} is next",
                self.encrypted
            )));
        }
        let (len, last) = (end - start, end == total);
        if !last && !len.is_multiple_of(BLOCK) {
            return Err(SealError::Cipher(format!(
                "a CBC step before the last is {len} bytes, not whole blocks"
            )));
        }
        // CFB's keystream for a block is the CBC output of the block before: this chunk's last
        // output block is the next chunk's first keystream block (none on the last step).
        let keystream = len.saturating_sub(BLOCK);
        let needed = if last { keystream } else { len };
        if output.len() < needed {
            return Err(SealError::Cipher(format!(
                "the CBC output for bytes {start}..{end} is {} bytes, short of the {needed} needed",
                output.len()
            )));
        }
        self.apply(&pending, start)?;
        self.apply(&output[..keystream], start + BLOCK)?;
        if !last {
            let mut next = [0u8; BLOCK];
            next.copy_from_slice(&output[keystream..len]);
            self.pending = Some(next);
        }
        Ok(())
    }

    /// Completes the message with rPGP's own AES-CFB (software), where no faster AES is at hand
    /// (a browser without WebCrypto in this context) or where it failed part way: CFB resumes
    /// from the last ciphertext block, so the bytes already encrypted stay as they are.
    pub fn finish_in_software(mut self) -> Result<Vec<u8>, SealError> {
        // Unset only if nothing is encrypted yet (WebCrypto failed before it began).
        self.hash_mdc();
        let done = self.encrypted;
        if !done.is_multiple_of(BLOCK) {
            return Err(SealError::Cipher(format!(
                "the message is encrypted up to byte {done}, not a block boundary"
            )));
        }
        let mut iv = [0u8; BLOCK];
        if done > 0 {
            iv.copy_from_slice(&self.message[self.body + done - BLOCK..self.body + done]);
        }
        let key = Zeroizing::new(self.session_key.to_vec());
        self.sym
            .encrypt_with_iv(&key, &iv, &mut self.message[self.body + done..])?;
        self.encrypted = self.message.len() - self.body;
        self.into_message()
    }

    /// XORs `keystream` into the plaintext at `offset`, which must be where the last call
    /// stopped. Bytes past the plaintext's end are ignored.
    fn apply(&mut self, keystream: &[u8], offset: usize) -> Result<(), SealError> {
        if keystream.is_empty() {
            return Ok(());
        }
        if offset != self.encrypted {
            return Err(SealError::Cipher(format!(
                "keystream for byte {offset} given where byte {} is next",
                self.encrypted
            )));
        }
        let target = &mut self.message[self.body + offset..];
        let applied = target.len().min(keystream.len());
        xor_in_place(&mut target[..applied], &keystream[..applied]);
        self.encrypted += applied;
        Ok(())
    }

    /// The finished message, armored if asked; refused unless every plaintext byte has been
    /// encrypted (by [`Self::take_cbc`], [`Self::finish`] or [`Self::finish_in_software`]).
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

/// `target ^= keystream`, eight bytes at a time: wasm has no vectors without `simd128`, and a
/// byte loop over a 16 MiB attachment costs milliseconds there.
fn xor_in_place(target: &mut [u8], keystream: &[u8]) {
    let mut words = target.chunks_exact_mut(8);
    let mut keys = keystream.chunks_exact(8);
    for (word, key) in (&mut words).zip(&mut keys) {
        let word_bytes: &mut [u8; 8] = word.try_into().expect("chunks of eight");
        let key_bytes: &[u8; 8] = key.try_into().expect("chunks of eight");
        *word_bytes =
            (u64::from_ne_bytes(*word_bytes) ^ u64::from_ne_bytes(*key_bytes)).to_ne_bytes();
    }
    for (byte, key) in words.into_remainder().iter_mut().zip(keys.remainder()) {
        *byte ^= key;
    }
}
