//! The report form: the policy's fields, the error summary and the "Encrypt report" button.

use leptos::{html, prelude::*};
use sealpost_core::seal::seal_report;

use crate::{
    components::{error_summary::ErrorSummary, field_input::FieldInput},
    state::{use_report_state, Sealed},
};

#[component]
pub fn ReportForm(
    /// Receives focus once a report has been sealed, so the researcher lands on the result.
    sealed_heading: NodeRef<html::H2>,
) -> impl IntoView {
    let state = use_report_state();
    let summary = NodeRef::<html::Div>::new();
    let failure = RwSignal::new(None::<String>);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.attempted.set(true);
        failure.set(None);
        if !state.problems.read().is_empty() {
            focus_after_render(move || summary.get_untracked().map(Into::into));
            return;
        }
        let report = state.report.get_untracked();
        let sealed = state.policy.with_value(|policy| {
            state
                .recipients
                .with_value(|recipients| seal_report(policy, &report, recipients, rand_core::OsRng))
        });
        match sealed {
            Ok(armored) => {
                state.sealed.set(Some(Sealed {
                    armored,
                    from: report,
                }));
                focus_after_render(move || sealed_heading.get_untracked().map(Into::into));
            }
            Err(err) => failure.set(Some(err.to_string())),
        }
    };

    let fields = state.policy.with_value(|policy| {
        policy
            .fields
            .iter()
            .map(|field| view! { <FieldInput field=field.clone() /> })
            .collect::<Vec<_>>()
    });

    view! {
        <form class="report-form" novalidate on:submit=on_submit>
            <h2>"Your report"</h2>
            <ErrorSummary node_ref=summary />
            {fields}
            <p class="error" role="alert" hidden=move || failure.read().is_none()>
                {move || failure.get()}
            </p>
            <button type="submit" class="primary">"Encrypt report"</button>
        </form>
    }
}

/// Moves focus to what `target` finds once the DOM shows it (it may be un-hidden by this very
/// update, which Leptos applies asynchronously).
fn focus_after_render(target: impl Fn() -> Option<web_sys::HtmlElement> + 'static) {
    request_animation_frame(move || {
        if let Some(element) = target() {
            let _ = element.focus();
        }
    });
}
