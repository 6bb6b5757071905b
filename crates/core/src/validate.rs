//! Judging a report against its policy.
//!
//! Problems are data, not errors: the form marks each field with its own message, and the
//! "Encrypt report" button lists them all instead of doing nothing.

use std::fmt;

use crate::{
    cvss::Picks,
    policy::{Builtin, Control, CvssVersion, FieldDef, Policy},
    report::{numbered::count_steps, Report},
};

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's id (its form control's `id`).
    pub field: String,
    /// The field's label, for the message.
    pub label: String,
    pub problem: Problem,
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// A required field is empty or only whitespace.
    Missing,
    /// A required checkbox is not ticked.
    NotChecked,
    TooShort {
        min_chars: usize,
        actual_chars: usize,
    },
    TooLong {
        max_chars: usize,
        actual_chars: usize,
    },
    NotAUrl,
    NotAnEmail,
    NotANumber,
    NotADate,
    /// A choice the policy does not offer.
    NotAnOption(String),
    /// Not a valid CVSS vector of the policy's version.
    NotACvssVector {
        expected_prefix: &'static str,
        reason: String,
    },
    /// Structured affected versions with a problem in one range.
    NotVersionRanges(crate::report::version_ranges::RangesError),
    /// The policy's quality gate wants evidence: a proof of concept, a file, or enough steps.
    NoEvidence {
        min_steps: usize,
        steps: usize,
    },
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = &self.label;
        match &self.problem {
            Problem::Missing => write!(f, "{label} is required."),
            Problem::NotChecked => write!(f, "Please tick “{label}”."),
            Problem::TooShort { min_chars, actual_chars } => write!(
                f,
                "{label} is {actual_chars} characters long; please write at least {min_chars}."
            ),
            Problem::TooLong { max_chars, actual_chars } => write!(
                f,
                "{label} is {actual_chars} characters long; the limit is {max_chars}. \
                 Shorten it by {} characters.",
                actual_chars - max_chars
            ),
            Problem::NotAUrl => write!(f, "{label} must be a web address starting with https:// or http://."),
            Problem::NotAnEmail => write!(f, "{label} must be an address like name@example.org."),
            Problem::NoEvidence { min_steps, steps } => write!(
                f,
                "This project needs evidence with every report: a proof of concept, an attached \
                 file, or at least {min_steps} numbered reproduction steps (you gave {steps})."
            ),
            Problem::NotANumber => write!(f, "{label} must be a number."),
            Problem::NotADate => write!(f, "{label} must be a date written as YYYY-MM-DD."),
            Problem::NotAnOption(choice) => {
                write!(f, "{label}: “{choice}” is not one of the choices offered.")
            }
            Problem::NotACvssVector { expected_prefix, reason } => write!(
                f,
                "{label} is not a valid CVSS vector ({reason}). It should start with {expected_prefix}"
            ),
            Problem::NotVersionRanges(reason) => write!(f, "{label}: {reason}."),
        }
    }
}

/// Every problem with `report` under `policy`, in the policy's field order, for a report with
/// no attached files. Empty means the report may be sealed.
pub fn validate(policy: &Policy, report: &Report) -> Vec<FieldError> {
    validate_with(policy, report, 0)
}

/// [`validate`] for a report with `attachments` files attached (they count as evidence).
pub fn validate_with(policy: &Policy, report: &Report, attachments: usize) -> Vec<FieldError> {
    let mut problems: Vec<FieldError> = policy
        .fields
        .iter()
        .filter_map(|field| {
            check_field(field, report).map(|problem| FieldError {
                field: field.id.clone(),
                label: field.label.clone(),
                problem,
            })
        })
        .collect();
    problems.extend(check_evidence(policy, report, attachments));
    problems
}

/// The quality gate's evidence rule, reported on the first evidence field the form shows.
fn check_evidence(policy: &Policy, report: &Report, attachments: usize) -> Option<FieldError> {
    if !policy.quality.require_evidence {
        return None;
    }
    let field_of = |builtin| policy.fields.iter().find(|f| f.builtin == Some(builtin));
    let text_of = |builtin| field_of(builtin).map_or("", |f| report.text(&f.id).trim());
    let min_steps = policy.quality.min_reproduction_steps as usize;
    let steps = count_steps(text_of(Builtin::ReproductionSteps));
    let has_evidence =
        !text_of(Builtin::ProofOfConcept).is_empty() || attachments > 0 || steps >= min_steps;
    if has_evidence {
        return None;
    }
    let home = [
        Builtin::ProofOfConcept,
        Builtin::ReproductionSteps,
        Builtin::Attachments,
    ]
    .into_iter()
    .find_map(field_of)?;
    Some(FieldError {
        field: home.id.clone(),
        label: home.label.clone(),
        problem: Problem::NoEvidence { min_steps, steps },
    })
}

fn check_field(field: &FieldDef, report: &Report) -> Option<Problem> {
    match &field.control {
        Control::Checkbox => {
            (field.required && !report.checked(&field.id)).then_some(Problem::NotChecked)
        }
        Control::MultiSelect(options) => {
            let choices = report.choices(&field.id);
            if field.required && choices.is_empty() {
                return Some(Problem::Missing);
            }
            choices
                .iter()
                .find(|choice| !options.contains(choice))
                .map(|choice| Problem::NotAnOption(choice.clone()))
        }
        // Attachments are not collected by this version of the form.
        Control::Attachments => None,
        control => {
            let text = report.text(&field.id).trim();
            if text.is_empty() {
                return field.required.then_some(Problem::Missing);
            }
            let actual_chars = text.chars().count();
            if actual_chars < field.min_chars {
                return Some(Problem::TooShort {
                    min_chars: field.min_chars,
                    actual_chars,
                });
            }
            if actual_chars > field.max_chars {
                return Some(Problem::TooLong {
                    max_chars: field.max_chars,
                    actual_chars,
                });
            }
            check_syntax(control, text)
        }
    }
}

fn check_syntax(control: &Control, text: &str) -> Option<Problem> {
    match control {
        Control::Url => match url::Url::parse(text) {
            Ok(url) if matches!(url.scheme(), "https" | "http") => None,
            _ => Some(Problem::NotAUrl),
        },
        Control::Number => text
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .is_none()
            .then_some(Problem::NotANumber),
        Control::Date => (!is_iso_date(text)).then_some(Problem::NotADate),
        Control::Select(options) => {
            (!options.iter().any(|o| o == text)).then(|| Problem::NotAnOption(text.to_owned()))
        }
        Control::Cvss(version) => check_cvss(*version, text).err(),
        Control::VersionRanges => crate::report::version_ranges::check_ranges(text)
            .err()
            .map(Problem::NotVersionRanges),
        Control::Email => (!is_plausible_email(text)).then_some(Problem::NotAnEmail),
        _ => None,
    }
}

/// `local@domain.tld`, nothing more: the project will write to it, not us, so only plain
/// mistakes are worth catching (a missing `@`, spaces, no domain).
fn is_plausible_email(text: &str) -> bool {
    let Some((local, domain)) = text.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && !text.chars().any(char::is_whitespace)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts[..] else {
        return false;
    };
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) =
        (year.parse::<i32>(), month.parse::<u8>(), day.parse::<u8>())
    else {
        return false;
    };
    time::Month::try_from(month)
        .and_then(|month| time::Date::from_calendar_date(year, month, day))
        .is_ok()
}

/// The calculator's own parser, so the form and the final check give the same reasons.
fn check_cvss(version: CvssVersion, text: &str) -> Result<(), Problem> {
    Picks::from_vector_for(version, text)
        .map(drop)
        .map_err(|err| Problem::NotACvssVector {
            expected_prefix: version.prefix(),
            reason: err.to_string(),
        })
}

/// The score and severity (`critical`) of a complete CVSS 3.1 or 4.0 vector, if it parses.
pub fn cvss_score(vector: &str) -> Option<(f64, String)> {
    crate::cvss::score(vector).map(|score| (score.value, score.rating.as_str().to_owned()))
}
