//! The sealed report and what the researcher can do with it: copy or download it, and send it
//! by each of the project's channels. Everything here is ciphertext.

use leptos::{html, prelude::*};
use sealpost_core::policy::document::human_size;

use crate::{
    browser,
    components::{channel_list::ChannelList, copy_button::CopyButton},
    i18n::use_texts,
    state::use_report_state,
};

const MIME_TYPE: &str = "application/pgp-encrypted";

#[component]
pub fn SealedOutput(
    /// The heading, focused when a report has just been sealed.
    heading: NodeRef<html::H2>,
) -> impl IntoView {
    let state = use_report_state();
    let t = use_texts();
    // The last download: the file's name, or why it failed (worded when shown).
    let downloaded = RwSignal::new(None::<Result<&'static str, String>>);
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
                    {(t().send.report_and_cipher)(&s.info.report_id, &s.info.cipher)}
                    <span class="size-before" data-bytes=before.to_string()>{human_size(before)}</span>
                    {t().send.size_before}
                    <span class="size-after" data-bytes=after.to_string()>{human_size(after)}</span>
                    {t().send.size_after}
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
        downloaded.set(Some(
            browser::download_bytes(name, MIME_TYPE, &bytes).map(|()| name),
        ));
    });
    let status = move || match downloaded.get() {
        None => String::new(),
        Some(Ok(name)) => (t().send.downloaded)(name),
        Some(Err(reason)) => (t().send.download_failed)(&reason),
    };

    view! {
        <section class="sealed" aria-labelledby="sealed-heading" hidden=move || !is_sealed()>
            <h2 id="sealed-heading" tabindex="-1" node_ref=heading>{move || t().send.sealed_heading}</h2>
            <p>{move || t().send.sealed_intro}</p>
            <p class="hint">{details}</p>
            <p class="warning" role="status" hidden=move || !state.sealed_is_stale()>
                {move || t().send.stale}
            </p>
            <div hidden=move || armored.read().is_none()>
                <label for="ciphertext">{move || t().send.ciphertext_label}</label>
                <textarea id="ciphertext" class="ciphertext" readonly rows="12" prop:value=move || armored.get().unwrap_or_default()></textarea>
            </div>
            <p hidden=move || !is_sealed() || armored.read().is_some()>
                {move || t().send.binary_note}
            </p>
            <div class="actions">
                <span hidden=move || armored.read().is_none()>
                    <CopyButton
                        label=Signal::derive(move || t().send.copy_to_clipboard.to_owned())
                        text=armored.into()
                        copied=|t| t.send.copied_encrypted
                    />
                </span>
                <button type="button" on:click=move |_| download.run(())>
                    {move || (t().send.download_file)(file_name())}
                </button>
            </div>
            <p role="status" class="status">{status}</p>
            <ChannelList armored=armored download=download />
        </section>
    }
}
