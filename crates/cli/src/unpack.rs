//! Reading a decrypted letter (the MIME message inside every sealed report) and writing its
//! parts to a directory, where the names in it are the sender's words and never a path.

use std::{
    fs::{self, OpenOptions},
    io::{self, Write},
    path::{Path, PathBuf},
};

use mail_parser::{Encoding, MessageParser, MessagePart, MimeHeaders, PartType};
use sealpost_core::ReportDocument;
use sha2::{Digest, Sha256};

/// The parts of a letter.
#[derive(Debug)]
pub struct Letter {
    /// The readable report.
    pub text: String,
    /// `report.json` exactly as carried, and parsed when it parses.
    pub json: Option<Vec<u8>>,
    pub document: Option<ReportDocument>,
    pub attachments: Vec<Part>,
}

#[derive(Debug)]
pub struct Part {
    /// The file name as the letter gives it (untrusted).
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum LetterError {
    #[error("The decrypted data is not a MIME message (a sealpost letter).")]
    NotMime,
    #[error("The letter has no readable text part: it does not look like a sealpost report.")]
    NoText,
}

/// Reads `mime`. sealpost's own `report.json` is the first attachment of that name; a file the
/// researcher attached under the same name comes after it and stays an attachment.
pub fn read_letter(mime: &[u8]) -> Result<Letter, LetterError> {
    let message = MessageParser::default()
        .parse(mime)
        .ok_or(LetterError::NotMime)?;
    let text = message
        .body_text(0)
        .ok_or(LetterError::NoText)?
        .replace("\r\n", "\n");
    let mut json = None;
    let mut attachments = Vec::new();
    for part in message.attachments() {
        let name = part.attachment_name().unwrap_or_default().to_owned();
        let bytes = exact_bytes(part, mime);
        if json.is_none() && name == "report.json" && is_json(part) {
            json = Some(bytes);
        } else {
            attachments.push(Part { name, bytes });
        }
    }
    let document = json
        .as_deref()
        .and_then(|bytes| serde_json::from_slice(bytes).ok());
    Ok(Letter {
        text,
        json,
        document,
        attachments,
    })
}

fn is_json(part: &MessagePart<'_>) -> bool {
    part.content_type()
        .is_some_and(|ct| ct.ctype() == "application" && ct.subtype() == Some("json"))
}

/// The part's content byte for byte. mail-parser turns text parts into UTF-8 (replacing what is
/// not) and parses attached messages, so those are decoded here from the raw transfer encoding.
fn exact_bytes(part: &MessagePart<'_>, mime: &[u8]) -> Vec<u8> {
    if let PartType::Binary(bytes) | PartType::InlineBinary(bytes) = &part.body {
        return bytes.to_vec();
    }
    let raw = mime
        .get(part.raw_body_offset() as usize..part.raw_end_offset() as usize)
        .unwrap_or_default();
    let decoded = match part.encoding {
        Encoding::Base64 => mail_parser::decoders::base64::base64_decode(raw),
        Encoding::QuotedPrintable => {
            mail_parser::decoders::quoted_printable::quoted_printable_decode(raw)
        }
        Encoding::None => None,
    };
    decoded.unwrap_or_else(|| part.contents().to_vec())
}

/// A file name that is safe to create in one directory: path separators, `.`/`..` and control
/// characters cannot take it elsewhere or hide it. Returns the name and, if it changed, why.
pub fn safe_name(given: &str) -> (String, Option<&'static str>) {
    let cleaned: String = given
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            // Windows forbids these too; a report may be unpacked there.
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '/',
            c => c,
        })
        .collect();
    // Only the parts that are names: "../../x" is x, "/etc/passwd" is etc_passwd.
    let parts: Vec<&str> = cleaned
        .split('/')
        .map(|part| part.trim())
        .filter(|part| !part.is_empty() && *part != "." && *part != "..")
        .collect();
    let mut name = parts.join("_");
    // Trailing dots and spaces vanish on Windows, making two names one.
    name = name.trim_end_matches(['.', ' ']).to_owned();
    if name.len() > 200 {
        let mut cut = 200;
        while !name.is_char_boundary(cut) {
            cut -= 1;
        }
        name.truncate(cut);
    }
    let reason = if given.is_empty() {
        Some("the letter gives no name")
    } else if given.chars().any(char::is_control) {
        Some("it holds control characters")
    } else if given.contains(['/', '\\']) || given == "." || given == ".." {
        Some("it is a path")
    } else if name != given {
        Some("it holds characters file systems do not allow")
    } else {
        None
    };
    if name.is_empty() {
        name = "attachment".into();
    }
    (name, reason)
}

/// `name` made unique among `taken` (compared case-insensitively, as macOS and Windows do):
/// `poc.py`, `poc (2).py`, …
pub fn unique_name(name: &str, taken: &[String]) -> String {
    let clash = |candidate: &str| taken.iter().any(|t| t.eq_ignore_ascii_case(candidate));
    if !clash(name) {
        return name.to_owned();
    }
    let (stem, extension) = match name.rfind('.') {
        Some(dot) if dot > 0 => (&name[..dot], &name[dot..]),
        _ => (name, ""),
    };
    (2..)
        .map(|n| format!("{stem} ({n}){extension}"))
        .find(|candidate| !clash(candidate))
        .unwrap_or_else(|| name.to_owned())
}

/// Creates `path` (never replacing anything: the directory is new) with `bytes`.
pub fn create_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?
        .write_all(bytes)
}

/// Makes `dir` for the unpacked report: new, or an existing empty directory, so nothing of the
/// user's is overwritten or mixed in.
pub fn prepare_dir(dir: &Path) -> io::Result<PathBuf> {
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{} is not empty; give a new or empty directory with --out",
                        dir.display()
                    ),
                ));
            }
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => fs::create_dir_all(dir)?,
        Err(err) => return Err(err),
    }
    Ok(dir.to_owned())
}

/// SHA-256, lower-case hex, as report.json writes it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_stay_in_the_directory() {
        let cases = [
            ("poc.py", "poc.py", false),
            ("../../x", "x", true),
            ("/etc/passwd", "etc_passwd", true),
            ("..\\..\\evil.bat", "evil.bat", true),
            ("a\0b.txt", "ab.txt", true),
            ("..", "attachment", true),
            ("", "attachment", true),
            ("notes.", "notes", true),
            ("what?.txt", "what_.txt", true),
            ("Zoë’s log.txt", "Zoë’s log.txt", false),
        ];
        for (given, expected, changed) in cases {
            let (name, reason) = safe_name(given);
            assert_eq!(name, expected, "{given:?}");
            assert_eq!(reason.is_some(), changed, "{given:?}: {reason:?}");
            assert!(!name.contains(['/', '\\', '\0']) && name != "..");
        }
        assert_eq!(safe_name("what?.txt").0, "what_.txt");
    }

    #[test]
    fn colliding_names_are_numbered() {
        let taken = vec!["poc.py".to_owned(), "POC (2).py".to_owned()];
        assert_eq!(unique_name("poc.py", &taken), "poc (3).py");
        assert_eq!(unique_name("Poc.PY", &taken[..1]), "Poc (2).PY");
        assert_eq!(unique_name("README", &["readme".into()]), "README (2)");
        assert_eq!(unique_name("new.txt", &taken), "new.txt");
    }
}
