//! `sealpost export`: a report.json as OSV (checked against the OSV project's own JSON Schema),
//! CVE JSON 5.1 and GitHub's advisory form.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::{fixture, sealpost};
use serde_json::{json, Value};

fn report_json(fields: Value, cvss: Option<Value>) -> Value {
    let mut report = json!({
        "format": "sealpost-report",
        "version": 1,
        "id": "0123456789abcdef0123456789abcdef",
        "created": "2026-11-23T14:05:00Z",
        "project": {"name": "Example", "homepage": "https://example.org/"},
        "fields": fields,
        "attachments": [],
    });
    if let Some(cvss) = cvss {
        report["cvss"] = cvss;
    }
    report
}

fn field(id: &str, label: &str, value: Value) -> Value {
    let builtin = sealpost_core::policy::Builtin::from_id(id).map(|b| b.id());
    json!({"id": id, "builtin": builtin, "label": label, "value": value})
}

fn full_report() -> Value {
    report_json(
        json!([
            field("title", "Title", json!("Heap overflow in the parser")),
            field(
                "vulnerability_type",
                "Vulnerability type",
                json!("CWE-787 out-of-bounds write")
            ),
            field(
                "affected_component",
                "Affected product or component",
                json!("pkg:npm/fast-parse")
            ),
            field("affected_versions", "Affected versions", json!("< 2.4.1")),
            field(
                "description",
                "Description",
                json!("A crafted header overflows a buffer.")
            ),
            field(
                "reproduction_steps",
                "Steps to reproduce",
                json!("1. Run poc.js\n2. See the crash")
            ),
            field("platforms", "Platforms", json!(["Linux", "macOS"])),
            field("reporter_identity", "Your name or handle", json!("mallory")),
        ]),
        Some(json!({
            "vector": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
            "score": 9.3,
            "severity": "Critical",
        })),
    )
}

fn export(report: &Value, format: &str, extra: &[&str]) -> common::Run {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    std::fs::write(&path, report.to_string()).unwrap();
    let mut args = vec![
        "export".to_owned(),
        path.to_str().unwrap().to_owned(),
        "--as".into(),
        format.into(),
    ];
    args.extend(extra.iter().map(|a| (*a).to_owned()));
    sealpost(args, b"")
}

fn assert_osv_valid(entry: &Value) {
    let schema_path = fixture("osv-schema/schema.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(&schema_path)).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(entry)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{entry:#}");
}

#[test]
fn osv_entries_validate_against_the_osv_schema() {
    let minimal = report_json(json!([field("title", "Title", json!("Something"))]), None);
    let mut free_text = full_report();
    free_text["fields"][2]["value"] = json!("the parser module");
    free_text["fields"][3]["value"] = json!("everything since the 2019 rewrite");
    let mut spans = full_report();
    spans["fields"][3]["value"] = json!("1.0 - 1.4; 2.0.0 - 2.0.3; 3.1");
    for report in [full_report(), minimal, free_text, spans] {
        let run = export(&report, "osv", &[]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_osv_valid(&run.json());
    }
    let entry = export(&full_report(), "osv", &[]).json();
    assert_eq!(
        entry["affected"][0]["package"],
        json!({"ecosystem": "npm", "name": "fast-parse"})
    );
    assert_eq!(entry["severity"][0]["type"], "CVSS_V4");
    assert!(entry["details"]
        .as_str()
        .unwrap()
        .contains("**Platforms:** Linux, macOS"));

    // The maintainer can name the package when the report does not.
    let entry = export(
        &full_report(),
        "osv",
        &["--ecosystem", "crates.io", "--package", "fast-parse-rs"],
    )
    .json();
    assert_osv_valid(&entry);
    assert_eq!(entry["affected"][0]["package"]["ecosystem"], "crates.io");
}

#[test]
fn cve5_and_github_exports() {
    let record = export(&full_report(), "cve5", &[]).json();
    let cna = &record["containers"]["cna"];
    assert_eq!(cna["title"], "Heap overflow in the parser");
    assert_eq!(
        cna["problemTypes"][0]["descriptions"][0]["cweId"],
        "CWE-787"
    );
    assert_eq!(cna["metrics"][0]["cvssV4_0"]["baseSeverity"], "CRITICAL");
    assert_eq!(
        cna["affected"][0]["versions"],
        json!([{"version": "0", "status": "affected", "lessThan": "2.4.1", "versionType": "semver"}])
    );

    let run = export(&full_report(), "github", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = run.stdout_text();
    let order: Vec<usize> = [
        "\"Title\"",
        "\"Description\"",
        "\"Ecosystem\"",
        "\"Package name\"",
        "\"Affected versions\"",
        "\"Patched versions\"",
        "\"Severity\"",
        "\"CVSS vector\"",
        "\"Weaknesses\"",
        "\"Credits\"",
    ]
    .iter()
    .map(|label| text.find(label).unwrap())
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "the form's order: {text}"
    );
    let fields = run.json();
    assert_eq!(fields["Ecosystem"], "npm");
    assert_eq!(fields["Affected versions"], "< 2.4.1");
    assert_eq!(fields["Patched versions"], "2.4.1");
    assert_eq!(fields["Severity"], "critical");
    assert_eq!(fields["Credits"], "mallory");
}

#[test]
fn what_is_not_a_report_is_refused() {
    let run = export(&json!({"hello": "world"}), "osv", &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("is not a sealpost report.json"),
        "{}",
        run.stderr
    );
    let run = export(&full_report(), "osv", &["--ecosystem", "cobol"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not an ecosystem"), "{}", run.stderr);
}
