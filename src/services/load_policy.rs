//! Finding and checking the page's policy, and its recipients' keys.
//!
//! Sources, in order: a `<script type="application/json" id="sealpost-policy">` in the page, a
//! `?policy=PATH` parameter (a path on this site only: a policy from another site could swap in
//! an attacker's key), else the built-in demo policy.

use sealpost_core::{
    demo,
    policy::{is_same_site_path, KeySource},
    protocol::AcceptRequest,
    Policy, PolicyError,
};

use crate::browser;

/// The id of the script element a page can embed its policy in.
pub const POLICY_ELEMENT_ID: &str = "sealpost-policy";

/// A checked policy, with its key files fetched: the form can be drawn while the sealing worker
/// accepts the keys (`accept`).
#[derive(Clone)]
pub struct LoadedPolicy {
    pub policy: Policy,
    /// What the worker needs to accept the keys.
    pub accept: AcceptRequest,
    pub source: PolicySource,
}

/// Where the policy came from, for messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PolicySource {
    Embedded,
    Url(String),
    Demo,
}

impl std::fmt::Display for PolicySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PolicySource::Embedded => {
                write!(f, "the policy embedded in this page (#{POLICY_ELEMENT_ID})")
            }
            PolicySource::Url(url) => write!(f, "the policy at {url}"),
            PolicySource::Demo => write!(f, "the built-in demo policy"),
        }
    }
}

/// Why the page cannot offer a form: every problem, each with its place in the document.
#[derive(Clone, Debug)]
pub struct PolicyFailure {
    pub source: PolicySource,
    pub errors: Vec<PolicyError>,
}

/// Finds the policy, checks it and fetches its key files.
pub async fn load_policy() -> Result<LoadedPolicy, PolicyFailure> {
    let (source, json) = find_policy_text()
        .await
        .map_err(|(source, error)| PolicyFailure {
            source,
            errors: vec![error],
        })?;
    let policy = read_policy(&source, &json)?;
    let fetched_keys = fetch_keys(&policy).await;
    Ok(loaded(policy, json, fetched_keys, source))
}

/// The policy at once, when nothing has to be fetched for it: an embedded or the built-in demo
/// policy whose keys are all inline. Then the form is drawn in the same task that starts the
/// page, without a `Suspense` round (measured: the first step ~10 ms sooner). `None` when the
/// policy or a key must be fetched: [`load_policy`] does it.
pub fn load_policy_at_once() -> Option<Result<LoadedPolicy, PolicyFailure>> {
    let PolicyText::InPage(source, json) = locate_policy() else {
        return None;
    };
    let policy = match read_policy(&source, &json) {
        Ok(policy) => policy,
        Err(failure) => return Some(Err(failure)),
    };
    if policy
        .recipients
        .iter()
        .any(|recipient| matches!(recipient.key, KeySource::Url(_)))
    {
        return None;
    }
    let no_fetches = vec![None; policy.recipients.len()];
    Some(Ok(loaded(policy, json, no_fetches, source)))
}

fn read_policy(source: &PolicySource, json: &str) -> Result<Policy, PolicyFailure> {
    let policy = Policy::from_json(json).map_err(|errors| PolicyFailure {
        source: source.clone(),
        errors,
    })?;
    super::embed::apply_theme(&policy.theme);
    Ok(policy)
}

fn loaded(
    policy: Policy,
    json: String,
    fetched_keys: Vec<Option<Result<String, String>>>,
    source: PolicySource,
) -> LoadedPolicy {
    remember_source(&policy, &json, &fetched_keys);
    let accept = AcceptRequest {
        fetched_keys,
        policy_json: json,
        now_ms: js_sys::Date::now(),
    };
    LoadedPolicy {
        policy,
        accept,
        source,
    }
}

/// A policy's text and each fetched key as `(key_url, text)`.
type LoadedSource = (String, Vec<(String, String)>);

thread_local! {
    /// The policy's text and its fetched `key_url` keys, for the offline copy of the page.
    static SOURCE: std::cell::RefCell<Option<LoadedSource>> =
        const { std::cell::RefCell::new(None) };
}

/// The loaded policy's text and each fetched key as `(key_url, text)`.
pub fn loaded_source() -> Option<LoadedSource> {
    SOURCE.with(|source| source.borrow().clone())
}

fn remember_source(policy: &Policy, json: &str, fetched: &[Option<Result<String, String>>]) {
    let keys = policy
        .recipients
        .iter()
        .zip(fetched)
        .filter_map(|(recipient, fetched)| match (&recipient.key, fetched) {
            (KeySource::Url(url), Some(Ok(text))) => Some((url.clone(), text.clone())),
            _ => None,
        })
        .collect();
    SOURCE.with(|source| *source.borrow_mut() = Some((json.to_owned(), keys)));
}

/// Where the policy is: in the page already, or at a `?policy=` path still to be fetched.
enum PolicyText {
    InPage(PolicySource, String),
    AtPath(String),
}

/// The embedded policy, else `?policy=`'s path, else the built-in demo policy.
fn locate_policy() -> PolicyText {
    if let Some(text) = embedded_policy() {
        return PolicyText::InPage(PolicySource::Embedded, text);
    }
    match browser::query_parameter("policy") {
        Some(url) => PolicyText::AtPath(url),
        None => PolicyText::InPage(PolicySource::Demo, demo::POLICY_JSON.to_owned()),
    }
}

async fn find_policy_text() -> Result<(PolicySource, String), (PolicySource, PolicyError)> {
    let url = match locate_policy() {
        PolicyText::InPage(source, text) => return Ok((source, text)),
        PolicyText::AtPath(url) => url,
    };
    let source = PolicySource::Url(url.clone());
    if !is_same_site_path(&url) {
        return Err((
            source,
            error(
                ".",
                format!(
                    "?policy= must be a path on this site (such as /security/policy.json), not \
                     `{url}`: a policy from another site could send reports to someone else's key"
                ),
            ),
        ));
    }
    match fetch_text(&url).await {
        Ok(text) => Ok((source, text)),
        Err(reason) => Err((source, error(".", reason))),
    }
}

fn embedded_policy() -> Option<String> {
    let element = web_sys::window()?
        .document()?
        .get_element_by_id(POLICY_ELEMENT_ID)?;
    element.text_content()
}

/// The text of every `key_url` recipient's key (or why it could not be fetched), in order.
async fn fetch_keys(policy: &Policy) -> Vec<Option<Result<String, String>>> {
    let mut fetched = Vec::with_capacity(policy.recipients.len());
    for source in &policy.recipients {
        fetched.push(match &source.key {
            KeySource::Inline(_) => None,
            KeySource::Url(url) => Some(fetch_text(url).await),
        });
    }
    fetched
}

/// GETs `url` (a same-site path) as text, with a message that says what went wrong.
async fn fetch_text(url: &str) -> Result<String, String> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|err| format!("could not fetch {url}: {err}"))?;
    if !response.ok() {
        return Err(format!(
            "fetching {url} failed: the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    response
        .text()
        .await
        .map_err(|err| format!("could not read {url}: {err}"))
}

fn error(path: impl Into<String>, reason: impl Into<String>) -> PolicyError {
    PolicyError {
        path: path.into(),
        reason: reason.into(),
    }
}
