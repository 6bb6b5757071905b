//! A policy's recipients, accepted: each key parsed, judged (see [`crate::key`]) and checked
//! against the fingerprint the policy pins. Problems are [`PolicyError`]s naming the recipient.

use std::time::SystemTime;

use crate::{
    key::RecipientKey,
    policy::{KeySource, Policy, PolicyError, RecipientSource},
};

/// Accepts recipient number `index` of a policy from its key material `armored` (the inline
/// key, or what was fetched from its `key_url`).
pub fn accept(
    index: usize,
    source: &RecipientSource,
    armored: &[u8],
    now: SystemTime,
) -> Result<RecipientKey, PolicyError> {
    let key_path = match source.key {
        KeySource::Inline(_) => format!("recipients[{index}].key"),
        KeySource::Url(_) => format!("recipients[{index}].key_url"),
    };
    let key = RecipientKey::accept(armored, now).map_err(|err| PolicyError {
        path: key_path,
        reason: err.to_string(),
    })?;
    if let Some(pinned) = &source.fingerprint {
        if key.fingerprint() != pinned {
            return Err(PolicyError {
                path: format!("recipients[{index}].fingerprint"),
                reason: format!(
                    "the key's fingerprint is {}, but the policy pins {}: the key is not the one \
                     the project published, so nothing may be encrypted to it",
                    key.fingerprint_grouped(),
                    crate::key::group_by_four(pinned)
                ),
            });
        }
    }
    Ok(key)
}

/// Accepts every recipient whose key is inline; recipients with a `key_url` must be fetched and
/// passed to [`accept`] by the caller. Returns all problems, not just the first.
pub fn accept_inline(
    policy: &Policy,
    now: SystemTime,
) -> Result<Vec<RecipientKey>, Vec<PolicyError>> {
    all_or_errors(
        policy
            .recipients
            .iter()
            .enumerate()
            .filter_map(|(index, source)| {
                let KeySource::Inline(armored) = &source.key else {
                    return None;
                };
                Some(accept(index, source, armored.as_bytes(), now))
            }),
    )
}

/// Every key if all were accepted, else every problem: a maintainer fixes them all at once.
pub fn all_or_errors(
    results: impl IntoIterator<Item = Result<RecipientKey, PolicyError>>,
) -> Result<Vec<RecipientKey>, Vec<PolicyError>> {
    let (keys, errors): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
    if errors.is_empty() {
        Ok(keys.into_iter().flatten().collect())
    } else {
        Err(errors.into_iter().filter_map(Result::err).collect())
    }
}
