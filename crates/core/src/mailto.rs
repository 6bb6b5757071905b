//! A `mailto:` link for a sealed report that common mail clients accept.
//!
//! Gmail, Outlook and browsers cut or refuse long `mailto:` URLs; about 1,800 characters is what
//! works everywhere. A report that does not fit travels as an attachment instead, and the body
//! tells the researcher to attach the downloaded file.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// The longest `mailto:` URL we produce.
pub const MAX_URL_CHARS: usize = 1_800;

/// Everything but RFC 3986 "unreserved" characters is escaped in header values (so `+`, `&` and
/// `=` in the ciphertext survive, and spaces become `%20`, not `+`).
const HFVALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The address part keeps `@` readable; RFC 6068 allows it unescaped.
const ADDRESS: &AsciiSet = &HFVALUE.remove(b'@');

/// A prepared `mailto:` link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailto {
    pub url: String,
    /// Whether the ciphertext is in the body; if not, the researcher must attach the file.
    pub carries_report: bool,
}

/// Body text used when the ciphertext is too long for a `mailto:` URL (or binary).
pub fn attach_instead_body(file_name: &str) -> String {
    format!(
        "The encrypted report is too long to fit in this email. \
         Please attach the file {file_name} that sealpost downloaded for you, then send."
    )
}

/// A link that opens a mail to `address` with `subject`, carrying `armored` in the body if
/// the whole URL stays within [`MAX_URL_CHARS`].
pub fn mailto(address: &str, subject: &str, armored: &str) -> Mailto {
    let with_body = build(address, subject, armored);
    if with_body.chars().count() <= MAX_URL_CHARS {
        return Mailto {
            url: with_body,
            carries_report: true,
        };
    }
    mailto_attachment(address, subject, "report.asc")
}

/// A link that opens a mail asking the researcher to attach `file_name` (a binary report, or an
/// armored one too long for a link).
pub fn mailto_attachment(address: &str, subject: &str, file_name: &str) -> Mailto {
    Mailto {
        url: build(address, subject, &attach_instead_body(file_name)),
        carries_report: false,
    }
}

fn build(address: &str, subject: &str, body: &str) -> String {
    format!(
        "mailto:{}?subject={}&body={}",
        utf8_percent_encode(address, ADDRESS),
        utf8_percent_encode(subject, HFVALUE),
        // Mail bodies use CRLF line breaks (RFC 6068, section 5).
        utf8_percent_encode(&body.replace("\r\n", "\n").replace('\n', "\r\n"), HFVALUE),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_reports_ask_for_their_own_file() {
        let link = mailto_attachment("security@example.org", "Security report", "report.pgp");
        assert!(!link.carries_report);
        assert!(link.url.contains("report.pgp"), "{}", link.url);
        assert!(!link.url.contains("report.asc"), "{}", link.url);
    }

    #[test]
    fn short_reports_travel_in_the_body_with_crlf_and_escaped_specials() {
        let link = mailto("security@example.org", "Security report", "a+b=c&d\nline 2");
        assert!(link.carries_report);
        assert_eq!(
            link.url,
            "mailto:security@example.org?subject=Security%20report&body=a%2Bb%3Dc%26d%0D%0Aline%202"
        );
    }

    #[test]
    fn long_reports_ask_for_an_attachment_and_stay_under_the_limit() {
        let armored = "x".repeat(MAX_URL_CHARS);
        let link = mailto("security@example.org", "Security report", &armored);
        assert!(!link.carries_report);
        assert!(link.url.chars().count() <= MAX_URL_CHARS);
        assert!(link.url.contains("report.asc"));
    }

    #[test]
    fn hostile_addresses_cannot_inject_headers() {
        let link = mailto("a@b.org?bcc=evil@x.org", "s", "b");
        assert!(link
            .url
            .starts_with("mailto:a@b.org%3Fbcc%3Devil@x.org?subject="));
    }
}
