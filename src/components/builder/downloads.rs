//! The builder's results: `policy.json` as it stands, and the single-file page with it inside
//! (assembled from this build's own assets, as the report page's offline copy is).

use leptos::{prelude::*, task::spawn_local};

use super::use_builder;
use crate::{browser, services::offline};

#[component]
pub fn Downloads() -> impl IntoView {
    let state = use_builder();
    let t = move || state.texts();
    let page_texts = crate::i18n::use_texts();
    let status = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let broken = move || state.checked.with(Result::is_err);

    let save_policy = move |_| {
        let json = state.json.get_untracked();
        if let Err(reason) = browser::download_text("policy.json", "application/json", &json) {
            status.set((t().not_saved)(&reason));
        }
    };
    let save_page = move |_| {
        busy.set(true);
        status.set(t().making_page.to_owned());
        let json = state.json.get_untracked();
        spawn_local(async move {
            let texts = state.texts();
            let result = match offline::single_file(&json, &[]).await {
                Ok((name, html)) => browser::download_text(&name, "text/html", &html)
                    .map(|()| (texts.saved_as)(&name)),
                Err(reason) => Err(reason.reason(page_texts()).to_owned()),
            };
            status.try_set(result.unwrap_or_else(|reason| (texts.not_saved)(&reason)));
            busy.try_set(false);
        });
    };
    view! {
        <section class="builder__section builder__downloads" aria-labelledby="builder-downloads-heading">
            <h2 id="builder-downloads-heading">{move || t().downloads_heading}</h2>
            {move || broken().then(|| view! { <p>{t().fix_first}</p> })}
            <button type="button" on:click=save_policy disabled=broken>
                {move || t().download_policy}
            </button>
            {if offline::available() {
                view! {
                    <button type="button" on:click=save_page disabled=move || broken() || busy.get()>
                        {move || t().download_page}
                    </button>
                }
                .into_any()
            } else {
                view! { <p>{move || t().page_unavailable}</p> }.into_any()
            }}
            <p role="status" class="status">{move || status.get()}</p>
        </section>
    }
}
