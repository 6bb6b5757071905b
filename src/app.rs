//! The page: loads the policy, then either the report form or the policy's problems.

use std::rc::Rc;

use leptos::{html, prelude::*};

use crate::{
    components::{
        policy_error_page::PolicyErrorPage, policy_overview::PolicyOverview,
        recipient_card::RecipientCard, report_form::ReportForm, sealed_output::SealedOutput,
    },
    services::{
        crypto::CryptoBackend,
        load_policy::{load_policy, LoadedPolicy},
    },
    state::{provide_report_state, ReportState},
};

#[component]
pub fn App(
    /// Where keys are checked and reports sealed: the worker in the app.
    crypto: Rc<dyn CryptoBackend>,
) -> impl IntoView {
    let crypto = StoredValue::new_local(crypto);
    let loaded = LocalResource::new(move || {
        let crypto = crypto.get_value();
        async move { load_policy(crypto.as_ref()).await }
    });
    view! {
        <Suspense fallback=|| view! { <main><p class="loading">"Loading the project's policy…"</p></main> }>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(loaded) => view! { <ReportPage loaded=loaded crypto=crypto.get_value() /> }.into_any(),
                    Err(failure) => view! {
                        <header class="masthead"><p class="brand">"sealpost"</p></header>
                        <main><PolicyErrorPage failure=failure /></main>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ReportPage(
    /// The checked policy and its accepted keys.
    loaded: LoadedPolicy,
    crypto: Rc<dyn CryptoBackend>,
) -> impl IntoView {
    let project = loaded.policy.project.name.clone();
    provide_report_state(ReportState::new(loaded.policy, loaded.recipients, crypto));
    let sealed_heading = NodeRef::<html::H2>::new();
    view! {
        <header class="masthead">
            <p class="brand">"sealpost"</p>
            <h1>"Report a vulnerability to " <bdi>{project}</bdi></h1>
            <p class="lede">
                "Your report is encrypted in this browser before it goes anywhere. "
                "Nothing you type is sent or stored by this page."
            </p>
        </header>
        <main>
            <PolicyOverview />
            <RecipientCard />
            <ReportForm sealed_heading=sealed_heading />
            <SealedOutput heading=sealed_heading />
        </main>
    }
}
