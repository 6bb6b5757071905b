//! Who the report is encrypted to: each key's user ID (as text: it is untrusted), its full
//! fingerprint and expiry.

use leptos::prelude::*;

use crate::state::use_report_state;

#[component]
pub fn RecipientCard() -> impl IntoView {
    let state = use_report_state();
    let sources = state.policy.with_value(|policy| policy.recipients.clone());
    let keys = state.recipients.get_value();
    let several = keys.len() > 1;
    let items = keys
        .into_iter()
        .zip(sources)
        .map(|(key, source)| {
            let user_id = key.user_id().unwrap_or("(no user ID)").to_owned();
            let expires = key
                .expires_date()
                .map_or_else(|| "never expires".to_owned(), |date| format!("expires {date}"));
            let test_key = source.test_key.then(|| {
                view! {
                    <p class="badge">
                        "Test key: generated for trying sealpost, not this project's real key."
                    </p>
                }
            });
            view! {
                <li class="recipient__key">
                    {source.name.map(|name| view! { <p class="recipient__name"><bdi>{name}</bdi></p> })}
                    <p class="recipient__uid"><bdi>{user_id}</bdi></p>
                    <p>"Fingerprint: " <code class="fingerprint">{key.fingerprint_grouped()}</code></p>
                    <p class="recipient__expiry">{expires}</p>
                    {test_key}
                </li>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <section class="recipient" aria-labelledby="recipient-heading">
            <h2 id="recipient-heading">"Encrypted to"</h2>
            {several.then(|| view! { <p>"Every one of these keys can read your report."</p> })}
            <ul class="plain">{items}</ul>
        </section>
    }
}
