//! Looking for the maintainer's key on the network, as `sealpost_core::discover` plans it: the
//! Web Key Directory (advanced, then direct), then the site's security.txt and the keys its
//! `Encryption:` fields name. Each answer is judged by core and every key is checked by the
//! sealing worker (the page links no OpenPGP code), so each place ends as a usable key with its
//! fingerprint or as a reason. Only the URLs core derives from the typed address are fetched.

use std::rc::Rc;

use sealpost_core::{
    discover::{
        encryption_sources, judge_key, judge_security_txt, DiscoveryError, Fetched, FormatNote,
        KeyFormat, MailAddress, Method, Origins, Plan, Source,
    },
    protocol::{CheckedKey, KeyCheckRequest},
};

use super::{crypto::CryptoBackend, probe};

/// One place looked at, and what it gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    pub source: Source,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Pending,
    /// The direct method after the advanced one found a usable key.
    Skipped,
    Found {
        format: KeyFormat,
        note: Option<FormatNote>,
        /// A directory key that names the address in none of its user IDs.
        address_missing: bool,
        key: CheckedKey,
    },
    Failed(DiscoveryError),
}

/// Everything found so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Findings {
    /// The address looked up (`local@domain`, the domain as looked up).
    pub address: String,
    pub attempts: Vec<Attempt>,
    /// Fingerprints a security.txt names with `openpgp4fpr:`.
    pub fingerprints: Vec<String>,
}

impl Findings {
    fn push(&mut self, source: &Source) -> usize {
        self.attempts.push(Attempt {
            source: source.clone(),
            outcome: Outcome::Pending,
        });
        self.attempts.len() - 1
    }

    fn found_usable(&self, index: usize) -> bool {
        matches!(self.attempts[index].outcome, Outcome::Found { .. })
    }
}

/// The origins for this page: the `?discover_base=` test server where core allows it, else
/// the real https URLs; and the reason, if an override was asked for and refused.
pub fn origins() -> (Origins, Option<DiscoveryError>) {
    let host = web_sys::window()
        .and_then(|w| w.location().hostname().ok())
        .unwrap_or_default();
    let base = crate::browser::query_parameter("discover_base");
    match Origins::for_page(&host, base.as_deref()) {
        Ok(origins) => (origins, None),
        Err(refused) => (Origins::Https, Some(refused)),
    }
}

/// Looks everywhere for `address`'s key, calling `report` after every step.
pub async fn discover(
    plan: Plan,
    origins: &Origins,
    crypto: Rc<dyn CryptoBackend>,
    report: impl Fn(&Findings),
) {
    let mut findings = Findings {
        address: format!("{}@{}", plan.address.local, plan.address.domain),
        ..Findings::default()
    };
    let [advanced, direct] = &plan.wkd;
    let first = findings.push(advanced);
    report(&findings);
    let address = &plan.address;
    findings.attempts[first].outcome = key_at(advanced, address, crypto.as_ref()).await;
    let second = findings.push(direct);
    report(&findings);
    findings.attempts[second].outcome = if findings.found_usable(first) {
        Outcome::Skipped
    } else {
        key_at(direct, address, crypto.as_ref()).await
    };
    report(&findings);

    for source in &plan.security_txt {
        let index = findings.push(source);
        report(&findings);
        let file = judge_security_txt(source, fetch(&source.url).await);
        let fields = file.and_then(|file| encryption_sources(&file, &source.url, origins));
        match fields {
            Err(error) => {
                findings.attempts[index].outcome = Outcome::Failed(error);
                report(&findings);
            }
            Ok(fields) => {
                findings.attempts.remove(index);
                findings.fingerprints = fields.fingerprints;
                for key in fields.keys {
                    match key {
                        Ok(key_source) => {
                            let at = findings.push(&key_source);
                            report(&findings);
                            findings.attempts[at].outcome =
                                key_at(&key_source, address, crypto.as_ref()).await;
                        }
                        Err(error) => findings.attempts.push(Attempt {
                            source: Source {
                                method: Method::SecurityTxtKey,
                                url: source.url.clone(),
                            },
                            outcome: Outcome::Failed(error),
                        }),
                    }
                    report(&findings);
                }
                // The legacy location is only for sites without the well-known one.
                return;
            }
        }
    }
}

/// Fetches `source`, judges the answer and has the worker check the key.
async fn key_at(source: &Source, address: &MailAddress, crypto: &dyn CryptoBackend) -> Outcome {
    let candidate = match judge_key(source, fetch(&source.url).await) {
        Ok(candidate) => candidate,
        Err(error) => return Outcome::Failed(error),
    };
    let checked = crypto
        .check_key(KeyCheckRequest {
            bytes: candidate.bytes,
            now_ms: js_sys::Date::now(),
        })
        .await;
    match checked {
        Ok(key) => Outcome::Found {
            format: candidate.format,
            note: candidate.note,
            // security.txt may name another team's address: only the directory must match.
            address_missing: matches!(source.method, Method::WkdAdvanced | Method::WkdDirect)
                && !key
                    .keys
                    .iter()
                    .any(|summary| address.is_named_by(&summary.user_ids)),
            key,
        },
        Err(refusal) => Outcome::Failed(DiscoveryError::refused(
            &source.url,
            &refusal.code,
            refusal.message,
        )),
    }
}

/// GETs `url` without credentials or cache; a network error is followed by the CORS probe.
async fn fetch(url: &str) -> Fetched {
    let response = gloo_net::http::Request::get(url)
        .mode(web_sys::RequestMode::Cors)
        .credentials(web_sys::RequestCredentials::Omit)
        .cache(web_sys::RequestCache::NoStore)
        .send()
        .await;
    match response {
        Ok(response) => Fetched::Answered {
            status: response.status(),
            content_type: response.headers().get("content-type"),
            body: response.binary().await.unwrap_or_default(),
        },
        Err(_) => Fetched::NoAnswer {
            probe_answered: probe::server_answers(url).await,
            page_origin: probe::page_origin(),
        },
    }
}
