//! The researcher's report and its canonical plain-text rendering.

use std::collections::BTreeMap;

use crate::policy::Policy;

/// A built-in report field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Field {
    Title,
    VulnerabilityType,
    AffectedVersions,
    StepsToReproduce,
    Impact,
}

impl Field {
    /// Every built-in field, in the order a report reads best.
    pub const ALL: [Field; 5] = [
        Field::Title,
        Field::VulnerabilityType,
        Field::AffectedVersions,
        Field::StepsToReproduce,
        Field::Impact,
    ];

    /// A stable identifier: the form control's `id` and the key in structured output.
    pub fn id(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::VulnerabilityType => "vulnerability-type",
            Field::AffectedVersions => "affected-versions",
            Field::StepsToReproduce => "steps-to-reproduce",
            Field::Impact => "impact",
        }
    }

    /// The label the researcher sees, and the heading in the rendered report.
    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "Title",
            Field::VulnerabilityType => "Vulnerability type",
            Field::AffectedVersions => "Affected versions",
            Field::StepsToReproduce => "Steps to reproduce",
            Field::Impact => "Impact",
        }
    }

    /// One line of guidance shown under the label.
    pub fn help(self) -> &'static str {
        match self {
            Field::Title => "One line that names the flaw and where it is.",
            Field::VulnerabilityType => "For example: SQL injection, CWE-79 cross-site scripting.",
            Field::AffectedVersions => {
                "Versions, releases or commits you confirmed, e.g. 2.3.0–2.4.1."
            }
            Field::StepsToReproduce => "Numbered steps from a clean install to the effect you saw.",
            Field::Impact => "What an attacker gains, and what they need first.",
        }
    }

    /// Whether the field holds several lines of text.
    pub fn is_multiline(self) -> bool {
        matches!(self, Field::StepsToReproduce | Field::Impact)
    }

    /// The length limit a policy gets unless it sets its own.
    pub fn default_max_chars(self) -> usize {
        if self.is_multiline() {
            20_000
        } else {
            200
        }
    }
}

/// What the researcher has typed so far. Values are kept exactly as typed; trimming happens
/// only when judging and rendering, so nothing the researcher wrote is ever lost.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    values: BTreeMap<Field, String>,
}

impl Report {
    /// The value of `field`, or `""` if it was never set.
    pub fn get(&self, field: Field) -> &str {
        self.values.get(&field).map_or("", String::as_str)
    }

    pub fn set(&mut self, field: Field, value: impl Into<String>) {
        self.values.insert(field, value.into());
    }

    /// Builder form of [`Report::set`].
    pub fn with(mut self, field: Field, value: impl Into<String>) -> Self {
        self.set(field, value);
        self
    }

    /// The report as the readable text that gets encrypted: a heading per field the policy
    /// shows, in the policy's order; empty optional fields are left out.
    pub fn render_text(&self, policy: &Policy) -> String {
        let mut out = format!("Security report for {}\n", policy.project);
        out.push_str("Composed with sealpost and encrypted in the reporter's browser.\n");
        for rule in &policy.fields {
            let value = self.get(rule.field).trim();
            if value.is_empty() && !rule.required {
                continue;
            }
            out.push_str("\n## ");
            out.push_str(rule.field.label());
            out.push_str("\n\n");
            out.push_str(&normalize_newlines(value));
            out.push('\n');
        }
        out
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
            .with(Field::Impact, "Full account takeover.")
            .with(Field::Title, "  XSS in search  ")
            .with(Field::VulnerabilityType, "CWE-79")
            .with(Field::AffectedVersions, "1.0–1.2")
            .with(
                Field::StepsToReproduce,
                "1. Open /search\r\n2. Type <script>",
            );
        assert_eq!(
            report.render_text(&policy),
            "Security report for sealpost demo project\n\
             Composed with sealpost and encrypted in the reporter's browser.\n\
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
        assert!(text.contains("## Title"));
    }

    #[test]
    fn field_ids_are_unique() {
        let mut ids: Vec<_> = Field::ALL.iter().map(|f| f.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Field::ALL.len());
    }
}
