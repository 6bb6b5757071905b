//! The sealed report and what the researcher can do with it: copy or download it, and send it
//! by each of the project's channels. Everything here is ciphertext.

use leptos::{html, prelude::*, task::spawn_local};

use crate::{browser, components::channel_list::ChannelList, state::use_report_state};

pub const FILE_NAME: &str = "report.asc";
const MIME_TYPE: &str = "application/pgp-encrypted";

#[component]
pub fn SealedOutput(
    /// The heading, focused when a report has just been sealed.
    heading: NodeRef<html::H2>,
) -> impl IntoView {
    let state = use_report_state();
    let status = RwSignal::new(String::new());
    let armored = Memo::new(move |_| state.sealed.with(|s| s.as_ref().map(|s| s.armored.clone())));
    let stale = move || {
        state.sealed.with(|s| {
            s.as_ref()
                .is_some_and(|s| state.report.with(|r| *r != s.from))
        })
    };

    let copy = move |_| {
        let Some(text) = armored.get() else { return };
        spawn_local(async move {
            status.set(match browser::copy_to_clipboard(&text).await {
                Ok(()) => "Copied the encrypted report to the clipboard.".into(),
                Err(reason) => {
                    format!("Could not copy ({reason}). Select the text above and copy it by hand.")
                }
            });
        });
    };
    let download = Callback::new(move |()| {
        let Some(text) = armored.get() else { return };
        status.set(match browser::download_text(FILE_NAME, MIME_TYPE, &text) {
            Ok(()) => format!("Downloaded {FILE_NAME}."),
            Err(reason) => format!("Could not download ({reason}). Copy the text instead."),
        });
    });

    view! {
        <section class="sealed" aria-labelledby="sealed-heading" hidden=move || armored.get().is_none()>
            <h2 id="sealed-heading" tabindex="-1" node_ref=heading>"Your encrypted report"</h2>
            <p>"Only the project's keys can read this. Nothing has been sent yet."</p>
            <p class="warning" role="status" hidden=move || !stale()>
                "You changed the report after encrypting it. Press “Encrypt report” again to include your changes."
            </p>
            <label for="ciphertext">"Encrypted report (OpenPGP)"</label>
            <textarea id="ciphertext" class="ciphertext" readonly rows="12" prop:value=move || armored.get().unwrap_or_default()></textarea>
            <div class="actions">
                <button type="button" on:click=copy>"Copy to clipboard"</button>
                <button type="button" on:click=move |_| download.run(())>"Download " {FILE_NAME}</button>
            </div>
            <p role="status" class="status">{move || status.get()}</p>
            <ChannelList armored=armored download=download />
        </section>
    }
}
