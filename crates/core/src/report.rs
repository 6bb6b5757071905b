//! The researcher's report and its canonical plain-text rendering.

pub mod document;
pub mod numbered;
pub mod version_ranges;

use std::collections::BTreeMap;

use crate::policy::{Control, FieldDef, Policy, REPORTER_STANCE_ID, RULES_ACKNOWLEDGEMENT_ID};

/// One field's value, shaped by its control.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Value {
    Text(String),
    Choices(Vec<String>),
    Checked(bool),
}

/// How the researcher wants to be known to the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    /// By their name (the default: nothing chosen means this).
    Named,
    /// By a name that is not theirs.
    Pseudonym,
    /// Not at all: who they are and how to reach them are left out of the report.
    Anonymous,
}

impl Stance {
    pub const ALL: [Stance; 3] = [Stance::Named, Stance::Pseudonym, Stance::Anonymous];

    /// The choice as the report stores it (English, whatever the page's language).
    pub fn choice(self) -> &'static str {
        crate::i18n::EN.fields.stances[self as usize]
    }

    fn from_choice(choice: &str) -> Option<Stance> {
        Stance::ALL
            .into_iter()
            .find(|stance| stance.choice() == choice)
    }
}

/// What the researcher has entered so far, by field id. Text is kept exactly as typed; trimming
/// happens only when judging and rendering, so nothing the researcher wrote is ever lost.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Report {
    values: BTreeMap<String, Value>,
}

impl Report {
    /// The value of field `id`, if anything was entered.
    pub fn value(&self, id: &str) -> Option<&Value> {
        self.values.get(id)
    }

    /// Whether nothing has been entered: no text but whitespace, no choice, no ticked box.
    pub fn is_empty(&self) -> bool {
        self.values.values().all(|value| match value {
            Value::Text(text) => text.trim().is_empty(),
            Value::Choices(choices) => choices.is_empty(),
            Value::Checked(checked) => !checked,
        })
    }

    /// The text of field `id`, or `""`.
    pub fn text(&self, id: &str) -> &str {
        match self.values.get(id) {
            Some(Value::Text(text)) => text,
            _ => "",
        }
    }

    /// The chosen options of field `id` (a multi-select), or none.
    pub fn choices(&self, id: &str) -> &[String] {
        match self.values.get(id) {
            Some(Value::Choices(choices)) => choices,
            _ => &[],
        }
    }

    /// How the researcher wants to be known (named unless they chose otherwise).
    pub fn stance(&self) -> Stance {
        Stance::from_choice(self.text(REPORTER_STANCE_ID).trim()).unwrap_or(Stance::Named)
    }

    /// Whether checkbox `id` is ticked.
    pub fn checked(&self, id: &str) -> bool {
        matches!(self.values.get(id), Some(Value::Checked(true)))
    }

    pub fn set(&mut self, id: impl Into<String>, value: Value) {
        self.values.insert(id.into(), value);
    }

    pub fn set_text(&mut self, id: impl Into<String>, text: impl Into<String>) {
        self.set(id, Value::Text(text.into()));
    }

    /// Builder form of [`Report::set_text`].
    pub fn with_text(mut self, id: impl Into<String>, text: impl Into<String>) -> Self {
        self.set_text(id, text);
        self
    }

    /// Builder form of [`Report::set`].
    pub fn with(mut self, id: impl Into<String>, value: Value) -> Self {
        self.set(id, value);
        self
    }

    /// The report as the readable text that gets encrypted: a heading per field the policy
    /// shows, in the policy's order; empty optional fields are left out.
    pub fn render_text(&self, policy: &Policy) -> String {
        let mut out = format!("Security report for {}\n", policy.project.name);
        out.push_str(
            "Composed with sealpost and encrypted before it left the reporter's device.\n",
        );
        for field in policy.fields_for(self) {
            let Some(value) = self.render_value(field) else {
                if field.required {
                    out.push_str(&format!("\n## {}\n\n(empty)\n", field.label));
                }
                continue;
            };
            out.push_str("\n## ");
            out.push_str(&field.label);
            out.push_str("\n\n");
            out.push_str(&value);
            out.push('\n');
        }
        out
    }

    /// The field's value as report text, or `None` if it is empty.
    fn render_value(&self, field: &FieldDef) -> Option<String> {
        let rendered = match &field.control {
            Control::Checkbox if field.id == RULES_ACKNOWLEDGEMENT_ID => self
                .checked(&field.id)
                .then(|| "The reporter acknowledged the testing rules.".to_owned()),
            Control::Checkbox => {
                Some(if self.checked(&field.id) { "Yes" } else { "No" }.to_owned())
            }
            Control::MultiSelect(_) => {
                let choices = self.choices(&field.id);
                (!choices.is_empty()).then(|| {
                    choices
                        .iter()
                        .map(|c| format!("- {c}"))
                        .collect::<Vec<_>>()
                        .join("\n")
                })
            }
            Control::Cvss(_) => {
                let vector = self.text(&field.id).trim();
                (!vector.is_empty()).then(|| match crate::validate::cvss_score(vector) {
                    Some((score, severity)) => format!("{vector} (score {score:.1}, {severity})"),
                    None => vector.to_owned(),
                })
            }
            Control::Attachments => None,
            _ => {
                let text = self.text(&field.id).trim();
                (!text.is_empty()).then(|| normalize_newlines(text))
            }
        };
        rendered
    }
}

/// Browsers submit textarea content with CRLF or CR on some platforms; the report uses LF.
fn normalize_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn renders_every_field_in_policy_order_with_normalized_newlines() {
        let policy = crate::demo::policy();
        let report = Report::default()
            .with_text("impact", "Full account takeover.")
            .with_text("title", "  XSS in search  ")
            .with_text("vulnerability_type", "CWE-79")
            .with_text("affected_versions", "1.0–1.2")
            .with_text("reproduction_steps", "1. Open /search\r\n2. Type <script>");
        assert_eq!(
            report.render_text(&policy),
            "Security report for sealpost demo project\n\
             Composed with sealpost and encrypted before it left the reporter's device.\n\
             \n## Title\n\nXSS in search\n\
             \n## Vulnerability type\n\nCWE-79\n\
             \n## Affected versions\n\n1.0–1.2\n\
             \n## Steps to reproduce\n\n1. Open /search\n2. Type <script>\n\
             \n## Impact\n\nFull account takeover.\n"
        );
    }

    #[test]
    fn leaves_out_empty_optional_fields_only() {
        let mut policy = crate::demo::policy();
        policy.fields[1].required = false; // vulnerability type
        let text = Report::default().render_text(&policy);
        assert!(!text.contains("## Vulnerability type"));
        assert!(text.contains("## Title\n\n(empty)"));
    }
}
