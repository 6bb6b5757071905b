//! A passphrase chosen here, typed twice: the pair both the draft panel and the reply-key panel
//! ask for. Its ids are `{prefix}-passphrase` and `{prefix}-passphrase-confirm`; a mismatch is
//! shown under the second box as soon as it is typed, tied to it with `aria-describedby`.

use leptos::prelude::*;

use crate::i18n::use_texts;

#[component]
pub fn NewPassphrase(
    /// Names the controls: `draft` gives `draft-passphrase`, `draft-passphrase-confirm`, …
    prefix: &'static str,
    /// The label and help, in the page's language.
    label: Signal<&'static str>,
    help: Signal<String>,
    /// Marks the passphrase optional (with this text), or leaves it unmarked.
    #[prop(optional)]
    optional: Option<Signal<&'static str>>,
    passphrase: RwSignal<String>,
    confirm: RwSignal<String>,
) -> impl IntoView {
    let t = use_texts();
    let id = format!("{prefix}-passphrase");
    let help_id = format!("{id}-help");
    let confirm_id = format!("{id}-confirm");
    let mismatch_id = format!("{id}-mismatch");
    let mismatch = move || {
        let (typed, again) = (passphrase.read(), confirm.read());
        !again.is_empty() && *typed != *again
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {optional.map(|text| view! { <span class="optional">" (" {text} ")"</span> })}
            <p class="help" id=help_id.clone()>{help}</p>
            <input
                id=id
                type="password"
                autocomplete="new-password"
                aria-describedby=help_id
                prop:value=move || passphrase.get()
                on:input=move |ev| passphrase.set(event_target_value(&ev))
            />
        </div>
        <div class="field">
            <label for=confirm_id.clone()>{move || t().keep.same_again}</label>
            <input
                id=confirm_id
                type="password"
                autocomplete="new-password"
                aria-invalid=move || mismatch().to_string()
                aria-describedby=mismatch_id.clone()
                prop:value=move || confirm.get()
                on:input=move |ev| confirm.set(event_target_value(&ev))
            />
            <p class="error" id=mismatch_id hidden=move || !mismatch()>
                {move || t().keep.passphrases_differ}
            </p>
        </div>
    }
}
