//! The form's state: one `Copy` struct of signals, provided once and read through
//! [`use_report_state`], as in Leptos' todomvc example.

use std::rc::Rc;

use js_sys::Uint8Array;
use leptos::prelude::*;
use sealpost_core::{
    guide,
    policy::Step,
    protocol::{RecipientSummary, SealedInfo},
    validate_with, Encoding, FieldError, Policy, Report, Value,
};

use crate::{i18n::Lang, services::crypto::CryptoBackend};

/// What the page knows and what the researcher has done.
#[derive(Clone, Copy)]
pub struct ReportState {
    /// The project's policy, with its texts in the page's language (see [`ReportState::localize`]).
    pub policy: StoredValue<Policy>,
    /// The policy as written, with the built-in texts in English: what the sealing worker
    /// renders the letter with, so the review shows exactly what will be encrypted whatever the
    /// page's language.
    letter_policy: StoredValue<Policy>,
    /// The policy file's text, to read it again in another language.
    policy_json: StoredValue<String>,
    /// The page's language.
    pub lang: RwSignal<Lang>,
    /// Fires when the policy was read again in another language.
    localized: Trigger,
    /// The language `policy`'s texts are in now, so reading it again happens only on a change.
    policy_lang: StoredValue<Lang>,
    /// Every recipient key, once the sealing worker has accepted them (`None` until then);
    /// each report is encrypted to all.
    pub recipients: RwSignal<Option<Vec<RecipientSummary>>>,
    /// Where keys are checked and reports sealed (the worker, in the app).
    pub crypto: StoredValue<Rc<dyn CryptoBackend>, LocalStorage>,
    /// Everything the researcher entered, exactly as entered.
    pub report: RwSignal<Report>,
    /// The files the researcher attached (read only by the worker, when sealing).
    pub attachments: RwSignal<Vec<web_sys::File>, LocalStorage>,
    /// Every problem with the report right now (derived, never set by hand).
    pub problems: Memo<Vec<FieldError>>,
    /// The guided form's steps for this policy, in order.
    pub steps: StoredValue<Vec<Step>>,
    /// The step on screen.
    pub step: RwSignal<Step>,
    /// Steps the researcher has tried to leave with "Next" (or all, once they tried to
    /// encrypt): their problems are shown from then on, not while they are still filling them
    /// in for the first time.
    pub checked: RwSignal<Vec<Step>>,
    /// While sealing: bytes encrypted so far and in all.
    pub progress: RwSignal<Option<(f64, f64)>>,
    /// The last sealed message and the report it was made from.
    pub sealed: RwSignal<Option<Sealed>, LocalStorage>,
    /// The armored public half of a reply key the researcher made in the page, sealed with the
    /// report so the project can answer encrypted.
    pub reply_public_key: RwSignal<Option<String>>,
    /// Whether the sealed report has reached the project's endpoint (leaving is safe then).
    pub delivered: RwSignal<bool>,
}

/// An encrypted report.
#[derive(Clone)]
pub struct Sealed {
    /// The OpenPGP message (a JavaScript array: it can be very large).
    pub bytes: Uint8Array,
    /// The same, as text, when armored (for the text box, copying, mailto and forms).
    pub armored: Option<String>,
    pub info: SealedInfo,
    /// What was sealed, to tell when the form has changed since.
    pub from: Report,
    pub attachment_names: Vec<String>,
}

impl Sealed {
    pub fn file_name(&self) -> &'static str {
        self.info.encoding.file_name()
    }

    pub fn is_armored(&self) -> bool {
        self.info.encoding == Encoding::Armored
    }
}

impl ReportState {
    pub fn new(
        policy: Policy,
        policy_json: String,
        lang: RwSignal<Lang>,
        crypto: Rc<dyn CryptoBackend>,
    ) -> Self {
        let report = RwSignal::new(Report::default());
        let letter_policy = StoredValue::new(policy.clone());
        let policy = StoredValue::new(policy);
        let attachments = RwSignal::new_local(Vec::<web_sys::File>::new());
        // Attached files count as evidence for a policy's quality gate. The problems name fields
        // as the policy in the page's language does.
        let localized = Trigger::new();
        let problems = Memo::new(move |_| {
            localized.track();
            let files = attachments.with(Vec::len);
            policy.with_value(|policy| report.with(|report| validate_with(policy, report, files)))
        });
        let steps = policy.with_value(guide::steps);
        let state = Self {
            policy,
            letter_policy,
            policy_json: StoredValue::new(policy_json),
            lang,
            localized,
            // `policy` comes from `Policy::from_json`: English.
            policy_lang: StoredValue::new(Lang::En),
            recipients: RwSignal::new(None),
            crypto: StoredValue::new_local(crypto),
            report,
            attachments,
            problems,
            step: RwSignal::new(steps.first().copied().unwrap_or(Step::Start)),
            steps: StoredValue::new(steps),
            checked: RwSignal::new(Vec::new()),
            progress: RwSignal::new(None),
            sealed: RwSignal::new_local(None),
            reply_public_key: RwSignal::new(None),
            delivered: RwSignal::new(false),
        };
        state.localize(lang.get_untracked());
        state
    }

    /// Reads the policy again with its texts in `lang`: built-in labels and the policy's own
    /// translations. The fields, rules and limits are the same in every language (the policy
    /// was checked when the page loaded), so nothing entered changes meaning.
    pub fn localize(&self, lang: Lang) {
        if self.policy_lang.get_value() == lang {
            return;
        }
        let localized = self
            .policy_json
            .with_value(|json| Policy::from_json_in(json, lang));
        if let Ok(policy) = localized {
            self.policy.set_value(policy);
            self.policy_lang.set_value(lang);
            self.localized.notify();
        }
    }

    /// `report`'s text exactly as the sealed letter will carry it.
    pub fn letter_text(&self, report: &Report) -> String {
        self.letter_policy
            .with_value(|policy| report.render_text(policy))
    }

    /// The problem with field `id` to show now, if any.
    pub fn visible_problem(&self, id: &str) -> Option<FieldError> {
        let step = self
            .policy
            .with_value(|policy| guide::step_of(policy, id))?;
        if !self.checked.with(|checked| checked.contains(&step)) {
            return None;
        }
        self.problems
            .with(|problems| problems.iter().find(|p| p.field == id).cloned())
    }

    /// The problems of the fields in `step`.
    pub fn problems_in(&self, step: Step) -> Vec<FieldError> {
        self.problems.with(|problems| {
            self.policy.with_value(|policy| {
                problems
                    .iter()
                    .filter(|p| guide::step_of(policy, &p.field) == Some(step))
                    .cloned()
                    .collect()
            })
        })
    }

    /// From now on, show the problems of `steps`.
    pub fn check(&self, steps: &[Step]) {
        self.checked.update(|checked| {
            for step in steps {
                if !checked.contains(step) {
                    checked.push(*step);
                }
            }
        });
    }

    /// The step after (`+1`) or before (`-1`) the current one, if any.
    pub fn neighbour(&self, offset: isize) -> Option<Step> {
        let current = self.step.get();
        self.steps.with_value(|steps| {
            let index = steps.iter().position(|&s| s == current)?;
            steps.get(index.checked_add_signed(offset)?).copied()
        })
    }

    /// "Step 2 of 7": the current step's number and the count.
    pub fn position(&self) -> (usize, usize) {
        let current = self.step.get();
        self.steps.with_value(|steps| {
            let index = steps.iter().position(|&s| s == current).unwrap_or(0);
            (index + 1, steps.len())
        })
    }

    /// Records what the researcher entered in field `id`.
    pub fn set_value(&self, id: &str, value: Value) {
        self.report.update(|report| report.set(id, value));
    }

    /// Whether the sealed report no longer matches the form.
    pub fn sealed_is_stale(&self) -> bool {
        self.sealed.with(|sealed| {
            sealed.as_ref().is_some_and(|sealed| {
                self.report.with(|report| *report != sealed.from)
                    || self.attachments.with(|files| {
                        files.iter().map(|f| f.name()).collect::<Vec<_>>()
                            != sealed.attachment_names
                    })
            })
        })
    }
}

pub fn provide_report_state(state: ReportState) {
    provide_context(state);
}

pub fn use_report_state() -> ReportState {
    expect_context()
}
