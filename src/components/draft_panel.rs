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

use crate::{components::new_passphrase::NewPassphrase, i18n::use_texts};

pub use keeper::{provide_draft_keeper, DraftKeeper, DraftStatus};

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
        missed_files,
        passphrase,
        confirm,
        restore_passphrase,
        ..
    } = keeper;
    let t = use_texts();
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
            Some(DraftStatus::TooShort)
        } else if *typed != *confirm.read() {
            Some(DraftStatus::Differ)
        } else {
            None
        }
    };
    let start = move |_| {
        if let Some(problem) = passphrase_problem() {
            keeper.say(problem);
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
        keeper.say(DraftStatus::Opening);
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
                    keeper.say(DraftStatus::Restored);
                }
                // A wrong passphrase (`DraftError::WrongPassphrase`) says so and deletes
                // nothing: the researcher can try again.
                Err(err) => keeper.say(DraftStatus::Draft(err)),
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
            <h3 id="draft-heading">{move || t().keep.drafts_heading}</h3>
            <div class="draft__restore" hidden=move || !has_stored()>
                <p>{move || t().keep.draft_found}</p>
                <div class="field">
                    <label for="draft-restore-passphrase">{move || t().keep.restore_passphrase}</label>
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
                        {move || t().keep.restore}
                    </button>
                    " "
                    <button type="button" on:click=discard>{move || t().keep.delete_draft}</button>
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
                    <label for="draft-keep">{move || t().keep.keep_label}</label>
                </div>
                <p class="help" id="draft-keep-help">{move || t().keep.keep_help}</p>
                <div hidden=move || !keep.get() || active.read().is_some()>
                    <NewPassphrase
                        prefix="draft"
                        label=Signal::derive(move || t().keep.draft_passphrase)
                        help=Signal::derive(move || (t().keep.draft_passphrase_help)(MIN_PASSPHRASE_CHARS))
                        passphrase=passphrase
                        confirm=confirm
                    />
                    <button type="button" on:click=start>{move || t().keep.keep_button}</button>
                </div>
            </div>
            <p class="hint" hidden=move || missed_files.read().is_empty()>
                {move || t().keep.attach_again}
                {move || missed_files.get().join(", ")}
            </p>
            <p role="status" class="status" class:error=move || status.read().is_error()>
                {move || status.read().message(t())}
            </p>
        </section>
    }
}
