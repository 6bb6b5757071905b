//! The policy file's JSON Schema, generated from [`crate::policy::PolicyDocument`] (the single
//! source of truth). `docs/policy.schema.json` is this output; a test keeps it current and
//! `cargo xtask codegen` rewrites it.

use crate::policy::PolicyDocument;

/// The JSON Schema for policy files, pretty-printed, ending in a newline.
pub fn policy_schema_json() -> String {
    let schema = schemars::schema_for!(PolicyDocument);
    // Serializing a schema (plain JSON values) cannot fail.
    #[allow(clippy::expect_used)]
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}
