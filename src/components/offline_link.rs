//! "Download this page for offline use": the whole page, with this policy and its keys, as one
//! HTML file that works from disk with the network off (services/offline.rs builds it).

use leptos::{prelude::*, task::spawn_local};

use crate::{browser, services::offline};

#[component]
pub fn OfflineLink() -> impl IntoView {
    let status = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let download =
        move |_| {
            busy.set(true);
            status.set("Putting the page together…".into());
            spawn_local(async move {
                let result = match offline::offline_page().await {
                    Ok((name, html)) => browser::download_text(&name, "text/html", &html)
                        .map(|()| format!("Saved as {name}: open it in a browser, even offline.")),
                    Err(reason) => Err(reason),
                };
                status.set(result.unwrap_or_else(|reason| {
                    format!("The offline copy could not be made: {reason}")
                }));
                busy.set(false);
            });
        };
    offline::available().then(|| {
        view! {
            <footer class="offline">
                <button type="button" on:click=download disabled=move || busy.get()>
                    "Download this page for offline use"
                </button>
                <p role="status" class="status">{move || status.get()}</p>
            </footer>
        }
    })
}
