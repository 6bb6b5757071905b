//! The policy file's wire format (JSON, schema version 1), exactly as maintainers write it.
//!
//! These types are the single source of truth for the format: the JSON Schema in
//! `docs/policy.schema.json` is generated from them (`cargo xtask codegen`) and a test checks the
//! committed copy is current. Unknown keys are errors everywhere (`deny_unknown_fields`): a typo
//! in a policy must not silently drop a requirement. Semantic checks live in `resolve`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A project's disclosure policy for sealpost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyDocument {
    /// Optional link to the JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version; this version of sealpost reads version 1.
    pub version: u32,
    pub project: Project,
    /// Everyone every report is encrypted to (all of them, in one message).
    pub recipients: Vec<Recipient>,
    /// Ways to deliver the sealed report, in the project's order of preference.
    pub channels: Vec<Channel>,
    /// The report form's fields, in the order shown. Built-in fields not listed are hidden.
    pub fields: Vec<FieldSpec>,
    #[serde(default)]
    pub severity: Severity,
    #[serde(default)]
    pub scope: Scope,
    /// Testing rules the researcher must acknowledge before sending.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
    #[serde(default)]
    pub commitments: Commitments,
    #[serde(default)]
    pub attachments: AttachmentLimits,
    /// A report-quality gate: evidence and a reproduction confirmation, for projects flooded
    /// with low-effort or machine-written reports.
    #[serde(default, skip_serializing_if = "Quality::is_off")]
    pub quality: Quality,
    /// How the page looks: colours, font and corner radius (see `docs/embedding.md`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<Theme>,
    /// The project's texts in other languages, by language tag (such as "de" or "pt-BR"):
    /// a researcher whose page is in that language reads them instead.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, super::translate::Translation>,
}

/// The page's look, applied as CSS custom properties. Every value is checked strictly (no CSS
/// functions, no `url(…)`): a policy must not be able to make the page load anything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Colours (in light mode, and in dark mode unless `dark` sets them).
    #[serde(default)]
    pub colors: ThemeColors,
    /// Font families, such as `"Inter", system-ui, sans-serif`: letters, digits, spaces,
    /// commas, hyphens and double quotes only (installed fonts; the page loads no web fonts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font: Option<String>,
    /// Corner radius, such as `4px` or `0.25rem`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub radius: Option<String>,
    /// Colours used instead when the reader's system is in dark mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dark: Option<ThemeColors>,
}

/// Colours as `#rgb` or `#rrggbb`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemeColors {
    /// Buttons, links and focus rings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent: Option<String>,
    /// Text on the accent colour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent_text: Option<String>,
    /// The page behind the cards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<String>,
    /// Cards and inputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surface: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Secondary text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub muted: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub border: Option<String>,
}

impl ThemeColors {
    /// Each colour that is set, with the CSS custom property it sets and its key in the policy.
    pub fn entries(&self) -> Vec<(&'static str, &'static str, &str)> {
        [
            ("--sp-accent", "accent", &self.accent),
            ("--sp-accent-text", "accent_text", &self.accent_text),
            ("--sp-bg", "background", &self.background),
            ("--sp-surface", "surface", &self.surface),
            ("--sp-text", "text", &self.text),
            ("--sp-muted", "muted", &self.muted),
            ("--sp-border", "border", &self.border),
        ]
        .into_iter()
        .filter_map(|(property, key, value)| value.as_deref().map(|v| (property, key, v)))
        .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub homepage: Option<String>,
    /// Languages reports are accepted in, as BCP 47 tags (e.g. "en", "pt-BR").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
}

/// One recipient: an OpenPGP certificate, inline or at a same-origin URL.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// Who this is, as shown to the researcher (e.g. "Security team").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The ASCII-armored public key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// A URL on the same origin as the page serving the armored public key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_url: Option<String>,
    /// The fingerprint the key must have (hex, spaces allowed). Strongly recommended with
    /// `key_url`: it pins the key against a tampered file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// Marks a key generated for testing, not the project's real key.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub test_key: bool,
}

/// A way to deliver the sealed report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Channel {
    /// POST the ciphertext to an HTTPS endpoint.
    Https {
        url: String,
        #[serde(default)]
        body: BodyFormat,
        /// Form or JSON field that carries the ciphertext (for `json` and `multipart`).
        #[serde(default = "default_body_field")]
        field: String,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        headers: BTreeMap<String, String>,
        /// Seconds to wait for the endpoint's answer to one attempt. By default a minute plus
        /// time to upload the report at 1 Mbit/s.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        timeout_seconds: Option<u32>,
    },
    /// Email, with an optional backup address to use after a wait.
    Email {
        address: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        backup: Option<BackupAddress>,
    },
    /// A GitHub private security advisory on `repository` ("owner/name").
    GithubAdvisory { repository: String },
    /// Another web form or platform (e.g. HackerOne).
    WebForm { name: String, url: String },
    /// A public issue tracker: only ciphertext may go there.
    PublicIssue { url: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BodyFormat {
    #[default]
    Json,
    Raw,
    Multipart,
}

fn default_body_field() -> String {
    "report".into()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BackupAddress {
    pub address: String,
    /// Hours to wait for an answer before using the backup address.
    pub after_hours: u32,
}

/// One field of the report form: a built-in field (its `id` is one of the built-in ids) or a
/// custom one (any other `id`, with a `kind`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    pub id: String,
    #[serde(default)]
    pub status: FieldStatus,
    /// Custom fields only: what kind of control it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<FieldKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    /// Minimum length in characters, for text fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    /// Maximum length in characters, for text fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// The choices of a `select` or `multi_select` field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// `affected_versions` only: `structured` asks for version ranges row by row (introduced
    /// in, fixed in, last affected), stored as `>= 1.2.0, < 1.4.1 || >= 2.0, <= 2.1`; `text`
    /// (the default) is one free-text box.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<FieldFormat>,
    /// Custom fields only: the step of the guided form it is shown in (start, what, how, impact
    /// or you; default how). Built-in fields have their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<super::Step>,
}

/// How the `affected_versions` field is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldFormat {
    /// Version ranges, one row each: introduced in, fixed in, last affected.
    Structured,
    /// One free-text box, read as well as it can be when exported.
    #[default]
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldStatus {
    Required,
    #[default]
    Optional,
    Hidden,
}

/// The kinds of control a field can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    Textarea,
    Select,
    MultiSelect,
    Checkbox,
    Url,
    Number,
    Date,
    Email,
}

/// How the researcher rates severity.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "mode", rename_all = "snake_case", deny_unknown_fields)]
pub enum Severity {
    /// Not asked.
    #[default]
    None,
    /// A CVSS v3.1 vector.
    Cvss31,
    /// A CVSS v4.0 vector.
    Cvss40,
    /// The project's own levels, highest first.
    Levels { levels: Vec<SeverityLevel> },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SeverityLevel {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    #[serde(rename = "in", default, skip_serializing_if = "Vec::is_empty")]
    pub in_scope: Vec<String>,
    #[serde(rename = "out", default, skip_serializing_if = "Vec::is_empty")]
    pub out_of_scope: Vec<String>,
}

/// What the project promises the researcher.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Commitments {
    /// Hours until the project acknowledges a report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledge_within_hours: Option<u32>,
    /// Days until a first assessment or fix plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment_within_days: Option<u32>,
    /// Days until public disclosure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclosure_window_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safe_harbor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bounty: Option<String>,
    /// Whether anonymous reports are accepted; leave it out if the policy does not say, and the
    /// page will not claim either.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymous_reports: Option<bool>,
    /// Anything else the researcher should know (shown apart from the promises above).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// The report-quality gate. Off by default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quality {
    /// Refuse reports without evidence: a proof of concept, an attached file, or at least
    /// `min_reproduction_steps` reproduction steps.
    #[serde(default)]
    pub require_evidence: bool,
    /// How many numbered (or non-empty) lines of reproduction steps count as evidence.
    #[serde(default = "default_min_steps")]
    pub min_reproduction_steps: u32,
    /// Ask the researcher to confirm they reproduced the flaw on an affected version.
    #[serde(default)]
    pub confirm_reproduced: bool,
}

fn default_min_steps() -> u32 {
    3
}

impl Default for Quality {
    fn default() -> Self {
        Self {
            require_evidence: false,
            min_reproduction_steps: default_min_steps(),
            confirm_reproduced: false,
        }
    }
}

impl Quality {
    pub fn is_off(&self) -> bool {
        *self == Self::default()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttachmentLimits {
    pub max_files: u32,
    pub max_file_bytes: u64,
    pub max_total_bytes: u64,
}

impl AttachmentLimits {
    /// Whether a file `name` of `size` bytes may join files of `existing` sizes; if not, why,
    /// naming the file and the limit, so nothing is dropped silently.
    pub fn admit(&self, existing: &[u64], name: &str, size: u64) -> Result<(), AttachmentRefusal> {
        let refusal = |limit| AttachmentRefusal {
            name: name.to_owned(),
            limit,
        };
        if existing.len() as u64 >= u64::from(self.max_files) {
            return Err(refusal(AttachmentLimit::Files(self.max_files)));
        }
        if size > self.max_file_bytes {
            return Err(refusal(AttachmentLimit::FileBytes {
                size,
                max: self.max_file_bytes,
            }));
        }
        let total = existing.iter().sum::<u64>() + size;
        if total > self.max_total_bytes {
            return Err(refusal(AttachmentLimit::TotalBytes {
                total,
                max: self.max_total_bytes,
            }));
        }
        Ok(())
    }

    /// Checks a whole list, as [`AttachmentLimits::admit`] would one by one.
    pub fn check<'a>(
        &self,
        files: impl IntoIterator<Item = (&'a str, u64)>,
    ) -> Result<(), AttachmentRefusal> {
        let mut sizes = Vec::new();
        for (name, size) in files {
            self.admit(&sizes, name, size)?;
            sizes.push(size);
        }
        Ok(())
    }
}

/// A file the policy's attachment limits keep out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentRefusal {
    pub name: String,
    pub limit: AttachmentLimit,
}

/// Which limit a file would break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentLimit {
    /// There are already this many files.
    Files(u32),
    /// The file alone is larger than a file may be.
    FileBytes { size: u64, max: u64 },
    /// With the file, all files together would be too large.
    TotalBytes { total: u64, max: u64 },
}

impl AttachmentRefusal {
    /// The message for the researcher, in `texts`' language.
    pub fn message(&self, texts: &crate::i18n::Texts) -> String {
        let t = texts.problems;
        match self.limit {
            AttachmentLimit::Files(max) => (t.too_many_files)(&self.name, max),
            AttachmentLimit::FileBytes { size, max } => (t.file_too_big)(&self.name, size, max),
            AttachmentLimit::TotalBytes { total, max } => (t.total_too_big)(&self.name, total, max),
        }
    }
}

impl std::fmt::Display for AttachmentRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(&crate::i18n::EN))
    }
}

/// "532 bytes", "14.2 KB", "100 MB" (powers of 1024, as file managers show them).
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if value >= 10.0 || value.fract() < 0.05 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

impl Default for AttachmentLimits {
    fn default() -> Self {
        Self {
            max_files: 10,
            max_file_bytes: 10 * 1024 * 1024,
            max_total_bytes: 25 * 1024 * 1024,
        }
    }
}
