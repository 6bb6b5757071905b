//! "Before you start": what the project asks and promises, from its policy. All of it is
//! untrusted text and rendered as text. The policy's words are the project's (in the page's
//! language when its `translations` give one); the headings and sentences around them are
//! sealpost's, from `core::i18n::overview`.

use leptos::prelude::*;
use sealpost_core::{i18n::Texts, policy::Commitments};

use crate::{i18n::use_texts, state::use_report_state};

#[component]
pub fn PolicyOverview() -> impl IntoView {
    let state = use_report_state();
    let t = use_texts();
    let policy = state.policy.get_value();
    let list = |items: Vec<String>| {
        items
            .into_iter()
            .map(|item| view! { <li>{item}</li> })
            .collect::<Vec<_>>()
    };
    // The homepage is untrusted text: linked only when it is an https URL.
    let homepage = policy.project.homepage.clone().map(|url| {
        if url.starts_with("https://") {
            let href = url.clone();
            view! { <p>{move || t().overview.project} <a href=href rel="noopener noreferrer">{url}</a></p> }.into_any()
        } else {
            view! { <p>{move || t().overview.project} {url}</p> }.into_any()
        }
    });
    let languages = (!policy.project.languages.is_empty()).then(|| {
        view! { <p>{move || t().overview.languages} {policy.project.languages.join(", ")}</p> }
    });
    let in_scope = (!policy.scope.in_scope.is_empty()).then(|| {
        view! {
            <h3>{move || t().overview.in_scope}</h3>
            <ul>{list(policy.scope.in_scope.clone())}</ul>
        }
    });
    let out_of_scope = (!policy.scope.out_of_scope.is_empty()).then(|| {
        view! {
            <h3>{move || t().overview.out_of_scope}</h3>
            <ul>{list(policy.scope.out_of_scope.clone())}</ul>
        }
    });
    let rules = (!policy.rules.is_empty()).then(|| {
        view! {
            <h3>{move || t().overview.rules}</h3>
            <ul>{list(policy.rules.clone())}</ul>
        }
    });
    let promised = policy.commitments.clone();
    let promises = (!commitments(&promised, t()).is_empty()).then(|| {
        view! {
            <h3>{move || t().overview.commitments}</h3>
            <ul>{move || list(commitments(&promised, t()))}</ul>
        }
    });
    let notes = (!policy.commitments.notes.is_empty()).then(|| {
        view! {
            <h3>{move || t().overview.notes}</h3>
            <ul>{list(policy.commitments.notes.clone())}</ul>
        }
    });
    view! {
        <section class="overview">
            {homepage}
            {languages}
            {in_scope}
            {out_of_scope}
            {rules}
            {promises}
            {notes}
        </section>
    }
}

/// The commitments as sentences a researcher reads, in `texts`' language around the policy's
/// own words.
fn commitments(c: &Commitments, texts: &Texts) -> Vec<String> {
    let t = texts.overview;
    let mut out = Vec::new();
    out.extend(c.acknowledge_within_hours.map(t.acknowledge_within));
    out.extend(c.assessment_within_days.map(t.assessment_within));
    out.extend(c.disclosure_window_days.map(t.disclosure_within));
    out.extend(c.safe_harbor.as_deref().map(t.safe_harbor));
    out.extend(c.credit.as_deref().map(t.credit));
    out.extend(c.bounty.as_deref().map(t.bounty));
    match c.anonymous_reports {
        Some(true) => out.push(t.anonymous_accepted.to_owned()),
        Some(false) => out.push(t.anonymous_refused.to_owned()),
        None => {}
    }
    out
}
