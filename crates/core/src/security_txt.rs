//! Reading a security.txt file (RFC 9116): its fields, from a plain or a PGP cleartext-signed
//! file. The signature is removed, not verified: the file is only a starting point for a policy
//! that the maintainer reviews, and the key that would verify it is usually the one being set up.

use time::{format_description::well_known::Rfc3339, OffsetDateTime, PrimitiveDateTime};

const SIGNED_HEADER: &str = "-----BEGIN PGP SIGNED MESSAGE-----";
const SIGNATURE_HEADER: &str = "-----BEGIN PGP SIGNATURE-----";

/// The fields sealpost uses, each in the file's order.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SecurityTxt {
    pub contact: Vec<String>,
    pub encryption: Vec<String>,
    pub policy: Vec<String>,
    pub preferred_languages: Vec<String>,
    pub canonical: Vec<String>,
    pub expires: Option<String>,
    pub signed: bool,
    /// Lines that are neither fields, comments nor blank, with their line numbers.
    pub unreadable: Vec<(usize, String)>,
}

/// When a file expires, as far as its `Expires` can be read.
#[derive(Debug, PartialEq, Eq)]
pub enum Expiry {
    At(OffsetDateTime),
    /// Read, but not in RFC 9116's format (RFC 3339): e.g. no seconds or time zone, taken as UTC.
    Lenient(OffsetDateTime),
    Unreadable,
}

impl SecurityTxt {
    pub fn parse(text: &str) -> Self {
        let text = text.trim_start_matches('\u{feff}');
        let signed = text.trim_start().starts_with(SIGNED_HEADER);
        let body = if signed {
            signed_body(text)
        } else {
            text.to_owned()
        };
        let mut file = SecurityTxt {
            signed,
            ..Self::default()
        };
        for (number, line) in body.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((name, value)) = line.split_once(':') else {
                file.unreadable.push((number + 1, line.to_owned()));
                continue;
            };
            let value = value.trim().to_owned();
            match name.trim().to_ascii_lowercase().as_str() {
                "contact" => file.contact.push(value),
                "encryption" => file.encryption.push(value),
                "policy" => file.policy.push(value),
                "canonical" => file.canonical.push(value),
                "expires" => file.expires = file.expires.or(Some(value)),
                "preferred-languages" => file.preferred_languages.extend(
                    value
                        .split(',')
                        .map(str::trim)
                        .filter(|tag| !tag.is_empty())
                        .map(str::to_owned),
                ),
                // Acknowledgments, Hiring, CSAF and extensions: nothing for a policy.
                _ => {}
            }
        }
        file
    }

    pub fn expiry(&self) -> Option<Expiry> {
        let text = self.expires.as_deref()?;
        if let Ok(at) = OffsetDateTime::parse(text, &Rfc3339) {
            return Some(Expiry::At(at));
        }
        let lenient = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]");
        Some(
            match PrimitiveDateTime::parse(text.trim_end_matches('Z'), lenient) {
                Ok(at) => Expiry::Lenient(at.assume_utc()),
                Err(_) => Expiry::Unreadable,
            },
        )
    }
}

/// The signed text of a cleartext-signed message: after the armor headers (up to the first
/// blank line), before the signature, with dash-escaping (`- ` at line starts) undone.
fn signed_body(text: &str) -> String {
    let mut lines = text
        .lines()
        .skip_while(|line| !line.starts_with(SIGNED_HEADER));
    lines.next();
    // Armor headers ("Hash: SHA512") end at the first blank line.
    let lines = lines.skip_while(|line| !line.trim().is_empty());
    lines
        .take_while(|line| !line.starts_with(SIGNATURE_HEADER))
        .map(|line| line.strip_prefix("- ").unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn reads_a_signed_file_without_its_armor_and_dash_escapes() {
        let text = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n# comment\n\
                    - Contact: mailto:a@example.org\nContact: https://example.org/report\n\
                    Expires: 2026-09-18T10:00\nPreferred-Languages: en, sv\n\
                    -----BEGIN PGP SIGNATURE-----\n\nabc\n-----END PGP SIGNATURE-----\n";
        let file = SecurityTxt::parse(text);
        assert!(file.signed);
        assert_eq!(
            file.contact,
            ["mailto:a@example.org", "https://example.org/report"]
        );
        assert_eq!(file.preferred_languages, ["en", "sv"]);
        assert!(file.unreadable.is_empty(), "{:?}", file.unreadable);
        assert!(matches!(file.expiry(), Some(Expiry::Lenient(_))));
    }

    #[test]
    fn reads_rfc3339_expiry_and_notes_stray_lines() {
        let file = SecurityTxt::parse("Expires: 2027-01-01T05:00:00.000Z\nnonsense\n");
        assert!(matches!(file.expiry(), Some(Expiry::At(_))));
        assert_eq!(file.unreadable, [(2, "nonsense".to_owned())]);
    }
}
