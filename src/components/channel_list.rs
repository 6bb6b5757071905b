//! "How to send it": the policy's channels in its order of preference, each with what to do.
//! The mail's subject and body go to the project and stay English, whatever the page's language.

use leptos::prelude::*;
use sealpost_core::{
    mailto::{mailto, mailto_attachment, Mailto},
    policy::{document::human_size, Channel},
};

use crate::{
    components::{
        endpoint_send::EndpointSend,
        handoff::{GithubAdvisoryFields, PlainReportCopy},
    },
    i18n::use_texts,
    services::deliver::Endpoint,
    state::{use_report_state, ReportState},
};

/// Most mail providers refuse messages over about 25 MB (Gmail 25, Outlook 20–25).
const TYPICAL_MAIL_LIMIT_BYTES: u64 = 20 * 1024 * 1024;

/// The mail link for the sealed report: the armor in the body when it fits, else a body asking
/// for the downloaded file (always so for binary reports).
fn mail_link(
    state: ReportState,
    armored: Option<String>,
    address: &str,
    subject: &str,
) -> Option<Mailto> {
    match armored {
        Some(text) => Some(mailto(address, subject, &text)),
        None => state.sealed.with(|sealed| {
            sealed
                .as_ref()
                .map(|sealed| mailto_attachment(address, subject, sealed.file_name()))
        }),
    }
}

#[component]
pub fn ChannelList(
    /// The armored report, once sealed.
    armored: Memo<Option<String>>,
    /// Downloads the report (for mail clients that cannot take it in a link).
    download: Callback<()>,
) -> impl IntoView {
    let state = use_report_state();
    let (channels, project) = state
        .policy
        .with_value(|p| (p.channels.clone(), p.project.name.clone()));
    let subject = format!("Security report for {project}");
    let items = channels
        .into_iter()
        .map(|channel| channel_item(state, channel, armored, download, subject.clone()))
        .collect::<Vec<_>>();
    let t = use_texts();
    view! {
        <h3>{move || t().send.channels_heading}</h3>
        <ol class="channels">{items}</ol>
    }
}

fn channel_item(
    state: ReportState,
    channel: Channel,
    armored: Memo<Option<String>>,
    download: Callback<()>,
    subject: String,
) -> AnyView {
    let t = use_texts();
    match channel {
        Channel::Email { address, backup } => {
            let mail = {
                let (address, subject) = (address.clone(), subject.clone());
                Memo::new(move |_| mail_link(state, armored.get(), &address, &subject))
            };
            let file_name = move || {
                state
                    .sealed
                    .with(|s| s.as_ref().map_or("report.asc", |s| s.file_name()))
            };
            let too_big_for_mail = move || {
                state.sealed.with(|s| {
                    s.as_ref()
                        .map(|s| u64::from(s.bytes.length()))
                        .filter(|&bytes| bytes > TYPICAL_MAIL_LIMIT_BYTES)
                        .map(human_size)
                })
            };
            let on_click = move |_| {
                if mail.get().is_some_and(|m| !m.carries_report) {
                    download.run(());
                }
            };
            let backup = backup.map(|backup| {
                let hours = backup.after_hours;
                let link = {
                    let subject = subject.clone();
                    let backup_address = backup.address.clone();
                    move || {
                        mail_link(state, armored.get(), &backup_address, &subject).map(|m| m.url)
                    }
                };
                view! {
                    <p>
                        {move || (t().send.backup)(hours)}
                        <a href=link>{backup.address.clone()}</a>
                        {move || t().send.backup_end}
                    </p>
                }
            });
            view! {
                <li>
                    <a class="button" href=move || mail.get().map(|m| m.url) on:click=on_click>
                        {move || t().send.email_to} {address}
                    </a>
                    <p class="hint" hidden=move || mail.get().is_none_or(|m| m.carries_report)>
                        {move || (t().send.too_long_for_link)(file_name())}
                    </p>
                    <p class="warning" hidden=move || too_big_for_mail().is_none()>
                        {move || too_big_for_mail().map(|size| (t().send.too_big_for_mail)(&size))}
                    </p>
                    {backup}
                </li>
            }
            .into_any()
        }
        Channel::GithubAdvisory { repository } => {
            let new_advisory = format!("https://github.com/{repository}/security/advisories/new");
            view! {
            <li>
                <a class="button" href=new_advisory
                    target="_blank" rel="noopener noreferrer">
                    {move || (t().send.github_open)(&repository)}
                </a>
                <p class="hint">{move || t().send.github_then}</p>
                <GithubAdvisoryFields />
            </li>
            }
            .into_any()
        }
        Channel::WebForm { name, url } => view! {
            <li>
                <a class="button" href=url target="_blank" rel="noopener noreferrer">{move || (t().send.report_through)(&name)}</a>
                <PlainReportCopy armored=armored />
            </li>
        }
        .into_any(),
        Channel::PublicIssue { url } => view! {
            <li>
                <a class="button" href=url target="_blank" rel="noopener noreferrer">{move || t().send.public_issue}</a>
                <p class="warning">{move || t().send.public_issue_warning}</p>
            </li>
        }
        .into_any(),
        Channel::Https {
            url,
            body,
            field,
            headers,
            timeout_seconds,
        } => {
            let endpoint = Endpoint {
                url,
                format: body,
                field,
                headers,
                timeout_seconds,
            };
            view! { <EndpointSend endpoint=endpoint /> }
            .into_any()
        }
    }
}
