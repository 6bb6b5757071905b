//! Validation of reports against policies: required fields, limits and per-kind syntax.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

mod common;

use common::complete_report;
use pretty_assertions::assert_eq;
use sealpost_core::{demo, validate, Policy, Problem, Report, Value};

fn problems(policy: &Policy, report: &Report) -> Vec<(String, Problem)> {
    validate(policy, report)
        .into_iter()
        .map(|e| (e.field, e.problem))
        .collect()
}

/// A policy with one custom field of every kind, all required.
fn every_kind() -> Policy {
    let json = format!(
        r#"{{
        "version": 1,
        "project": {{ "name": "Kinds" }},
        "recipients": [{{ "key": {key} }}],
        "channels": [{{ "type": "email", "address": "sec@example.org" }}],
        "severity": {{ "mode": "cvss31" }},
        "fields": [
            {{ "id": "os", "kind": "select", "label": "Operating system", "options": ["Linux", "macOS"], "status": "required" }},
            {{ "id": "areas", "kind": "multi_select", "label": "Areas", "options": ["API", "UI"], "status": "required" }},
            {{ "id": "consent", "kind": "checkbox", "label": "I agree", "status": "required" }},
            {{ "id": "advisory", "kind": "url", "label": "Advisory URL", "status": "required" }},
            {{ "id": "users", "kind": "number", "label": "Users affected", "status": "required" }},
            {{ "id": "found_on", "kind": "date", "label": "Found on", "status": "required" }},
            {{ "id": "summary", "kind": "text", "label": "Summary", "status": "required", "min_length": 10, "max_length": 20 }},
            {{ "id": "severity", "status": "required" }}
        ]
    }}"#,
        key = serde_json::to_string(&demo::recipient_key()).unwrap()
    );
    Policy::from_json(&json).unwrap()
}

fn valid_every_kind() -> Report {
    Report::default()
        .with_text("os", "Linux")
        .with("areas", Value::Choices(vec!["API".into()]))
        .with("consent", Value::Checked(true))
        .with_text("advisory", "https://example.org/a")
        .with_text("users", "1200")
        .with_text("found_on", "2026-02-28")
        .with_text("summary", "Ten chars!!")
        .with_text("severity", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
}

#[test]
fn a_complete_report_has_no_problems() {
    assert_eq!(problems(&demo::policy(), &complete_report()), vec![]);
    assert_eq!(problems(&every_kind(), &valid_every_kind()), vec![]);
}

#[test]
fn an_empty_report_misses_every_required_field_in_order() {
    let errors = validate(&demo::policy(), &Report::default());
    let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "title",
            "vulnerability_type",
            "affected_versions",
            "reproduction_steps",
            "impact"
        ]
    );
    assert!(errors.iter().all(|e| e.problem == Problem::Missing));
    assert_eq!(errors[0].to_string(), "Title is required.");
}

#[test]
fn whitespace_only_counts_as_missing() {
    let report = complete_report().with_text("impact", " \n\t ");
    assert_eq!(
        problems(&demo::policy(), &report),
        vec![("impact".into(), Problem::Missing)]
    );
}

#[test]
fn length_is_counted_in_characters_not_bytes() {
    let at_limit = "漏".repeat(200);
    assert_eq!(
        problems(
            &demo::policy(),
            &complete_report().with_text("title", at_limit)
        ),
        vec![]
    );
    let errors = validate(
        &demo::policy(),
        &complete_report().with_text("title", "漏".repeat(203)),
    );
    assert_eq!(
        errors[0].problem,
        Problem::TooLong {
            max_chars: 200,
            actual_chars: 203
        }
    );
    assert_eq!(
        errors[0].to_string(),
        "Title is 203 characters long; the limit is 200. Shorten it by 3 characters."
    );
}

#[test]
fn every_kind_checks_its_own_syntax() {
    let bad = valid_every_kind()
        .with_text("os", "Windows")
        .with("areas", Value::Choices(vec!["API".into(), "Kernel".into()]))
        .with("consent", Value::Checked(false))
        .with_text("advisory", "javascript:alert(1)")
        .with_text("users", "lots")
        .with_text("found_on", "2026-02-30")
        .with_text("summary", "short")
        .with_text("severity", "CVSS:3.1/AV:X");
    let found = problems(&every_kind(), &bad);
    let kinds: Vec<_> = found.iter().map(|(field, _)| field.as_str()).collect();
    assert_eq!(
        kinds,
        ["os", "areas", "consent", "advisory", "users", "found_on", "summary", "severity"]
    );
    assert_eq!(found[0].1, Problem::NotAnOption("Windows".into()));
    assert_eq!(found[1].1, Problem::NotAnOption("Kernel".into()));
    assert_eq!(found[2].1, Problem::NotChecked);
    assert_eq!(found[3].1, Problem::NotAUrl);
    assert_eq!(found[4].1, Problem::NotANumber);
    assert_eq!(found[5].1, Problem::NotADate);
    assert_eq!(
        found[6].1,
        Problem::TooShort {
            min_chars: 10,
            actual_chars: 5
        }
    );
    assert!(matches!(found[7].1, Problem::NotACvssVector { .. }));
}

#[test]
fn a_cvss_vector_of_the_wrong_version_is_named() {
    let report = valid_every_kind().with_text(
        "severity",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
    );
    let errors = validate(&every_kind(), &report);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .to_string()
            .contains("this project asks for CVSS:3.1"),
        "{}",
        errors[0]
    );
}

#[test]
fn the_rendered_report_carries_the_cvss_score_and_every_kind() {
    let text = valid_every_kind().render_text(&every_kind());
    assert!(
        text.contains("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H (score 9.8, critical)"),
        "{text}"
    );
    assert!(text.contains("## Areas\n\n- API\n"), "{text}");
    assert!(text.contains("## I agree\n\nYes\n"), "{text}");
}
