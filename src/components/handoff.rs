//! Hand-offs to channels sealpost cannot post to itself — GitHub's private advisories and other
//! platforms' forms. Their forms take plain text, so the report is prepared for the researcher to
//! copy across; the page still sends nothing. A GitHub advisory is private to the repository's
//! maintainers; the panel says so, and the encrypted report is offered beside it.

use leptos::prelude::*;
use sealpost_core::export::github::github_advisory;

use crate::{components::copy_button::CopyButton, state::use_report_state};

/// The report in the fields of GitHub's "new draft security advisory" form, each with its own
/// copy button.
#[component]
pub fn GithubAdvisoryFields() -> impl IntoView {
    let state = use_report_state();
    let fields = Memo::new(move |_| {
        state.sealed.with(|sealed| {
            sealed
                .as_ref()
                .map(|s| github_advisory(&s.info.document).fields())
                .unwrap_or_default()
        })
    });
    let rows = move || {
        fields
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, (label, value))| {
                let id = format!("github-field-{index}");
                let rows = value.lines().count().clamp(1, 12);
                let empty = value.is_empty();
                let text = Signal::derive({
                    let value = value.clone();
                    move || (!value.is_empty()).then(|| value.clone())
                });
                view! {
                    <div class="handoff-field">
                        <label for=id.clone()>{label}</label>
                        <textarea id=id readonly rows=rows.to_string() prop:value=value></textarea>
                        {if empty {
                            view! { <p class="hint">"Not in your report: fill it in on GitHub if you know it."</p> }.into_any()
                        } else {
                            view! { <CopyButton label=format!("Copy {label}") text=text what="the field" /> }.into_any()
                        }}
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <details class="handoff">
            <summary>"Your report in GitHub's advisory fields"</summary>
            <p class="warning">
                "These fields hold your report in plain text, to paste into GitHub's private \
                 advisory form, which only the repository's maintainers and people they invite \
                 can see. Paste them nowhere else. If you prefer, paste only the encrypted report \
                 into the description."
            </p>
            {rows}
        </details>
    }
}

/// The report as plain text, for a platform's form: copy it, or copy the encrypted report.
#[component]
pub fn PlainReportCopy(armored: Memo<Option<String>>) -> impl IntoView {
    let state = use_report_state();
    let plain = Signal::derive(move || {
        state.sealed.with(|sealed| {
            sealed
                .as_ref()
                .map(|sealed| state.letter_text(&sealed.from))
        })
    });
    view! {
        <p class="actions">
            <CopyButton label="Copy the encrypted report".into() text=armored.into() what="the encrypted report" />
            <CopyButton label="Copy the report as plain text".into() text=plain what="the report" />
        </p>
        <p class="hint">
            "Paste the encrypted report if the form takes long text; paste the plain text only \
             into a platform that keeps reports private."
        </p>
    }
}
