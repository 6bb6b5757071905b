//! The letter: what actually gets encrypted. A MIME message (multipart/mixed), so that
//! `gpg --decrypt > report.eml` gives a file any mail client opens as an email:
//!
//! 1. `text/plain`: the whole report, readable (see [`Report::render_text`]), with a list of
//!    the attachments and their SHA-256;
//! 2. `application/json` (`report.json`): the structured report ([`ReportDocument`]);
//! 3. the attachments, with their names and types;
//! 4. `application/pgp-keys` (`reply-key.asc`): the reporter's reply key, if they made one
//!    ([`ReplyKey`]); also in `report.json` (`reply_key`) and named in the text.
//!
//! Built with mail-builder (Stalwart's, widely used, no I/O of its own). Every header value that
//! would otherwise come from the environment — Date, Message-ID, the MIME boundary — is supplied
//! here: on wasm32 there is no system clock or host name, and the boundary must not be guessable
//! from the content.

use std::time::SystemTime;

use mail_builder::{
    headers::{content_type::ContentType, date::Date},
    mime::MimePart,
    MessageBuilder,
};
use rand_core::{CryptoRng, RngCore};

use crate::{
    policy::{Builtin, Policy},
    reply_key::{self, ReplyKey},
    report::{
        document::{Attachment, ReplyKeyEntry, ReportDocument},
        Report,
    },
};

/// The sender shown by mail clients: the researcher may be anonymous, and the real contact is in
/// the report itself. `.invalid` is reserved (RFC 2606), so nothing can ever be sent there.
const FROM_NAME: &str = "Vulnerability reporter (via sealpost)";
const FROM_ADDRESS: &str = "reporter@sealpost.invalid";

/// A composed, not yet encrypted letter.
#[derive(Debug, Clone)]
pub struct Letter {
    /// The MIME message, CRLF line endings.
    pub mime: Vec<u8>,
    /// The structured report carried in it.
    pub document: ReportDocument,
}

/// Composes the letter for `report` under `policy`, with `attachments`, dated `created`.
pub fn compose<R: RngCore + CryptoRng>(
    policy: &Policy,
    report: &Report,
    attachments: &[Attachment],
    created: SystemTime,
    rng: &mut R,
) -> Letter {
    compose_with_reply_key(policy, report, attachments, None, created, rng)
}

/// [`compose`], enclosing the reporter's `reply_key` if they made one: as the last attachment
/// (`reply-key.asc`, listed in `report.json` like any other, so tools that check every
/// attachment against its SHA-256 keep working) and as `report.json`'s `reply_key`.
pub fn compose_with_reply_key<R: RngCore + CryptoRng>(
    policy: &Policy,
    report: &Report,
    attachments: &[Attachment],
    reply_key: Option<&ReplyKey>,
    created: SystemTime,
    rng: &mut R,
) -> Letter {
    let id = random_hex(rng, 16);
    let mut document = ReportDocument::new(policy, report, attachments, id.clone(), created);
    let reply_attachment = reply_key.map(|key| {
        Attachment::new(
            reply_key::ATTACHMENT_NAME,
            reply_key::MEDIA_TYPE,
            key.public_armored.clone().into_bytes(),
        )
    });
    if let (Some(key), Some(attachment)) = (reply_key, &reply_attachment) {
        document.attachments.push(attachment.entry());
        document.reply_key = Some(ReplyKeyEntry {
            fingerprint: key.fingerprint.clone(),
            public_key: key.public_armored.clone(),
        });
    }
    let text = readable_text(policy, report, &document);
    let json = document.to_json();

    let mut parts = vec![
        MimePart::new(ContentType::new("text/plain"), text).inline(),
        MimePart::new(ContentType::new("application/json"), json).attachment("report.json"),
    ];
    for attachment in attachments {
        parts.push(
            MimePart::new(
                ContentType::new(attachment.media_type.clone()),
                attachment.bytes.as_slice(),
            )
            .attachment(attachment.name.clone()),
        );
    }
    if let Some(attachment) = &reply_attachment {
        parts.push(
            MimePart::new(
                ContentType::new(attachment.media_type.clone()),
                attachment.bytes.as_slice(),
            )
            .attachment(attachment.name.clone()),
        );
    }
    let boundary = format!("sealpost-{}", random_hex(rng, 16));
    let body = MimePart::new(
        ContentType::new("multipart/mixed").attribute("boundary", boundary),
        parts,
    );

    let mut message = MessageBuilder::new()
        .from((FROM_NAME, FROM_ADDRESS))
        .subject(subject(policy, report))
        .date(Date::new(unix_seconds(created)))
        .message_id(format!("{id}@sealpost.invalid"))
        .header(
            "X-Sealpost-Report-Format",
            mail_builder::headers::raw::Raw::new("sealpost-report/1"),
        )
        .body(body);
    if let Some(address) = security_address(policy) {
        message = message.to((policy.project.name.as_str(), address));
    }
    if let Some(address) = reporter_address(policy, report) {
        message = message.reply_to(address);
    }
    // Sized once, so a large attachment is never copied into a buffer twice the size: base64
    // lines of 76 characters and CRLF carry 57 bytes, plus the headers and the readable part,
    // plus the room sealing needs around the letter (it is sealed in this same buffer).
    let attached: usize = attachments.iter().map(|a| a.bytes.len()).sum();
    let mut mime =
        Vec::with_capacity(attached.div_ceil(57) * 78 + 64 * 1024 + crate::seal::HEADROOM);
    // Writing into a Vec cannot fail.
    let _ = message.write_to(&mut mime);
    Letter { mime, document }
}

/// The readable part: the rendered report, then what is attached.
fn readable_text(policy: &Policy, report: &Report, document: &ReportDocument) -> String {
    let mut text = report.render_text(policy);
    if !document.attachments.is_empty() {
        text.push_str("\n## Attachments\n\n");
        for entry in &document.attachments {
            text.push_str(&format!(
                "- {} ({}, {} bytes, SHA-256 {})\n",
                entry.name, entry.media_type, entry.size, entry.sha256
            ));
        }
    }
    if let Some(key) = &document.reply_key {
        text.push_str(&format!(
            "\n## Reply\n\nReply encrypted to key {}. The reporter made this key for the report; \
             its public key is attached as {} (and in report.json).\n",
            key.fingerprint,
            reply_key::ATTACHMENT_NAME,
        ));
    }
    text.push_str("\nThe same report as structured data is attached as report.json.\n");
    text
}

fn subject(policy: &Policy, report: &Report) -> String {
    let title = policy
        .fields
        .iter()
        .find(|field| field.builtin == Some(Builtin::Title))
        .map(|field| report.text(&field.id).trim())
        .filter(|title| !title.is_empty());
    // One line, whatever was typed.
    let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    match title {
        Some(title) => format!("Security report: {}", one_line(title)),
        None => format!("Security report for {}", one_line(&policy.project.name)),
    }
}

/// The project's first email channel, as the letter's To.
fn security_address(policy: &Policy) -> Option<&str> {
    policy.channels.iter().find_map(|channel| match channel {
        crate::policy::Channel::Email { address, .. } => Some(address.as_str()),
        _ => None,
    })
}

/// An email address the researcher gave in the reporter-identity field, for Reply-To.
fn reporter_address<'a>(policy: &Policy, report: &'a Report) -> Option<&'a str> {
    let field = policy
        .fields
        .iter()
        .find(|field| field.builtin == Some(Builtin::ReporterIdentity))?;
    report
        .text(&field.id)
        .split(|c: char| c.is_whitespace() || "<>(),;\"'".contains(c))
        .find(|word| looks_like_email(word))
}

fn looks_like_email(word: &str) -> bool {
    match word.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && word.is_ascii()
                && !domain.contains('@')
                && domain
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        }
        None => false,
    }
}

fn unix_seconds(when: SystemTime) -> i64 {
    when.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
}

fn random_hex<R: RngCore>(rng: &mut R, bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    rng.fill_bytes(&mut buffer);
    hex::encode(buffer)
}
