//! What a project asks of a report.
//!
//! For now a policy is built in code (see [`crate::demo`]); the versioned policy file that projects
//! write is a later step and will deserialize into these types.

use crate::report::Field;

/// A project's disclosure policy, as far as the report form needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// The project's name, shown to the researcher.
    pub project: String,
    /// Where sealed reports are mailed.
    pub contact_email: String,
    /// The recipient's armored OpenPGP certificate (untrusted until [`crate::key::RecipientKey::accept`]).
    pub recipient_key: String,
    /// The fields the form shows, in order, with their rules.
    pub fields: Vec<FieldRule>,
}

/// How one field of the report is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldRule {
    pub field: Field,
    pub required: bool,
    /// Maximum length in characters (Unicode scalar values), so the limit means the same in
    /// every script.
    pub max_chars: usize,
}

impl FieldRule {
    /// A required field with the field's default length limit.
    pub fn required(field: Field) -> Self {
        Self {
            field,
            required: true,
            max_chars: field.default_max_chars(),
        }
    }
}

impl Policy {
    /// A policy that shows and requires every built-in field, with default limits.
    pub fn with_default_fields(
        project: impl Into<String>,
        contact_email: impl Into<String>,
        recipient_key: impl Into<String>,
    ) -> Self {
        Self {
            project: project.into(),
            contact_email: contact_email.into(),
            recipient_key: recipient_key.into(),
            fields: Field::ALL
                .iter()
                .copied()
                .map(FieldRule::required)
                .collect(),
        }
    }

    /// The rule for `field`, if the policy shows it.
    pub fn rule(&self, field: Field) -> Option<&FieldRule> {
        self.fields.iter().find(|rule| rule.field == field)
    }
}
