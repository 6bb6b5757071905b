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

    /// The label a policy gets unless it sets its own.
    pub fn label(self) -> &'static str {
        match self {
            Builtin::Title => "Title",
            Builtin::VulnerabilityType => "Vulnerability type",
            Builtin::AffectedComponent => "Affected product or component",
            Builtin::AffectedVersions => "Affected versions",
            Builtin::Description => "Description",
            Builtin::ReproductionSteps => "Steps to reproduce",
            Builtin::ProofOfConcept => "Proof of concept",
            Builtin::Attachments => "Attachments",
            Builtin::Impact => "Impact",
            Builtin::Severity => "Severity",
            Builtin::Mitigation => "Suggested mitigation",
            Builtin::Environment => "Environment and configuration",
            Builtin::SourcePaths => "Affected source files",
            Builtin::Commit => "Commit, tag or branch",
            Builtin::ReporterIdentity => "Your name or handle",
            Builtin::ReporterContact => "Your contact address",
            Builtin::Credit => "Credit",
        }
    }

    /// The guidance a policy gets unless it sets its own.
    pub fn help(self) -> &'static str {
        match self {
            Builtin::Title => "One line that names the flaw and where it is.",
            Builtin::VulnerabilityType => {
                "For example: SQL injection, CWE-79 cross-site scripting."
            }
            Builtin::AffectedComponent => "The product, module, service or endpoint affected.",
            Builtin::AffectedVersions => {
                "Versions, releases or commits you confirmed, e.g. 2.3.0–2.4.1."
            }
            Builtin::Description => "What the flaw is and why it happens.",
            Builtin::ReproductionSteps => {
                "Numbered steps from a clean install to the effect you saw."
            }
            Builtin::ProofOfConcept => "Exploit code, a failing test or a request that shows it.",
            Builtin::Attachments => "Files that support the report: logs, scripts, screenshots.",
            Builtin::Impact => "What an attacker gains, and what they need first.",
            Builtin::Severity => "How bad it is, as the project rates severity.",
            Builtin::Mitigation => "A fix or workaround you would suggest, if any.",
            Builtin::Environment => "Operating system, versions, settings needed to reproduce.",
            Builtin::SourcePaths => "Full paths of the source files involved, one per line.",
            Builtin::Commit => "Where the affected code is: a commit hash, tag, branch or URL.",
            Builtin::ReporterIdentity => "How the project should credit and address you.",
            Builtin::ReporterContact => {
                "An email address (or other contact) where the project can reach you."
            }
            Builtin::Credit => "Whether the project may thank you publicly, and how.",
        }
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
