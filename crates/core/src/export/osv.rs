//! The report as an [OSV](https://ossf.github.io/osv-schema/) entry (schema 1.6).
//!
//! A draft: its `id` is `OSV-DRAFT-<report id>` until the database that publishes it assigns
//! one, and `published`/`modified` are the time the report was sealed. Without a known package
//! (see [`super::ExportOptions`]) `affected` has no `package`, which OSV allows but databases
//! will ask for; the affected component is then kept in `database_specific`.

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::{
    credit, cvss, details_markdown, package, title, type_is_only_cwe_ids, urls,
    versions::{AffectedVersions, RangeEnd},
    CvssKind, ExportOptions,
};
use crate::{policy::Builtin, report::document::ReportDocument};

/// The OSV schema version these entries follow.
pub const OSV_SCHEMA_VERSION: &str = "1.6.0";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OsvEntry {
    pub schema_version: String,
    pub id: String,
    pub modified: String,
    pub published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    pub details: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub severity: Vec<OsvSeverity>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub affected: Vec<Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<OsvReference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<OsvCredit>,
    pub database_specific: Value,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OsvSeverity {
    /// `CVSS_V3` or `CVSS_V4`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The vector.
    pub score: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OsvReference {
    #[serde(rename = "type")]
    pub kind: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OsvCredit {
    pub name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contact: Vec<String>,
    #[serde(rename = "type")]
    pub kind: String,
}

impl OsvEntry {
    /// Pretty JSON, ending in a newline.
    pub fn to_json(&self) -> String {
        // Strings, numbers and JSON values only: serializing cannot fail.
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }
}

/// The OSV entry for `doc`, with the package taken from `options` or the report.
pub fn osv_entry(doc: &ReportDocument, options: &ExportOptions) -> OsvEntry {
    let mut skip = vec![Builtin::Title, Builtin::ReporterIdentity];
    if type_is_only_cwe_ids(doc) {
        skip.push(Builtin::VulnerabilityType);
    }
    if cvss(doc).is_some() {
        skip.push(Builtin::Severity);
    }
    let severity = cvss(doc)
        .map(|(kind, entry)| OsvSeverity {
            kind: match kind {
                CvssKind::V3 => "CVSS_V3",
                CvssKind::V4 => "CVSS_V4",
            }
            .into(),
            score: entry.vector.clone(),
        })
        .into_iter()
        .collect();
    let cwe_ids = super::cwe_ids(doc);
    let mut database_specific = Map::new();
    database_specific.insert(
        "sealpost".into(),
        json!({
            "report_id": doc.id,
            "project": doc.project.name,
        }),
    );
    if !cwe_ids.is_empty() {
        database_specific.insert("cwe_ids".into(), json!(cwe_ids));
    }
    OsvEntry {
        schema_version: OSV_SCHEMA_VERSION.into(),
        id: format!("OSV-DRAFT-{}", doc.id),
        modified: doc.created.clone(),
        published: doc.created.clone(),
        summary: title(doc),
        details: details_markdown(doc, &skip),
        severity,
        affected: affected(doc, options).into_iter().collect(),
        references: references(doc),
        credits: credit(doc)
            .map(|credit| OsvCredit {
                name: credit.name,
                contact: credit.contact.into_iter().collect(),
                kind: "FINDER".into(),
            })
            .into_iter()
            .collect(),
        database_specific: Value::Object(database_specific),
    }
}

/// The one `affected` object, if the report says anything about what is affected.
fn affected(doc: &ReportDocument, options: &ExportOptions) -> Option<Value> {
    let package = package(doc, options);
    let component = super::text(doc, Builtin::AffectedComponent);
    let versions = super::text(doc, Builtin::AffectedVersions).map(|t| AffectedVersions::parse(&t));
    if package.is_none() && component.is_none() && versions.is_none() {
        return None;
    }
    let mut affected = Map::new();
    let mut database_specific = Map::new();
    match &package {
        Some((ecosystem, name)) => {
            affected.insert(
                "package".into(),
                json!({ "ecosystem": ecosystem.osv_name(), "name": name }),
            );
        }
        None => {
            if let Some(component) = &component {
                database_specific.insert("affected_component".into(), json!(component));
            }
        }
    }
    match &versions {
        Some(AffectedVersions::Ranges(ranges)) => {
            let semver = versions.as_ref().is_some_and(AffectedVersions::all_semver);
            // One range object per range: OSV forbids `fixed` and `last_affected` in one.
            let ranges: Vec<Value> = ranges
                .iter()
                .map(|range| {
                    let clean = |v: &str| {
                        if semver {
                            v.trim_start_matches('v').to_owned()
                        } else {
                            v.to_owned()
                        }
                    };
                    let mut events = vec![json!({
                        "introduced": range.introduced.as_deref().map_or("0".into(), clean)
                    })];
                    match &range.end {
                        Some(RangeEnd::Fixed(v)) => events.push(json!({ "fixed": clean(v) })),
                        Some(RangeEnd::LastAffected(v)) => {
                            events.push(json!({ "last_affected": clean(v) }))
                        }
                        None => {}
                    }
                    json!({
                        "type": if semver { "SEMVER" } else { "ECOSYSTEM" },
                        "events": events,
                    })
                })
                .collect();
            affected.insert("ranges".into(), Value::Array(ranges));
        }
        Some(AffectedVersions::Versions(list)) => {
            affected.insert("versions".into(), json!(list));
        }
        Some(AffectedVersions::Text(text)) => {
            database_specific.insert("affected_versions".into(), json!(text));
        }
        None => {}
    }
    if !database_specific.is_empty() {
        affected.insert("database_specific".into(), Value::Object(database_specific));
    }
    Some(Value::Object(affected))
}

/// The project's home page (`PACKAGE`) and every https URL in the report (`WEB`).
fn references(doc: &ReportDocument) -> Vec<OsvReference> {
    let mut references: Vec<OsvReference> = urls(doc)
        .into_iter()
        .map(|url| OsvReference {
            kind: "WEB".into(),
            url,
        })
        .collect();
    if let Some(homepage) = &doc.project.homepage {
        if crate::web_url::parse(homepage).is_ok() && !references.iter().any(|r| &r.url == homepage)
        {
            references.push(OsvReference {
                kind: "PACKAGE".into(),
                url: homepage.clone(),
            });
        }
    }
    references
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{tests::sample, Ecosystem};

    /// The OSV schema's rules that these entries could break, checked by hand: this crate does
    /// not depend on a JSON Schema validator. The whole vendored schema
    /// (`tests/fixtures/osv-schema/schema.json`) is applied to `sealpost export --as osv` output
    /// in the command line's tests (`crates/cli/tests/export.rs`).
    fn assert_valid(entry: &Value) {
        let timestamp = |v: &Value| {
            let t = v.as_str().unwrap_or_default();
            t.len() == 20 && t.ends_with('Z') && t.as_bytes()[10] == b'T'
        };
        assert!(
            entry["id"].as_str().unwrap().starts_with("OSV-"),
            "{entry:#}"
        );
        assert!(timestamp(&entry["modified"]) && timestamp(&entry["published"]));
        for severity in entry["severity"].as_array().into_iter().flatten() {
            let (kind, score) = (
                severity["type"].as_str().unwrap(),
                severity["score"].as_str().unwrap(),
            );
            assert!(
                (kind == "CVSS_V3" && score.starts_with("CVSS:3."))
                    || (kind == "CVSS_V4" && score.starts_with("CVSS:4.0/")),
                "{severity}"
            );
        }
        for affected in entry["affected"].as_array().into_iter().flatten() {
            if let Some(package) = affected.get("package") {
                assert!(package["ecosystem"].is_string() && package["name"].is_string());
            }
            for range in affected["ranges"].as_array().into_iter().flatten() {
                let events = range["events"].as_array().unwrap();
                assert!(["SEMVER", "ECOSYSTEM"].contains(&range["type"].as_str().unwrap()));
                assert!(events.iter().any(|e| e.get("introduced").is_some()));
                assert!(
                    !(events.iter().any(|e| e.get("fixed").is_some())
                        && events.iter().any(|e| e.get("last_affected").is_some()))
                );
                assert!(events.iter().all(|e| e.as_object().unwrap().len() == 1));
            }
        }
        for credit in entry["credits"].as_array().into_iter().flatten() {
            assert!(credit["name"].is_string());
        }
        for reference in entry["references"].as_array().into_iter().flatten() {
            assert!(crate::web_url::parse(reference["url"].as_str().unwrap()).is_ok());
        }
    }

    #[test]
    fn a_full_report_is_a_valid_osv_entry() {
        let entry = osv_entry(&sample(), &ExportOptions::default());
        let json: Value = serde_json::from_str(&entry.to_json()).unwrap();
        assert_valid(&json);
        assert_eq!(json["id"], "OSV-DRAFT-4f2c9a0d1b7e4c3a9e8d7f6a5b4c3d2e");
        assert_eq!(json["summary"], "Stored XSS in the search page");
        assert_eq!(json["modified"], "2026-11-23T14:05:00Z");
        assert_eq!(
            json["severity"],
            json!([{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"}])
        );
        assert_eq!(
            json["affected"],
            json!([{
                "package": {"ecosystem": "crates.io", "name": "example-search"},
                "ranges": [{"type": "SEMVER", "events": [{"introduced": "1.0.0"}, {"fixed": "1.2.3"}]}],
            }])
        );
        assert_eq!(
            json["credits"],
            json!([{"name": "Ada Lovelace", "contact": ["mailto:ada@example.org"], "type": "FINDER"}])
        );
        assert_eq!(
            json["database_specific"]["cwe_ids"],
            json!(["CWE-79", "CWE-80"])
        );
        let details = json["details"].as_str().unwrap();
        assert!(details.contains("**Vulnerability type:** Cross-site scripting"));
        assert!(details.contains("**Browser used:** Firefox 140"));
        assert!(!details.contains("Ada"), "credited, not repeated");
    }

    #[test]
    fn free_text_versions_and_unknown_packages_stay_valid() {
        let mut doc = sample();
        for field in &mut doc.fields {
            match field.id.as_str() {
                "affected_versions" => {
                    field.value = Some(crate::report::document::FieldValue::Text(
                        "every release since the 2019 rewrite".into(),
                    ))
                }
                "affected_component" => {
                    field.value = Some(crate::report::document::FieldValue::Text(
                        "the search endpoint".into(),
                    ))
                }
                _ => {}
            }
        }
        doc.cvss = Some(crate::report::document::CvssEntry {
            vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N".into(),
            score: 5.1,
            severity: "Medium".into(),
        });
        let json = serde_json::to_value(osv_entry(&doc, &ExportOptions::default())).unwrap();
        assert_valid(&json);
        assert_eq!(json["severity"][0]["type"], "CVSS_V4");
        assert_eq!(
            json["affected"],
            json!([{"database_specific": {
                "affected_component": "the search endpoint",
                "affected_versions": "every release since the 2019 rewrite",
            }}])
        );

        let options = ExportOptions {
            ecosystem: Some(Ecosystem::Npm),
            package: Some("search-lib".into()),
        };
        let json = serde_json::to_value(osv_entry(&doc, &options)).unwrap();
        assert_valid(&json);
        assert_eq!(json["affected"][0]["package"]["name"], "search-lib");
    }

    #[test]
    fn an_almost_empty_report_is_still_valid() {
        let mut doc = sample();
        doc.fields.clear();
        doc.cvss = None;
        doc.project.homepage = None;
        let json = serde_json::to_value(osv_entry(&doc, &ExportOptions::default())).unwrap();
        assert_valid(&json);
        assert!(json.get("affected").is_none() && json.get("summary").is_none());
    }
}
