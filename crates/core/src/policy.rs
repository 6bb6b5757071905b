//! What a project asks of a report: the policy file, read and checked.
//!
//! Layers, like rPGP's wire format under its composed types:
//! - [`document`]: the JSON wire format as maintainers write it (serde + JSON Schema);
//! - `resolve`: turning a document into a [`Policy`], with every problem named by its path;
//! - [`Policy`]: the checked policy the form, validation and sealing work from.

pub mod builtin;
pub mod document;
mod error_path;
mod resolve;
pub mod step;
pub mod translate;

pub use resolve::{check_theme_value, is_same_site_path, ThemeValue};

use std::{collections::BTreeMap, fmt};

pub use builtin::Builtin;
pub use document::{
    AttachmentLimits, BodyFormat, Channel, Commitments, FieldKind, PolicyDocument, Project,
    Quality, Scope, Severity, SeverityLevel, Theme, ThemeColors,
};
pub use step::Step;

/// Reads a policy file's text as a document, without the checks [`Policy::from_json`] makes:
/// for tools that edit the document (the page builder).
pub fn parse_document(json: &str) -> Result<PolicyDocument, PolicyError> {
    resolve::parse(json)
}

use crate::{
    i18n::Lang,
    report::{Report, Stance},
};

/// The policy format version this sealpost reads.
pub const POLICY_VERSION: u32 = 1;

/// A checked policy.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    pub project: Project,
    pub recipients: Vec<RecipientSource>,
    /// In the project's order of preference; never empty.
    pub channels: Vec<Channel>,
    /// The fields the form shows, in order (hidden ones left out); never empty.
    pub fields: Vec<FieldDef>,
    pub severity: Severity,
    pub scope: Scope,
    pub rules: Vec<String>,
    pub commitments: Commitments,
    pub attachments: AttachmentLimits,
    /// The report-quality gate (all off unless the policy switches it on).
    pub quality: Quality,
    /// The page's look, every value checked; empty when the policy sets none.
    pub theme: Theme,
}

/// Where a recipient's key comes from, and what it must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecipientSource {
    pub name: Option<String>,
    pub key: KeySource,
    /// Upper-case hex without spaces.
    pub fingerprint: Option<String>,
    pub test_key: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    /// The armored key, in the policy itself.
    Inline(String),
    /// A path on the page's own site.
    Url(String),
}

/// One field of the form, with everything the UI and validation need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDef {
    /// The id from the policy; also the form control's `id`.
    pub id: String,
    /// The built-in field this is, if any.
    pub builtin: Option<Builtin>,
    pub control: Control,
    pub label: String,
    pub help: Option<String>,
    pub placeholder: Option<String>,
    pub required: bool,
    /// Length limits in characters (Unicode scalar values), for text controls.
    pub min_chars: usize,
    pub max_chars: usize,
    /// The step of the guided form the field is shown in.
    pub step: Step,
    /// How choices read where that differs from the choice itself (a translation, or the
    /// credit field's choices in the page's language); the report keeps the choice.
    pub choice_labels: BTreeMap<String, String>,
}

impl FieldDef {
    /// How `choice` reads on the page.
    pub fn choice_label<'a>(&'a self, choice: &'a str) -> &'a str {
        self.choice_labels
            .get(choice)
            .map_or(choice, String::as_str)
    }
}

/// How a field is entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Control {
    Text,
    Textarea,
    Select(Vec<String>),
    MultiSelect(Vec<String>),
    Checkbox,
    Url,
    Number,
    Date,
    /// An email address (or, leniently, any `name@host` contact).
    Email,
    /// A CVSS vector of this version.
    Cvss(CvssVersion),
    /// Version ranges entered row by row (`affected_versions` with `"format": "structured"`),
    /// stored as the text of [`crate::report::version_ranges::format_rows`].
    VersionRanges,
    Attachments,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CvssVersion {
    V3_1,
    V4_0,
}

impl CvssVersion {
    /// The prefix every vector of this version starts with.
    pub fn prefix(self) -> &'static str {
        match self {
            CvssVersion::V3_1 => "CVSS:3.1/",
            CvssVersion::V4_0 => "CVSS:4.0/",
        }
    }
}

/// The id of the checkbox confirming the researcher reproduced the flaw (quality gate).
pub const CONFIRM_REPRODUCED_ID: &str = "confirm_reproduced";

/// What a credit field offers.
pub const CREDIT_OPTIONS: [&str; 3] = [
    "Credit me by the name above",
    "Credit me, but not by name",
    "Do not credit me publicly",
];

/// The id of the choice "how do you want to report?" (with a name, a pseudonym or anonymously)
/// that opens the "About you" step when the policy asks for the reporter's name.
pub const REPORTER_STANCE_ID: &str = "reporter_stance";

/// The id of the checkbox that acknowledges the policy's testing rules.
pub const RULES_ACKNOWLEDGEMENT_ID: &str = "acknowledge_rules";

/// One problem in a policy document, for the maintainer who wrote it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PolicyError {
    /// Where in the document, e.g. `fields[3].kind`; `.` for the whole document.
    pub path: String,
    pub reason: String,
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl Policy {
    /// Reads and checks a policy file. Every problem found is returned, each with its path.
    /// Keys are checked separately ([`crate::recipients`]), because that needs the clock.
    pub fn from_json(json: &str) -> Result<Self, Vec<PolicyError>> {
        Self::from_json_in(json, Lang::En)
    }

    /// [`Policy::from_json`] for a page in language `lang`: built-in texts in that language,
    /// and the policy's own `translations` for it applied. Problems are named the same way in
    /// every language (they are for the maintainer).
    pub fn from_json_in(json: &str, lang: Lang) -> Result<Self, Vec<PolicyError>> {
        let document = resolve::parse(json).map_err(|error| vec![error])?;
        let translation = translate::find(&document.translations, lang.tag()).cloned();
        let mut policy = resolve::resolve(document, lang.texts())?;
        if let Some(translation) = translation {
            translate::apply(&mut policy, &translation);
        }
        Ok(policy)
    }

    /// The field with `id`, if the form shows it.
    pub fn field(&self, id: &str) -> Option<&FieldDef> {
        self.fields.iter().find(|field| field.id == id)
    }

    /// Whether `field` is left out of `report`: who the reporter is, when they chose to report
    /// anonymously. A withheld field is not shown, checked, sealed or exported, but what was
    /// typed in it stays in the form, should the researcher change their mind.
    pub fn withholds(&self, field: &FieldDef, report: &Report) -> bool {
        report.stance() == Stance::Anonymous
            && matches!(
                field.builtin,
                Some(Builtin::ReporterIdentity | Builtin::ReporterContact | Builtin::Credit)
            )
    }

    /// The fields that count for `report`, in order: all but the ones it withholds.
    pub fn fields_for<'a>(&'a self, report: &'a Report) -> impl Iterator<Item = &'a FieldDef> {
        self.fields
            .iter()
            .filter(move |field| !self.withholds(field, report))
    }
}
