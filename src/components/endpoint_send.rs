//! The "send to the project's inbox" channel: upload with progress, automatic retries, a
//! specific message when it fails, and the receipt to keep when it succeeds. Whatever happens,
//! the sealed report stays on the page (copy, download, send again, other channels).

use leptos::{prelude::*, task::spawn_local};
use sealpost_core::{
    delivery::{record::DeliveryRecord, RetryReason},
    policy::document::human_size,
};

use crate::{
    browser,
    i18n::use_texts,
    services::deliver::{self, Endpoint, Message, Progress, SendError},
    state::use_report_state,
};

/// Where a send stands: data, worded when shown, so it follows the page's language.
#[derive(Clone, PartialEq)]
enum SendState {
    Idle,
    /// Uploading (bytes sent, of total) or waiting to retry (why, and for how many seconds).
    Sending {
        uploaded: Option<(f64, f64)>,
        waiting: Option<(RetryReason, u64)>,
    },
    Sent(DeliveryRecord),
    Failed(SendError),
}

#[component]
pub fn EndpointSend(endpoint: Endpoint) -> impl IntoView {
    let state = use_report_state();
    let t = use_texts();
    let send_state = RwSignal::new(SendState::Idle);
    let sending = move || matches!(send_state.get(), SendState::Sending { .. });
    let has_sealed = move || state.sealed.with(Option::is_some);
    let tried = move || !matches!(send_state.get(), SendState::Idle);

    let endpoint_url = endpoint.url.clone();
    let send = move |_| {
        let Some((message, report_id, sha256, bytes)) = state.sealed.with_untracked(|sealed| {
            sealed.as_ref().map(|s| {
                let message = match &s.armored {
                    Some(text) => Message::Armored(text.clone()),
                    None => Message::Binary(s.bytes.clone()),
                };
                let info = &s.info;
                let bytes = u64::from(s.bytes.length());
                (
                    message,
                    info.report_id.clone(),
                    info.ciphertext_sha256.clone(),
                    bytes,
                )
            })
        }) else {
            return;
        };
        let endpoint = endpoint.clone();
        let project = state.policy.with_value(|p| p.project.name.clone());
        send_state.set(SendState::Sending {
            uploaded: None,
            waiting: None,
        });
        spawn_local(async move {
            let result = deliver::post_report(&endpoint, &message, move |progress| {
                send_state.set(match progress {
                    Progress::Uploading { sent, total } => SendState::Sending {
                        uploaded: Some((sent, total)),
                        waiting: None,
                    },
                    Progress::Waiting { reason, seconds } => SendState::Sending {
                        uploaded: None,
                        waiting: Some((reason, seconds)),
                    },
                });
            })
            .await;
            if let Ok(receipt) = &result {
                crate::services::embed::announce_sent(receipt.as_deref());
            }
            if result.is_ok() {
                state.delivered.set(true);
            }
            send_state.set(match result {
                Ok(receipt) => SendState::Sent(DeliveryRecord {
                    project,
                    endpoint: endpoint.url.clone(),
                    receipt,
                    report_id,
                    sent: browser::now(),
                    ciphertext_sha256: sha256,
                    ciphertext_bytes: bytes,
                }),
                Err(reason) => SendState::Failed(reason),
            });
        });
    };

    let download_receipt = move |_| {
        if let SendState::Sent(record) = send_state.get_untracked() {
            // A failed download leaves the receipt on screen to copy by hand.
            let _ = browser::download_text(&record.file_name(), "text/plain", &record.to_text());
        }
    };
    let status = move || {
        let t = t();
        match send_state.get() {
            SendState::Idle => String::new(),
            SendState::Sending {
                waiting: Some((reason, seconds)),
                ..
            } => (t.send.retrying)(&reason.message(t), seconds),
            SendState::Sending {
                uploaded: Some((sent, total)),
                ..
            } if total > 0.0 && sent < total => {
                (t.send.uploading)(&human_size(sent as u64), &human_size(total as u64))
            }
            SendState::Sending { .. } => t.send.sending.to_owned(),
            SendState::Sent(record) => match &record.receipt {
                Some(receipt) => (t.send.sent_receipt)(receipt),
                None => t.send.sent.to_owned(),
            },
            SendState::Failed(error) => error.message(t),
        }
    };
    let upload_fraction = move || match send_state.get() {
        SendState::Sending {
            uploaded: Some((sent, total)),
            ..
        } if total > 0.0 => Some(sent / total),
        _ => None,
    };
    let failed = move || matches!(send_state.get(), SendState::Failed(_));
    let sent = move || matches!(send_state.get(), SendState::Sent(_));

    view! {
        <li class="endpoint">
            <button type="button" class="primary" on:click=send
                disabled=move || sending() || !has_sealed()>
                {move || if tried() && !sending() { t().send.send_again } else { t().send.send_inbox }}
            </button>
            <span class="hint">" " {endpoint_url}</span>
            <progress max="1" aria-label=move || t().send.upload_label
                hidden=move || upload_fraction().is_none()
                prop:value=move || upload_fraction().unwrap_or(0.0)></progress>
            <p role="status" class="status" class:error=failed>{status}</p>
            <p hidden=move || !sent()>
                <button type="button" on:click=download_receipt>{move || t().send.download_receipt}</button>
                {move || t().send.receipt_note}
            </p>
        </li>
    }
}
