//! What the single file needs from the policy: its `key_url` keys inlined (a file opened
//! offline cannot fetch them), and the endpoints it may POST to, for its CSP.

use serde_json::Value;

use crate::BundleError;

/// The policy with each `recipients[i].key_url` replaced by `key` holding that key's text;
/// `fetched(url)` gives the text (read from the build, or what the page already fetched).
/// Everything else in the document is kept as it is.
pub fn inline_keys(
    policy_json: &str,
    mut fetched: impl FnMut(&str) -> Option<String>,
) -> Result<String, BundleError> {
    let mut document: Value = serde_json::from_str(policy_json)
        .map_err(|err| BundleError::PolicyJson(err.to_string()))?;
    let recipients = document.get_mut("recipients").and_then(Value::as_array_mut);
    let mut changed = false;
    for (index, recipient) in recipients.into_iter().flatten().enumerate() {
        let Some(object) = recipient.as_object_mut() else {
            continue;
        };
        let Some(url) = object
            .get("key_url")
            .and_then(Value::as_str)
            .map(str::to_owned)
        else {
            continue;
        };
        let key = fetched(&url).ok_or(BundleError::MissingKey { index, url })?;
        object.remove("key_url");
        object.insert("key".into(), Value::String(key));
        changed = true;
    }
    Ok(if changed {
        document.to_string()
    } else {
        policy_json.to_owned()
    })
}

/// The origins of the policy's `https` channels (`https://host[:port]`), for `connect-src`.
/// Only characters that can appear in an origin are kept, so a policy cannot add CSP keywords.
pub fn connect_sources(policy_json: &str) -> Vec<String> {
    let Ok(document) = serde_json::from_str::<Value>(policy_json) else {
        return Vec::new();
    };
    let mut origins: Vec<String> = document
        .get("channels")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|channel| channel.get("type").and_then(Value::as_str) == Some("https"))
        .filter_map(|channel| channel.get("url").and_then(Value::as_str))
        .filter_map(origin)
        .collect();
    origins.sort();
    origins.dedup();
    origins
}

fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let allowed = |c: char| c.is_ascii_alphanumeric() || ".-:[]".contains(c);
    (!authority.is_empty() && authority.chars().all(allowed))
        .then(|| format!("{scheme}://{authority}"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn key_urls_become_inline_keys() {
        let policy = r#"{"recipients":[{"key_url":"/k.asc","fingerprint":"AB"},{"key":"x"}]}"#;
        let inlined = inline_keys(policy, |url| Some(format!("KEY FOR {url}"))).unwrap();
        let value: Value = serde_json::from_str(&inlined).unwrap();
        assert_eq!(value["recipients"][0]["key"], "KEY FOR /k.asc");
        assert_eq!(value["recipients"][0]["fingerprint"], "AB");
        assert!(value["recipients"][0].get("key_url").is_none());
        assert_eq!(
            inline_keys(policy, |_| None),
            Err(BundleError::MissingKey {
                index: 0,
                url: "/k.asc".into()
            })
        );
    }

    #[test]
    fn connect_sources_are_the_endpoints_origins_only() {
        let policy = r#"{"channels":[{"type":"https","url":"https://in.example:8443/reports?x=1"},
            {"type":"email","address":"a@b"},{"type":"https","url":"https://x 'unsafe-eval'"}]}"#;
        assert_eq!(connect_sources(policy), ["https://in.example:8443"]);
    }
}
