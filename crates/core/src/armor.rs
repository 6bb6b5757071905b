//! ASCII armor for an already-sealed binary message, so a report sealed as binary (large
//! attachments) can still go to an endpoint that takes text: the `json` body format.
//!
//! rPGP's own armor writer does the work; only its armor module ends up in the page's wasm,
//! not its cryptography (which stays in the sealing worker).

use pgp::{armor::BlockType, ser::Serialize};

/// Armors `binary`, an OpenPGP message, as `-----BEGIN PGP MESSAGE-----` text, with the same
/// options as the armored reports sealpost makes (CRC-24 checksum included: older readers
/// insist on it).
pub fn armor_message(binary: &[u8]) -> String {
    armor(binary, BlockType::Message)
}

/// Armors `binary`, public-key packets exactly as given (a key fetched from a Web Key
/// Directory, say), as `-----BEGIN PGP PUBLIC KEY BLOCK-----` text for a policy file.
pub fn armor_public_key(binary: &[u8]) -> String {
    armor(binary, BlockType::PublicKey)
}

fn armor(binary: &[u8], kind: BlockType) -> String {
    let mut out = Vec::with_capacity(binary.len() / 3 * 4 + binary.len() / 48 + 128);
    // Writing to a Vec cannot fail, and `Raw` never fails to serialize.
    if pgp::armor::write(&Raw(binary), kind, &mut out, None, true).is_err() {
        return String::new();
    }
    // Armor is base64 and ASCII header lines.
    String::from_utf8(out).unwrap_or_default()
}

/// Bytes that are already a serialized OpenPGP message.
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
