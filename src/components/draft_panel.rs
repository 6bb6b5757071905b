//! "Keep an encrypted draft on this device": only if the researcher ticks it, and only
//! encrypted with their passphrase (in the worker, see `sealpost_core::draft`). While ticked,
//! the draft is saved again two seconds after the last change; unticking deletes it. A draft
//! found for this project is offered back with its passphrase, or deleted.
//!
//! What is kept: what was typed and the names of attached files; never the files themselves.
//! The state and the saving live in [`keeper::DraftKeeper`], provided by the page so that
//! saving goes on while other steps of the form are shown.

mod keeper;

use std::time::Duration;

use leptos::{prelude::*, task::spawn_local};
use sealpost_core::{draft::MIN_PASSPHRASE_CHARS, protocol::DraftOpenRequest};

use crate::components::new_passphrase::NewPassphrase;

pub use keeper::{provide_draft_keeper, DraftKeeper};

/// How long after the last change the draft is saved again.
pub const SAVE_DELAY: Duration = Duration::from_secs(2);

#[component]
pub fn DraftPanel() -> impl IntoView {
    let keeper = keeper::use_draft_keeper();
    let DraftKeeper {
        state,
        stored,
        keep,
        active,
        status,
        failed,
        missed_files,
        ..
    } = keeper;
    // What is being typed: only in this panel, cleared once used.
    let passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let restore_passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);

    let on_keep = move |ev: leptos::ev::Event| {
        if event_target_checked(&ev) {
            keep.set(true);
        } else {
            passphrase.set(String::new());
            confirm.set(String::new());
            keeper.stop();
        }
    };

    let passphrase_problem = move || {
        let typed = passphrase.read();
        if typed.chars().count() < MIN_PASSPHRASE_CHARS {
            Some(format!(
                "At least {MIN_PASSPHRASE_CHARS} characters; a few unrelated words are best."
            ))
        } else if *typed != *confirm.read() {
            Some("Type the same passphrase twice.".to_owned())
        } else {
            None
        }
    };
    let start = move |_| {
        if let Some(problem) = passphrase_problem() {
            keeper.say(problem, true);
            return;
        }
        let chosen = passphrase.get_untracked();
        passphrase.set(String::new());
        confirm.set(String::new());
        keeper.start(chosen);
    };

    let restore = move |_| {
        let Some(armored) = stored.get_untracked() else {
            return;
        };
        let typed = restore_passphrase.get_untracked();
        busy.set(true);
        keeper.say("Opening your draft…".into(), false);
        let crypto = state.crypto.get_value();
        spawn_local(async move {
            let opened = crypto
                .open_draft(DraftOpenRequest {
                    armored,
                    passphrase: typed.clone(),
                })
                .await;
            busy.set(false);
            match opened {
                Ok(draft) => {
                    restore_passphrase.set(String::new());
                    keeper.resume(draft, typed);
                    keeper.say("Your draft is restored. It stays saved on this device, encrypted, as you continue.".into(), false);
                }
                // A wrong passphrase (`DraftError::WrongPassphrase`) says so and deletes
                // nothing: the researcher can try again.
                Err(err) => keeper.say(err.to_string(), true),
            }
        });
    };
    let discard = move |_| {
        restore_passphrase.set(String::new());
        keeper.delete();
    };

    let has_stored = move || stored.read().is_some();
    view! {
        <section class="draft panel" aria-labelledby="draft-heading">
            <h3 id="draft-heading">"Drafts on this device"</h3>
            <div class="draft__restore" hidden=move || !has_stored()>
                <p>"A draft of a report for this project is saved on this device, encrypted."</p>
                <div class="field">
                    <label for="draft-restore-passphrase">"Passphrase of the draft"</label>
                    <input
                        id="draft-restore-passphrase"
                        type="password"
                        autocomplete="current-password"
                        prop:value=move || restore_passphrase.get()
                        on:input=move |ev| restore_passphrase.set(event_target_value(&ev))
                    />
                </div>
                <div class="actions">
                    <button type="button" class="primary" on:click=restore disabled=move || busy.get()>
                        "Restore your draft"
                    </button>
                    " "
                    <button type="button" on:click=discard>"Delete the draft"</button>
                </div>
            </div>
            <div class="draft__keep" hidden=has_stored>
                <div class="checkbox">
                    <input
                        id="draft-keep"
                        type="checkbox"
                        aria-describedby="draft-keep-help"
                        prop:checked=move || keep.get()
                        on:change=on_keep
                    />
                    <label for="draft-keep">"Keep an encrypted draft on this device"</label>
                </div>
                <p class="help" id="draft-keep-help">
                    "Off unless you tick it. What you type is encrypted with a passphrase you choose "
                    "and saved in this browser, again after each change; unticking deletes it. "
                    "Attached files are not kept, only their names: attach them again when you come back."
                </p>
                <div hidden=move || !keep.get() || active.read().is_some()>
                    <NewPassphrase
                        prefix="draft"
                        label="Passphrase for the draft"
                        help=format!("At least {MIN_PASSPHRASE_CHARS} characters. Without it the draft cannot be opened; sealpost cannot recover it.")
                        passphrase=passphrase
                        confirm=confirm
                    />
                    <button type="button" on:click=start>"Keep the draft"</button>
                </div>
            </div>
            <p class="hint" hidden=move || missed_files.read().is_empty()>
                "Files are not kept with a draft. Attach these again: "
                {move || missed_files.get().join(", ")}
            </p>
            <p role="status" class="status" class:error=move || failed.get()>
                {move || status.get()}
            </p>
        </section>
    }
}
