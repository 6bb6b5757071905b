//! "Before you start": what the project asks and promises, from its policy. All of it is
//! untrusted text and rendered as text.

use leptos::prelude::*;
use sealpost_core::policy::Commitments;

use crate::state::use_report_state;

#[component]
pub fn PolicyOverview() -> impl IntoView {
    let state = use_report_state();
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
            view! { <p>"Project: " <a href=href rel="noopener noreferrer">{url}</a></p> }.into_any()
        } else {
            view! { <p>"Project: " {url}</p> }.into_any()
        }
    });
    let languages = (!policy.project.languages.is_empty()).then(|| {
        view! { <p>"Reports accepted in: " {policy.project.languages.join(", ")}</p> }
    });
    let in_scope = (!policy.scope.in_scope.is_empty()).then(|| {
        view! {
            <h3>"In scope"</h3>
            <ul>{list(policy.scope.in_scope.clone())}</ul>
        }
    });
    let out_of_scope = (!policy.scope.out_of_scope.is_empty()).then(|| {
        view! {
            <h3>"Out of scope"</h3>
            <ul>{list(policy.scope.out_of_scope.clone())}</ul>
        }
    });
    let rules = (!policy.rules.is_empty()).then(|| {
        view! {
            <h3>"Testing rules"</h3>
            <ul>{list(policy.rules.clone())}</ul>
        }
    });
    let promises = commitments(&policy.commitments);
    let promises = (!promises.is_empty()).then(|| {
        view! {
            <h3>"What the project commits to"</h3>
            <ul>{list(promises)}</ul>
        }
    });
    let notes = (!policy.commitments.notes.is_empty()).then(|| {
        view! {
            <h3>"Good to know"</h3>
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

/// The commitments as sentences a researcher reads.
fn commitments(c: &Commitments) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(hours) = c.acknowledge_within_hours {
        out.push(format!("Acknowledges reports within {hours} hours."));
    }
    if let Some(days) = c.assessment_within_days {
        out.push(format!("Sends a first assessment within {days} days."));
    }
    if let Some(days) = c.disclosure_window_days {
        out.push(format!(
            "Discloses publicly within {days} days of your report."
        ));
    }
    out.extend(
        c.safe_harbor
            .iter()
            .map(|text| format!("Safe harbor: {text}")),
    );
    out.extend(c.credit.iter().map(|text| format!("Credit: {text}")));
    out.extend(c.bounty.iter().map(|text| format!("Bounty: {text}")));
    match c.anonymous_reports {
        Some(true) => out.push("Anonymous reports are accepted.".to_owned()),
        Some(false) => out.push("Anonymous reports are not accepted: say who you are.".to_owned()),
        None => {}
    }
    out
}
