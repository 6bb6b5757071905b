//! Hand-offs to channels sealpost cannot post to itself — GitHub's private advisories and other
//! platforms' forms. Their forms take plain text, so the report is prepared for the researcher to
//! copy across; the page still sends nothing. A GitHub advisory is private to the repository's
//! maintainers; the panel says so, and the encrypted report is offered beside it.
//!
//! The fields' names are GitHub's own (its form is in English), so they are shown as GitHub
//! writes them, whatever the page's language.

use leptos::prelude::*;
use sealpost_core::export::github::github_advisory;

use crate::{components::copy_button::CopyButton, i18n::use_texts, state::use_report_state};

/// The report in the fields of GitHub's "new draft security advisory" form, each with its own
/// copy button.
#[component]
pub fn GithubAdvisoryFields() -> impl IntoView {
    let state = use_report_state();
    let t = use_texts();
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
                            view! { <p class="hint">{move || t().send.not_in_report}</p> }.into_any()
                        } else {
                            let copy_label = Signal::derive(move || (t().send.copy_named)(label));
                            view! { <CopyButton label=copy_label text=text copied=|t| t.send.copied_field /> }.into_any()
                        }}
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <details class="handoff">
            <summary>{move || t().send.advisory_summary}</summary>
            <p class="warning">{move || t().send.advisory_warning}</p>
            {rows}
        </details>
    }
}

/// The report as plain text, for a platform's form: copy it, or copy the encrypted report.
#[component]
pub fn PlainReportCopy(armored: Memo<Option<String>>) -> impl IntoView {
    let state = use_report_state();
    let t = use_texts();
    let plain = Signal::derive(move || {
        state.sealed.with(|sealed| {
            sealed
                .as_ref()
                .map(|sealed| state.letter_text(&sealed.from))
        })
    });
    view! {
        <p class="actions">
            <CopyButton
                label=Signal::derive(move || t().send.copy_encrypted.to_owned())
                text=armored.into()
                copied=|t| t.send.copied_encrypted
            />
            <CopyButton
                label=Signal::derive(move || t().send.copy_plain.to_owned())
                text=plain
                copied=|t| t.send.copied_report
            />
        </p>
        <p class="hint">{move || t().send.plain_hint}</p>
    }
}
