//! The report as a CVE JSON 5.1 record's CNA container (`containers.cna`), the part a CNA
//! writes when it files a CVE.
//!
//! Left for the CNA: `cveMetadata` (the CVE id comes from the CVE Program) and
//! `providerMetadata` (the CNA's own org id). `references`, which the CVE schema requires, holds
//! the URLs the report names and the project's home page; a report with neither gets none, and
//! the CNA must add one.

use serde_json::{json, Value};

use super::{
    credit, cvss, cwe_ids, details_markdown, package, title, type_is_only_cwe_ids, urls,
    versions::{is_semver, AffectedVersions, RangeEnd},
    CvssKind, ExportOptions,
};
use crate::{policy::Builtin, report::document::ReportDocument};

/// `{"dataType": "CVE_RECORD", "dataVersion": "5.1", "containers": {"cna": …}}` for `doc`.
pub fn cve5_record(doc: &ReportDocument, options: &ExportOptions) -> Value {
    json!({
        "dataType": "CVE_RECORD",
        "dataVersion": "5.1",
        "containers": { "cna": cna_container(doc, options) },
    })
}

/// The CNA container alone.
pub fn cna_container(doc: &ReportDocument, options: &ExportOptions) -> Value {
    let mut skip = vec![Builtin::Title, Builtin::ReporterIdentity];
    if type_is_only_cwe_ids(doc) {
        skip.push(Builtin::VulnerabilityType);
    }
    if cvss(doc).is_some() {
        skip.push(Builtin::Severity);
    }
    let details = details_markdown(doc, &skip);
    let mut cna = serde_json::Map::new();
    if let Some(title) = title(doc) {
        // The schema's limit.
        cna.insert(
            "title".into(),
            json!(title.chars().take(256).collect::<String>()),
        );
    }
    cna.insert(
        "descriptions".into(),
        json!([{ "lang": "en", "value": if details.is_empty() { title(doc).unwrap_or_default() } else { details } }]),
    );
    cna.insert("affected".into(), json!([affected(doc, options)]));
    cna.insert("problemTypes".into(), problem_types(doc));
    if let Some(metrics) = metrics(doc) {
        cna.insert("metrics".into(), json!([metrics]));
    }
    if let Some(credit) = credit(doc) {
        cna.insert(
            "credits".into(),
            json!([{ "lang": "en", "value": credit.name, "type": "finder" }]),
        );
    }
    let mut references: Vec<Value> = urls(doc)
        .into_iter()
        .map(|url| json!({ "url": url }))
        .collect();
    if let Some(homepage) = &doc.project.homepage {
        if !references.iter().any(|r| r["url"] == homepage.as_str()) {
            references.push(json!({ "url": homepage, "tags": ["product"] }));
        }
    }
    cna.insert("references".into(), Value::Array(references));
    Value::Object(cna)
}

fn affected(doc: &ReportDocument, options: &ExportOptions) -> Value {
    let component = super::text(doc, Builtin::AffectedComponent);
    let product = match package(doc, options) {
        Some((_, name)) => name,
        None => component.unwrap_or_else(|| doc.project.name.clone()),
    };
    let versions = match super::text(doc, Builtin::AffectedVersions) {
        Some(text) => versions(&AffectedVersions::parse(&text)),
        None => Vec::new(),
    };
    let mut affected = json!({
        "vendor": doc.project.name,
        "product": product,
        // What the report does not list is not known to be safe.
        "defaultStatus": "unknown",
    });
    if !versions.is_empty() {
        affected["versions"] = Value::Array(versions);
    }
    affected
}

fn versions(affected: &AffectedVersions) -> Vec<Value> {
    let version_type = |v: &str| if is_semver(v) { "semver" } else { "custom" };
    match affected {
        AffectedVersions::Ranges(ranges) => ranges
            .iter()
            .map(|range| {
                let start = range.introduced.clone().unwrap_or_else(|| "0".into());
                match &range.end {
                    Some(RangeEnd::Fixed(end)) => json!({
                        "version": start, "status": "affected",
                        "lessThan": end, "versionType": version_type(end),
                    }),
                    Some(RangeEnd::LastAffected(end)) => json!({
                        "version": start, "status": "affected",
                        "lessThanOrEqual": end, "versionType": version_type(end),
                    }),
                    // Open-ended: every later version ("*" is the schema's wildcard).
                    None => json!({
                        "version": start, "status": "affected",
                        "lessThan": "*", "versionType": version_type(&start),
                    }),
                }
            })
            .collect(),
        AffectedVersions::Versions(list) => list
            .iter()
            .map(|v| json!({ "version": v, "status": "affected" }))
            .collect(),
        AffectedVersions::Text(text) => vec![json!({ "version": text, "status": "affected" })],
    }
}

fn problem_types(doc: &ReportDocument) -> Value {
    let ids = cwe_ids(doc);
    let descriptions: Vec<Value> = if ids.is_empty() {
        super::text(doc, Builtin::VulnerabilityType)
            .map(|text| json!({ "lang": "en", "description": text, "type": "text" }))
            .into_iter()
            .collect()
    } else {
        ids.iter()
            .map(|id| json!({ "lang": "en", "cweId": id, "description": id, "type": "CWE" }))
            .collect()
    };
    if descriptions.is_empty() {
        json!([])
    } else {
        json!([{ "descriptions": descriptions }])
    }
}

fn metrics(doc: &ReportDocument) -> Option<Value> {
    let (kind, entry) = cvss(doc)?;
    let (key, version) = match kind {
        CvssKind::V3 if entry.vector.starts_with("CVSS:3.0/") => ("cvssV3_0", "3.0"),
        CvssKind::V3 => ("cvssV3_1", "3.1"),
        CvssKind::V4 => ("cvssV4_0", "4.0"),
    };
    Some(json!({
        "format": "CVSS",
        "scenarios": [{ "lang": "en", "value": "GENERAL" }],
        key: {
            "version": version,
            "vectorString": entry.vector,
            "baseScore": entry.score,
            "baseSeverity": entry.severity.to_ascii_uppercase(),
        },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::sample;

    #[test]
    fn a_full_report_fills_the_cna_container() {
        let record = cve5_record(&sample(), &ExportOptions::default());
        let cna = &record["containers"]["cna"];
        assert_eq!(record["dataVersion"], "5.1");
        assert_eq!(cna["title"], "Stored XSS in the search page");
        assert_eq!(cna["descriptions"][0]["lang"], "en");
        assert!(cna["descriptions"][0]["value"]
            .as_str()
            .unwrap()
            .starts_with("The query is echoed"));
        assert_eq!(
            cna["affected"],
            json!([{
                "vendor": "Example", "product": "example-search", "defaultStatus": "unknown",
                "versions": [{"version": "1.0.0", "status": "affected", "lessThan": "1.2.3", "versionType": "semver"}],
            }])
        );
        assert_eq!(
            cna["problemTypes"][0]["descriptions"][0],
            json!({"lang": "en", "cweId": "CWE-79", "description": "CWE-79", "type": "CWE"})
        );
        assert_eq!(
            cna["metrics"][0]["cvssV3_1"],
            json!({
                "version": "3.1",
                "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N",
                "baseScore": 6.1,
                "baseSeverity": "MEDIUM",
            })
        );
        assert_eq!(
            cna["credits"],
            json!([{"lang": "en", "value": "Ada Lovelace", "type": "finder"}])
        );
        assert_eq!(
            cna["references"],
            json!([
                {"url": "https://example.org/repo/commit/abc123"},
                {"url": "https://example.org/", "tags": ["product"]},
            ])
        );
    }

    #[test]
    fn free_text_versions_and_types_are_kept_as_text() {
        let mut doc = sample();
        for field in &mut doc.fields {
            let text = match field.id.as_str() {
                "affected_versions" => "the 2.x series",
                "vulnerability_type" => "Cross-site scripting",
                "affected_component" => "the search page",
                _ => continue,
            };
            field.value = Some(crate::report::document::FieldValue::Text(text.into()));
        }
        let cna = cna_container(&doc, &ExportOptions::default());
        assert_eq!(
            cna["affected"][0]["versions"],
            json!([{"version": "the 2.x series", "status": "affected"}])
        );
        assert_eq!(cna["affected"][0]["product"], "the search page");
        assert_eq!(
            cna["problemTypes"],
            json!([{"descriptions": [{"lang": "en", "description": "Cross-site scripting", "type": "text"}]}])
        );
    }
}
