//! Judging a report against its policy.
//!
//! Problems are data, not errors: the form marks each field with its own message, and the
//! "Encrypt report" button lists them all instead of doing nothing.

use std::fmt;

use crate::{
    cvss::Picks,
    i18n::{self, Texts},
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

impl FieldError {
    /// The message for the researcher, in `texts`' language.
    pub fn message(&self, texts: &Texts) -> String {
        let t = texts.problems;
        let label = self.label.as_str();
        match &self.problem {
            Problem::Missing => (t.missing)(label),
            Problem::NotChecked => (t.not_checked)(label),
            Problem::TooShort {
                min_chars,
                actual_chars,
            } => (t.too_short)(label, *min_chars, *actual_chars),
            Problem::TooLong {
                max_chars,
                actual_chars,
            } => (t.too_long)(label, *max_chars, *actual_chars),
            Problem::NotAUrl => (t.not_a_url)(label),
            Problem::NotAnEmail => (t.not_an_email)(label),
            Problem::NoEvidence { min_steps, steps } => (t.no_evidence)(*min_steps, *steps),
            Problem::NotANumber => (t.not_a_number)(label),
            Problem::NotADate => (t.not_a_date)(label),
            Problem::NotAnOption(choice) => (t.not_an_option)(label, choice),
            Problem::NotACvssVector {
                expected_prefix,
                reason,
            } => (t.not_a_cvss_vector)(label, reason, expected_prefix),
            Problem::NotVersionRanges(reason) => (t.in_ranges)(label, &reason.message(texts)),
        }
    }
}

/// In English, as the command-line tool prints it.
impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&i18n::EN))
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
        .fields_for(report)
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
        Control::Url => match crate::web_url::parse(text) {
            Ok(url) if matches!(url.scheme.as_str(), "https" | "http") => None,
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
