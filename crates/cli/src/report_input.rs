//! Standard input as a report: plain text for the built-in policy, or with `--policy` a JSON
//! object of field values, judged by the policy's rules like the page's form.

use std::fmt;

use sealpost_core::{policy::Control, validate, FieldDef, FieldError, Policy, Report, Value};
use serde_json::Value as Json;

use crate::{plain_policy::REPORT_FIELD, terminal::bulleted};

#[derive(Debug, thiserror::Error)]
pub enum ReportInputError {
    #[error("The report on standard input is not JSON ({0}). With --policy, give an object of field ids and values, e.g. {{\"title\": \"…\"}}.")]
    NotJson(serde_json::Error),
    #[error("The report on standard input must be a JSON object of field ids and values, e.g. {{\"title\": \"…\"}}.")]
    NotAnObject,
    #[error("The report cannot be sealed:{}", bulleted(.0))]
    Refused(Vec<ReportProblem>),
}

/// One thing wrong with the report, listed with all the others so they are fixed at once.
#[derive(Debug)]
pub enum ReportProblem {
    /// An id the policy has no field for (a typo would otherwise silently drop its text).
    UnknownField { id: String, known: Vec<String> },
    /// A value of the wrong JSON type for the field's control.
    WrongType {
        id: String,
        label: String,
        expected: &'static str,
    },
    /// What the policy's rules say (a required field left empty, a bad CVSS vector, …).
    Invalid(FieldError),
}

impl fmt::Display for ReportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReportProblem::UnknownField { id, known } => write!(
                f,
                "`{id}`: the policy has no such field; its fields are {}.",
                known.join(", ")
            ),
            ReportProblem::WrongType {
                id,
                label,
                expected,
            } => write!(f, "`{id}`: {label} takes {expected}."),
            ReportProblem::Invalid(error) => write!(f, "`{}`: {error}", error.field),
        }
    }
}

/// Standard input, exactly as given, as the built-in policy's one field.
pub fn plain(text: String) -> Report {
    Report::default().with_text(REPORT_FIELD.id(), text)
}

/// A JSON object mapping field ids to values: strings (numbers are taken as text), arrays of
/// strings for multi-selects, booleans for checkboxes; `null` leaves a field empty.
pub fn from_json(policy: &Policy, json: &str) -> Result<Report, ReportInputError> {
    let parsed: Json = serde_json::from_str(json).map_err(ReportInputError::NotJson)?;
    let Json::Object(entries) = parsed else {
        return Err(ReportInputError::NotAnObject);
    };
    let mut report = Report::default();
    let mut problems = Vec::new();
    for (id, json) in entries {
        let Some(field) = policy.field(&id) else {
            problems.push(ReportProblem::UnknownField {
                known: policy.fields.iter().map(|f| f.id.clone()).collect(),
                id,
            });
            continue;
        };
        match value_for(field, json) {
            Ok(Some(value)) => report.set(id, value),
            Ok(None) => {}
            Err(expected) => problems.push(ReportProblem::WrongType {
                id,
                label: field.label.clone(),
                expected,
            }),
        }
    }
    // A field whose value had the wrong type was left empty; "is required" would repeat that.
    let mistyped: Vec<String> = problems
        .iter()
        .filter_map(|problem| match problem {
            ReportProblem::WrongType { id, .. } => Some(id.clone()),
            _ => None,
        })
        .collect();
    problems.extend(
        validate(policy, &report)
            .into_iter()
            .filter(|error| !mistyped.contains(&error.field))
            .map(ReportProblem::Invalid),
    );
    if problems.is_empty() {
        Ok(report)
    } else {
        Err(ReportInputError::Refused(problems))
    }
}

/// The field's value, `None` for `null`, or what the field expects instead.
fn value_for(field: &FieldDef, json: Json) -> Result<Option<Value>, &'static str> {
    match (&field.control, json) {
        (_, Json::Null) => Ok(None),
        (Control::Checkbox, Json::Bool(checked)) => Ok(Some(Value::Checked(checked))),
        (Control::Checkbox, _) => Err("true or false"),
        (Control::MultiSelect(_), Json::Array(items)) => items
            .into_iter()
            .map(|item| match item {
                Json::String(choice) => Ok(choice),
                _ => Err("an array of strings"),
            })
            .collect::<Result<_, _>>()
            .map(|choices| Some(Value::Choices(choices))),
        (Control::MultiSelect(_), _) => Err("an array of strings"),
        (_, Json::String(text)) => Ok(Some(Value::Text(text))),
        (_, Json::Number(number)) => Ok(Some(Value::Text(number.to_string()))),
        (_, _) => Err("a string"),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn lists_typos_wrong_types_and_missing_fields_together() {
        let policy = sealpost_core::demo::policy();
        let json = r#"{"titel": "XSS", "impact": ["a"], "affected_versions": 2}"#;
        let Err(ReportInputError::Refused(problems)) = from_json(&policy, json) else {
            panic!("expected the report to be refused");
        };
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("`titel`: the policy has no such field")),
            "{messages:?}"
        );
        assert!(messages
            .iter()
            .any(|m| m == "`impact`: Impact takes a string."));
        assert!(messages.iter().any(|m| m == "`title`: Title is required."));
        assert!(
            !messages
                .iter()
                .any(|m| m.starts_with("`affected_versions`")),
            "numbers are text"
        );
        assert!(
            !messages
                .iter()
                .any(|m| m == "`impact`: Impact is required."),
            "a wrong type is reported once"
        );
    }

    #[test]
    fn refuses_what_is_not_an_object() {
        let policy = sealpost_core::demo::policy();
        assert!(matches!(
            from_json(&policy, "[1]"),
            Err(ReportInputError::NotAnObject)
        ));
        assert!(matches!(
            from_json(&policy, "{"),
            Err(ReportInputError::NotJson(_))
        ));
    }
}
