//! What each CVSS metric is, as data the form renders: one group of radio buttons per
//! metric, labelled and explained, in the order the vector string lists them.

use crate::policy::CvssVersion;

use super::{v31, v40};

/// The metric groups of CVSS 3.1 (Base, Temporal, Environmental) and 4.0 (Base, Threat,
/// Environmental, Supplemental). The form shows Base first and folds the others away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    Base,
    Temporal,
    Threat,
    Environmental,
    Supplemental,
}

impl Group {
    /// The group's name as FIRST writes it, for a heading.
    pub fn label(self) -> &'static str {
        match self {
            Group::Base => "Base",
            Group::Temporal => "Temporal",
            Group::Threat => "Threat",
            Group::Environmental => "Environmental",
            Group::Supplemental => "Supplemental",
        }
    }
}

/// One CVSS metric, e.g. Attack Vector.
#[derive(Debug, PartialEq, Eq)]
pub struct Metric {
    /// The abbreviation used in vector strings (`AV`); also the metric's stable id.
    pub id: &'static str,
    /// The human name (`Attack Vector`).
    pub name: &'static str,
    /// One or two sentences a researcher reads before choosing.
    pub help: &'static str,
    pub group: Group,
    /// Every value, in the order FIRST's calculator shows them. Optional metrics start with
    /// `X` (Not Defined), which is what an unpicked optional metric means.
    pub values: &'static [MetricValue],
}

/// One value a metric can take, e.g. `N` (Network).
#[derive(Debug, PartialEq, Eq)]
pub struct MetricValue {
    /// The abbreviation used in vector strings (`N`); also the value's stable id.
    pub id: &'static str,
    /// The human label (`Network`).
    pub label: &'static str,
}

/// The value id every optional metric has and no base metric has.
pub const NOT_DEFINED: &str = "X";

impl Metric {
    /// Base metrics must all be picked before there is a score; the others default to
    /// Not Defined.
    pub fn required(&self) -> bool {
        self.group == Group::Base
    }

    /// The value with this id, matched without regard to case (`u:red` is `U:Red`).
    pub fn value(&self, id: &str) -> Option<&'static MetricValue> {
        self.values.iter().find(|v| v.id.eq_ignore_ascii_case(id))
    }

    /// What an unpicked metric means: Not Defined for optional metrics, nothing for base
    /// metrics (they have no default and must be chosen).
    pub fn default_value(&self) -> Option<&'static MetricValue> {
        if self.required() {
            None
        } else {
            self.value(NOT_DEFINED)
        }
    }

    /// The value ids joined for an error message: `N, A, L or P`.
    pub(super) fn value_list(&self) -> String {
        let ids: Vec<&str> = self.values.iter().map(|v| v.id).collect();
        match ids.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => ids.join(""),
        }
    }
}

/// Every metric of `version`, in the canonical vector order (base metrics first).
pub fn metrics(version: CvssVersion) -> &'static [Metric] {
    match version {
        CvssVersion::V3_1 => v31::METRICS,
        CvssVersion::V4_0 => v40::METRICS,
    }
}

/// The metric of `version` with this abbreviation (`av` finds `AV`).
pub fn metric(version: CvssVersion, id: &str) -> Option<&'static Metric> {
    metrics(version)
        .iter()
        .find(|m| m.id.eq_ignore_ascii_case(id))
}

/// Shorthand for the tables.
pub(super) const fn v(id: &'static str, label: &'static str) -> MetricValue {
    MetricValue { id, label }
}
