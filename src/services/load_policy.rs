//! Finding and checking the page's policy, and its recipients' keys.
//!
//! Sources, in order: a `<script type="application/json" id="sealpost-policy">` in the page, a
//! `?policy=PATH` parameter (a path on this site only: a policy from another site could swap in
//! an attacker's key), else the built-in demo policy.

use sealpost_core::{
    demo,
    policy::{is_same_site_path, KeySource},
    recipients, Policy, PolicyError, RecipientKey,
};

use crate::browser;

/// The id of the script element a page can embed its policy in.
pub const POLICY_ELEMENT_ID: &str = "sealpost-policy";

/// A policy ready to use: checked, with every recipient's key accepted.
#[derive(Clone)]
pub struct LoadedPolicy {
    pub policy: Policy,
    pub recipients: Vec<RecipientKey>,
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

pub async fn load_policy() -> Result<LoadedPolicy, PolicyFailure> {
    let (source, json) = find_policy_text()
        .await
        .map_err(|(source, error)| PolicyFailure {
            source,
            errors: vec![error],
        })?;
    let fail = |errors| PolicyFailure {
        source: source.clone(),
        errors,
    };
    let policy = Policy::from_json(&json).map_err(fail)?;
    let recipients = accept_recipients(&policy).await.map_err(fail)?;
    Ok(LoadedPolicy {
        policy,
        recipients,
        source,
    })
}

async fn find_policy_text() -> Result<(PolicySource, String), (PolicySource, PolicyError)> {
    if let Some(text) = embedded_policy() {
        return Ok((PolicySource::Embedded, text));
    }
    let Some(url) = browser::query_parameter("policy") else {
        return Ok((PolicySource::Demo, demo::POLICY_JSON.to_owned()));
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

async fn accept_recipients(policy: &Policy) -> Result<Vec<RecipientKey>, Vec<PolicyError>> {
    let now = browser::now();
    let mut results = Vec::new();
    for (index, source) in policy.recipients.iter().enumerate() {
        let material = match &source.key {
            KeySource::Inline(armored) => Ok(armored.clone().into_bytes()),
            KeySource::Url(url) => fetch_text(url)
                .await
                .map(String::into_bytes)
                .map_err(|reason| error(format!("recipients[{index}].key_url"), reason)),
        };
        results.push(material.and_then(|bytes| recipients::accept(index, source, &bytes, now)));
    }
    recipients::all_or_errors(results)
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
