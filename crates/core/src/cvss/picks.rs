//! The researcher's choices so far, and the vector string they make.

use std::{fmt, str::FromStr};

use super::{
    metrics::{metrics, Metric, MetricValue, NOT_DEFINED},
    score_canonical, CvssVersion, Score,
};

/// Why a vector (or one pick) was refused. Each message names the metric and says what to
/// write instead, because the researcher sees it next to the pasted text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VectorError {
    #[error("the vector is empty")]
    Empty,
    #[error("“{found}” is not the start of a CVSS vector: it begins with CVSS:3.1/ or CVSS:4.0/")]
    NoPrefix { found: String },
    #[error("CVSS {found} is not offered here: use CVSS:3.1 or CVSS:4.0")]
    UnsupportedVersion { found: String },
    #[error("this project asks for {expected}, not CVSS:{found}")]
    WrongVersion {
        expected: &'static str,
        found: String,
    },
    #[error("there is an empty part (a doubled or trailing “/”)")]
    EmptyPart,
    #[error("“{part}” is not a metric: write each one as NAME:VALUE, separated by “/”")]
    Malformed { part: String },
    #[error("{metric} is not a {version} metric")]
    UnknownMetric {
        metric: String,
        version: &'static str,
    },
    #[error("{metric} ({name}) cannot be “{value}”; it is one of {allowed}")]
    UnknownValue {
        metric: &'static str,
        name: &'static str,
        value: String,
        allowed: String,
    },
    #[error("{metric} ({name}) appears more than once")]
    Duplicate {
        metric: &'static str,
        name: &'static str,
    },
    #[error("{} missing", missing_list(.metrics))]
    MissingRequired { metrics: Vec<&'static Metric> },
}

fn missing_list(metrics: &[&'static Metric]) -> String {
    let names: Vec<String> = metrics
        .iter()
        .map(|m| format!("{} ({})", m.id, m.name))
        .collect();
    let verb = if names.len() == 1 { "is" } else { "are" };
    format!("the base metric {} {verb}", names.join(", "))
}

/// The value picked for each metric of one CVSS version. Unpicked optional metrics mean
/// Not Defined and are left out of the vector, as FIRST's calculators do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picks {
    version: CvssVersion,
    /// One slot per metric of [`metrics`]`(version)`, in that order.
    chosen: Vec<Option<&'static MetricValue>>,
}

impl Picks {
    /// Nothing picked yet.
    pub fn new(version: CvssVersion) -> Self {
        Self {
            version,
            chosen: vec![None; metrics(version).len()],
        }
    }

    pub fn version(&self) -> CvssVersion {
        self.version
    }

    /// The metrics to show, in vector order.
    pub fn metrics(&self) -> &'static [Metric] {
        metrics(self.version)
    }

    /// The value picked for `metric`, `None` if none was (or it is unknown).
    pub fn get(&self, metric: &str) -> Option<&'static MetricValue> {
        self.slot(metric).and_then(|i| self.chosen[i])
    }

    /// The value to show as selected: the pick, or Not Defined for an optional metric.
    pub fn selected(&self, metric: &str) -> Option<&'static MetricValue> {
        let (i, m) = self.lookup(metric).ok()?;
        self.chosen[i].or_else(|| m.default_value())
    }

    /// Picks `value` for `metric`. Not Defined (`X`) un-picks an optional metric.
    pub fn set(&mut self, metric: &str, value: &str) -> Result<(), VectorError> {
        let (i, m) = self.lookup(metric)?;
        let value = m.value(value).ok_or_else(|| VectorError::UnknownValue {
            metric: m.id,
            name: m.name,
            value: value.to_owned(),
            allowed: m.value_list(),
        })?;
        self.chosen[i] = (value.id != NOT_DEFINED).then_some(value);
        Ok(())
    }

    /// Un-picks `metric` (a no-op for an unknown metric).
    pub fn clear(&mut self, metric: &str) {
        if let Some(i) = self.slot(metric) {
            self.chosen[i] = None;
        }
    }

    /// The base metrics still to pick, in vector order; a score needs none missing.
    pub fn missing(&self) -> Vec<&'static Metric> {
        self.metrics()
            .iter()
            .zip(&self.chosen)
            .filter(|(m, chosen)| m.required() && chosen.is_none())
            .map(|(m, _)| m)
            .collect()
    }

    pub fn is_complete(&self) -> bool {
        self.missing().is_empty()
    }

    /// The vector string of what is picked so far, metrics in canonical order:
    /// `CVSS:3.1/AV:N/AC:L/...`. Shown live, so it is also built while incomplete.
    pub fn vector(&self) -> String {
        let mut vector = self.version.prefix().trim_end_matches('/').to_owned();
        for (m, value) in self.metrics().iter().zip(&self.chosen) {
            if let Some(value) = value {
                vector.push('/');
                vector.push_str(m.id);
                vector.push(':');
                vector.push_str(value.id);
            }
        }
        vector
    }

    /// Score and rating from the `cvss` crate once every base metric is picked.
    pub fn score(&self) -> Option<Score> {
        self.is_complete()
            .then(|| score_canonical(self.version, &self.vector()))
            .flatten()
    }

    /// Fills the picks from a pasted vector of either version. Metrics may come in any order
    /// and case (`vector()` gives them back in canonical form); every base metric must be
    /// there, and each metric at most once.
    pub fn from_vector(text: &str) -> Result<Self, VectorError> {
        parse(None, text)
    }

    /// Fills the picks from a pasted vector that must be of `version`, the one the
    /// project's policy asks for.
    pub fn from_vector_for(version: CvssVersion, text: &str) -> Result<Self, VectorError> {
        parse(Some(version), text)
    }

    /// Like [`Picks::from_vector_for`], but base metrics may be missing: reads back the vector
    /// the calculator wrote while the researcher was still choosing (`CVSS:3.1/AV:N`), so the
    /// choices made so far survive leaving the form and coming back.
    pub fn from_partial_vector_for(version: CvssVersion, text: &str) -> Result<Self, VectorError> {
        parse_picks(Some(version), text)
    }

    fn slot(&self, metric: &str) -> Option<usize> {
        self.lookup(metric).ok().map(|(i, _)| i)
    }

    fn lookup(&self, id: &str) -> Result<(usize, &'static Metric), VectorError> {
        self.metrics()
            .iter()
            .enumerate()
            .find(|(_, m)| m.id.eq_ignore_ascii_case(id))
            .ok_or_else(|| VectorError::UnknownMetric {
                metric: id.to_owned(),
                version: version_name(self.version),
            })
    }
}

impl fmt::Display for Picks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.vector())
    }
}

impl FromStr for Picks {
    type Err = VectorError;

    fn from_str(text: &str) -> Result<Self, VectorError> {
        Self::from_vector(text)
    }
}

/// `CVSS:3.1`, for messages.
fn version_name(version: CvssVersion) -> &'static str {
    version.prefix().trim_end_matches('/')
}

fn parse(expected: Option<CvssVersion>, text: &str) -> Result<Picks, VectorError> {
    let picks = parse_picks(expected, text)?;
    let missing = picks.missing();
    if missing.is_empty() {
        Ok(picks)
    } else {
        Err(VectorError::MissingRequired { metrics: missing })
    }
}

/// Every metric in `text`, checked, without requiring the base metrics.
fn parse_picks(expected: Option<CvssVersion>, text: &str) -> Result<Picks, VectorError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(VectorError::Empty);
    }
    let (head, body) = text.split_once('/').unwrap_or((text, ""));
    let version = parse_version(expected, head)?;
    let mut picks = Picks::new(version);
    let mut seen = vec![false; picks.chosen.len()];
    let parts = (!body.is_empty()).then(|| body.split('/'));
    for part in parts.into_iter().flatten() {
        if part.is_empty() {
            return Err(VectorError::EmptyPart);
        }
        let (id, value) = part.split_once(':').ok_or_else(|| VectorError::Malformed {
            part: part.to_owned(),
        })?;
        let (i, m) = picks.lookup(id)?;
        if seen[i] {
            return Err(VectorError::Duplicate {
                metric: m.id,
                name: m.name,
            });
        }
        seen[i] = true;
        picks.set(m.id, value)?;
    }
    Ok(picks)
}

fn parse_version(expected: Option<CvssVersion>, head: &str) -> Result<CvssVersion, VectorError> {
    let Some(found) = head
        .split_once(':')
        .filter(|(name, _)| name.eq_ignore_ascii_case("CVSS"))
        .map(|(_, found)| found)
    else {
        return Err(VectorError::NoPrefix {
            found: head.chars().take(20).collect(),
        });
    };
    let version = match found {
        "3.1" => Some(CvssVersion::V3_1),
        "4.0" => Some(CvssVersion::V4_0),
        _ => None,
    };
    match (expected, version) {
        (Some(expected), found_version) if found_version != Some(expected) => {
            Err(VectorError::WrongVersion {
                expected: version_name(expected),
                found: found.to_owned(),
            })
        }
        (_, Some(version)) => Ok(version),
        (_, None) => Err(VectorError::UnsupportedVersion {
            found: found.to_owned(),
        }),
    }
}
