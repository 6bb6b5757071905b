//! The report as the fields of GitHub's "new draft security advisory" form, for a maintainer
//! (or the page's hand-off panel) to copy across one by one.
//!
//! Values use the names GitHub's REST API takes (`severity`: low, medium, high, critical;
//! `ecosystem`: rust, npm, pip, …), so the same struct can later feed the API.

use super::{
    credit, cvss, cwe_ids, details_markdown, package, severity_level, title, type_is_only_cwe_ids,
    versions::{AffectedVersions, RangeEnd},
    ExportOptions,
};
use crate::{policy::Builtin, report::document::ReportDocument};

/// The advisory form's fields. Empty strings and `None` are what the report cannot say.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GithubAdvisory {
    pub title: String,
    /// Markdown.
    pub description: String,
    pub ecosystem: Option<String>,
    pub package_name: Option<String>,
    /// GitHub's range syntax (`>= 1.0, < 1.2.3`) when the report's versions could be read, else
    /// the text as typed.
    pub affected_versions: Option<String>,
    /// The first fixed version, when a range says one.
    pub patched_versions: Option<String>,
    /// low, medium, high or critical.
    pub severity: Option<String>,
    pub cvss_vector: Option<String>,
    pub cwe_ids: Vec<String>,
    /// Whom to credit: the reporter's name, with their address if they gave one.
    pub credits: Vec<String>,
}

impl GithubAdvisory {
    /// `(label, value)` in the order of GitHub's form: Title, Description, then the affected
    /// product (Ecosystem, Package name, Affected versions, Patched versions), Severity, CVSS
    /// vector, Weaknesses, Credits. Every row is always there (empty when unknown), so a panel
    /// listing them keeps its shape.
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        vec![
            ("Title", self.title.clone()),
            ("Description", self.description.clone()),
            ("Ecosystem", text(&self.ecosystem)),
            ("Package name", text(&self.package_name)),
            ("Affected versions", text(&self.affected_versions)),
            ("Patched versions", text(&self.patched_versions)),
            ("Severity", text(&self.severity)),
            ("CVSS vector", text(&self.cvss_vector)),
            ("Weaknesses", self.cwe_ids.join(", ")),
            ("Credits", self.credits.join("\n")),
        ]
    }
}

/// The advisory fields for `doc`, the package found in the report if any.
pub fn github_advisory(doc: &ReportDocument) -> GithubAdvisory {
    github_advisory_with(doc, &ExportOptions::default())
}

/// [`github_advisory`] with what the maintainer knows about the package.
pub fn github_advisory_with(doc: &ReportDocument, options: &ExportOptions) -> GithubAdvisory {
    let package = package(doc, options);
    let cvss = cvss(doc);
    let mut skip = vec![
        Builtin::Title,
        Builtin::ReporterIdentity,
        Builtin::AffectedVersions,
    ];
    if type_is_only_cwe_ids(doc) {
        skip.push(Builtin::VulnerabilityType);
    }
    let level = severity_level(doc);
    if cvss.is_some() || level.is_some() {
        skip.push(Builtin::Severity);
    }
    // Without a package the component is only in the description; with one it is the package.
    if package.is_some() {
        skip.push(Builtin::AffectedComponent);
    }
    let versions = super::text(doc, Builtin::AffectedVersions).map(|t| AffectedVersions::parse(&t));
    let (affected_versions, patched_versions) = match &versions {
        Some(AffectedVersions::Ranges(ranges)) => (
            Some(
                ranges
                    .iter()
                    .map(|range| range.github_syntax())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            ranges.iter().find_map(|range| match &range.end {
                Some(RangeEnd::Fixed(v)) => Some(v.clone()),
                _ => None,
            }),
        ),
        Some(AffectedVersions::Versions(list)) => (
            Some(
                list.iter()
                    .map(|v| format!("= {v}"))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            None,
        ),
        Some(AffectedVersions::Text(text)) => (Some(text.clone()), None),
        None => (None, None),
    };
    GithubAdvisory {
        title: title(doc).unwrap_or_default(),
        description: details_markdown(doc, &skip),
        ecosystem: package
            .as_ref()
            .map(|(ecosystem, _)| ecosystem.github_name().to_owned()),
        package_name: package.map(|(_, name)| name),
        affected_versions,
        patched_versions,
        severity: cvss
            .and_then(|(_, entry)| super::level_name(&entry.severity))
            .or(level)
            .map(str::to_owned),
        cvss_vector: cvss.map(|(_, entry)| entry.vector.clone()),
        cwe_ids: cwe_ids(doc),
        credits: credit(doc)
            .map(|credit| match credit.contact {
                Some(contact) => format!(
                    "{} ({})",
                    credit.name,
                    contact.strip_prefix("mailto:").unwrap_or(&contact)
                ),
                None => credit.name,
            })
            .into_iter()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::sample;
    use crate::report::document::FieldValue;

    #[test]
    fn lists_the_form_fields_in_order() {
        let advisory = github_advisory(&sample());
        let fields = advisory.fields();
        let labels: Vec<&str> = fields.iter().map(|(label, _)| *label).collect();
        assert_eq!(
            labels,
            [
                "Title",
                "Description",
                "Ecosystem",
                "Package name",
                "Affected versions",
                "Patched versions",
                "Severity",
                "CVSS vector",
                "Weaknesses",
                "Credits"
            ]
        );
        let value = |label: &str| {
            fields
                .iter()
                .find(|(l, _)| *l == label)
                .map(|(_, v)| v.clone())
                .unwrap()
        };
        assert_eq!(value("Title"), "Stored XSS in the search page");
        assert_eq!(value("Ecosystem"), "rust");
        assert_eq!(value("Package name"), "example-search");
        assert_eq!(value("Affected versions"), ">= 1.0.0, < 1.2.3");
        assert_eq!(value("Patched versions"), "1.2.3");
        assert_eq!(value("Severity"), "medium");
        assert_eq!(
            value("CVSS vector"),
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"
        );
        assert_eq!(value("Weaknesses"), "CWE-79, CWE-80");
        assert_eq!(value("Credits"), "Ada Lovelace (ada@example.org)");
        let description = value("Description");
        assert!(description.starts_with("The query is echoed **unescaped**: <script>"));
        assert!(!description.contains("Affected versions"));
        assert!(!description.contains("pkg:cargo"));
    }

    #[test]
    fn project_levels_become_severity_and_unknown_ones_stay_in_the_description() {
        let mut doc = sample();
        doc.cvss = None;
        doc.fields.push(crate::report::document::FieldEntry {
            id: "severity".into(),
            builtin: Some("severity".into()),
            label: "Severity".into(),
            value: Some(FieldValue::Text("Moderate".into())),
        });
        assert_eq!(github_advisory(&doc).severity.as_deref(), Some("medium"));

        if let Some(field) = doc.fields.last_mut() {
            field.value = Some(FieldValue::Text("P2 (our scale)".into()));
        }
        let advisory = github_advisory(&doc);
        assert_eq!(advisory.severity, None);
        assert!(advisory
            .description
            .contains("**Severity:** P2 (our scale)"));
    }

    #[test]
    fn an_empty_report_gives_empty_fields_not_a_panic() {
        let mut doc = sample();
        doc.fields.clear();
        doc.cvss = None;
        let fields = github_advisory(&doc).fields();
        assert_eq!(fields.len(), 10);
        assert!(fields.iter().all(|(_, value)| value.is_empty()));
    }
}
