//! The policy used when no `--policy` is given: one required text field, "Report", that takes
//! standard input as it is.
//!
//! The policy format is written for projects publishing a form, so it insists on a recipient
//! and a delivery channel. Neither matters here: the keys come from `--to`, and the letter
//! reads only the project name, the fields and email channels (for its `To:`) from a policy.
//! So the recipient is a placeholder `key_url` (never fetched; it also spares converting a
//! binary `--to` key to armor) and the channel a web form at a reserved `.invalid` address,
//! which keeps `To:` out of the letter.

use sealpost_core::{policy::Builtin, Policy, PolicyError};

/// The field standard input goes into.
pub const REPORT_FIELD: Builtin = Builtin::Description;

/// A policy for `project_name` with one required multi-line field labelled "Report".
pub fn plain_policy(project_name: &str) -> Result<Policy, Vec<PolicyError>> {
    let document = serde_json::json!({
        "version": 1,
        "project": { "name": project_name },
        "recipients": [{ "key_url": "/keys-given-with-to.asc" }],
        "channels": [{
            "type": "web_form",
            "name": "sealpost on the command line",
            "url": "https://sealpost.invalid/",
        }],
        "fields": [{
            "id": REPORT_FIELD.id(),
            "status": "required",
            "label": "Report",
            // A form keeps fields tidy; standard input is whatever the researcher has to say,
            // pasted logs included.
            "max_length": u32::MAX,
        }],
        // Without a project's policy there is no project limit: what the command line is given
        // is sealed (wasm's 4 GiB address space does not apply here).
        "attachments": {
            "max_files": u32::MAX,
            "max_file_bytes": u64::MAX / 4,
            "max_total_bytes": u64::MAX / 4,
        },
    });
    Policy::from_json(&document.to_string())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn is_a_valid_policy_with_one_required_report_field() {
        let policy = plain_policy("Example").unwrap();
        assert_eq!(policy.project.name, "Example");
        let [field] = policy.fields.as_slice() else {
            panic!("one field expected: {:?}", policy.fields);
        };
        assert_eq!(
            (field.label.as_str(), field.builtin, field.required),
            ("Report", Some(REPORT_FIELD), true)
        );
    }

    #[test]
    fn an_empty_project_name_is_refused() {
        let problems = plain_policy("  ").unwrap_err();
        assert_eq!(problems[0].path, "project.name");
    }
}
