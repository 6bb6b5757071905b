//! Who the report is encrypted to: the key's user ID (as text: it is untrusted) and its full
//! fingerprint, or the reason the key cannot be used.

use leptos::prelude::*;

use crate::state::use_report_state;

#[component]
pub fn RecipientCard() -> impl IntoView {
    let state = use_report_state();
    state.recipient.with_value(|recipient| match recipient {
        Ok(key) => {
            let user_id = key.user_id().unwrap_or("(no user ID)").to_owned();
            let expires = key
                .expires_date()
                .map_or_else(|| "never expires".to_owned(), |date| format!("expires {date}"));
            view! {
                <section class="recipient" aria-labelledby="recipient-heading">
                    <h2 id="recipient-heading">"Encrypted to"</h2>
                    <p class="recipient__uid"><bdi>{user_id}</bdi></p>
                    <p>
                        "Fingerprint: "
                        <code class="fingerprint">{key.fingerprint_grouped()}</code>
                    </p>
                    <p class="recipient__expiry">{expires}</p>
                </section>
            }
            .into_any()
        }
        Err(reason) => view! {
            <section class="recipient recipient--unusable" role="alert">
                <h2>"This project's key cannot be used"</h2>
                <p>{reason.clone()}</p>
                <p>"You can still write your report; it cannot be encrypted until the project publishes a usable key."</p>
            </section>
        }
        .into_any(),
    })
}
