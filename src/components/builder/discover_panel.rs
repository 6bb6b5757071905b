//! "Find your key from an email address": every place sealpost looked (the Web Key Directory's
//! two methods, security.txt and the keys it names), what each gave — a key with its
//! fingerprint, or the reason there was none — and a button to use a key that was found.

use leptos::{prelude::*, task::spawn_local};
use sealpost_core::{discover::Plan, i18n::discover::for_lang};

use super::{key_picker::KeySummary, use_builder};
use crate::services::discover::{self, Attempt, Findings, Outcome};

#[component]
pub fn DiscoverPanel() -> impl IntoView {
    let state = use_builder();
    let t = move || for_lang(state.lang.get());
    let (origins, refused) = discover::origins();
    let origins = StoredValue::new(origins);
    let address = RwSignal::new(String::new());
    let findings = RwSignal::new(None::<Result<Findings, String>>);
    let busy = RwSignal::new(false);

    let find = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let plan = match Plan::new(&address.get_untracked(), &origins.get_value()) {
            Ok(plan) => plan,
            Err(error) => {
                findings.set(Some(Err(error.message(state.lang.get_untracked()))));
                return;
            }
        };
        busy.set(true);
        findings.set(Some(Ok(Findings::default())));
        let crypto = state.crypto.get_value();
        spawn_local(async move {
            discover::discover(plan, &origins.get_value(), crypto, |now| {
                findings.try_set(Some(Ok(now.clone())));
            })
            .await;
            busy.try_set(false);
        });
    };

    view! {
        <section class="builder__section discover" aria-labelledby="builder-discover-heading">
            <h2 id="builder-discover-heading">{move || t().heading}</h2>
            <p>{move || t().intro}</p>
            {refused.map(|error| view! { <p class="error">{move || error.message(state.lang.get())}</p> })}
            <form on:submit=find>
                <label for="builder-discover-address">{move || t().address_label}</label>
                <input id="builder-discover-address" type="email" autocomplete="email"
                    prop:value=move || address.get()
                    on:input:target=move |ev| address.set(ev.target().value()) />
                <button type="submit" disabled=move || busy.get()>
                    {move || if busy.get() { t().searching } else { t().find }}
                </button>
            </form>
            <div class="discover__results" role="status" aria-live="polite">
                {move || findings.get().map(|findings| match findings {
                    Err(message) => view! { <p class="error">{message}</p> }.into_any(),
                    Ok(findings) => view! { <FindingsList findings=findings /> }.into_any(),
                })}
            </div>
        </section>
    }
}

#[component]
fn FindingsList(
    /// Every place looked at so far.
    findings: Findings,
) -> impl IntoView {
    let state = use_builder();
    let t = move || for_lang(state.lang.get());
    let found: Vec<String> = findings
        .attempts
        .iter()
        .filter_map(|attempt| match &attempt.outcome {
            Outcome::Found { key, .. } => Some(key.keys.iter().map(|k| compact(&k.fingerprint))),
            _ => None,
        })
        .flatten()
        .collect();
    let pins = findings
        .fingerprints
        .iter()
        .map(|fingerprint| {
            let matches = found.contains(&compact(fingerprint));
            let fingerprint = fingerprint.clone();
            view! { <p class="discover__pin">{move || (t().pinned_by_security_txt)(&fingerprint, matches)}</p> }
        })
        .collect::<Vec<_>>();
    let items = findings
        .attempts
        .into_iter()
        .map(|attempt| view! { <AttemptItem attempt=attempt address=findings.address.clone() /> })
        .collect::<Vec<_>>();
    view! {
        <ol class="discover__attempts">{items}</ol>
        {pins}
    }
}

#[component]
fn AttemptItem(
    /// One place and its outcome.
    attempt: Attempt,
    /// The address looked up, as typed.
    address: String,
) -> impl IntoView {
    let state = use_builder();
    let t = move || for_lang(state.lang.get());
    let method = attempt.source.method;
    let outcome = match attempt.outcome {
        Outcome::Pending => view! { <p>{move || t().searching}</p> }.into_any(),
        Outcome::Skipped => view! { <p>{move || t().skipped_direct}</p> }.into_any(),
        Outcome::Failed(error) => view! {
            <p class="discover__outcome">{move || t().not_found}</p>
            <p class="error">{move || error.message(state.lang.get())}</p>
        }
        .into_any(),
        Outcome::Found {
            format,
            note,
            address_missing,
            key,
        } => {
            let chosen = key.clone();
            let address = address.clone();
            view! {
                <p class="discover__outcome">{move || t().found}</p>
                <p>{move || t().format} ": " {move || (t().key_format)(format)}</p>
                {note.map(|note| view! { <p class="note">{move || (t().note)(note)}</p> })}
                {address_missing.then(|| view! {
                    <p class="note">{move || (t().address_missing)(&address)}</p>
                })}
                <KeySummary key=key />
                <button type="button" on:click=move |_| state.use_key(chosen.clone())>
                    {move || t().use_key}
                </button>
            }
            .into_any()
        }
    };
    view! {
        <li class="discover__attempt">
            <p><strong>{move || (t().method)(method)}</strong></p>
            <p><code class="discover__url">{attempt.source.url}</code></p>
            {outcome}
        </li>
    }
}

/// A fingerprint without spaces, upper-case, to compare.
fn compact(fingerprint: &str) -> String {
    fingerprint
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase()
}
