//! Who the report is encrypted to: each key's user ID (as text: it is untrusted, and isolated so
//! right-to-left or very long IDs cannot disturb the layout), its full fingerprint grouped in
//! fours, its algorithm and expiry, and whether the policy pins it. The algorithm's name
//! ("RSA 4096", "X448") is the same in every language; the words around it follow the page's.
//!
//! A key that cannot be used never reaches this card: it replaces the page with the policy's
//! problems, which are for the project's maintainers and stay in English.

use leptos::prelude::*;

use sealpost_core::protocol::RecipientSummary;

use crate::{i18n::use_texts, state::use_report_state};

#[component]
pub fn RecipientCard() -> impl IntoView {
    let state = use_report_state();
    let t = use_texts();
    move || match state.recipients.get() {
        None => view! {
            <section class="recipient" aria-labelledby="recipient-heading" aria-busy="true">
                <h3 id="recipient-heading">{move || t().overview.encrypted_to}</h3>
                <p role="status">{move || t().overview.checking_key}</p>
            </section>
        }
        .into_any(),
        Some(keys) => recipient_list(keys).into_any(),
    }
}

fn recipient_list(keys: Vec<RecipientSummary>) -> impl IntoView {
    let t = use_texts();
    let several = keys.len() > 1;
    let items = keys
        .into_iter()
        .map(|key| {
            let user_id = key.user_id.clone();
            let user_id = move || {
                user_id
                    .clone()
                    .unwrap_or_else(|| t().overview.no_user_id.to_owned())
            };
            let expires = key.expires.clone();
            let expires = move || {
                expires.as_deref().map_or_else(
                    || t().overview.never_expires.to_owned(),
                    t().overview.expires,
                )
            };
            let pinned = key.pinned;
            let pin = move || {
                if pinned {
                    t().overview.pinned
                } else {
                    t().overview.not_pinned
                }
            };
            let test_key = key
                .test_key
                .then(|| view! { <p class="badge">{move || t().overview.test_key}</p> });
            view! {
                <li class="recipient__key">
                    {key.name.map(|name| view! { <p class="recipient__name"><bdi>{name}</bdi></p> })}
                    <p class="recipient__uid"><bdi>{user_id}</bdi></p>
                    <p>{move || t().overview.fingerprint} <code class="fingerprint">{key.fingerprint}</code></p>
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
            <h3 id="recipient-heading">{move || t().overview.encrypted_to}</h3>
            {several.then(|| view! { <p>{move || t().overview.every_key}</p> })}
            <ul class="plain">{items}</ul>
        </section>
    }
}
