//! Where the researcher is: "Step 2 of 7" and the list of steps, the current one marked
//! `aria-current="step"`. Steps already seen are buttons, so going back never needs "Back" five
//! times; steps ahead are plain text until reached.

use leptos::prelude::*;

use crate::{i18n::use_texts, services::navigate, state::use_report_state};

#[component]
pub fn StepProgress() -> impl IntoView {
    let state = use_report_state();
    let t = use_texts();
    let furthest = RwSignal::new(0usize);
    let steps = state.steps.get_value();
    Effect::new(move |_| {
        let (n, _) = state.position();
        if n > furthest.get_untracked() {
            furthest.set(n);
        }
    });
    let items = steps
        .into_iter()
        .enumerate()
        .map(|(index, step)| {
            let number = index + 1;
            let current = move || state.step.get() == step;
            let reachable = move || number <= furthest.get() && !current();
            let name = move || format!("{number}. {}", t().form.step_name(step));
            view! {
                <li class="steps__item" class:steps__item--current=current
                    aria-current=move || current().then_some("step")>
                    {move || if reachable() {
                        view! {
                            <button type="button" class="link" on:click=move |_| navigate::to_step(state, step)>
                                {name}
                            </button>
                        }.into_any()
                    } else {
                        view! { <span>{name}</span> }.into_any()
                    }}
                </li>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <nav class="steps" aria-label=move || t().form.progress_label>
            <p class="steps__count">{move || {
                let (n, total) = state.position();
                format!("{}: {}", (t().form.step_of)(n, total), t().form.step_name(state.step.get()))
            }}</p>
            <ol class="steps__list">{items}</ol>
        </nav>
    }
}
