//! The CVSS calculator behind the form's severity control.
//!
//! Few researchers know CVSS by heart, so the form lists every metric with its values and
//! help, builds the vector string as they pick, and shows the score as soon as the base
//! metrics are complete; a vector pasted from elsewhere fills the same picks. This module is
//! that model as plain data: the UI renders [`metrics`] and keeps a [`Picks`].
//!
//! Scores always come from the `cvss` crate, which implements FIRST's equations (3.1) and
//! lookup tables (4.0); nothing here computes one.

mod metrics;
mod picks;
#[cfg(test)]
mod reference_tests;
#[cfg(test)]
mod tests;
mod v31;
mod v40;

use std::fmt;

pub use crate::policy::CvssVersion;
pub use metrics::{metric, metrics, Group, Metric, MetricValue, NOT_DEFINED};
pub use picks::{Picks, VectorError};

/// FIRST's qualitative severity rating of a score (the same scale in 3.1 and 4.0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    None,
    Low,
    Medium,
    High,
    Critical,
}

impl Rating {
    /// For people: `Critical`.
    pub fn label(self) -> &'static str {
        match self {
            Rating::None => "None",
            Rating::Low => "Low",
            Rating::Medium => "Medium",
            Rating::High => "High",
            Rating::Critical => "Critical",
        }
    }

    /// For data (the report's JSON, its rendered text): `critical`, as the `cvss` crate
    /// and earlier reports write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::None => "none",
            Rating::Low => "low",
            Rating::Medium => "medium",
            Rating::High => "high",
            Rating::Critical => "critical",
        }
    }
}

impl From<::cvss::Severity> for Rating {
    fn from(severity: ::cvss::Severity) -> Self {
        match severity {
            ::cvss::Severity::None => Rating::None,
            ::cvss::Severity::Low => Rating::Low,
            ::cvss::Severity::Medium => Rating::Medium,
            ::cvss::Severity::High => Rating::High,
            ::cvss::Severity::Critical => Rating::Critical,
        }
    }
}

/// A vector's score as FIRST's calculator shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// 0.0 to 10.0, one decimal.
    pub value: f64,
    pub rating: Rating,
    /// CVSS 4.0 names which metric groups a score includes (`CVSS-B`, `CVSS-BT`, `CVSS-BE`,
    /// `CVSS-BTE`) because they mean different things; CVSS 3.1 scores here are always the
    /// base score, so there it is `None`.
    pub nomenclature: Option<&'static str>,
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1} ({})", self.value, self.rating.label())?;
        if let Some(nomenclature) = self.nomenclature {
            write!(f, " {nomenclature}")?;
        }
        Ok(())
    }
}

/// The score of a complete CVSS 3.1 or 4.0 vector, `None` if it does not parse as one.
pub fn score(vector: &str) -> Option<Score> {
    Picks::from_vector(vector).ok()?.score()
}

/// Scores a vector that [`Picks`] built, so it is complete and in canonical form.
fn score_canonical(version: CvssVersion, vector: &str) -> Option<Score> {
    match version {
        CvssVersion::V3_1 => {
            let score = vector.parse::<::cvss::v3::Vector>().ok()?.base_score();
            Some(Score {
                value: score.value(),
                rating: score.severity().into(),
                nomenclature: None,
            })
        }
        CvssVersion::V4_0 => {
            let parsed = vector.parse::<::cvss::v4::Vector>().ok()?;
            let score = parsed.score();
            let nomenclature = match parsed.nomenclature() {
                ::cvss::v4::Nomenclature::CvssB => "CVSS-B",
                ::cvss::v4::Nomenclature::CvssBT => "CVSS-BT",
                ::cvss::v4::Nomenclature::CvssBE => "CVSS-BE",
                ::cvss::v4::Nomenclature::CvssBTE => "CVSS-BTE",
            };
            Some(Score {
                value: score.clone().value(),
                rating: score.severity().into(),
                nomenclature: Some(nomenclature),
            })
        }
    }
}
