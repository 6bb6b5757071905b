//! The guided form: one step at a time, with where-you-are, Back and Next. Values live in the
//! report state, not in the step's controls, so going back and forth never loses input. "Next"
//! checks only the step being left; its problems are listed in a summary that takes focus.

use leptos::{html, prelude::*};
use sealpost_core::policy::Step;

use crate::{
    components::{
        error_summary::ErrorSummary, fields_step::FieldsStep, report_form::SealStep,
        review_step::ReviewStep, start_step::StartStep, step_progress::StepProgress,
    },
    i18n::use_texts,
    services::navigate,
    state::use_report_state,
};

#[component]
pub fn GuidedForm() -> impl IntoView {
    let state = use_report_state();
    let t = use_texts();
    let summary = NodeRef::<html::Div>::new();
    let step = move || state.step.get();
    // Once, after the first step is drawn with its handlers: `cargo xtask bench` reads the
    // mark, and the sealing worker starts once it is painted.
    Effect::new(|_| crate::browser::first_step_drawn());

    // Sealing checks every step; leaving a step checks that step.
    let problems = Signal::derive(move || match step() {
        Step::Send => state.problems.get(),
        step => state.problems_in(step),
    });
    let shown = Signal::derive(move || state.checked.with(|checked| checked.contains(&step())));
    let summary_heading = Signal::derive(move || match step() {
        Step::Send => t().form.not_ready,
        _ => t().form.step_incomplete,
    });
    let focus_summary = Callback::new(move |()| {
        request_animation_frame(move || {
            // The form may be gone by the next frame (a test unmounting it, say).
            if let Some(Some(element)) = summary.try_get_untracked() {
                let _ = element.focus();
            }
        });
    });

    let next = move |_| {
        let current = state.step.get_untracked();
        state.check(&[current]);
        if !state.problems_in(current).is_empty() {
            focus_summary.run(());
            return;
        }
        if let Some(next) = state.neighbour(1) {
            navigate::to_step(state, next);
        }
    };
    let back = move |_| {
        if let Some(previous) = state.neighbour(-1) {
            navigate::to_step(state, previous);
        }
    };
    let content = move || match step() {
        Step::Start => view! { <StartStep /> }.into_any(),
        Step::Review => view! { <ReviewStep /> }.into_any(),
        Step::Send => view! { <SealStep on_incomplete=focus_summary /> }.into_any(),
        step => view! { <FieldsStep step=step /> }.into_any(),
    };

    view! {
        <StepProgress />
        <section class="step" aria-labelledby=move || navigate::heading_id(step())>
            <h2 id=move || navigate::heading_id(step()) tabindex="-1">
                {move || t().form.step_heading(step())}
            </h2>
            <p class="step__intro">{move || t().form.step_intro(step())}</p>
            <ErrorSummary node_ref=summary problems=problems shown=shown heading=summary_heading />
            {content}
            <div class="step-nav">
                <button type="button" on:click=back hidden=move || state.neighbour(-1).is_none()>
                    {move || t().form.back}
                </button>
                <button type="button" class="primary" on:click=next hidden=move || state.neighbour(1).is_none()>
                    {move || t().form.next}
                </button>
            </div>
        </section>
    }
}
