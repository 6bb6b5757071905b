//! The structured report: the JSON part of every sealed letter, for the project's tooling.
//!
//! Versioned (`format` + `version`) so receivers can rely on it; its JSON Schema is generated from
//! these types into `docs/report.schema.json` and described in `docs/report.md`. A change that
//! breaks readers bumps [`REPORT_FORMAT_VERSION`].

use std::time::SystemTime;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{
    policy::{Control, Policy},
    report::{Report, Value},
    validate::cvss_score,
};

/// The `format` every structured report carries.
pub const REPORT_FORMAT: &str = "sealpost-report";
/// The version of the structured report format this sealpost writes.
pub const REPORT_FORMAT_VERSION: u32 = 1;

/// A vulnerability report as structured data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportDocument {
    /// Always "sealpost-report".
    pub format: String,
    /// The format version; 1 for this schema.
    pub version: u32,
    /// A random identifier of this report, also in the letter's Message-ID.
    pub id: String,
    /// When the report was sealed, RFC 3339 in UTC (e.g. "2026-11-23T14:05:00Z").
    pub created: String,
    /// The project the report is for, as its policy names it.
    pub project: ProjectRef,
    /// Every field the policy shows, in the policy's order, including empty ones.
    pub fields: Vec<FieldEntry>,
    /// The CVSS assessment, if the policy asks for one and the researcher gave a valid vector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cvss: Option<CvssEntry>,
    /// The attached files, in the order the letter carries them (the reply key's
    /// `reply-key.asc`, if any, last).
    #[serde(default)]
    pub attachments: Vec<AttachmentEntry>,
    /// The reporter's reply key, if they made one: encrypt answers to it. Its secret half never
    /// left the reporter's device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_key: Option<ReplyKeyEntry>,
}

/// An OpenPGP key the reporter made for this report, so the project can answer encrypted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplyKeyEntry {
    /// The primary key's fingerprint, 40 upper-case hex digits.
    pub fingerprint: String,
    /// The public key (certificate), ASCII-armored; the same as the `reply-key.asc` attachment.
    pub public_key: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectRef {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub homepage: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldEntry {
    /// The field's id in the policy.
    pub id: String,
    /// The built-in field this is (e.g. "title", "affected_versions"), if any: stable across
    /// projects, unlike ids and labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub builtin: Option<String>,
    /// The label the researcher saw.
    pub label: String,
    /// Text as typed (trimmed, line breaks normalized to LF), chosen options, or a checkbox
    /// state; `null` when left empty.
    pub value: Option<FieldValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum FieldValue {
    Text(String),
    Choices(Vec<String>),
    Checked(bool),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CvssEntry {
    pub vector: String,
    pub score: f64,
    /// "None", "Low", "Medium", "High" or "Critical".
    pub severity: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttachmentEntry {
    pub name: String,
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the content, lower-case hex.
    pub sha256: String,
}

/// A file the researcher attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// The file name as chosen (untrusted: never used as a path by sealpost).
    pub name: String,
    /// The MIME type; `application/octet-stream` when unknown.
    pub media_type: String,
    pub bytes: Vec<u8>,
}

impl Attachment {
    pub fn new(name: impl Into<String>, media_type: impl Into<String>, bytes: Vec<u8>) -> Self {
        let media_type = media_type.into();
        let name: String = name.into();
        Self {
            // Control characters have no place in a file name and would garble the MIME header.
            name: name.chars().filter(|c| !c.is_control()).collect(),
            media_type: if is_plausible_media_type(&media_type) {
                media_type.to_ascii_lowercase()
            } else {
                "application/octet-stream".into()
            },
            bytes,
        }
    }

    pub(crate) fn entry(&self) -> AttachmentEntry {
        AttachmentEntry {
            name: self.name.clone(),
            media_type: self.media_type.clone(),
            size: self.bytes.len() as u64,
            sha256: hex::encode(Sha256::digest(&self.bytes)),
        }
    }
}

/// `type/subtype` made of token characters only: browsers report "" for unknown files, and a
/// hostile value must not smuggle header syntax into the letter.
fn is_plausible_media_type(media_type: &str) -> bool {
    let token = |part: &str| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$&^_.+-".contains(&b))
    };
    matches!(media_type.split_once('/'), Some((kind, sub)) if token(kind) && token(sub))
}

impl ReportDocument {
    pub fn new(
        policy: &Policy,
        report: &Report,
        attachments: &[Attachment],
        id: String,
        created: SystemTime,
    ) -> Self {
        let fields = policy
            .fields_for(report)
            .filter(|field| field.control != Control::Attachments)
            .map(|field| FieldEntry {
                id: field.id.clone(),
                builtin: field.builtin.map(|builtin| builtin.id().to_owned()),
                label: field.label.clone(),
                value: field_value(report, &field.id, &field.control),
            })
            .collect();
        let cvss = policy
            .fields
            .iter()
            .filter(|field| matches!(field.control, Control::Cvss(_)))
            .find_map(|field| {
                let vector = report.text(&field.id).trim();
                let (score, severity) = cvss_score(vector)?;
                Some(CvssEntry {
                    vector: vector.to_owned(),
                    score,
                    severity,
                })
            });
        Self {
            format: REPORT_FORMAT.into(),
            version: REPORT_FORMAT_VERSION,
            id,
            created: rfc3339(created),
            project: ProjectRef {
                name: policy.project.name.clone(),
                homepage: policy.project.homepage.clone(),
            },
            fields,
            cvss,
            attachments: attachments.iter().map(Attachment::entry).collect(),
            reply_key: None,
        }
    }

    /// Pretty-printed JSON, ending in a newline.
    pub fn to_json(&self) -> String {
        // Plain data (strings, numbers, bools) always serializes.
        #[allow(clippy::expect_used)]
        let mut json = serde_json::to_string_pretty(self).expect("a report serializes");
        json.push('\n');
        json
    }
}

fn field_value(report: &Report, id: &str, control: &Control) -> Option<FieldValue> {
    match (report.value(id), control) {
        (_, Control::Checkbox) => Some(FieldValue::Checked(report.checked(id))),
        (Some(Value::Choices(choices)), _) if !choices.is_empty() => {
            Some(FieldValue::Choices(choices.clone()))
        }
        (Some(Value::Text(text)), _) if !text.trim().is_empty() => Some(FieldValue::Text(
            text.trim().replace("\r\n", "\n").replace('\r', "\n"),
        )),
        _ => None,
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` (RFC 3339, UTC, whole seconds).
pub(crate) fn rfc3339(when: SystemTime) -> String {
    let secs = when
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    time::OffsetDateTime::from_unix_timestamp(secs)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_or_hostile_media_types_become_octet_stream() {
        for bad in ["", "text", "text/plain\r\nX-Evil: 1", "a/b c", "/x"] {
            assert_eq!(
                Attachment::new("f", bad, vec![]).media_type,
                "application/octet-stream",
                "{bad:?}"
            );
        }
        assert_eq!(
            Attachment::new("f", "image/svg+xml", vec![]).media_type,
            "image/svg+xml"
        );
        assert_eq!(Attachment::new("a\r\nb.txt", "", vec![]).name, "ab.txt");
    }

    #[test]
    fn dates_are_rfc3339_utc() {
        let when = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_795_392_000 + 3723);
        assert_eq!(rfc3339(when), "2026-11-23T01:02:03Z");
    }
}
