//! JSON Schemas generated from the Rust types (the single source of truth): the policy file's
//! ([`crate::policy::PolicyDocument`], `docs/policy.schema.json`) and the structured report's
//! ([`crate::report::document::ReportDocument`], `docs/report.schema.json`). Tests keep the
//! committed files current and `cargo xtask codegen` rewrites them.

use crate::{policy::PolicyDocument, report::document::ReportDocument};

/// The JSON Schema for policy files, pretty-printed, ending in a newline.
pub fn policy_schema_json() -> String {
    let schema = schemars::schema_for!(PolicyDocument);
    // Serializing a schema (plain JSON values) cannot fail.
    #[allow(clippy::expect_used)]
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}

/// The JSON Schema of the `report.json` part of every sealed letter.
pub fn report_schema_json() -> String {
    let schema = schemars::schema_for!(ReportDocument);
    #[allow(clippy::expect_used)]
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}
