//! Is this body an OpenPGP *encrypted* message? Judged by packet structure alone: the inbox
//! holds no secret key, and a body that passes is stored exactly as received.
//!
//! Accepted (RFC 9580 §10.3): one or more session-key packets (PKESK or SKESK), then one
//! integrity-protected encrypted-data packet (SEIPD v1 or v2), and nothing else but Marker and
//! Padding packets, which carry no content. Armored or binary.

use std::io::{self, BufRead, Read};

use pgp::{
    armor::{BlockType, Dearmor},
    composed::PacketBodyReader,
    packet::{Packet, PacketHeader},
    types::Tag,
};

/// How the message was encoded: decides the stored file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// ASCII armor (`-----BEGIN PGP MESSAGE-----`): stored as `.asc`.
    Armored,
    /// Raw OpenPGP packets: stored as `.pgp`.
    Binary,
}

impl Encoding {
    pub fn extension(self) -> &'static str {
        match self {
            Self::Armored => "asc",
            Self::Binary => "pgp",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Armored => "armored",
            Self::Binary => "binary",
        }
    }
}

/// Why a body is not accepted. The messages go back to the sender as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the report is empty: expected an OpenPGP encrypted message")]
    Empty,
    #[error(
        "not an OpenPGP message: plaintext is not accepted, the report must be encrypted \
         (-----BEGIN PGP MESSAGE-----)"
    )]
    PlainText,
    #[error(
        "not an OpenPGP message: there is text around the armored message; send only the \
         block from -----BEGIN PGP MESSAGE----- to -----END PGP MESSAGE-----"
    )]
    TextAroundArmor,
    #[error("not an OpenPGP message: {0}")]
    Malformed(String),
    #[error("not an encrypted message: {0} is not accepted, only an encrypted report")]
    WrongArmor(&'static str),
    #[error("plaintext is not accepted: the message is not encrypted (it holds {0})")]
    NotEncrypted(&'static str),
    #[error(
        "plaintext is not accepted: the message uses the obsolete encryption without integrity \
         protection (a Symmetrically Encrypted Data packet); encrypt it again with current \
         OpenPGP software"
    )]
    UnprotectedEncryption,
    #[error(
        "the message uses GnuPG's non-standard OCB encryption packet, which is not accepted: \
         encrypt it as SEIPD v1 or v2 (e.g. without gpg's AEAD preference)"
    )]
    GnupgOcb,
    #[error("the encrypted data has no session key packet (PKESK or SKESK) before it")]
    NoSessionKey,
    #[error("the message has session keys but no encrypted data (SEIPD) after them")]
    NoEncryptedData,
    #[error("the encrypted data is a SEIPD version {0} packet; only versions 1 and 2 exist")]
    UnknownSeipdVersion(u8),
    #[error("unexpected {0} after the encrypted data: a message holds one encrypted part")]
    AfterEncryptedData(String),
    #[error("unexpected {0} in an encrypted message")]
    UnexpectedPacket(String),
}

/// Checks that `body` is an encrypted OpenPGP message and tells how it is encoded.
pub fn inspect(body: &[u8]) -> Result<Encoding, Refusal> {
    let trimmed = body.trim_ascii();
    if trimmed.is_empty() {
        return Err(Refusal::Empty);
    }
    if trimmed.starts_with(b"-----BEGIN ") {
        check_packets(&dearmor(trimmed)?)?;
        return Ok(Encoding::Armored);
    }
    // An OpenPGP packet header always has its top bit set; ASCII text never does.
    if body[0] & 0x80 != 0 {
        check_packets(body)?;
        return Ok(Encoding::Binary);
    }
    if contains(body, b"-----BEGIN PGP") {
        return Err(Refusal::TextAroundArmor);
    }
    if std::str::from_utf8(body).is_ok() {
        return Err(Refusal::PlainText);
    }
    Err(Refusal::Malformed(
        "the body is neither ASCII-armored nor made of OpenPGP packets".to_owned(),
    ))
}

/// Decodes one armored block, refusing any text after it: whatever follows the END line would
/// be stored unencrypted alongside the message.
fn dearmor(armored: &[u8]) -> Result<Vec<u8>, Refusal> {
    if armored.starts_with(b"-----BEGIN PGP SIGNED MESSAGE-----") {
        return Err(Refusal::NotEncrypted("cleartext-signed text"));
    }
    let mut decoder = Dearmor::new(armored);
    let mut packets = Vec::new();
    decoder
        .read_to_end(&mut packets)
        .map_err(|err| Refusal::Malformed(format!("the ASCII armor is damaged ({err})")))?;
    match decoder.typ {
        Some(BlockType::Message) => {}
        Some(other) => return Err(Refusal::WrongArmor(describe_armor(other))),
        None => {
            return Err(Refusal::Malformed(
                "the ASCII armor has no header".to_owned(),
            ))
        }
    }
    let end_line = b"-----END PGP MESSAGE-----";
    match find(armored, end_line) {
        Some(at) if armored[at + end_line.len()..].trim_ascii().is_empty() => Ok(packets),
        _ => Err(Refusal::TextAroundArmor),
    }
}

fn describe_armor(block: BlockType) -> &'static str {
    match block {
        BlockType::PublicKey
        | BlockType::PublicKeyPKCS1(_)
        | BlockType::PublicKeyPKCS8
        | BlockType::PublicKeyOpenssh => "a public key",
        BlockType::PrivateKey
        | BlockType::PrivateKeyPKCS1(_)
        | BlockType::PrivateKeyPKCS8
        | BlockType::PrivateKeyOpenssh => "a private key",
        BlockType::Signature => "a signature",
        BlockType::CleartextMessage => "cleartext-signed text",
        BlockType::MultiPartMessage(..) => "one part of a multi-part armored message",
        BlockType::File | BlockType::Message => "an armored file",
    }
}

/// Where the message's structure is, walking the top-level packets in order.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Start,
    SessionKeys,
    EncryptedData,
}

/// Walks the top-level packets without holding them: the encrypted data is only read through
/// (it is most of the message and, without a key, carries nothing to check).
fn check_packets(mut rest: &[u8]) -> Result<(), Refusal> {
    let mut stage = Stage::Start;
    while !rest.is_empty() {
        let header = PacketHeader::try_from_reader(&mut rest).map_err(|err| {
            Refusal::Malformed(format!("a packet header is damaged or cut short ({err})"))
        })?;
        let tag = header.tag();
        let mut body = PacketBodyReader::new(header, &mut rest)
            .map_err(|err| damaged(tag, &err.to_string()))?;
        match (tag, stage) {
            // Markers and padding carry nothing and may appear anywhere (RFC 9580 §5.8, §5.14).
            (Tag::Marker | Tag::Padding, _) => parse_and_finish(header, &mut body)?,
            (_, Stage::EncryptedData) => return Err(Refusal::AfterEncryptedData(name(tag))),
            (Tag::PublicKeyEncryptedSessionKey | Tag::SymKeyEncryptedSessionKey, _) => {
                parse_and_finish(header, &mut body)?;
                stage = Stage::SessionKeys;
            }
            (Tag::SymEncryptedProtectedData, Stage::Start) => return Err(Refusal::NoSessionKey),
            (Tag::SymEncryptedProtectedData, Stage::SessionKeys) => {
                check_seipd_version(&mut body)?;
                read_through(tag, &mut body)?;
                stage = Stage::EncryptedData;
            }
            (other, stage) => return Err(refuse_packet(other, stage)),
        }
    }
    match stage {
        Stage::EncryptedData => Ok(()),
        Stage::SessionKeys => Err(Refusal::NoEncryptedData),
        Stage::Start => Err(Refusal::Malformed(
            "the message has no session key and no encrypted data".to_owned(),
        )),
    }
}

/// Says why a packet that has no place in an encrypted message is there.
fn refuse_packet(tag: Tag, stage: Stage) -> Refusal {
    match tag {
        Tag::LiteralData => Refusal::NotEncrypted("literal data"),
        Tag::CompressedData => Refusal::NotEncrypted("compressed data"),
        Tag::OnePassSignature | Tag::Signature => Refusal::NotEncrypted("a signature"),
        Tag::PublicKey | Tag::PublicSubkey | Tag::UserId | Tag::UserAttribute | Tag::Trust => {
            Refusal::NotEncrypted("a public key")
        }
        Tag::SecretKey | Tag::SecretSubkey => Refusal::NotEncrypted("a private key"),
        Tag::SymEncryptedData => Refusal::UnprotectedEncryption,
        Tag::GnupgAeadData => Refusal::GnupgOcb,
        // Random bytes usually decode as a packet of some unassigned or reserved type.
        other if stage == Stage::Start => Refusal::Malformed(format!(
            "the data does not start with a known OpenPGP packet ({})",
            name(other)
        )),
        other => Refusal::UnexpectedPacket(name(other)),
    }
}

/// Parses a small packet (session key, marker, padding) so a damaged one is refused.
fn parse_and_finish(
    header: PacketHeader,
    body: &mut PacketBodyReader<&mut &[u8]>,
) -> Result<(), Refusal> {
    let tag = header.tag();
    Packet::from_reader(header, &mut *body).map_err(|err| damaged(tag, &err.to_string()))?;
    read_through(tag, body)
}

fn check_seipd_version(body: &mut PacketBodyReader<&mut &[u8]>) -> Result<(), Refusal> {
    let first = body
        .fill_buf()
        .map_err(|err| damaged(Tag::SymEncryptedProtectedData, &err.to_string()))?;
    match first.first() {
        Some(1 | 2) => Ok(()),
        Some(&version) => Err(Refusal::UnknownSeipdVersion(version)),
        None => Err(damaged(Tag::SymEncryptedProtectedData, "it is empty")),
    }
}

/// Reads a packet's body to its end, which also checks its length framing (a message cut short
/// fails here).
fn read_through(tag: Tag, body: &mut PacketBodyReader<&mut &[u8]>) -> Result<(), Refusal> {
    io::copy(body, &mut io::sink())
        .map(drop)
        .map_err(|err| damaged(tag, &err.to_string()))
}

fn damaged(tag: Tag, detail: &str) -> Refusal {
    Refusal::Malformed(format!(
        "the {} is damaged or cut short ({detail})",
        name(tag)
    ))
}

fn name(tag: Tag) -> String {
    let known = match tag {
        Tag::PublicKeyEncryptedSessionKey => "public-key session key packet (PKESK)",
        Tag::SymKeyEncryptedSessionKey => "password session key packet (SKESK)",
        Tag::SymEncryptedProtectedData => "encrypted data packet (SEIPD)",
        Tag::SymEncryptedData => "unprotected encrypted data packet",
        Tag::GnupgAeadData => "GnuPG OCB encrypted data packet",
        Tag::LiteralData => "literal data packet",
        Tag::CompressedData => "compressed data packet",
        Tag::OnePassSignature => "one-pass signature packet",
        Tag::Signature => "signature packet",
        Tag::PublicKey | Tag::PublicSubkey => "public key packet",
        Tag::SecretKey | Tag::SecretSubkey => "private key packet",
        Tag::UserId => "user ID packet",
        Tag::UserAttribute => "user attribute packet",
        Tag::Trust => "trust packet",
        Tag::ModDetectionCode => "modification detection code packet",
        Tag::Marker => "marker packet",
        Tag::Padding => "padding packet",
        other => return format!("packet of unknown type {}", u8::from(other)),
    };
    known.to_owned()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

#[cfg(test)]
mod tests;
