//! The reply key: the researcher can make an OpenPGP key pair (in the worker) so the project
//! can answer encrypted. The secret half is only ever offered as a download; the public half
//! joins the report (`state.reply_public_key`) only once the secret key has been downloaded,
//! so no report names a key whose owner cannot read the answer.

use leptos::{prelude::*, task::spawn_local};
use sealpost_core::{
    policy::Builtin,
    protocol::ReplyKeyRequest,
    reply_key::{ReplyKeyPair, MEDIA_TYPE},
};

use crate::{browser, components::new_passphrase::NewPassphrase, state::use_report_state};

/// The key pair made in this page, held in memory only (never stored) until removed or the
/// page is closed: provided by the page so that the panel, shown in one step of the form,
/// still has it when the researcher comes back to that step.
#[derive(Clone, Copy)]
pub struct ReplyKeyHolder(RwSignal<Option<ReplyKeyPair>>);

/// Call once in the page shell, after the report state is provided.
pub fn provide_reply_key_holder() {
    provide_context(ReplyKeyHolder(RwSignal::new(None)));
}

#[component]
pub fn ReplyKeyPanel() -> impl IntoView {
    let state = use_report_state();
    let passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    // Without the page's holder, the pair lives as long as this panel.
    let pair = use_context::<ReplyKeyHolder>()
        .map_or_else(|| RwSignal::new(None::<ReplyKeyPair>), |holder| holder.0);
    let busy = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let failed = RwSignal::new(false);
    let say = move |message: String, is_error: bool| {
        status.set(message);
        failed.set(is_error);
    };
    let make = move |_| {
        if busy.get_untracked() {
            return;
        }
        let typed = passphrase.get_untracked();
        if typed != confirm.get_untracked() {
            say(
                "The two passphrases differ. Type the same one twice, or leave both empty.".into(),
                true,
            );
            return;
        }
        let (name, contact) = typed_identity(&state);
        let request = ReplyKeyRequest {
            name,
            contact,
            passphrase: (!typed.is_empty()).then_some(typed),
            now_ms: js_sys::Date::now(),
        };
        busy.set(true);
        say("Making your key…".into(), false);
        let crypto = state.crypto.get_value();
        spawn_local(async move {
            match crypto.make_reply_key(request).await {
                Ok(made) => {
                    say(
                        "Your key is made. Download the secret key now: it is the only way to read the project's reply, and this page does not keep it.".into(),
                        false,
                    );
                    pair.set(Some(made));
                    passphrase.set(String::new());
                    confirm.set(String::new());
                }
                Err(reason) => say(reason, true),
            }
            busy.set(false);
        });
    };

    let download = move |_| {
        let Some(made) = pair.get_untracked() else {
            return;
        };
        let file = made.secret_file_name();
        match browser::download_text(&file, MEDIA_TYPE, &made.secret_armored) {
            Ok(()) => {
                state.reply_public_key.set(Some(made.public_armored.clone()));
                say(
                    format!("Downloaded {file}. Keep it safe. Your report will carry the public key, so the project can reply encrypted to it."),
                    false,
                );
            }
            Err(reason) => say(
                format!("Could not download the secret key ({reason}). The key was not added to your report."),
                true,
            ),
        }
    };

    let remove = move |_| {
        pair.set(None);
        state.reply_public_key.set(None);
        say(
            "The reply key was removed; your report will not carry one.".into(),
            false,
        );
    };

    let fingerprint = move || pair.with(|p| p.as_ref().map(ReplyKeyPair::fingerprint_grouped));
    let added = move || state.reply_public_key.read().is_some();

    view! {
        <section class="reply-key panel" aria-labelledby="reply-key-heading">
            <h3 id="reply-key-heading">"A key for the project's reply (optional)"</h3>
            <p>
                "The project can answer you encrypted if your report carries a public key of yours. "
                "You can make one here: it is made in this page, the secret half is downloaded to "
                "your device and never sent or stored, and only the public half goes into the report. "
                "Open the project's answer with the secret key (for example with GnuPG: "
                <code>"gpg --import"</code>" the file, then "<code>"gpg --decrypt"</code>")."
            </p>
            <div hidden=move || pair.read().is_some()>
                <NewPassphrase
                    prefix="reply"
                    label="Passphrase for the secret key"
                    help="Protects the downloaded secret key. sealpost cannot recover it.".to_owned()
                    optional="optional, recommended"
                    passphrase=passphrase
                    confirm=confirm
                />
                <button type="button" on:click=make disabled=move || busy.get()>
                    "Make a reply key"
                </button>
            </div>
            <div hidden=move || pair.read().is_none()>
                <p>
                    "Fingerprint: "
                    <span class="fingerprint reply-key__fingerprint">{fingerprint}</span>
                </p>
                <p class="hint" hidden=added>
                    "The key is added to your report once you have downloaded the secret key."
                </p>
                <p class="hint" hidden=move || !added()>
                    "Added to your report: the project will see this fingerprint."
                </p>
                <div class="actions">
                    <button type="button" class="primary" on:click=download>
                        "Download your secret key"
                    </button>
                    " "
                    <button type="button" on:click=remove>"Remove"</button>
                </div>
            </div>
            <p role="status" class="status" class:error=move || failed.get()>
                {move || status.get()}
            </p>
        </section>
    }
}

/// The name and contact the researcher typed in the policy's identity fields, if it has them.
fn typed_identity(state: &crate::state::ReportState) -> (String, String) {
    state.policy.with_value(|policy| {
        state.report.with_untracked(|report| {
            // By id: policies may or may not ask for a separate contact field.
            let text = |builtin: &str| {
                policy
                    .fields
                    .iter()
                    .find(|field| field.builtin.map(Builtin::id) == Some(builtin))
                    .map(|field| report.text(&field.id).to_owned())
                    .unwrap_or_default()
            };
            (text("reporter_identity"), text("reporter_contact"))
        })
    })
}
