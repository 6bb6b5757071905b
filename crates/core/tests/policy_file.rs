//! Policy files: every class of bad policy gets a precise message naming its path; the committed
//! JSON Schema matches the Rust types.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

mod common;

use common::{corpus_now, fixture_text};
use pretty_assertions::assert_eq;
use sealpost_core::{demo, policy::Control, recipients, Policy, PolicyError};
use serde_json::{json, Value};

/// A minimal valid policy as JSON, to break one piece at a time.
fn base() -> Value {
    json!({
        "version": 1,
        "project": { "name": "Example" },
        "recipients": [{ "key": demo::recipient_key() }],
        "channels": [{ "type": "email", "address": "security@example.org" }],
        "fields": [{ "id": "title", "status": "required" }]
    })
}

fn errors_of(doc: &Value) -> Vec<PolicyError> {
    Policy::from_json(&doc.to_string()).unwrap_err()
}

/// The one error a broken document gives, as `path: reason`.
fn single_error(doc: &Value) -> String {
    let errors = errors_of(doc);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors[0].to_string()
}

#[test]
fn the_base_policy_is_valid() {
    let policy = Policy::from_json(&base().to_string()).unwrap();
    assert_eq!(policy.fields.len(), 1);
    assert_eq!(policy.fields[0].label, "Title");
}

#[test]
fn an_unknown_field_kind_is_named_with_its_path() {
    let mut doc = base();
    doc["fields"] = json!([{ "id": "os", "kind": "dropdown", "label": "OS" }]);
    let message = single_error(&doc);
    assert!(
        message.starts_with("fields[0].kind: unknown variant `dropdown`"),
        "{message}"
    );
}

#[test]
fn an_unknown_key_is_an_error_not_silently_ignored() {
    let mut doc = base();
    doc["fields"][0]["requried"] = json!(true);
    let message = single_error(&doc);
    assert!(
        message.starts_with("fields[0].requried: unknown field `requried`"),
        "{message}"
    );
    let mut doc = base();
    doc["contact"] = json!("x");
    assert!(single_error(&doc).starts_with("contact: unknown field `contact`"));
}

#[test]
fn a_missing_recipient_is_refused() {
    let mut doc = base();
    doc["recipients"] = json!([]);
    assert_eq!(
        single_error(&doc),
        "recipients: at least one recipient key is required: sealpost encrypts every report to it"
    );
    let mut doc = base();
    doc["recipients"] = json!([{ "name": "Team" }]);
    assert!(single_error(&doc).starts_with("recipients[0]: missing the recipient's key"));
}

#[test]
fn an_unparsable_key_is_named_with_its_path() {
    let mut doc = base();
    doc["recipients"][0]["key"] = json!("The PGP public key will be added here once generated");
    let policy = Policy::from_json(&doc.to_string()).unwrap();
    let errors = recipients::accept_inline(&policy, corpus_now()).unwrap_err();
    assert_eq!(errors[0].path, "recipients[0].key");
    assert!(
        errors[0].reason.starts_with("This is not an OpenPGP key"),
        "{}",
        errors[0]
    );
}

#[test]
fn an_expired_key_in_a_policy_is_refused_with_its_date() {
    let mut doc = base();
    doc["recipients"][0]["key"] = json!(fixture_text(
        "corpus/ethereum-security-from-SECURITY-md.asc"
    ));
    let policy = Policy::from_json(&doc.to_string()).unwrap();
    let errors = recipients::accept_inline(&policy, corpus_now()).unwrap_err();
    assert!(
        errors[0].to_string().contains("expired on 2026-02-22"),
        "{}",
        errors[0]
    );
}

#[test]
fn a_fingerprint_mismatch_blocks_the_key() {
    let mut doc = base();
    doc["recipients"][0]["fingerprint"] =
        json!("BF81 5803 F7C6 A215 362F  32EF 3409 05CA C615 0FE3");
    let policy = Policy::from_json(&doc.to_string()).unwrap();
    let errors = recipients::accept_inline(&policy, corpus_now()).unwrap_err();
    assert_eq!(errors[0].path, "recipients[0].fingerprint");
    assert!(
        errors[0].reason.starts_with(
            "the key's fingerprint is 9563 832D 0513 1C0D 37AC FB11 B886 4483 0EE8 86CE, \
             but the policy pins BF81 5803"
        ),
        "{}",
        errors[0]
    );
    // The right fingerprint, in any spacing and case, passes.
    doc["recipients"][0]["fingerprint"] = json!("9563832d05131c0d37acfb11b88644830ee886ce");
    let policy = Policy::from_json(&doc.to_string()).unwrap();
    assert_eq!(
        recipients::accept_inline(&policy, corpus_now())
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_malformed_fingerprint_is_named() {
    let mut doc = base();
    doc["recipients"][0]["fingerprint"] = json!("0xDEADBEEF");
    assert!(single_error(&doc)
        .starts_with("recipients[0].fingerprint: `0xDEADBEEF` is not a fingerprint"));
}

#[test]
fn no_channel_is_refused() {
    let mut doc = base();
    doc["channels"] = json!([]);
    assert!(single_error(&doc).starts_with("channels: list at least one channel"));
}

#[test]
fn bad_channels_are_named_each() {
    let mut doc = base();
    doc["channels"] = json!([
        { "type": "https", "url": "http://inbox.example.org/reports" },
        { "type": "email", "address": "security at example.org" },
        { "type": "github_advisory", "repository": "just-a-name" },
        { "type": "carrier_pigeon" }
    ]);
    let message = single_error(&doc);
    assert!(
        message.starts_with("channels[3].type: unknown variant `carrier_pigeon`"),
        "{message}"
    );
    doc["channels"].as_array_mut().unwrap().pop();
    let paths: Vec<_> = errors_of(&doc).into_iter().map(|e| e.path).collect();
    assert_eq!(
        paths,
        [
            "channels[0].url",
            "channels[1].address",
            "channels[2].repository"
        ]
    );
}

#[test]
fn a_wrong_version_is_refused() {
    let mut doc = base();
    doc["version"] = json!(2);
    assert_eq!(
        single_error(&doc),
        "version: this sealpost reads policy version 1; this file says version 2"
    );
}

#[test]
fn broken_json_says_so() {
    let errors = Policy::from_json("{ \"version\": 1, ").unwrap_err();
    assert!(
        errors[0].reason.starts_with("this is not valid JSON"),
        "{}",
        errors[0]
    );
}

#[test]
fn field_mistakes_are_named() {
    let cases = [
        (
            json!({ "id": "title", "kind": "text" }),
            "fields[0].kind: `title` is a built-in field with its own kind",
        ),
        (
            json!({ "id": "os" }),
            "fields[0].kind: `os` is not a built-in field, so it needs a `kind`",
        ),
        (
            json!({ "id": "Bad Id", "kind": "text", "label": "x" }),
            "fields[0].id: `Bad Id` is not a usable id",
        ),
        (
            json!({ "id": "os", "kind": "select", "label": "OS" }),
            "fields[0].options: the select field `os` needs `options`",
        ),
        (
            json!({ "id": "os", "kind": "text" }),
            "fields[0].label: the custom field `os` needs a label",
        ),
        (
            json!({ "id": "severity" }),
            "fields[0]: the `severity` field needs `severity.mode`",
        ),
        (
            json!({ "id": "title", "min_length": 50, "max_length": 10 }),
            "fields[0].min_length: min_length (50) is larger than max_length (10)",
        ),
    ];
    for (field, expected) in cases {
        let mut doc = base();
        doc["fields"] = json!([field]);
        let message = single_error(&doc);
        assert!(
            message.starts_with(expected),
            "{message}\nexpected: {expected}"
        );
    }
    let mut doc = base();
    doc["fields"] = json!([{ "id": "title" }, { "id": "title" }]);
    assert!(single_error(&doc).starts_with("fields[1].id: the field `title` is listed twice"));
}

#[test]
fn hidden_built_ins_and_rules_shape_the_form() {
    let mut doc = base();
    doc["fields"] = json!([
        { "id": "title", "status": "required", "label": "Summary", "max_length": 80 },
        { "id": "commit", "status": "hidden" },
        { "id": "impact" }
    ]);
    doc["rules"] = json!(["Do not access other users' data."]);
    let policy = Policy::from_json(&doc.to_string()).unwrap();
    let ids: Vec<_> = policy.fields.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["title", "impact", "acknowledge_rules"]);
    assert_eq!(policy.fields[0].label, "Summary");
    assert_eq!(policy.fields[0].max_chars, 80);
    assert!(!policy.fields[1].required);
    assert_eq!(policy.fields[1].control, Control::Textarea);
    assert!(policy.fields[2].required);
}

#[test]
fn a_key_url_must_stay_on_the_site() {
    let mut doc = base();
    doc["recipients"] = json!([{ "key_url": "https://evil.example/key.asc" }]);
    assert!(single_error(&doc).starts_with(
        "recipients[0].key_url: `https://evil.example/key.asc` is not a path on this site"
    ));
    doc["recipients"] = json!([{ "key_url": "/.well-known/security.asc" }]);
    assert!(Policy::from_json(&doc.to_string()).is_ok());
}

#[test]
fn the_committed_json_schemas_match_the_rust_types() {
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs");
    let schemas = [
        (
            "policy.schema.json",
            sealpost_core::schema::policy_schema_json(),
        ),
        (
            "report.schema.json",
            sealpost_core::schema::report_schema_json(),
        ),
    ];
    for (file, generated) in schemas {
        let path = docs.join(file);
        if std::env::var_os("SEALPOST_BLESS").is_some() {
            std::fs::write(&path, generated).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "docs/{file} is out of date: run `cargo xtask codegen`"
        );
    }
}

#[test]
fn a_theme_is_read_and_every_bad_value_is_named() {
    let mut doc = base();
    doc["theme"] = json!({
        "colors": { "accent": "#c0ffee", "text": "#123" },
        "dark": { "accent": "#abc" },
        "font": "\"Inter\", system-ui, sans-serif",
        "radius": "0.5rem"
    });
    let policy = Policy::from_json(&doc.to_string()).unwrap();
    assert_eq!(
        policy.theme.colors.entries(),
        vec![
            ("--sp-accent", "accent", "#c0ffee"),
            ("--sp-text", "text", "#123")
        ]
    );
    assert_eq!(policy.theme.radius.as_deref(), Some("0.5rem"));

    doc["theme"] = json!({
        "colors": { "accent": "red", "border": "#12345g" },
        "dark": { "surface": "#1234" },
        "font": "x; background: url(https://evil.example/)",
        "radius": "calc(1px + 1px)"
    });
    let paths: Vec<String> = errors_of(&doc).into_iter().map(|e| e.path).collect();
    assert_eq!(
        paths,
        [
            "theme.colors.accent",
            "theme.colors.border",
            "theme.dark.surface",
            "theme.font",
            "theme.radius"
        ]
    );
    doc["theme"] = json!({ "colour": {} });
    assert!(single_error(&doc).starts_with("theme.colour: unknown field"));
}
