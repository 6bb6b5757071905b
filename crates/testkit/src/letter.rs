//! Opening a decrypted letter (the MIME message sealpost encrypts) the way a mail client would,
//! with an independent parser (Stalwart's mail-parser), so tests check the format, not our own
//! reading of it.

use mail_parser::{MessageParser, MimeHeaders};

/// The parts of a letter.
#[derive(Debug)]
pub struct OpenedLetter {
    pub subject: String,
    /// The readable text part.
    pub text: String,
    /// The structured report (`report.json`), parsed.
    pub json: serde_json::Value,
    /// The other attachments: (file name, media type, bytes).
    pub attachments: Vec<(String, String, Vec<u8>)>,
}

/// Parses `mime`; panics saying what is missing if it is not a sealpost letter.
pub fn open(mime: &[u8]) -> OpenedLetter {
    let message = MessageParser::default()
        .parse(mime)
        .expect("the plaintext parses as a MIME message");
    let text = message
        .body_text(0)
        .expect("the letter has a text part")
        .into_owned();
    let mut json = None;
    let mut attachments = Vec::new();
    for part in message.attachments() {
        let name = part.attachment_name().unwrap_or_default().to_owned();
        let media_type = part
            .content_type()
            .map(|ct| match ct.subtype() {
                Some(sub) => format!("{}/{sub}", ct.ctype()),
                None => ct.ctype().to_owned(),
            })
            .unwrap_or_default();
        if name == "report.json" && json.is_none() {
            json = Some(serde_json::from_slice(part.contents()).expect("report.json is JSON"));
        } else {
            attachments.push((name, media_type, part.contents().to_vec()));
        }
    }
    OpenedLetter {
        subject: message.subject().unwrap_or_default().to_owned(),
        text: text.replace("\r\n", "\n"),
        json: json.expect("the letter carries report.json"),
        attachments,
    }
}
