//! The attachments field: files are picked, listed and checked against the policy's limits, but
//! never read on the page; the sealing worker reads them when the report is encrypted.

use leptos::prelude::*;
use sealpost_core::policy::{document::human_size, AttachmentLimits};

use crate::state::use_report_state;

#[component]
pub fn AttachmentPicker(
    /// The field's id (the file input's id, for its label).
    id: String,
    label: String,
    optional: Option<AnyView>,
    help: Option<AnyView>,
) -> impl IntoView {
    let state = use_report_state();
    let limits = state.policy.with_value(|policy| policy.attachments.clone());
    let refusal = RwSignal::new(None::<String>);

    let on_change = {
        let limits = limits.clone();
        move |ev: leptos::ev::Event| {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            let Some(list) = input.files() else { return };
            let picked: Vec<web_sys::File> =
                (0..list.length()).filter_map(|i| list.get(i)).collect();
            // Clear the input so picking the same file again (after removing it) fires again.
            input.set_value("");
            let mut refusals = Vec::new();
            state.attachments.update(|files| {
                for file in picked {
                    match admit(files, &file, &limits) {
                        Ok(()) => files.push(file),
                        Err(reason) => refusals.push(reason),
                    }
                }
            });
            refusal.set((!refusals.is_empty()).then(|| refusals.join(" ")));
        }
    };
    let remove = move |index: usize| {
        state.attachments.update(|files| {
            if index < files.len() {
                files.remove(index);
            }
        });
        refusal.set(None);
    };
    let listed = move || {
        state.attachments.with(|files| {
            files
                .iter()
                .enumerate()
                .map(|(index, file)| {
                    let name = file.name();
                    let remove_label = format!("Remove {name}");
                    view! {
                        <li>
                            <bdi class="attachment__name">{name}</bdi>
                            " (" {human_size(file.size() as u64)} ") "
                            <button type="button" class="link" aria-label=remove_label on:click=move |_| remove(index)>
                                "Remove"
                            </button>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let limits_text = format!(
        "Up to {} files, {} each, {} in all. Files stay on your device until they are encrypted with the report.",
        limits.max_files,
        human_size(limits.max_file_bytes),
        human_size(limits.max_total_bytes)
    );
    let hint_id = format!("{id}-limits");
    view! {
        <label for=id.clone()>{label}</label>
        {optional}
        {help}
        <p class="hint" id=hint_id.clone()>{limits_text}</p>
        <input type="file" id=id multiple aria-describedby=hint_id on:change=on_change />
        <p class="error" role="alert" hidden=move || refusal.read().is_none()>{move || refusal.get()}</p>
        <ul class="attachments" hidden=move || state.attachments.with(Vec::is_empty)>{listed}</ul>
    }
}

/// Whether `file` may join `files` under `limits` (the core's rule, which sealing checks again).
fn admit(
    files: &[web_sys::File],
    file: &web_sys::File,
    limits: &AttachmentLimits,
) -> Result<(), String> {
    let sizes: Vec<u64> = files.iter().map(|f| f.size() as u64).collect();
    limits.admit(&sizes, &file.name(), file.size() as u64)
}
