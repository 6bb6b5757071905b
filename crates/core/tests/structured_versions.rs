//! The structured "Affected versions" control: switched on per policy, refused on other fields,
//! and judged range by range.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use pretty_assertions::assert_eq;
use sealpost_core::{
    demo, policy::Control, report::version_ranges::RangesError, validate, Policy, Problem, Report,
};
use serde_json::{json, Value};

fn policy_with(fields: Value) -> Result<Policy, Vec<sealpost_core::PolicyError>> {
    let doc = json!({
        "version": 1,
        "project": { "name": "Example" },
        "recipients": [{ "key": demo::recipient_key() }],
        "channels": [{ "type": "email", "address": "security@example.org" }],
        "fields": fields
    });
    Policy::from_json(&doc.to_string())
}

#[test]
fn the_policy_chooses_rows_or_free_text() {
    let policy = policy_with(json!([
        { "id": "affected_versions", "status": "required", "format": "structured" }
    ]))
    .unwrap();
    assert_eq!(policy.fields[0].control, Control::VersionRanges);
    for fields in [
        json!([{ "id": "affected_versions", "format": "text" }]),
        json!([{ "id": "affected_versions" }]),
    ] {
        assert_ne!(
            policy_with(fields).unwrap().fields[0].control,
            Control::VersionRanges
        );
    }
}

#[test]
fn format_is_refused_on_other_fields() {
    let errors = policy_with(json!([
        { "id": "title" },
        { "id": "impact", "format": "structured" }
    ]))
    .unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].path, "fields[1].format");
    assert!(errors[0]
        .reason
        .contains("only to the built-in `affected_versions`"));
    let errors = policy_with(json!([{ "id": "affected_versions", "format": "rows" }])).unwrap_err();
    assert!(errors[0]
        .to_string()
        .starts_with("fields[0].format: unknown variant `rows`"));
}

#[test]
fn each_range_is_judged_and_named() {
    let policy = policy_with(json!([
        { "id": "affected_versions", "status": "required", "format": "structured" }
    ]))
    .unwrap();
    let problems = |text: &str| {
        validate(
            &policy,
            &Report::default().with_text("affected_versions", text),
        )
        .into_iter()
        .map(|error| (error.problem.clone(), error.to_string()))
        .collect::<Vec<_>>()
    };
    assert_eq!(problems(">= 1.2.0, < 1.4.1 || >= 2.0, <= 2.1"), vec![]);
    assert_eq!(problems("")[0].0, Problem::Missing);
    let (problem, message) = problems(">= 1.0 || ").remove(0);
    assert_eq!(
        problem,
        Problem::NotVersionRanges(RangesError::EmptyRange { range: 2 })
    );
    assert_eq!(
        message,
        "Affected versions: range 2 is empty: give the version it was introduced in, fixed in \
         or last affected, or remove the range."
    );
}
