//! The sealed report and what the researcher can do with it: copy, download, or email it.
//! Everything here is ciphertext; nothing leaves the page unless the researcher sends it.

use leptos::{html, prelude::*, task::spawn_local};
use sealpost_core::mailto::mailto;

use crate::{browser, state::use_report_state};

const FILE_NAME: &str = "report.asc";
const MIME_TYPE: &str = "application/pgp-encrypted";

#[component]
pub fn SealedOutput(
    /// The heading, focused when a report has just been sealed.
    heading: NodeRef<html::H2>,
) -> impl IntoView {
    let state = use_report_state();
    let status = RwSignal::new(String::new());
    let armored = move || state.sealed.with(|s| s.as_ref().map(|s| s.armored.clone()));
    let stale = move || {
        state.sealed.with(|s| {
            s.as_ref()
                .is_some_and(|s| state.report.with(|r| *r != s.from))
        })
    };
    let contact = state
        .policy
        .with_value(|policy| policy.contact_email.clone());
    let project = state.policy.with_value(|policy| policy.project.clone());
    let mail = {
        let contact = contact.clone();
        let subject = format!("Security report for {project}");
        Memo::new(move |_| armored().map(|text| mailto(&contact, &subject, &text)))
    };

    let copy = move |_| {
        let Some(text) = armored() else { return };
        spawn_local(async move {
            status.set(match browser::copy_to_clipboard(&text).await {
                Ok(()) => "Copied the encrypted report to the clipboard.".into(),
                Err(reason) => {
                    format!("Could not copy ({reason}). Select the text above and copy it by hand.")
                }
            });
        });
    };
    let download = move || {
        let Some(text) = armored() else { return };
        status.set(match browser::download_text(FILE_NAME, MIME_TYPE, &text) {
            Ok(()) => format!("Downloaded {FILE_NAME}."),
            Err(reason) => format!("Could not download ({reason}). Copy the text instead."),
        });
    };
    let on_mail = move |_| {
        if mail.get().is_some_and(|m| !m.carries_report) {
            download();
        }
    };

    view! {
        <section class="sealed" aria-labelledby="sealed-heading" hidden=move || armored().is_none()>
            <h2 id="sealed-heading" tabindex="-1" node_ref=heading>"Your encrypted report"</h2>
            <p>
                "Only the project's key can read this. Send it by email to "
                <a href=move || mail.get().map(|m| m.url)>{contact.clone()}</a>
                ", or copy or download it."
            </p>
            <p class="warning" role="status" hidden=move || !stale()>
                "You changed the report after encrypting it. Press “Encrypt report” again to include your changes."
            </p>
            <label for="ciphertext">"Encrypted report (OpenPGP)"</label>
            <textarea id="ciphertext" class="ciphertext" readonly rows="12" prop:value=move || armored().unwrap_or_default()></textarea>
            <div class="actions">
                <button type="button" on:click=copy>"Copy to clipboard"</button>
                <button type="button" on:click=move |_| download()>"Download " {FILE_NAME}</button>
                <a class="button" href=move || mail.get().map(|m| m.url) on:click=on_mail>"Email to " {contact}</a>
            </div>
            <p class="hint" hidden=move || mail.get().is_none_or(|m| m.carries_report)>
                "This report is too long to fit in an email link: “Email” downloads "
                {FILE_NAME} " and opens a message asking you to attach it."
            </p>
            <p role="status" class="status">{move || status.get()}</p>
        </section>
    }
}
