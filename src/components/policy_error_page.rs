//! What the page shows when its policy cannot be used: for the maintainer, every problem with
//! its place in the document; for the researcher, what to do instead. Never a blank page.

use leptos::prelude::*;

use crate::{i18n::use_texts, services::load_policy::PolicyFailure};

#[component]
pub fn PolicyErrorPage(
    /// What went wrong, and where the policy came from.
    failure: PolicyFailure,
) -> impl IntoView {
    let t = use_texts();
    let count = failure.errors.len();
    let items = failure
        .errors
        .into_iter()
        .map(|error| {
            // The policy reader and the resolver say "." for the document as a whole.
            let path = if error.path == "." {
                "(whole document)".to_owned()
            } else {
                error.path
            };
            view! {
                <li><code class="path">{path}</code> ": " {error.reason}</li>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <section class="policy-error" role="alert" aria-labelledby="policy-error-heading">
            <h2 id="policy-error-heading">{move || t().form.policy_broken_heading}</h2>
            <p>{move || t().form.policy_broken}</p>
            // What follows is for the maintainer, who reads sealpost's docs: in English.
            <h3>{move || t().form.for_maintainers}</h3>
            <p>
                {format!("{count} problem{} in ", if count == 1 { "" } else { "s" })}
                {failure.source.to_string()} ":"
            </p>
            <ul>{items}</ul>
            <p>"The policy format is documented in sealpost's docs/policy.md."</p>
        </section>
    }
}
