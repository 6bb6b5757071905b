//! Who the report is encrypted to: each key's user ID (as text: it is untrusted, and isolated so
//! right-to-left or very long IDs cannot disturb the layout), its full fingerprint grouped in
//! fours, its algorithm and expiry, and whether the policy pins it.

use leptos::prelude::*;

use sealpost_core::protocol::RecipientSummary;

use crate::state::use_report_state;

#[component]
pub fn RecipientCard() -> impl IntoView {
    let state = use_report_state();
    move || match state.recipients.get() {
        None => view! {
            <section class="recipient" aria-labelledby="recipient-heading" aria-busy="true">
                <h3 id="recipient-heading">"Encrypted to"</h3>
                <p role="status">"Checking the project's key…"</p>
            </section>
        }
        .into_any(),
        Some(keys) => recipient_list(keys).into_any(),
    }
}

fn recipient_list(keys: Vec<RecipientSummary>) -> impl IntoView {
    let several = keys.len() > 1;
    let items = keys
        .into_iter()
        .map(|key| {
            let user_id = key.user_id.clone().unwrap_or_else(|| "(no user ID)".to_owned());
            let expires = key
                .expires
                .clone()
                .map_or_else(|| "Never expires".to_owned(), |date| format!("Expires {date}"));
            let pin = if key.pinned {
                "Matches the fingerprint the policy pins."
            } else {
                "The policy pins no fingerprint: compare this one with the project's website."
            };
            let test_key = key.test_key.then(|| {
                view! {
                    <p class="badge">
                        "Test key: generated for trying sealpost, not this project's real key."
                    </p>
                }
            });
            view! {
                <li class="recipient__key">
                    {key.name.map(|name| view! { <p class="recipient__name"><bdi>{name}</bdi></p> })}
                    <p class="recipient__uid"><bdi>{user_id}</bdi></p>
                    <p>"Fingerprint: " <code class="fingerprint">{key.fingerprint}</code></p>
                    <p class="recipient__meta">
                        {format!("{} (OpenPGP v{}). ", key.algorithm, key.version)}
                        {expires} "."
                    </p>
                    <p class="recipient__pin">{pin}</p>
                    {test_key}
                </li>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <section class="recipient" aria-labelledby="recipient-heading">
            <h3 id="recipient-heading">"Encrypted to"</h3>
            {several.then(|| view! { <p>"Every one of these keys can read your report."</p> })}
            <ul class="plain">{items}</ul>
        </section>
    }
}
