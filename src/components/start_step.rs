//! "Before you start": the project's scope, rules and promises, who the report is encrypted to,
//! and any field the policy puts here (acknowledging the testing rules).

use leptos::prelude::*;
use sealpost_core::{guide, policy::Step};

use crate::{
    components::{
        draft_panel::DraftPanel, field_input::FieldInput, policy_overview::PolicyOverview,
        recipient_card::RecipientCard,
    },
    state::use_report_state,
};

#[component]
pub fn StartStep() -> impl IntoView {
    let state = use_report_state();
    let fields = state.policy.with_value(|policy| {
        guide::fields_in(policy, Step::Start)
            .map(|field| view! { <FieldInput field=field.clone() /> })
            .collect::<Vec<_>>()
    });
    view! {
        <PolicyOverview />
        <RecipientCard />
        {fields}
        <DraftPanel />
    }
}
