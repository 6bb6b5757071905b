//! A button that copies text to the clipboard and says, next to itself, whether it worked. The
//! outcome is kept as data and worded when shown, so it follows the page's language.

use leptos::{prelude::*, task::spawn_local};
use sealpost_core::i18n::Texts;

use crate::{browser, i18n::use_texts};

#[component]
pub fn CopyButton(
    /// The button's text, e.g. "Copy to clipboard", in the page's language.
    #[prop(into)]
    label: Signal<String>,
    /// What to copy, read at the click (`None`: nothing to copy yet).
    text: Signal<Option<String>>,
    /// The confirmation once copied ("Copied the encrypted report to the clipboard.").
    copied: fn(&Texts) -> &'static str,
) -> impl IntoView {
    let t = use_texts();
    // `Err` holds the browser's reason.
    let outcome = RwSignal::new(None::<Result<(), String>>);
    let copy = move |_| {
        let Some(text) = text.get_untracked() else {
            return;
        };
        spawn_local(async move {
            outcome.set(Some(browser::copy_to_clipboard(&text).await));
        });
    };
    let status = move || match outcome.get() {
        None => String::new(),
        Some(Ok(())) => copied(t()).to_owned(),
        Some(Err(reason)) => (t().send.copy_failed)(&reason),
    };
    view! {
        <button type="button" on:click=copy disabled=move || text.read().is_none()>{label}</button>
        <span role="status" class="status">{status}</span>
    }
}
