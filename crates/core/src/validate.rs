//! Judging a report against its policy.
//!
//! Problems are data, not errors: the form marks each field with its own message, and the
//! "Encrypt" button lists them all instead of doing nothing.

use std::fmt;

use crate::{
    policy::Policy,
    report::{Field, Report},
};

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// A required field is empty or only whitespace.
    Missing,
    /// The field is longer than the policy allows.
    TooLong {
        max_chars: usize,
        actual_chars: usize,
    },
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = self.field.label();
        match self.problem {
            Problem::Missing => write!(f, "{label} is required."),
            Problem::TooLong {
                max_chars,
                actual_chars,
            } => write!(
                f,
                "{label} is {actual_chars} characters long; the limit is {max_chars}. \
                 Shorten it by {} characters.",
                actual_chars - max_chars
            ),
        }
    }
}

/// Every problem with `report` under `policy`, in the policy's field order. Empty means the
/// report may be sealed.
pub fn validate(policy: &Policy, report: &Report) -> Vec<FieldError> {
    policy
        .fields
        .iter()
        .filter_map(|rule| {
            let value = report.get(rule.field).trim();
            let actual_chars = value.chars().count();
            let problem = if rule.required && value.is_empty() {
                Problem::Missing
            } else if actual_chars > rule.max_chars {
                Problem::TooLong {
                    max_chars: rule.max_chars,
                    actual_chars,
                }
            } else {
                return None;
            };
            Some(FieldError {
                field: rule.field,
                problem,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use pretty_assertions::assert_eq;

    fn complete() -> Report {
        Report::default()
            .with(Field::Title, "Path traversal in upload")
            .with(Field::VulnerabilityType, "CWE-22")
            .with(Field::AffectedVersions, "<= 3.1.4")
            .with(Field::StepsToReproduce, "1. Upload ../../etc/passwd")
            .with(Field::Impact, "Arbitrary file write")
    }

    #[test]
    fn a_complete_report_has_no_problems() {
        assert_eq!(validate(&demo::policy(), &complete()), vec![]);
    }

    #[test]
    fn an_empty_report_misses_every_required_field_in_order() {
        let errors = validate(&demo::policy(), &Report::default());
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, Field::ALL.to_vec());
        assert!(errors.iter().all(|e| e.problem == Problem::Missing));
        assert_eq!(errors[0].to_string(), "Title is required.");
    }

    #[test]
    fn whitespace_only_counts_as_missing() {
        let report = complete().with(Field::Impact, " \n\t ");
        assert_eq!(
            validate(&demo::policy(), &report),
            vec![FieldError {
                field: Field::Impact,
                problem: Problem::Missing
            }]
        );
    }

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        let limit = Field::Title.default_max_chars();
        // Each of these is three bytes in UTF-8.
        let at_limit = "漏".repeat(limit);
        assert_eq!(
            validate(&demo::policy(), &complete().with(Field::Title, at_limit)),
            vec![]
        );

        let over = "漏".repeat(limit + 3);
        let errors = validate(&demo::policy(), &complete().with(Field::Title, over));
        assert_eq!(
            errors[0].problem,
            Problem::TooLong {
                max_chars: limit,
                actual_chars: limit + 3
            }
        );
        assert_eq!(
            errors[0].to_string(),
            "Title is 203 characters long; the limit is 200. Shorten it by 3 characters."
        );
    }

    #[test]
    fn optional_fields_may_be_empty_but_not_too_long() {
        let mut policy = demo::policy();
        for rule in &mut policy.fields {
            rule.required = false;
            rule.max_chars = 5;
        }
        assert_eq!(validate(&policy, &Report::default()), vec![]);
        let errors = validate(&policy, &Report::default().with(Field::Impact, "123456"));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, Field::Impact);
    }
}
