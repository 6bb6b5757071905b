//! The built-in report fields: what each is called, asks for, and how it is entered.

use serde::{Deserialize, Serialize};

/// A built-in report field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Builtin {
    Title,
    VulnerabilityType,
    AffectedComponent,
    AffectedVersions,
    Description,
    ReproductionSteps,
    ProofOfConcept,
    Attachments,
    Impact,
    Severity,
    Mitigation,
    Environment,
    SourcePaths,
    Commit,
    ReporterIdentity,
    ReporterContact,
    Credit,
}

impl Builtin {
    pub const ALL: [Builtin; 17] = [
        Builtin::Title,
        Builtin::VulnerabilityType,
        Builtin::AffectedComponent,
        Builtin::AffectedVersions,
        Builtin::Description,
        Builtin::ReproductionSteps,
        Builtin::ProofOfConcept,
        Builtin::Attachments,
        Builtin::Impact,
        Builtin::Severity,
        Builtin::Mitigation,
        Builtin::Environment,
        Builtin::SourcePaths,
        Builtin::Commit,
        Builtin::ReporterIdentity,
        Builtin::ReporterContact,
        Builtin::Credit,
    ];

    /// The id used in policy files, form controls and structured output.
    pub fn id(self) -> &'static str {
        match self {
            Builtin::Title => "title",
            Builtin::VulnerabilityType => "vulnerability_type",
            Builtin::AffectedComponent => "affected_component",
            Builtin::AffectedVersions => "affected_versions",
            Builtin::Description => "description",
            Builtin::ReproductionSteps => "reproduction_steps",
            Builtin::ProofOfConcept => "proof_of_concept",
            Builtin::Attachments => "attachments",
            Builtin::Impact => "impact",
            Builtin::Severity => "severity",
            Builtin::Mitigation => "mitigation",
            Builtin::Environment => "environment",
            Builtin::SourcePaths => "source_paths",
            Builtin::Commit => "commit",
            Builtin::ReporterIdentity => "reporter_identity",
            Builtin::ReporterContact => "reporter_contact",
            Builtin::Credit => "credit",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.id() == id)
    }

    /// The label a policy gets unless it sets its own (in English; the page shows its own
    /// language's, from [`crate::i18n`]).
    pub fn label(self) -> &'static str {
        crate::i18n::EN.fields.label(self)
    }

    /// The guidance a policy gets unless it sets its own.
    pub fn help(self) -> &'static str {
        crate::i18n::EN.fields.help(self)
    }

    /// Whether the field takes several lines of text.
    pub fn is_multiline(self) -> bool {
        matches!(
            self,
            Builtin::Description
                | Builtin::ReproductionSteps
                | Builtin::ProofOfConcept
                | Builtin::Impact
                | Builtin::Mitigation
                | Builtin::Environment
                | Builtin::SourcePaths
        )
    }
}
