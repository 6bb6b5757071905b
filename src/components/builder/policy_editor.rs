//! The policy as JSON, editable as text, with every problem `Policy::from_json` finds listed
//! under it with its path — as text: the policy is the maintainer's, but drawn like untrusted
//! input all the same.

use leptos::prelude::*;

use super::use_builder;

#[component]
pub fn PolicyEditor() -> impl IntoView {
    let state = use_builder();
    let t = move || state.texts();
    let problems = move || match state.checked.get() {
        Ok(_) => view! { <p class="builder__ready">{t().ready}</p> }.into_any(),
        Err(errors) => {
            let count = errors.len();
            let items = errors
                .into_iter()
                .map(|error| {
                    let path = if error.path == "." {
                        t().whole_document.to_owned()
                    } else {
                        error.path
                    };
                    view! { <li><code class="path">{path}</code> ": " {error.reason}</li> }
                })
                .collect::<Vec<_>>();
            view! {
                <h3>{(t().problems_heading)(count)}</h3>
                <ul class="builder__problems">{items}</ul>
            }
            .into_any()
        }
    };
    view! {
        <section class="builder__section" aria-labelledby="builder-json-heading">
            <h2 id="builder-json-heading">{move || t().json_heading}</h2>
            <label for="builder-json">{move || t().json_label}</label>
            <textarea id="builder-json" class="builder__json" rows="24" spellcheck="false"
                aria-describedby="builder-json-problems"
                prop:value=move || state.json.get()
                on:input:target=move |ev| state.json.set(ev.target().value())></textarea>
            <div id="builder-json-problems" role="status" aria-live="polite">{problems}</div>
        </section>
    }
}
