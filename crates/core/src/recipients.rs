//! A policy's recipients, accepted: each key parsed, judged (see [`crate::key`]) and checked
//! against the fingerprint the policy pins. Problems are [`PolicyError`]s naming the recipient.
//!
//! One recipient's key file may hold several certificates (a team publishing each member's key
//! in one file). Without a pin, every one of them must be usable and all become recipients: a
//! report readable by fewer people than the project intends is a surprise the maintainer must
//! fix, not one the researcher should find out about later. With a pin, the pinned certificate is
//! the recipient and the others are ignored.

use std::time::SystemTime;

use crate::{
    key::{group_by_four, RecipientKey},
    policy::{KeySource, Policy, PolicyError, RecipientSource},
};

/// Accepts recipient number `index` of a policy from its key material (the inline key, or what
/// was fetched from its `key_url`). Returns every key it contributes.
pub fn accept(
    index: usize,
    source: &RecipientSource,
    material: &[u8],
    now: SystemTime,
) -> Result<Vec<RecipientKey>, PolicyError> {
    let key_path = match source.key {
        KeySource::Inline(_) => format!("recipients[{index}].key"),
        KeySource::Url(_) => format!("recipients[{index}].key_url"),
    };
    let error = |path: &str, reason: String| PolicyError {
        path: path.to_owned(),
        reason,
    };
    let verdicts =
        RecipientKey::accept_all(material, now).map_err(|err| error(&key_path, err.to_string()))?;
    let count = verdicts.len();

    let Some(pinned) = &source.fingerprint else {
        let mut keys = Vec::with_capacity(count);
        let mut refusals = Vec::new();
        for verdict in verdicts {
            match verdict {
                Ok(key) => keys.push(key),
                Err(err) => refusals.push(err.to_string()),
            }
        }
        if !refusals.is_empty() {
            let reason = if count == 1 {
                refusals.remove(0)
            } else {
                format!(
                    "{} of the {count} certificates in the key file cannot be used: {}",
                    refusals.len(),
                    refusals.join(" ")
                )
            };
            return Err(error(&key_path, reason));
        }
        return Ok(keys);
    };

    let mut refusals = Vec::new();
    let mut found = Vec::new();
    for verdict in verdicts {
        match verdict {
            Ok(key) if key.fingerprint() == pinned => return Ok(vec![key]),
            Ok(key) => found.push(key.fingerprint_grouped()),
            Err(err) => refusals.push(err.to_string()),
        }
    }
    if count == 1 && !refusals.is_empty() {
        return Err(error(&key_path, refusals.remove(0)));
    }
    let fingerprint_path = format!("recipients[{index}].fingerprint");
    let reason =
        match (found.as_slice(), refusals.is_empty()) {
            ([only], true) => format!(
                "the key's fingerprint is {only}, but the policy pins {}: the key is not the one \
             the project published, so nothing may be encrypted to it",
                group_by_four(pinned)
            ),
            _ => format!(
            "no usable certificate in the key file has the pinned fingerprint {} (usable: {}{})",
            group_by_four(pinned),
            if found.is_empty() { "none".to_owned() } else { found.join(", ") },
            if refusals.is_empty() {
                String::new()
            } else {
                format!("; refused: {}", refusals.join(" "))
            }
        ),
        };
    Err(error(&fingerprint_path, reason))
}

/// Accepts every recipient whose key is inline; recipients with a `key_url` must be fetched and
/// passed to [`accept`] by the caller. Returns all problems, not just the first.
pub fn accept_inline(
    policy: &Policy,
    now: SystemTime,
) -> Result<Vec<RecipientKey>, Vec<PolicyError>> {
    let results = policy
        .recipients
        .iter()
        .enumerate()
        .filter_map(|(index, source)| {
            let KeySource::Inline(armored) = &source.key else {
                return None;
            };
            Some(accept(index, source, armored.as_bytes(), now))
        });
    // Indices here are positions among inline recipients; callers only need the keys.
    all_or_errors(results).map(|keys| keys.into_iter().map(|(_, key)| key).collect())
}

/// Every key, with the index of the recipient result it came from, if all were accepted; else
/// every problem: a maintainer fixes them all at once.
pub fn all_or_errors(
    results: impl IntoIterator<Item = Result<Vec<RecipientKey>, PolicyError>>,
) -> Result<Vec<(usize, RecipientKey)>, Vec<PolicyError>> {
    let mut keys = Vec::new();
    let mut errors = Vec::new();
    for (index, result) in results.into_iter().enumerate() {
        match result {
            Ok(accepted) => keys.extend(accepted.into_iter().map(|key| (index, key))),
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(keys)
    } else {
        Err(errors)
    }
}
