//! A step made of policy fields (what, how, impact, you), in the policy's order.

use leptos::prelude::*;
use sealpost_core::{guide, policy::Step};

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
    // On "About you": whether leaving it all empty is allowed, as the policy says.
    let anonymity = (step == Step::You).then(|| {
        let refused = state.policy.with_value(|p| p.commitments.anonymous_reports == Some(false));
        view! {
            <p class="hint">{move || if refused { t().form.anonymous_refused } else { t().form.anonymous_allowed }}</p>
        }
    });
    let reply_key = (step == Step::You).then(|| view! { <ReplyKeyPanel /> });
    view! {
        {anonymity}
        {fields}
        {reply_key}
    }
}
