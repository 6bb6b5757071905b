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
    let mut keys = Vec::new();
    let mut errors = Vec::new();
    for (index, source) in policy.recipients.iter().enumerate() {
        if let KeySource::Inline(armored) = &source.key {
            match accept(index, source, armored.as_bytes(), now) {
                Ok(key) => keys.push(key),
                Err(err) => errors.push(err),
            }
        }
    }
    if errors.is_empty() {
        Ok(keys)
    } else {
        Err(errors)
    }
}
