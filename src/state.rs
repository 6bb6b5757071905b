//! The form's state: one `Copy` struct of signals, provided once and read through
//! [`use_report_state`], as in Leptos' todomvc example.

use leptos::prelude::*;
use sealpost_core::{validate, FieldError, Policy, RecipientKey, Report, Value};

/// What the page knows and what the researcher has done.
#[derive(Clone, Copy)]
pub struct ReportState {
    /// The project's policy (fixed for the page's lifetime).
    pub policy: StoredValue<Policy>,
    /// Every recipient's accepted key; each report is encrypted to all of them.
    pub recipients: StoredValue<Vec<RecipientKey>>,
    /// Everything the researcher entered, exactly as entered.
    pub report: RwSignal<Report>,
    /// Every problem with the report right now (derived, never set by hand).
    pub problems: Memo<Vec<FieldError>>,
    /// Whether the researcher has tried to encrypt: problems are shown from then on, not while
    /// they are still filling in the form for the first time.
    pub attempted: RwSignal<bool>,
    /// The last sealed message and the report it was made from.
    pub sealed: RwSignal<Option<Sealed>>,
}

/// An encrypted report.
#[derive(Clone, PartialEq)]
pub struct Sealed {
    pub armored: String,
    pub from: Report,
}

impl ReportState {
    pub fn new(policy: Policy, recipients: Vec<RecipientKey>) -> Self {
        let report = RwSignal::new(Report::default());
        let policy = StoredValue::new(policy);
        let problems = Memo::new(move |_| {
            policy.with_value(|policy| report.with(|report| validate(policy, report)))
        });
        Self {
            policy,
            recipients: StoredValue::new(recipients),
            report,
            problems,
            attempted: RwSignal::new(false),
            sealed: RwSignal::new(None),
        }
    }

    /// The problem with field `id` to show now, if any.
    pub fn visible_problem(&self, id: &str) -> Option<FieldError> {
        if !self.attempted.get() {
            return None;
        }
        self.problems
            .with(|problems| problems.iter().find(|p| p.field == id).cloned())
    }

    /// Records what the researcher entered in field `id`.
    pub fn set_value(&self, id: &str, value: Value) {
        self.report.update(|report| report.set(id, value));
    }
}

pub fn provide_report_state(state: ReportState) {
    provide_context(state);
}

pub fn use_report_state() -> ReportState {
    expect_context()
}
