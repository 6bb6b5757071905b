//! Who a report is sealed to: every certificate in every `--to` file, and with `--policy` the
//! policy's own keys too, each accepted by the page's rules. One unusable key stops the seal,
//! as on the page: a report some recipients cannot read is not what the sender meant.

use std::{fmt, path::PathBuf, time::SystemTime};

use sealpost_core::{
    policy::KeySource, recipients::accept_inline, KeyError, Policy, PolicyError, RecipientKey,
};

use crate::{
    files::{self, ReadError},
    terminal::bulleted,
};

/// Why the recipients could not be settled.
#[derive(Debug, thiserror::Error)]
pub enum RecipientsError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("Nothing was sealed: a key cannot be used.{}", bulleted(.0))]
    KeysRefused(Vec<KeyRefusal>),
    #[error("Nothing was sealed: the policy's recipients cannot be used.{}", bulleted(.0))]
    PolicyRecipientsRefused(Vec<PolicyError>),
}

/// One refused certificate, or a `--to` file with none.
#[derive(Debug)]
pub struct KeyRefusal {
    pub file: PathBuf,
    pub error: KeyError,
}

impl fmt::Display for KeyRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file.display(), self.error)
    }
}

/// Every certificate in `paths`, if all are usable at `now`; else every refusal.
pub fn from_files(
    paths: &[PathBuf],
    now: SystemTime,
) -> Result<Vec<RecipientKey>, RecipientsError> {
    let mut keys = Vec::new();
    let mut refusals = Vec::new();
    for path in paths {
        let refuse = |error| KeyRefusal {
            file: path.clone(),
            error,
        };
        match RecipientKey::accept_all(&files::read(path)?, now) {
            Ok(verdicts) => {
                for verdict in verdicts {
                    match verdict {
                        Ok(key) => keys.push(key),
                        Err(error) => refusals.push(refuse(error)),
                    }
                }
            }
            Err(error) => refusals.push(refuse(error)),
        }
    }
    if refusals.is_empty() {
        Ok(keys)
    } else {
        Err(RecipientsError::KeysRefused(refusals))
    }
}

/// The policy's keys as the page accepts them (inline keys judged, pinned fingerprints
/// checked), followed by `given` (the `--to` keys), each key once.
///
/// A recipient whose key the page would fetch from the project's site (`key_url`) must be
/// among `given`: this command does not fetch. If the policy pins its fingerprint, a `--to`
/// key must have it.
pub fn with_policy(
    policy: &Policy,
    given: Vec<RecipientKey>,
    now: SystemTime,
) -> Result<Vec<RecipientKey>, RecipientsError> {
    let inline = accept_inline(policy, now);
    let missing = missing_fetched_keys(policy, &given);
    let mut keys = match (inline, missing.is_empty()) {
        (Ok(keys), true) => keys,
        (inline, _) => {
            let mut problems = inline.err().unwrap_or_default();
            problems.extend(missing);
            return Err(RecipientsError::PolicyRecipientsRefused(problems));
        }
    };
    for key in given {
        if !keys
            .iter()
            .any(|known| known.fingerprint() == key.fingerprint())
        {
            keys.push(key);
        }
    }
    Ok(keys)
}

fn missing_fetched_keys(policy: &Policy, given: &[RecipientKey]) -> Vec<PolicyError> {
    policy
        .recipients
        .iter()
        .enumerate()
        .filter_map(|(index, source)| {
            let KeySource::Url(url) = &source.key else {
                return None;
            };
            let (satisfied, wanted) = match &source.fingerprint {
                Some(pinned) => (
                    given.iter().any(|key| key.fingerprint() == pinned),
                    format!("the key with fingerprint {pinned}"),
                ),
                None => (!given.is_empty(), "the key".to_owned()),
            };
            (!satisfied).then(|| PolicyError {
                path: format!("recipients[{index}].key_url"),
                reason: format!(
                    "the page fetches this key from {url} on the project's site, which \
                     `sealpost seal` does not do: download {wanted} and add it with --to"
                ),
            })
        })
        .collect()
}
