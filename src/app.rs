//! The page: picks the policy, accepts its recipient key, provides the state, lays out the parts.

use leptos::{html, prelude::*};
use sealpost_core::{demo, RecipientKey};

use crate::{
    browser,
    components::{
        recipient_card::RecipientCard, report_form::ReportForm, sealed_output::SealedOutput,
    },
    state::{provide_report_state, ReportState},
};

#[component]
pub fn App() -> impl IntoView {
    // Until projects can supply a policy file, every page serves the built-in demo.
    let policy = demo::policy();
    let recipient = RecipientKey::accept(policy.recipient_key.as_bytes(), browser::now())
        .map_err(|err| err.to_string());
    let project = policy.project.clone();
    provide_report_state(ReportState::new(policy, recipient));
    let sealed_heading = NodeRef::<html::H2>::new();

    view! {
        <header class="masthead">
            <p class="brand">"sealpost"</p>
            <h1>"Report a vulnerability to " {project}</h1>
            <p class="lede">
                "Your report is encrypted in this browser before it goes anywhere. "
                "Nothing you type is sent or stored by this page."
            </p>
        </header>
        <main>
            <RecipientCard />
            <ReportForm sealed_heading=sealed_heading />
            <SealedOutput heading=sealed_heading />
        </main>
    }
}
