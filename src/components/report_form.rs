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
        let sealed = state.recipient.with_value(|recipient| {
            let recipient = recipient.as_ref().map_err(Clone::clone)?;
            let report = state.report.get_untracked();
            state.policy.with_value(|policy| {
                seal_report(policy, &report, recipient, rand_core::OsRng)
                    .map(|armored| Sealed {
                        armored,
                        from: report,
                    })
                    .map_err(|err| err.to_string())
            })
        });
        match sealed {
            Ok(sealed) => {
                state.sealed.set(Some(sealed));
                focus_after_render(move || sealed_heading.get_untracked().map(Into::into));
            }
            Err(reason) => failure.set(Some(reason)),
        }
    };

    let fields = state.policy.with_value(|policy| {
        policy
            .fields
            .iter()
            .map(|rule| view! { <FieldInput rule=*rule /> })
            .collect::<Vec<_>>()
    });

    view! {
        <form class="report-form" novalidate on:submit=on_submit>
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
