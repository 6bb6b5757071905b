//! "Download this page for offline use": the whole page, with this policy and its keys, as one
//! HTML file that works from disk with the network off (services/offline.rs builds it).

use leptos::{prelude::*, task::spawn_local};

use crate::{
    browser,
    i18n::use_texts,
    services::offline::{self, OfflineError},
};

/// Where making the copy stands; worded when shown, so it follows the page's language.
#[derive(Clone, PartialEq)]
enum Made {
    Idle,
    Busy,
    Saved(String),
    Failed(OfflineError),
    /// The browser refused the download (its reason).
    NotSaved(String),
}

#[component]
pub fn OfflineLink() -> impl IntoView {
    let t = use_texts();
    let made = RwSignal::new(Made::Idle);
    let download = move |_| {
        made.set(Made::Busy);
        spawn_local(async move {
            made.set(match offline::offline_page().await {
                Ok((name, html)) => match browser::download_text(&name, "text/html", &html) {
                    Ok(()) => Made::Saved(name),
                    Err(reason) => Made::NotSaved(reason),
                },
                Err(error) => Made::Failed(error),
            });
        });
    };
    let status = move || {
        let texts = t();
        let t = texts.send;
        match made.get() {
            Made::Idle => String::new(),
            Made::Busy => t.offline_busy.to_owned(),
            Made::Saved(name) => (t.offline_saved)(&name),
            Made::Failed(error) => error.message(texts),
            Made::NotSaved(reason) => (t.offline_failed)(&reason),
        }
    };
    offline::available().then(|| {
        view! {
            <footer class="offline">
                <button type="button" on:click=download disabled=move || made.get() == Made::Busy>
                    {move || t().send.offline_button}
                </button>
                <p role="status" class="status">{status}</p>
            </footer>
        }
    })
}
