//! The built-in demo project: what sealpost shows when no policy is configured.
//!
//! The policy is `public/policies/demo.json`. Its key was generated for this repository
//! (ed25519 certification key with a cv25519 encryption subkey, no expiry) and belongs to no
//! real project; its secret half lives only under the repository's `tests/fixtures/`, so that
//! tests can decrypt what the demo seals.

use crate::policy::{KeySource, Policy};

/// The demo policy file, as served.
pub const POLICY_JSON: &str = include_str!("../../../public/policies/demo.json");

/// Fingerprint of the demo recipient key.
pub const RECIPIENT_FINGERPRINT: &str = "9563832D05131C0D37ACFB11B88644830EE886CE";

/// The demo policy, checked.
pub fn policy() -> Policy {
    // The file is part of this crate and tested (`demo_policy_is_valid`), so this cannot fail.
    #[allow(clippy::expect_used)]
    Policy::from_json(POLICY_JSON).expect("the built-in demo policy is valid")
}

/// The demo recipient's armored public key.
pub fn recipient_key() -> String {
    match &policy().recipients[0].key {
        KeySource::Inline(armored) => armored.clone(),
        KeySource::Url(url) => unreachable!("the demo key is inline, not at {url}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn demo_policy_is_valid() {
        super::policy();
        assert!(super::recipient_key().starts_with("-----BEGIN PGP PUBLIC KEY BLOCK-----"));
    }
}
