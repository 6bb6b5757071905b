//! The guided form's steps, in order. Each field belongs to one: built-in fields by what they
//! ask, custom fields where the policy puts them (`"step"`), else with the technical details.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Builtin;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// The project, its scope, rules and promises; acknowledging the rules.
    Start,
    /// What is affected: title, type, product, versions.
    What,
    /// How it works and how to reproduce it, with evidence.
    How,
    /// What it lets an attacker do, and how bad it is.
    Impact,
    /// Who reports it and how to answer them.
    You,
    /// Exactly what will be encrypted, and what is missing.
    Review,
    /// Encrypting and sending.
    Send,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Start,
        Step::What,
        Step::How,
        Step::Impact,
        Step::You,
        Step::Review,
        Step::Send,
    ];

    /// Where a custom field goes when the policy does not say.
    pub const DEFAULT_FOR_CUSTOM: Step = Step::How;

    /// Stable id, as in policy files and element ids.
    pub fn id(self) -> &'static str {
        match self {
            Step::Start => "start",
            Step::What => "what",
            Step::How => "how",
            Step::Impact => "impact",
            Step::You => "you",
            Step::Review => "review",
            Step::Send => "send",
        }
    }

    /// The step's built-in fields' home.
    pub fn of_builtin(builtin: Builtin) -> Step {
        match builtin {
            Builtin::Title
            | Builtin::VulnerabilityType
            | Builtin::AffectedComponent
            | Builtin::AffectedVersions => Step::What,
            Builtin::Description
            | Builtin::ReproductionSteps
            | Builtin::ProofOfConcept
            | Builtin::Attachments
            | Builtin::Environment
            | Builtin::SourcePaths
            | Builtin::Commit => Step::How,
            Builtin::Impact | Builtin::Severity | Builtin::Mitigation => Step::Impact,
            Builtin::ReporterIdentity | Builtin::ReporterContact | Builtin::Credit => Step::You,
        }
    }

    /// Whether a policy may put fields in this step (review and send have none).
    pub fn takes_fields(self) -> bool {
        !matches!(self, Step::Review | Step::Send)
    }
}
