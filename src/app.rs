//! The page: loads the policy, then either the report form or the policy's problems. (With
//! `?builder`, `main` loads the page builder's own wasm instead: `services::builder_loader`.)

use std::rc::Rc;

use leptos::{prelude::*, task::spawn_local};

use crate::{
    components::{
        guided_form::GuidedForm, language_switch::LanguageSwitch,
        policy_error_page::PolicyErrorPage,
    },
    i18n::{provide_language, use_lang, use_texts, Language},
    services::{
        crypto::CryptoBackend,
        load_policy::{load_policy, load_policy_at_once, LoadedPolicy, PolicyFailure},
    },
    state::{provide_report_state, use_report_state, ReportState},
};

#[component]
pub fn App(
    /// Where keys are checked and reports sealed: the worker in the app.
    crypto: Rc<dyn CryptoBackend>,
) -> impl IntoView {
    crate::browser::install_url_parser();
    let Language(lang) = provide_language();
    // A policy that needs no fetch is drawn at once; one that does waits in a Suspense.
    if let Some(loaded) = load_policy_at_once() {
        return policy_page(loaded, crypto);
    }
    let crypto = StoredValue::new_local(crypto);
    let loaded = LocalResource::new(load_policy);
    view! {
        <Suspense fallback=move || view! { <main><p class="loading">{lang.get_untracked().texts().form.loading_policy}</p></main> }>
            {move || Suspend::new(async move { policy_page(loaded.await, crypto.get_value()) })}
        </Suspense>
    }
    .into_any()
}

/// The report form for a policy that loaded, else the policy's problems.
fn policy_page(
    loaded: Result<LoadedPolicy, PolicyFailure>,
    crypto: Rc<dyn CryptoBackend>,
) -> AnyView {
    match loaded {
        Ok(loaded) => view! { <ReportPage loaded=loaded crypto=crypto /> }.into_any(),
        Err(failure) => view! {
            <header class="masthead"><p class="brand">"sealpost"</p></header>
            <main><PolicyErrorPage failure=failure /></main>
        }
        .into_any(),
    }
}

/// The form is drawn as soon as the policy is read; the keys are accepted by the worker
/// meanwhile (its wasm loads in the background). A key that cannot be used replaces the page with
/// the policy's problems, as a broken policy does.
#[component]
fn ReportPage(
    /// The checked policy, with its key files fetched.
    loaded: LoadedPolicy,
    crypto: Rc<dyn CryptoBackend>,
) -> impl IntoView {
    let LoadedPolicy {
        policy,
        accept,
        source,
    } = loaded;
    let state = ReportState::new(
        policy,
        accept.policy_json.clone(),
        use_lang(),
        Rc::clone(&crypto),
    );
    provide_report_state(state);
    // Both outlive the steps that show their panels: typing anywhere is saved to the draft,
    // and a reply key made on "About you" survives going back and forth.
    crate::components::draft_panel::provide_draft_keeper();
    crate::components::reply_key::provide_reply_key_holder();
    let key_failure = RwSignal::new(None::<PolicyFailure>);
    spawn_local(async move {
        match crypto.accept(accept).await {
            Ok(recipients) => state.recipients.set(Some(recipients)),
            Err(errors) => key_failure.set(Some(PolicyFailure { source, errors })),
        }
    });
    move || match key_failure.get() {
        Some(failure) => view! {
            <header class="masthead"><p class="brand">"sealpost"</p></header>
            <main><PolicyErrorPage failure=failure /></main>
        }
        .into_any(),
        None => view! { <ReportLayout /> }.into_any(),
    }
}

#[component]
fn ReportLayout() -> impl IntoView {
    let state = use_report_state();
    let t = use_texts();
    let project = state
        .policy
        .with_value(|policy| policy.project.name.clone());
    crate::services::embed::announce_ready();
    crate::services::leave_guard::warn_before_leaving(state);
    // The tab's title names the project, in the page's language (the document's own title is
    // the generic one index.html ships with).
    Effect::new({
        let project = project.clone();
        move || {
            let (before, after) = t().form.report_to;
            document().set_title(&format!("{before}{project}{after} · sealpost"));
        }
    });
    // Switching language redraws the form in it (labels, help, the policy's own translations);
    // everything typed lives in the report state, so nothing is lost.
    let form = move || {
        state.localize(state.lang.get());
        view! { <GuidedForm /> }
    };
    view! {
        <header class="masthead">
            <p class="brand">"sealpost"</p>
            <LanguageSwitch />
            <h1>{move || t().form.report_to.0} <bdi>{project}</bdi> {move || t().form.report_to.1}</h1>
            <p class="lede">{move || t().form.lede}</p>
        </header>
        <main>
            {form}
            <crate::components::offline_link::OfflineLink />
        </main>
    }
}
