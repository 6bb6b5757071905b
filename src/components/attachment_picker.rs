//! The attachments field: files are picked, listed and checked against the policy's limits, but
//! never read on the page; the sealing worker reads them when the report is encrypted.

use leptos::{ev::DragEvent, prelude::*};
use sealpost_core::policy::{
    document::{human_size, AttachmentRefusal},
    AttachmentLimits,
};
use wasm_bindgen::JsCast;

use crate::{i18n::use_texts, state::use_report_state};

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
    let t = use_texts();
    // Kept as data, so the message follows the page's language.
    let refusals = RwSignal::new(Vec::<AttachmentRefusal>::new());

    // The picker and the drop zone admit files the same way.
    let add_files = {
        let limits = limits.clone();
        move |picked: Vec<web_sys::File>| {
            let mut refused = Vec::new();
            state.attachments.update(|files| {
                for file in picked {
                    match admit(files, &file, &limits) {
                        Ok(()) => files.push(file),
                        Err(refusal) => refused.push(refusal),
                    }
                }
            });
            refusals.set(refused);
        }
    };
    let on_change = {
        let add_files = add_files.clone();
        move |ev: leptos::ev::Event| {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            let picked = input.files().map(files_of).unwrap_or_default();
            // Clear the input so picking the same file again (after removing it) fires again.
            input.set_value("");
            add_files(picked);
        }
    };
    let dragging = RwSignal::new(false);
    let on_dragover = move |ev: DragEvent| {
        // Without this the browser opens the dropped file instead of handing it to the page.
        ev.prevent_default();
        if let Some(transfer) = ev.data_transfer() {
            transfer.set_drop_effect("copy");
        }
        dragging.set(true);
    };
    let on_dragleave = move |ev: DragEvent| {
        // Moving onto a child of the zone also fires dragleave: only leaving the zone counts.
        let zone: web_sys::Node = event_target_current(&ev);
        let into = ev
            .related_target()
            .and_then(|target| target.dyn_into::<web_sys::Node>().ok());
        if !zone.contains(into.as_ref()) {
            dragging.set(false);
        }
    };
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let dropped = ev
            .data_transfer()
            .and_then(|transfer| transfer.files())
            .map(files_of)
            .unwrap_or_default();
        add_files(dropped);
    };
    let remove = move |index: usize| {
        state.attachments.update(|files| {
            if index < files.len() {
                files.remove(index);
            }
        });
        refusals.set(Vec::new());
    };
    let listed = move || {
        state.attachments.with(|files| {
            files
                .iter()
                .enumerate()
                .map(|(index, file)| {
                    let name = file.name();
                    let remove_label = {
                        let name = name.clone();
                        move || (t().form.remove_named)(&name)
                    };
                    view! {
                        <li>
                            <bdi class="attachment__name">{name}</bdi>
                            " (" {human_size(file.size() as u64)} ") "
                            <button type="button" class="link" aria-label=remove_label on:click=move |_| remove(index)>
                                {move || t().form.remove}
                            </button>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let limits_text = move || {
        (t().form.attachment_limits)(
            limits.max_files,
            &human_size(limits.max_file_bytes),
            &human_size(limits.max_total_bytes),
        )
    };
    let hint_id = format!("{id}-limits");
    view! {
        <label for=id.clone()>{label}</label>
        {optional}
        {help}
        <p class="hint" id=hint_id.clone()>{limits_text}</p>
        <div
            class="dropzone"
            class:dropzone--over=move || dragging.get()
            on:dragenter=on_dragover
            on:dragover=on_dragover
            on:dragleave=on_dragleave
            on:drop=on_drop
        >
            <p class="dropzone__text" aria-hidden="true">{move || t().form.drop_files}</p>
            <input type="file" id=id multiple aria-describedby=hint_id on:change=on_change />
        </div>
        <p class="error" role="alert" hidden=move || refusals.read().is_empty()>
            {move || refusals.with(|refused| refused.iter().map(|r| r.message(t())).collect::<Vec<_>>().join(" "))}
        </p>
        <ul class="attachments" hidden=move || state.attachments.with(Vec::is_empty)>{listed}</ul>
    }
}

fn files_of(list: web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The element a handler is attached to (not the child the event started on).
fn event_target_current<T: JsCast>(ev: &DragEvent) -> T {
    ev.current_target()
        .map(|target| target.unchecked_into::<T>())
        .unwrap_or_else(|| event_target(ev))
}

/// Whether `file` may join `files` under `limits` (the core's rule, which sealing checks again).
fn admit(
    files: &[web_sys::File],
    file: &web_sys::File,
    limits: &AttachmentLimits,
) -> Result<(), AttachmentRefusal> {
    let sizes: Vec<u64> = files.iter().map(|f| f.size() as u64).collect();
    limits.admit(&sizes, &file.name(), file.size() as u64)
}
