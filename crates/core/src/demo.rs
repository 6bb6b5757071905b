//! The built-in demo project: what sealpost shows when no policy is configured.
//!
//! The key was generated for this repository (ed25519 certification key with a cv25519
//! encryption subkey, no expiry). It belongs to no real project; its secret half lives only
//! under the repository's `tests/fixtures/`, so that tests can decrypt what the demo seals.

use crate::policy::Policy;

/// The demo recipient's armored public key.
pub const RECIPIENT_KEY: &str = include_str!("demo/recipient.asc");

/// Fingerprint of [`RECIPIENT_KEY`], as `gpg --fingerprint` prints it without spaces.
pub const RECIPIENT_FINGERPRINT: &str = "9563832D05131C0D37ACFB11B88644830EE886CE";

/// The demo policy: every built-in field required, reports mailed to a reserved address.
pub fn policy() -> Policy {
    Policy::with_default_fields(
        "sealpost demo project",
        "security@demo.sealpost.example",
        RECIPIENT_KEY,
    )
}
