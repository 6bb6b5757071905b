//! A button that copies text to the clipboard and says, next to itself, whether it worked.

use leptos::{prelude::*, task::spawn_local};

use crate::browser;

#[component]
pub fn CopyButton(
    /// The button's text, e.g. "Copy to clipboard".
    label: String,
    /// What to copy, read at the click (`None`: nothing to copy yet).
    text: Signal<Option<String>>,
    /// What was copied, for the confirmation ("the encrypted report").
    what: &'static str,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        let Some(text) = text.get_untracked() else {
            return;
        };
        spawn_local(async move {
            status.set(match browser::copy_to_clipboard(&text).await {
                Ok(()) => format!("Copied {what} to the clipboard."),
                Err(reason) => {
                    format!("Could not copy ({reason}). Select the text and copy it by hand.")
                }
            });
        });
    };
    view! {
        <button type="button" on:click=copy disabled=move || text.read().is_none()>{label}</button>
        <span role="status" class="status">{move || status.get()}</span>
    }
}
