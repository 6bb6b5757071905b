//! A report (its `report.json`, [`ReportDocument`]) as the formats a project files advisories in:
//! an [OSV](https://ossf.github.io/osv-schema/) entry ([`osv`]), a CVE JSON 5.1 CNA container
//! ([`cve5`]) and the fields of GitHub's "new draft security advisory" form ([`github`]).
//!
//! Pure functions of the document: no I/O, no clock, so the page and the command line give the
//! same answer. Fields are found by their built-in id (`FieldEntry::builtin`), which is stable
//! across projects; everything else the researcher wrote (custom fields, built-in fields a
//! format has no place for) goes into the Markdown description as labelled sections, so nothing
//! is dropped. Nothing is escaped: each format takes the researcher's text as text or Markdown.
//!
//! These are drafts for a maintainer to review: the report cannot know an advisory's id, the
//! fixed version, or (usually) the package ecosystem, and says so by leaving them out.

pub mod cve5;
pub mod github;
pub mod osv;
pub mod versions;

use crate::{
    policy::{Builtin, RULES_ACKNOWLEDGEMENT_ID},
    report::document::{FieldValue, ReportDocument},
};

pub use cve5::cve5_record;
pub use github::{github_advisory, GithubAdvisory};
pub use osv::{osv_entry, OsvEntry};

/// What the report does not say but a maintainer knows: the package an advisory is about.
/// Left empty, the package is taken from a package URL (`pkg:cargo/name`) in the affected
/// component field, if there is one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    pub ecosystem: Option<Ecosystem>,
    pub package: Option<String>,
}

/// A package ecosystem both OSV and GitHub advisories name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ecosystem {
    CratesIo,
    Npm,
    PyPI,
    Maven,
    NuGet,
    Packagist,
    RubyGems,
    Go,
    Hex,
    Pub,
    GitHubActions,
    SwiftUrl,
}

impl Ecosystem {
    const ALL: [Ecosystem; 12] = [
        Ecosystem::CratesIo,
        Ecosystem::Npm,
        Ecosystem::PyPI,
        Ecosystem::Maven,
        Ecosystem::NuGet,
        Ecosystem::Packagist,
        Ecosystem::RubyGems,
        Ecosystem::Go,
        Ecosystem::Hex,
        Ecosystem::Pub,
        Ecosystem::GitHubActions,
        Ecosystem::SwiftUrl,
    ];

    /// The name in OSV's `affected[].package.ecosystem`.
    pub fn osv_name(self) -> &'static str {
        match self {
            Ecosystem::CratesIo => "crates.io",
            Ecosystem::Npm => "npm",
            Ecosystem::PyPI => "PyPI",
            Ecosystem::Maven => "Maven",
            Ecosystem::NuGet => "NuGet",
            Ecosystem::Packagist => "Packagist",
            Ecosystem::RubyGems => "RubyGems",
            Ecosystem::Go => "Go",
            Ecosystem::Hex => "Hex",
            Ecosystem::Pub => "Pub",
            Ecosystem::GitHubActions => "GitHub Actions",
            Ecosystem::SwiftUrl => "SwiftURL",
        }
    }

    /// The value of GitHub's advisory "Ecosystem" (as its REST API spells it).
    pub fn github_name(self) -> &'static str {
        match self {
            Ecosystem::CratesIo => "rust",
            Ecosystem::Npm => "npm",
            Ecosystem::PyPI => "pip",
            Ecosystem::Maven => "maven",
            Ecosystem::NuGet => "nuget",
            Ecosystem::Packagist => "composer",
            Ecosystem::RubyGems => "rubygems",
            Ecosystem::Go => "go",
            Ecosystem::Hex => "erlang",
            Ecosystem::Pub => "pub",
            Ecosystem::GitHubActions => "actions",
            Ecosystem::SwiftUrl => "swift",
        }
    }

    /// The package-URL type (`pkg:TYPE/…`).
    fn purl_type(self) -> &'static str {
        match self {
            Ecosystem::CratesIo => "cargo",
            Ecosystem::Npm => "npm",
            Ecosystem::PyPI => "pypi",
            Ecosystem::Maven => "maven",
            Ecosystem::NuGet => "nuget",
            Ecosystem::Packagist => "composer",
            Ecosystem::RubyGems => "gem",
            Ecosystem::Go => "golang",
            Ecosystem::Hex => "hex",
            Ecosystem::Pub => "pub",
            Ecosystem::GitHubActions => "github",
            Ecosystem::SwiftUrl => "swift",
        }
    }

    /// Reads an OSV name, a GitHub name or a package-URL type, in any case.
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim();
        Self::ALL.into_iter().find(|ecosystem| {
            [
                ecosystem.osv_name(),
                ecosystem.github_name(),
                ecosystem.purl_type(),
            ]
            .iter()
            .any(|known| known.eq_ignore_ascii_case(name))
        })
    }

    /// Every accepted spelling, for messages.
    pub fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|e| e.osv_name()).collect()
    }
}

/// The package the advisory is about, if known: from the options, else from a package URL in
/// the affected component field.
pub(crate) fn package(
    doc: &ReportDocument,
    options: &ExportOptions,
) -> Option<(Ecosystem, String)> {
    let from_purl = text(doc, Builtin::AffectedComponent).and_then(|text| purl(&text));
    match (options.ecosystem, &options.package, from_purl) {
        (Some(ecosystem), Some(name), _) => Some((ecosystem, name.clone())),
        (Some(ecosystem), None, Some((_, name))) => Some((ecosystem, name)),
        (None, Some(name), Some((ecosystem, _))) => Some((ecosystem, name.clone())),
        (None, None, found) => found,
        _ => None,
    }
}

/// `(ecosystem, name)` of the first `pkg:TYPE/[NAMESPACE/]NAME[@VERSION]` word in `text`.
fn purl(text: &str) -> Option<(Ecosystem, String)> {
    text.split_whitespace().find_map(|word| {
        let rest = word.strip_prefix("pkg:")?;
        let (kind, path) = rest.split_once('/')?;
        let ecosystem = Ecosystem::ALL
            .into_iter()
            .find(|e| e.purl_type().eq_ignore_ascii_case(kind))?;
        // Qualifiers, subpath and version are not part of the name.
        let path = path.split(['?', '#', '@']).next()?.trim_end_matches('/');
        let name = match ecosystem {
            // Maven names are group:artifact; the purl writes group/artifact.
            Ecosystem::Maven => path.replacen('/', ":", 1),
            _ => path.to_owned(),
        };
        (!name.is_empty()).then_some((ecosystem, name))
    })
}

/// The text of the first non-empty field that is `builtin`.
pub(crate) fn text(doc: &ReportDocument, builtin: Builtin) -> Option<String> {
    doc.fields
        .iter()
        .filter(|field| field.builtin.as_deref() == Some(builtin.id()))
        .find_map(|field| value_text(field.value.as_ref()?))
}

/// A value as text: choices joined by commas, checkboxes as Yes/No; `None` when empty.
fn value_text(value: &FieldValue) -> Option<String> {
    let text = match value {
        FieldValue::Text(text) => text.trim().to_owned(),
        FieldValue::Choices(choices) => choices.join(", "),
        FieldValue::Checked(checked) => if *checked { "Yes" } else { "No" }.to_owned(),
    };
    (!text.is_empty()).then_some(text)
}

/// The title as one line, if the researcher gave one.
pub(crate) fn title(doc: &ReportDocument) -> Option<String> {
    text(doc, Builtin::Title).map(|title| title.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The advisory's Markdown description: the researcher's description first, then every other
/// non-empty field not in `skip` (custom ones included), labelled as they saw it. One-line values
/// read `**Label:** value`; longer ones get a `### Label` heading.
pub(crate) fn details_markdown(doc: &ReportDocument, skip: &[Builtin]) -> String {
    let mut sections = Vec::new();
    if let Some(description) = text(doc, Builtin::Description) {
        sections.push(description);
    }
    for field in &doc.fields {
        let builtin = field.builtin.as_deref().and_then(Builtin::from_id);
        // The acknowledgement is about the project's testing rules, not the flaw.
        if field.id == RULES_ACKNOWLEDGEMENT_ID && builtin.is_none() {
            continue;
        }
        if builtin.is_some_and(|b| b == Builtin::Description || skip.contains(&b)) {
            continue;
        }
        let Some(value) = field.value.as_ref().and_then(value_text) else {
            continue;
        };
        let label = field.label.trim();
        if value.contains('\n') {
            sections.push(format!("### {label}\n\n{value}"));
        } else {
            sections.push(format!("**{label}:** {value}"));
        }
    }
    sections.join("\n\n")
}

/// The CWE ids named in the vulnerability type, upper-case, each once, in order.
pub(crate) fn cwe_ids(doc: &ReportDocument) -> Vec<String> {
    let Some(text) = text(doc, Builtin::VulnerabilityType) else {
        return Vec::new();
    };
    let upper = text.to_ascii_uppercase();
    let mut ids: Vec<String> = Vec::new();
    for (start, _) in upper.match_indices("CWE-") {
        let digits: String = upper[start + 4..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let id = format!("CWE-{digits}");
        if !digits.is_empty() && !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// Whether the vulnerability type says nothing beyond its CWE ids (then it need not be repeated
/// in the description).
pub(crate) fn type_is_only_cwe_ids(doc: &ReportDocument) -> bool {
    let Some(text) = text(doc, Builtin::VulnerabilityType) else {
        return true;
    };
    let ids = cwe_ids(doc);
    !ids.is_empty()
        && text
            .to_ascii_uppercase()
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .filter(|word| !word.is_empty())
            .all(|word| ids.iter().any(|id| id == word))
}

/// Whom to credit: the reporter-identity field, split into a name and an address if it holds
/// one ("Ada <ada@example.org>").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    pub name: String,
    /// `mailto:` or `https:` contact found in the text.
    pub contact: Option<String>,
}

pub(crate) fn credit(doc: &ReportDocument) -> Option<Credit> {
    let text = text(doc, Builtin::ReporterIdentity)?;
    let is_separator = |c: char| c.is_whitespace() || "<>(),;\"'".contains(c);
    let contact_word = text.split(is_separator).find(|word| {
        word.starts_with("https://")
            || (word.contains('@') && word.contains('.') && !word.starts_with('@'))
    });
    let contact = contact_word.map(|word| {
        if word.starts_with("https://") {
            word.to_owned()
        } else {
            format!("mailto:{word}")
        }
    });
    let name = match contact_word {
        Some(word) => text
            .replace(word, "")
            .trim_matches(|c: char| is_separator(c) || c == '-' || c == ':')
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        None => text.split_whitespace().collect::<Vec<_>>().join(" "),
    };
    let name = if name.is_empty() {
        contact_word.unwrap_or_default().to_owned()
    } else {
        name
    };
    Some(Credit { name, contact })
}

/// The CVSS vector and its version tag, if the report carries a valid one.
pub(crate) fn cvss(
    doc: &ReportDocument,
) -> Option<(CvssKind, &crate::report::document::CvssEntry)> {
    let entry = doc.cvss.as_ref()?;
    let kind = if entry.vector.starts_with("CVSS:4.0/") {
        CvssKind::V4
    } else if entry.vector.starts_with("CVSS:3.") {
        CvssKind::V3
    } else {
        return None;
    };
    Some((kind, entry))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CvssKind {
    V3,
    V4,
}

/// The severity the researcher chose from the project's levels, when it is one of the four
/// levels advisories use (GitHub's REST names: low, medium, high, critical).
pub(crate) fn severity_level(doc: &ReportDocument) -> Option<&'static str> {
    let text = text(doc, Builtin::Severity)?;
    level_name(&text)
}

pub(crate) fn level_name(text: &str) -> Option<&'static str> {
    match text.trim().to_ascii_lowercase().as_str() {
        "critical" => Some("critical"),
        "high" | "important" => Some("high"),
        "medium" | "moderate" => Some("medium"),
        "low" => Some("low"),
        _ => None,
    }
}

/// Every `https://` URL in the report's fields, each once, in order: references for the
/// advisory (a commit link, a custom URL field).
pub(crate) fn urls(doc: &ReportDocument) -> Vec<String> {
    let mut urls: Vec<String> = Vec::new();
    for field in &doc.fields {
        let Some(FieldValue::Text(text)) = &field.value else {
            continue;
        };
        for word in text.split(|c: char| c.is_whitespace() || "<>()\"'".contains(c)) {
            let word = word.trim_end_matches(['.', ',', ';', ':']);
            if word.starts_with("https://")
                && crate::web_url::parse(word).is_ok()
                && !urls.iter().any(|known| known == word)
            {
                urls.push(word.to_owned());
            }
        }
    }
    urls
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::report::document::{CvssEntry, FieldEntry, ProjectRef};

    /// A report as the demo project's form would produce it, plus a custom field.
    pub fn sample() -> ReportDocument {
        let field =
            |id: &str, builtin: Option<&str>, label: &str, value: Option<&str>| FieldEntry {
                id: id.into(),
                builtin: builtin.map(Into::into),
                label: label.into(),
                value: value.map(|v| FieldValue::Text(v.into())),
            };
        ReportDocument {
            format: "sealpost-report".into(),
            version: 1,
            id: "4f2c9a0d1b7e4c3a9e8d7f6a5b4c3d2e".into(),
            created: "2026-11-23T14:05:00Z".into(),
            project: ProjectRef {
                name: "Example".into(),
                homepage: Some("https://example.org/".into()),
            },
            fields: vec![
                field(
                    "title",
                    Some("title"),
                    "Title",
                    Some("Stored XSS in\n the search page"),
                ),
                field(
                    "vulnerability_type",
                    Some("vulnerability_type"),
                    "Vulnerability type",
                    Some("Cross-site scripting (CWE-79), see also cwe-80 and CWE-79"),
                ),
                field(
                    "affected_component",
                    Some("affected_component"),
                    "Affected product or component",
                    Some("pkg:cargo/example-search@1.2.0"),
                ),
                field(
                    "affected_versions",
                    Some("affected_versions"),
                    "Affected versions",
                    Some(">= 1.0.0, < 1.2.3"),
                ),
                field(
                    "description",
                    Some("description"),
                    "Description",
                    Some("The query is echoed **unescaped**: <script>alert(1)</script>."),
                ),
                field(
                    "reproduction_steps",
                    Some("reproduction_steps"),
                    "Steps to reproduce",
                    Some("1. Open /search\n2. Search for <script>"),
                ),
                field("impact", Some("impact"), "Impact", None),
                field("browser", None, "Browser used", Some("Firefox 140")),
                field(
                    "commit",
                    Some("commit"),
                    "Commit, tag or branch",
                    Some("https://example.org/repo/commit/abc123."),
                ),
                field(
                    "reporter_identity",
                    Some("reporter_identity"),
                    "Your name or handle",
                    Some("Ada Lovelace <ada@example.org>"),
                ),
                FieldEntry {
                    id: RULES_ACKNOWLEDGEMENT_ID.into(),
                    builtin: None,
                    label: "I have read the testing rules".into(),
                    value: Some(FieldValue::Checked(true)),
                },
            ],
            cvss: Some(CvssEntry {
                vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N".into(),
                score: 6.1,
                severity: "Medium".into(),
            }),
            attachments: Vec::new(),
            reply_key: None,
        }
    }

    #[test]
    fn details_start_with_the_description_and_keep_custom_fields() {
        let details = details_markdown(&sample(), &[Builtin::Title]);
        assert!(details.starts_with("The query is echoed **unescaped**: <script>"));
        assert!(details.contains("**Browser used:** Firefox 140"));
        assert!(
            details.contains("### Steps to reproduce\n\n1. Open /search\n2. Search for <script>")
        );
        assert!(!details.contains("Impact"), "empty fields are left out");
        assert!(!details.contains("testing rules"));
        assert!(!details.contains("**Title:**"));
    }

    #[test]
    fn finds_cwe_ids_credits_urls_and_packages() {
        let doc = sample();
        assert_eq!(cwe_ids(&doc), ["CWE-79", "CWE-80"]);
        assert!(!type_is_only_cwe_ids(&doc));
        assert_eq!(
            credit(&doc),
            Some(Credit {
                name: "Ada Lovelace".into(),
                contact: Some("mailto:ada@example.org".into())
            })
        );
        assert_eq!(urls(&doc), ["https://example.org/repo/commit/abc123"]);
        assert_eq!(
            package(&doc, &ExportOptions::default()),
            Some((Ecosystem::CratesIo, "example-search".into()))
        );
        assert_eq!(
            purl("pkg:maven/org.apache/log4j-core@2.14"),
            Some((Ecosystem::Maven, "org.apache:log4j-core".into()))
        );
        assert_eq!(Ecosystem::from_name("PIP"), Some(Ecosystem::PyPI));
        assert_eq!(Ecosystem::from_name("crates.io"), Some(Ecosystem::CratesIo));
        assert_eq!(Ecosystem::from_name("cobol"), None);
    }
}
