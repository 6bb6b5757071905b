//! "Review your report": exactly the text that will be encrypted, shown as text (whatever
//! Markdown or markup the researcher typed stays visible as typed, never interpreted), the
//! attached files, and a completeness panel: what must be fixed, then what would help, each
//! jumping to its field.

use leptos::prelude::*;
use sealpost_core::{guide, policy::document::human_size};

use crate::{i18n::use_texts, services::navigate, state::use_report_state};

#[component]
pub fn ReviewStep() -> impl IntoView {
    let state = use_report_state();
    let t = use_texts();
    let text = move || state.report.with(|report| state.letter_text(report));
    let files = move || {
        state.attachments.with(|files| {
            files
                .iter()
                .map(|file| {
                    view! {
                        <li><bdi class="attachment__name">{file.name()}</bdi> " (" {human_size(file.size() as u64)} ")"</li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let gaps = Memo::new(move |_| {
        let attachments = state.attachments.with(Vec::len);
        state.problems.with(|problems| {
            state.report.with(|report| {
                state
                    .policy
                    .with_value(|policy| guide::gaps(policy, report, problems, attachments))
            })
        })
    });
    let list = move |blocking: bool| {
        gaps.get()
            .into_iter()
            .filter(|gap| gap.blocking == blocking)
            .map(|gap| {
                let field = gap.field.clone();
                let step_name = t().form.step_name(gap.step);
                view! {
                    <li>
                        <a href=format!("#{}", gap.field) on:click=move |ev| {
                            ev.prevent_default();
                            navigate::to_field(state, &field);
                        }>{gap.message(t())}</a>
                        <span class="hint">{format!(" ({step_name})")}</span>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    let has = move |blocking: bool| gaps.with(|g| g.iter().any(|gap| gap.blocking == blocking));

    view! {
        <section class="completeness" aria-labelledby="completeness-heading">
            <h3 id="completeness-heading">{move || t().form.completeness}</h3>
            <p hidden=move || has(true)>{move || t().form.complete}</p>
            <div hidden=move || !has(true)>
                <h4>{move || t().form.must_fix}</h4>
                <ul class="gaps gaps--blocking">{move || list(true)}</ul>
            </div>
            <div hidden=move || !has(false)>
                <h4>{move || t().form.could_improve}</h4>
                <ul class="gaps">{move || list(false)}</ul>
            </div>
        </section>
        <p>{move || t().form.review_exact}</p>
        <pre class="review-text" tabindex="0" aria-label=move || t().form.review_text_label>{text}</pre>
        <div hidden=move || state.attachments.with(Vec::is_empty)>
            <h3>{move || t().form.review_files}</h3>
            <ul class="attachments">{files}</ul>
        </div>
    }
}
