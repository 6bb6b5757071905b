//! A step made of policy fields (what, how, impact, you), in the policy's order.

use leptos::prelude::*;
use sealpost_core::{
    guide,
    policy::{Control, Step, REPORTER_STANCE_ID},
    report::Stance,
};

use crate::{
    components::{field_input::FieldInput, reply_key::ReplyKeyPanel},
    i18n::use_texts,
    state::use_report_state,
};

#[component]
pub fn FieldsStep(step: Step) -> impl IntoView {
    let state = use_report_state();
    let t = use_texts();
    let fields = state.policy.with_value(|policy| {
        guide::fields_in(policy, step)
            .map(|field| view! { <FieldInput field=field.clone() /> })
            .collect::<Vec<_>>()
    });
    // On "About you": whether the researcher may stay anonymous, as the policy says, and how:
    // by the stance choice where the form offers it, else by leaving these fields empty.
    let anonymity = (step == Step::You).then(|| {
        let (refused, choice) = state.policy.with_value(|p| {
            let stances = p.field(REPORTER_STANCE_ID).map(|f| match &f.control {
                Control::Select(choices) => choices.iter().any(|c| c == Stance::Anonymous.choice()),
                _ => false,
            });
            // A stance without "anonymously" means the name is required or anonymity refused.
            let refused = p.commitments.anonymous_reports == Some(false) || stances == Some(false);
            (refused, stances == Some(true))
        });
        let hint = move || {
            let form = t().form;
            match (refused, choice) {
                (true, _) => form.anonymous_refused,
                (false, true) => form.anonymous_choice,
                (false, false) => form.anonymous_allowed,
            }
        };
        view! { <p class="hint">{hint}</p> }
    });
    let reply_key = (step == Step::You).then(|| view! { <ReplyKeyPanel /> });
    view! {
        {anonymity}
        {fields}
        {reply_key}
    }
}
