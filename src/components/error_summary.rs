//! The list of what is missing, shown when the researcher tries to leave an incomplete step or
//! to encrypt an incomplete report. It takes focus so keyboard and screen-reader users land on
//! it; each entry jumps to its field, on whichever step that is.

use leptos::{html, prelude::*};
use sealpost_core::FieldError;

use crate::{i18n::use_texts, services::navigate, state::use_report_state};

#[component]
pub fn ErrorSummary(
    /// Where the summary's element is, so the form can move focus to it.
    node_ref: NodeRef<html::Div>,
    /// The problems to list; the summary is hidden while `shown` is false or this is empty.
    problems: Signal<Vec<FieldError>>,
    shown: Signal<bool>,
    /// The heading: the whole report's or one step's.
    heading: Signal<&'static str>,
) -> impl IntoView {
    let state = use_report_state();
    let t = use_texts();
    let visible = move || shown.get() && !problems.read().is_empty();
    let items = move || {
        problems
            .get()
            .into_iter()
            .map(|problem| {
                let href = format!("#{}", problem.field);
                let field = problem.field.clone();
                let jump = move |ev: leptos::ev::MouseEvent| {
                    ev.prevent_default();
                    navigate::to_field(state, &field);
                };
                view! { <li><a href=href on:click=jump>{move || problem.message(t())}</a></li> }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <div
            class="error-summary"
            role="alert"
            tabindex="-1"
            node_ref=node_ref
            hidden=move || !visible()
        >
            <h3>{move || heading.get()}</h3>
            <p>{move || t().form.fix_these}</p>
            <ul>{items}</ul>
        </div>
    }
}
