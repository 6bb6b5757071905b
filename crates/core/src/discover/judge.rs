//! What one answer means: a key to hand to the sealing worker, a security.txt to read, or a
//! [`DiscoveryError`] that says what came instead.

use super::{DiscoveryError, Fetched, Method, Source};
use crate::security_txt::SecurityTxt;

/// How the key bytes were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyFormat {
    /// OpenPGP packets, as `gpg --export` writes them and WKD serves them.
    Binary,
    /// `-----BEGIN PGP PUBLIC KEY BLOCK-----` text, as `gpg --armor --export` writes it.
    Armored,
    /// Neither: the worker says what it is.
    Other,
}

/// Something worth telling the maintainer about a key that was found and is usable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatNote {
    /// WKD is specified to serve binary keys; this one is armored. sealpost reads it, other
    /// WKD clients may not.
    ArmoredOnWkd,
    /// The key sits inside a web page (armored text in HTML).
    InWebPage,
}

/// Key bytes from one place, not yet checked (the sealing worker does that).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub source: Source,
    pub format: KeyFormat,
    pub bytes: Vec<u8>,
    pub note: Option<FormatNote>,
}

const ARMOR_BEGIN: &str = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
/// U+FFFD in UTF-8: what a text conversion leaves where a byte was not valid UTF-8.
const REPLACEMENT: [u8; 3] = [0xEF, 0xBF, 0xBD];

/// Judges the answer to a request for a key (a WKD URL or an `Encryption:` URL).
pub fn judge_key(source: &Source, fetched: Fetched) -> Result<Candidate, DiscoveryError> {
    let url = || source.url.clone();
    let (content_type, body) = success(source, fetched)?;
    let candidate = |format, note| Candidate {
        source: source.clone(),
        format,
        bytes: body.clone(),
        note,
    };
    let on_wkd = matches!(source.method, Method::WkdAdvanced | Method::WkdDirect);
    if body.first().is_some_and(|byte| byte & 0x80 != 0) && !body.starts_with(&REPLACEMENT) {
        return Ok(candidate(KeyFormat::Binary, None));
    }
    if body.starts_with(&REPLACEMENT) {
        return Err(DiscoveryError::MangledBinary { url: url() });
    }
    let text = String::from_utf8_lossy(&body);
    let armored = text.contains(ARMOR_BEGIN);
    if looks_like_html(content_type.as_deref(), &text) {
        return if armored {
            Ok(candidate(KeyFormat::Armored, Some(FormatNote::InWebPage)))
        } else {
            Err(DiscoveryError::HtmlPage { url: url() })
        };
    }
    if armored {
        let note = on_wkd.then_some(FormatNote::ArmoredOnWkd);
        return Ok(candidate(KeyFormat::Armored, note));
    }
    if is_bare_base64_key(&text) {
        return Err(DiscoveryError::Base64WithoutArmor { url: url() });
    }
    Ok(candidate(KeyFormat::Other, None))
}

/// Judges the answer to a request for a security.txt and reads it (signed or not).
pub fn judge_security_txt(
    source: &Source,
    fetched: Fetched,
) -> Result<SecurityTxt, DiscoveryError> {
    let (content_type, body) = success(source, fetched)?;
    let text = String::from_utf8_lossy(&body);
    if looks_like_html(content_type.as_deref(), &text) {
        return Err(DiscoveryError::HtmlPage {
            url: source.url.clone(),
        });
    }
    let file = SecurityTxt::parse(&text);
    if file.contact.is_empty() && file.encryption.is_empty() {
        return Err(DiscoveryError::NotSecurityTxt {
            url: source.url.clone(),
        });
    }
    Ok(file)
}

/// The Content-Type and body of a successful, non-empty answer.
fn success(source: &Source, fetched: Fetched) -> Result<(Option<String>, Vec<u8>), DiscoveryError> {
    let url = source.url.clone();
    match fetched {
        Fetched::NoAnswer {
            probe_answered: true,
            page_origin,
        } => Err(DiscoveryError::CorsBlocked { url, page_origin }),
        Fetched::NoAnswer { .. } => Err(DiscoveryError::Unreachable { url }),
        Fetched::Answered {
            status: status @ (404 | 410),
            ..
        } => Err(DiscoveryError::NotFound { url, status }),
        Fetched::Answered { status, .. } if !(200..300).contains(&status) => {
            Err(DiscoveryError::Status { url, status })
        }
        Fetched::Answered { body, .. } if body.iter().all(u8::is_ascii_whitespace) => {
            Err(DiscoveryError::Empty { url })
        }
        Fetched::Answered {
            content_type, body, ..
        } => Ok((content_type, body)),
    }
}

fn looks_like_html(content_type: Option<&str>, text: &str) -> bool {
    if content_type.is_some_and(|t| t.to_ascii_lowercase().contains("html")) {
        return true;
    }
    let start: String = text
        .trim_start()
        .chars()
        .take(256)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html") || start.contains("<head")
}

/// A key's packets in base64 without the armor lines: only base64 characters, long enough to
/// be a key, and starting as a public-key packet does (0x98–0x9b or 0xc6 encode as `m`/`x`).
fn is_bare_base64_key(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 64
        && compact.starts_with(['m', 'x'])
        && compact
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='))
}
