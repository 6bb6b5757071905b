//! "Keep an encrypted draft on this device": only if the researcher ticks it, and only
//! encrypted with their passphrase (in the worker, see `sealpost_core::draft`). While ticked,
//! the draft is saved again two seconds after the last change; unticking deletes it. A draft
//! found for this project is offered back with its passphrase, or deleted.
//!
//! What is kept: what was typed and the names of attached files; never the files themselves.

use std::time::Duration;

use leptos::{prelude::*, task::spawn_local};
use sealpost_core::{
    draft::{self, Draft, DraftError, MIN_PASSPHRASE_CHARS},
    protocol::{DraftOpenRequest, DraftSealRequest},
};

use crate::{
    services::draft_store,
    state::{use_report_state, ReportState},
};

/// How long after the last change the draft is saved again.
pub const SAVE_DELAY: Duration = Duration::from_secs(2);

#[component]
pub fn DraftPanel() -> impl IntoView {
    let state = use_report_state();
    let key = state
        .policy
        .with_value(|policy| draft::storage_key(&policy.project.name));
    let key = StoredValue::new(key);

    // A draft already on this device for this project, until restored or deleted.
    let stored = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let failed = RwSignal::new(false);
    let say = move |message: String, is_error: bool| {
        status.set(message);
        failed.set(is_error);
    };
    match draft_store::load(&key.get_value()) {
        Ok(found) => stored.set(found),
        Err(problem) => say(problem.to_string(), true),
    }

    let keep = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    // The passphrase drafts are being saved with, once the researcher has chosen one. Only in
    // this page's memory.
    let active = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // Bumped by every change: only the last change of a burst saves (the debounce).
    let generation = StoredValue::new(0u64);
    // Bumped by unticking: a save still in the worker then writes nothing, so unticking can
    // never be undone by it. (The worker answers in order, so saves land in order.)
    let epoch = StoredValue::new(0u64);
    let last_saved = StoredValue::new(None::<Draft>);
    let restore_passphrase = RwSignal::new(String::new());
    let missed_files = RwSignal::new(Vec::<String>::new());

    let save_now = move |passphrase: String| {
        let draft = current_draft(&state);
        if last_saved.with_value(|last| last.as_ref() == Some(&draft)) {
            return;
        }
        let mine = epoch.get_value();
        let crypto = state.crypto.get_value();
        spawn_local(async move {
            let sealed = crypto
                .seal_draft(DraftSealRequest {
                    draft: draft.clone(),
                    passphrase,
                })
                .await;
            // Gone (the panel was unmounted meanwhile), unticked, or stopped: write nothing.
            if epoch.try_get_value() != Some(mine) || active.try_get_untracked().flatten().is_none()
            {
                return;
            }
            match sealed.map_err(|err| err.to_string()).and_then(|armored| {
                draft_store::save(&key.get_value(), &armored).map_err(|err| err.to_string())
            }) {
                Ok(()) => {
                    last_saved.set_value(Some(draft));
                    say(
                        format!("Draft saved on this device, encrypted, at {}.", clock()),
                        false,
                    );
                }
                Err(reason) => say(reason, true),
            }
        });
    };

    // Syncing with the outside world (storage), which is what effects are for: every change
    // to the report or the attachment list, while a passphrase is active, saves after a pause.
    Effect::new(move |_| {
        state.report.track();
        state.attachments.track();
        let Some(passphrase) = active.get() else {
            return;
        };
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.try_get_value() == Some(mine) {
                    save_now(passphrase);
                }
            },
            SAVE_DELAY,
        );
    });

    let on_keep = move |ev: leptos::ev::Event| {
        let ticked = event_target_checked(&ev);
        keep.set(ticked);
        if ticked {
            return;
        }
        // Unticked: stop, and delete what was kept.
        epoch.update_value(|e| *e += 1);
        active.set(None);
        last_saved.set_value(None);
        passphrase.set(String::new());
        confirm.set(String::new());
        match draft_store::delete(&key.get_value()) {
            Ok(()) => say("The draft was deleted from this device.".into(), false),
            Err(problem) => say(problem.to_string(), true),
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
            say(problem, true);
            return;
        }
        let chosen = passphrase.get_untracked();
        passphrase.set(String::new());
        confirm.set(String::new());
        say("Saving the draft…".into(), false);
        // Setting `active` runs the effect, which would save only after the usual pause; save
        // at once, so the researcher sees it happen (the effect's save then finds it done).
        active.set(Some(chosen.clone()));
        save_now(chosen);
    };

    let restore = move |_| {
        let Some(armored) = stored.get_untracked() else {
            return;
        };
        let typed = restore_passphrase.get_untracked();
        busy.set(true);
        say("Opening your draft…".into(), false);
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
                    state.report.set(draft.report.clone());
                    missed_files.set(draft.attachment_names.clone());
                    stored.set(None);
                    restore_passphrase.set(String::new());
                    // It was kept at the researcher's request: keep keeping it.
                    last_saved.set_value(Some(draft));
                    keep.set(true);
                    active.set(Some(typed));
                    say("Your draft is restored. It stays saved on this device, encrypted, as you continue.".into(), false);
                }
                Err(DraftError::WrongPassphrase) => {
                    say(DraftError::WrongPassphrase.to_string(), true)
                }
                Err(other) => say(other.to_string(), true),
            }
        });
    };
    let discard = move |_| match draft_store::delete(&key.get_value()) {
        Ok(()) => {
            stored.set(None);
            restore_passphrase.set(String::new());
            say("The draft was deleted from this device.".into(), false);
        }
        Err(problem) => say(problem.to_string(), true),
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
                    <div class="field">
                        <label for="draft-passphrase">"Passphrase for the draft"</label>
                        <p class="help" id="draft-passphrase-help">
                            {format!("At least {MIN_PASSPHRASE_CHARS} characters. Without it the draft cannot be opened; sealpost cannot recover it.")}
                        </p>
                        <input
                            id="draft-passphrase"
                            type="password"
                            autocomplete="new-password"
                            aria-describedby="draft-passphrase-help"
                            prop:value=move || passphrase.get()
                            on:input=move |ev| passphrase.set(event_target_value(&ev))
                        />
                    </div>
                    <div class="field">
                        <label for="draft-passphrase-confirm">"The same passphrase again"</label>
                        <input
                            id="draft-passphrase-confirm"
                            type="password"
                            autocomplete="new-password"
                            prop:value=move || confirm.get()
                            on:input=move |ev| confirm.set(event_target_value(&ev))
                        />
                    </div>
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

/// The draft as it stands: what was typed, and the names of attached files.
fn current_draft(state: &ReportState) -> Draft {
    Draft {
        report: state.report.get_untracked(),
        attachment_names: state
            .attachments
            .with_untracked(|files| files.iter().map(web_sys::File::name).collect()),
    }
}

/// The time of day, for "saved at".
fn clock() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:02}:{:02}:{:02}",
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds()
    )
}
