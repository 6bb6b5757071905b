//! The list of what is missing, shown when "Encrypt report" is pressed on an incomplete report.
//! It takes focus so keyboard and screen-reader users land on it; each entry jumps to its field.

use leptos::{html, prelude::*};

use crate::state::use_report_state;

#[component]
pub fn ErrorSummary(
    /// Where the summary's element is, so the form can move focus to it.
    node_ref: NodeRef<html::Div>,
) -> impl IntoView {
    let state = use_report_state();
    let visible = move || state.attempted.get() && !state.problems.read().is_empty();
    let items = move || {
        state.problems.with(|problems| {
            problems
                .iter()
                .map(|problem| {
                    let href = format!("#{}", problem.field);
                    view! { <li><a href=href>{problem.to_string()}</a></li> }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div
            class="error-summary"
            id="error-summary"
            role="alert"
            tabindex="-1"
            node_ref=node_ref
            hidden=move || !visible()
        >
            <h2>"The report is not ready to encrypt"</h2>
            <p>"Fix these first:"</p>
            <ul>{items}</ul>
        </div>
    }
}
