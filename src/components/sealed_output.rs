//! The sealed report and what the researcher can do with it: copy or download it, and send it
//! by each of the project's channels. Everything here is ciphertext.

use leptos::{html, prelude::*};
use sealpost_core::policy::document::human_size;

use crate::{
    browser,
    components::{channel_list::ChannelList, copy_button::CopyButton},
    state::use_report_state,
};

const MIME_TYPE: &str = "application/pgp-encrypted";

#[component]
pub fn SealedOutput(
    /// The heading, focused when a report has just been sealed.
    heading: NodeRef<html::H2>,
) -> impl IntoView {
    let state = use_report_state();
    let status = RwSignal::new(String::new());
    let armored = Memo::new(move |_| {
        state
            .sealed
            .with(|s| s.as_ref().and_then(|s| s.armored.clone()))
    });
    let is_sealed = move || state.sealed.with(Option::is_some);
    let file_name = move || {
        state
            .sealed
            .with(|s| s.as_ref().map_or("report.asc", |s| s.file_name()))
    };
    // Sizes for people, with the exact byte counts kept in `data-bytes` for tools and tests.
    let details = move || {
        state.sealed.with(|s| {
            s.as_ref().map(|s| {
                let before = s.info.plaintext_bytes;
                let after = u64::from(s.bytes.length());
                view! {
                    {format!("Report {} · {} · ", s.info.report_id, s.info.cipher)}
                    <span class="size-before" data-bytes=before.to_string()>{human_size(before)}</span>
                    " before encryption, "
                    <span class="size-after" data-bytes=after.to_string()>{human_size(after)}</span>
                    " after."
                }
            })
        })
    };
    let download = Callback::new(move |()| {
        let Some((bytes, name)) = state
            .sealed
            .with_untracked(|s| s.as_ref().map(|s| (s.bytes.clone(), s.file_name())))
        else {
            return;
        };
        status.set(match browser::download_bytes(name, MIME_TYPE, &bytes) {
            Ok(()) => format!("Downloaded {name}."),
            Err(reason) => format!("Could not download ({reason}). Copy the text instead."),
        });
    });

    view! {
        <section class="sealed" aria-labelledby="sealed-heading" hidden=move || !is_sealed()>
            <h2 id="sealed-heading" tabindex="-1" node_ref=heading>"Your encrypted report"</h2>
            <p>"Only the project's keys can read this. Nothing has been sent yet."</p>
            <p class="hint">{details}</p>
            <p class="warning" role="status" hidden=move || !state.sealed_is_stale()>
                "You changed the report after encrypting it. Press “Encrypt report” again to include your changes."
            </p>
            <div hidden=move || armored.read().is_none()>
                <label for="ciphertext">"Encrypted report (OpenPGP)"</label>
                <textarea id="ciphertext" class="ciphertext" readonly rows="12" prop:value=move || armored.get().unwrap_or_default()></textarea>
            </div>
            <p hidden=move || !is_sealed() || armored.read().is_some()>
                "Your attachments make this report large, so it was encrypted as a binary file. "
                "Download it and send the file by one of the ways below."
            </p>
            <div class="actions">
                <span hidden=move || armored.read().is_none()>
                    <CopyButton label="Copy to clipboard".into() text=armored.into() what="the encrypted report" />
                </span>
                <button type="button" on:click=move |_| download.run(())>"Download " {file_name}</button>
            </div>
            <p role="status" class="status">{move || status.get()}</p>
            <ChannelList armored=armored download=download />
        </section>
    }
}
