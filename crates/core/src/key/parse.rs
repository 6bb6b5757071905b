//! The wire layer of key acceptance: untrusted bytes in, OpenPGP certificates out.
//!
//! Keys arrive pasted from web pages and SECURITY.md files, fetched from `.well-known/`, or as
//! binary `.gpg` exports, sometimes several in one file. This finds every public-key armor block
//! in the text (ignoring the prose around them), or reads binary packets, and refuses what is not
//! a public key with a message saying what was found instead.

use std::io::Read;

use pgp::{
    armor::Dearmor,
    composed::{PublicOrSecret, SignedPublicKey},
};

use super::KeyError;

/// Keys this large are not security-team keys; refusing them bounds the work done on input a
/// hostile page serves. The largest real key in the corpus is 47 KB (65 signatures).
pub const MAX_KEY_INPUT_BYTES: usize = 1024 * 1024;

const ARMOR_PUBLIC_BEGIN: &str = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
const ARMOR_PUBLIC_END: &str = "-----END PGP PUBLIC KEY BLOCK-----";
const ARMOR_PRIVATE_BEGIN: &str = "-----BEGIN PGP PRIVATE KEY BLOCK-----";

/// Every certificate in `input`, in order. Never empty on success.
pub fn certificates(input: &[u8]) -> Result<Vec<SignedPublicKey>, KeyError> {
    if input.len() > MAX_KEY_INPUT_BYTES {
        return Err(KeyError::TooLarge {
            bytes: input.len(),
            limit: MAX_KEY_INPUT_BYTES,
        });
    }
    // Binary OpenPGP data starts with a packet header, whose top bit is always set.
    if input.first().is_some_and(|byte| byte & 0x80 != 0) {
        return binary_certificates(input);
    }
    let Ok(text) = std::str::from_utf8(input) else {
        return Err(KeyError::NotAKey {
            found: "binary data that is not OpenPGP".into(),
        });
    };
    if text.contains(ARMOR_PRIVATE_BEGIN) {
        return Err(KeyError::SecretKey);
    }
    let blocks = armor_blocks(text);
    if blocks.is_empty() {
        return Err(KeyError::NotAKey {
            found: describe_non_key(text),
        });
    }
    // Each block is dearmored first and read as binary packets, as binary input is: rPGP's
    // packet parser is generic over its reader, and one reader type means one copy of it in
    // the sealing worker's wasm (issue 10).
    let mut certs = Vec::new();
    for block in blocks {
        let mut binary = Vec::new();
        Dearmor::new(block.as_bytes())
            .read_to_end(&mut binary)
            .map_err(|err| KeyError::Malformed {
                reason: err.to_string(),
            })?;
        certs.extend(binary_certificates(&binary)?);
    }
    non_empty(certs)
}

fn binary_certificates(input: &[u8]) -> Result<Vec<SignedPublicKey>, KeyError> {
    let parsed = PublicOrSecret::from_bytes_many(input).map_err(malformed)?;
    let mut certs = Vec::new();
    for cert in parsed {
        match cert.map_err(malformed)? {
            PublicOrSecret::Public(cert) => certs.push(cert),
            PublicOrSecret::Secret(_) => return Err(KeyError::SecretKey),
        }
    }
    non_empty(certs)
}

fn non_empty(certs: Vec<SignedPublicKey>) -> Result<Vec<SignedPublicKey>, KeyError> {
    if certs.is_empty() {
        return Err(KeyError::Malformed {
            reason: "the key block holds no certificate".into(),
        });
    }
    Ok(certs)
}

fn malformed(err: pgp::errors::Error) -> KeyError {
    KeyError::Malformed {
        reason: err.to_string(),
    }
}

/// `input`'s keys as armored text for a policy file: binary packets armored exactly as they
/// are, armored input as its key blocks (the prose around them left out).
pub fn armored_text(input: &[u8]) -> String {
    if input.first().is_some_and(|byte| byte & 0x80 != 0) {
        return crate::armor::armor_public_key(input);
    }
    let text = String::from_utf8_lossy(input);
    let mut blocks = armor_blocks(&text).join("\n");
    blocks.push('\n');
    blocks
}

/// Each `BEGIN … END PGP PUBLIC KEY BLOCK` in `text`; an unterminated last block runs to the end
/// (the parser then says what is missing).
fn armor_blocks(text: &str) -> Vec<&str> {
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(ARMOR_PUBLIC_BEGIN) {
        let from_start = &rest[start..];
        let end = from_start
            .find(ARMOR_PUBLIC_END)
            .map_or(from_start.len(), |end| end + ARMOR_PUBLIC_END.len());
        blocks.push(&from_start[..end]);
        rest = &from_start[end..];
    }
    blocks
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
        (
            "-----BEGIN PUBLIC KEY-----",
            "a PEM public key (X.509/PKCS#8), not OpenPGP",
        ),
        (
            "-----BEGIN CERTIFICATE-----",
            "an X.509 certificate, not OpenPGP",
        ),
        ("<html", "a web page (HTML)"),
        ("<!doctype html", "a web page (HTML)"),
    ];
    let lower = text.to_lowercase();
    if lower.trim_start().starts_with("ssh-") {
        return "an SSH key, not OpenPGP".into();
    }
    if let Some((_, what)) = other_armor
        .iter()
        .find(|(marker, _)| lower.contains(&marker.to_lowercase()))
    {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_block_between_prose() {
        let text = format!(
            "Our key:\n{ARMOR_PUBLIC_BEGIN}\nA\n{ARMOR_PUBLIC_END}\nand the backup:\n\
             {ARMOR_PUBLIC_BEGIN}\nB\n{ARMOR_PUBLIC_END}\nthanks"
        );
        let blocks = armor_blocks(&text);
        assert_eq!(blocks.len(), 2);
        assert!(blocks[0].contains("\nA\n") && blocks[1].contains("\nB\n"));
        assert!(blocks.iter().all(|b| b.ends_with(ARMOR_PUBLIC_END)));
    }

    #[test]
    fn names_what_was_found_instead() {
        assert_eq!(describe_non_key("  \n"), "nothing (the input is empty)");
        assert_eq!(
            describe_non_key("<!DOCTYPE html><html>404</html>"),
            "a web page (HTML)"
        );
        assert_eq!(
            describe_non_key("ssh-ed25519 AAAAC3Nz… me@host"),
            "an SSH key, not OpenPGP"
        );
        assert!(describe_non_key("The key will be added here").starts_with("text starting"));
    }

    #[test]
    fn oversized_input_is_refused_before_parsing() {
        let huge = vec![b'a'; MAX_KEY_INPUT_BYTES + 1];
        assert!(matches!(
            certificates(&huge),
            Err(KeyError::TooLarge { .. })
        ));
    }
}
