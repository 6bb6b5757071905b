//! The reply key: the researcher can make an OpenPGP key pair (in the worker) so the project
//! can answer encrypted. The secret half is only ever offered as a download; the public half
//! joins the report (`state.reply_public_key`) only once the secret key has been downloaded,
//! so no report names a key whose owner cannot read the answer.

use leptos::{prelude::*, task::spawn_local};
use sealpost_core::{
    i18n::Texts,
    policy::Builtin,
    protocol::ReplyKeyRequest,
    reply_key::{ReplyKeyPair, MEDIA_TYPE},
};

use crate::{
    browser, components::new_passphrase::NewPassphrase, i18n::use_texts, state::use_report_state,
};

/// What the panel says under itself; worded when shown, so it follows the page's language.
#[derive(Clone, PartialEq)]
enum Status {
    Quiet,
    Differ,
    Making,
    Made,
    /// The secret key's file name.
    Downloaded(String),
    DownloadFailed(String),
    Removed,
    /// The worker could not make the key: its reason.
    Failed(String),
}

impl Status {
    fn message(&self, texts: &Texts) -> String {
        let t = texts.keep;
        match self {
            Status::Quiet => String::new(),
            Status::Differ => t.reply_differ.to_owned(),
            Status::Making => t.making.to_owned(),
            Status::Made => t.made.to_owned(),
            Status::Downloaded(file) => (t.secret_downloaded)(file),
            Status::DownloadFailed(reason) => (t.secret_download_failed)(reason),
            Status::Removed => t.reply_removed.to_owned(),
            Status::Failed(reason) => reason.clone(),
        }
    }

    fn is_error(&self) -> bool {
        matches!(
            self,
            Status::Differ | Status::DownloadFailed(_) | Status::Failed(_)
        )
    }
}

/// The key pair made in this page, held in memory only (never stored) until removed or the
/// page is closed: provided by the page so that the panel, shown in one step of the form,
/// still has it when the researcher comes back to that step. What is typed in the panel and
/// what it last said are held here too, so redrawing the form (another language) keeps them.
#[derive(Clone, Copy)]
pub struct ReplyKeyHolder {
    pair: RwSignal<Option<ReplyKeyPair>>,
    passphrase: RwSignal<String>,
    confirm: RwSignal<String>,
    status: RwSignal<Status>,
}

impl ReplyKeyHolder {
    fn new() -> Self {
        Self {
            pair: RwSignal::new(None),
            passphrase: RwSignal::new(String::new()),
            confirm: RwSignal::new(String::new()),
            status: RwSignal::new(Status::Quiet),
        }
    }
}

/// Call once in the page shell, after the report state is provided.
pub fn provide_reply_key_holder() {
    provide_context(ReplyKeyHolder::new());
}

#[component]
pub fn ReplyKeyPanel() -> impl IntoView {
    let state = use_report_state();
    let t = use_texts();
    // Without the page's holder, the pair lives as long as this panel.
    let ReplyKeyHolder {
        pair,
        passphrase,
        confirm,
        status,
    } = use_context::<ReplyKeyHolder>().unwrap_or_else(ReplyKeyHolder::new);
    let busy = RwSignal::new(false);
    let say = move |said: Status| status.set(said);
    let make = move |_| {
        if busy.get_untracked() {
            return;
        }
        let typed = passphrase.get_untracked();
        if typed != confirm.get_untracked() {
            say(Status::Differ);
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
        say(Status::Making);
        let crypto = state.crypto.get_value();
        spawn_local(async move {
            match crypto.make_reply_key(request).await {
                Ok(made) => {
                    say(Status::Made);
                    pair.set(Some(made));
                    passphrase.set(String::new());
                    confirm.set(String::new());
                }
                Err(reason) => say(Status::Failed(reason)),
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
                state
                    .reply_public_key
                    .set(Some(made.public_armored.clone()));
                say(Status::Downloaded(file));
            }
            Err(reason) => say(Status::DownloadFailed(reason)),
        }
    };

    let remove = move |_| {
        pair.set(None);
        state.reply_public_key.set(None);
        say(Status::Removed);
    };

    let fingerprint = move || pair.with(|p| p.as_ref().map(ReplyKeyPair::fingerprint_grouped));
    let added = move || state.reply_public_key.read().is_some();

    view! {
        <section class="reply-key panel" aria-labelledby="reply-key-heading">
            <h3 id="reply-key-heading">{move || t().keep.reply_heading}</h3>
            <p>
                {move || t().keep.reply_intro.0}
                <code>"gpg --import"</code>
                {move || t().keep.reply_intro.1}
                <code>"gpg --decrypt"</code>
                {move || t().keep.reply_intro.2}
            </p>
            <div hidden=move || pair.read().is_some()>
                <NewPassphrase
                    prefix="reply"
                    label=Signal::derive(move || t().keep.reply_passphrase)
                    help=Signal::derive(move || t().keep.reply_passphrase_help.to_owned())
                    optional=Signal::derive(move || t().keep.optional_recommended)
                    passphrase=passphrase
                    confirm=confirm
                />
                <button type="button" on:click=make disabled=move || busy.get()>
                    {move || t().keep.make_key}
                </button>
            </div>
            <div hidden=move || pair.read().is_none()>
                <p>
                    {move || t().keep.fingerprint}
                    <span class="fingerprint reply-key__fingerprint">{fingerprint}</span>
                </p>
                <p class="hint" hidden=added>{move || t().keep.added_after_download}</p>
                <p class="hint" hidden=move || !added()>{move || t().keep.added}</p>
                <div class="actions">
                    <button type="button" class="primary" on:click=download>
                        {move || t().keep.download_secret}
                    </button>
                    " "
                    <button type="button" on:click=remove>{move || t().form.remove}</button>
                </div>
            </div>
            <p role="status" class="status" class:error=move || status.read().is_error()>
                {move || status.read().message(t())}
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
