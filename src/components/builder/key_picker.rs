//! The maintainer's key: pasted or picked from a file (binary `.gpg` or armored `.asc`),
//! checked by the sealing worker as every recipient key is, then put in the policy with its
//! fingerprint pinned. User IDs are untrusted text and drawn as such.

use leptos::{prelude::*, task::spawn_local};
use sealpost_core::protocol::{CheckedKey, KeyCheckRequest};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::use_builder;
use crate::browser::describe;

#[component]
pub fn KeyPicker() -> impl IntoView {
    let state = use_builder();
    let t = move || state.texts();
    let pasted = RwSignal::new(String::new());
    let status = RwSignal::new(None::<Result<(), String>>);
    let busy = RwSignal::new(false);

    let check = move |bytes: Vec<u8>| {
        busy.set(true);
        let crypto = state.crypto.get_value();
        spawn_local(async move {
            let checked = crypto
                .check_key(KeyCheckRequest {
                    bytes,
                    now_ms: js_sys::Date::now(),
                })
                .await;
            match checked {
                Ok(key) => {
                    state.use_key(key);
                    status.try_set(Some(Ok(())));
                }
                Err(refusal) => {
                    status.try_set(Some(Err(refusal.message)));
                }
            }
            busy.try_set(false);
        });
    };
    let use_pasted = move |_| check(pasted.get_untracked().into_bytes());
    let picked = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        spawn_local(async move {
            match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => check(js_sys::Uint8Array::new(&buffer).to_vec()),
                Err(err) => {
                    status.try_set(Some(Err(describe(&err))));
                }
            }
        });
    };

    view! {
        <section class="builder__section" aria-labelledby="builder-key-heading">
            <h2 id="builder-key-heading">{move || t().key_heading}</h2>
            <label for="builder-key-paste">{move || t().paste_label}</label>
            <textarea id="builder-key-paste" rows="4" spellcheck="false"
                placeholder="-----BEGIN PGP PUBLIC KEY BLOCK-----"
                prop:value=move || pasted.get()
                on:input:target=move |ev| pasted.set(ev.target().value())></textarea>
            <button type="button" on:click=use_pasted
                disabled=move || busy.get() || pasted.with(|p| p.trim().is_empty())>
                {move || t().use_pasted}
            </button>
            <label for="builder-key-file">{move || t().file_label}</label>
            <input id="builder-key-file" type="file" accept=".asc,.gpg,.pgp,.key,.txt" on:change=picked />
            <div role="status" class="builder__key-status">
                {move || busy.get().then(|| view! { <p>{t().checking}</p> })}
                {move || match status.get() {
                    Some(Err(reason)) => view! {
                        <p class="error">{t().key_refused} " " {reason}</p>
                    }.into_any(),
                    _ => ().into_any(),
                }}
                {move || state.key.get().map(|key| {
                    let count = key.keys.len();
                    view! {
                        <p>{move || if count == 1 { t().key_in_use.to_owned() } else { (t().team_file)(count) }}</p>
                        <KeySummary key=key />
                    }
                })}
            </div>
        </section>
    }
}

/// A checked key file: each certificate's user ID, fingerprint, algorithm and expiry.
#[component]
pub fn KeySummary(
    /// What the worker made of the key file.
    key: CheckedKey,
) -> impl IntoView {
    let state = use_builder();
    let items = key
        .keys
        .into_iter()
        .map(|summary| {
            let meta = (state.texts().key_meta)(
                &summary.algorithm,
                summary.version,
                summary.expires.as_deref(),
            );
            view! {
                <li>
                    <bdi class="builder__uid">{summary.user_id.unwrap_or_default()}</bdi>
                    <br />
                    <code class="fingerprint">{summary.fingerprint}</code>
                    <br />
                    {meta}
                </li>
            }
        })
        .collect::<Vec<_>>();
    view! { <ul class="plain builder__key">{items}</ul> }
}
