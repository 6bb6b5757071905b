//! The researcher's form over the policy being edited: the report page's own components, each
//! time the policy changes and has no problems. Its keys are accepted by the worker as on the
//! report page, so the recipient card shows the fingerprint, and a report sealed here is
//! encrypted to the maintainer's key (and sent nowhere).

use std::rc::Rc;

use leptos::{prelude::*, task::spawn_local};
use sealpost_core::{protocol::AcceptRequest, Policy, PolicyError};

use super::use_builder;
use crate::{
    components::guided_form::GuidedForm,
    state::{provide_report_state, ReportState},
};

#[component]
pub fn Preview() -> impl IntoView {
    let state = use_builder();
    let t = move || state.texts();
    let form = move || match state.checked.get() {
        Ok(policy) => {
            let json = state.json.get_untracked();
            view! { <PreviewForm policy=policy json=json /> }.into_any()
        }
        Err(_) => view! { <p class="builder__waiting">{t().preview_waiting}</p> }.into_any(),
    };
    view! {
        <section class="builder__section preview" aria-labelledby="builder-preview-heading">
            <h2 id="builder-preview-heading">{move || t().preview_heading}</h2>
            <p>{move || t().preview_intro}</p>
            <div class="preview__frame">{form}</div>
        </section>
    }
}

#[component]
fn PreviewForm(
    /// The edited policy, checked.
    policy: Policy,
    /// Its text, for the worker and for reading it in another language.
    json: String,
) -> impl IntoView {
    let builder = use_builder();
    let crypto = builder.crypto.get_value();
    let recipients = policy.recipients.len();
    let project = policy.project.name.clone();
    let report = ReportState::new(policy, json.clone(), builder.lang, Rc::clone(&crypto));
    provide_report_state(report);
    let refused = RwSignal::new(None::<Vec<PolicyError>>);
    spawn_local(async move {
        let accepted = crypto
            .accept(AcceptRequest {
                policy_json: json,
                // Only inline keys: the builder puts the key in the policy itself.
                fetched_keys: vec![None; recipients],
                now_ms: js_sys::Date::now(),
            })
            .await;
        match accepted {
            Ok(keys) => {
                report.recipients.try_set(Some(keys));
            }
            Err(errors) => {
                refused.try_set(Some(errors));
            }
        }
    });
    let form = move || {
        report.localize(builder.lang.get());
        view! { <GuidedForm /> }
    };
    let report_to = move || builder.lang.get().texts().form.report_to;
    view! {
        // The report page's heading, as a paragraph: the builder has its own.
        <p class="preview__title">
            {move || report_to().0} <bdi>{project}</bdi> {move || report_to().1}
        </p>
        {move || refused.get().map(|errors| {
            let items = errors
                .into_iter()
                .map(|e| view! { <li><code class="path">{e.path}</code> ": " {e.reason}</li> })
                .collect::<Vec<_>>();
            view! {
                <div class="error" role="alert">
                    <p>{builder.texts().preview_keys_refused}</p>
                    <ul>{items}</ul>
                </div>
            }
        })}
        {form}
    }
}
