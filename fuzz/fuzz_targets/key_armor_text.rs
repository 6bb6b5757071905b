//! Fuzz data as the body of a public-key armor block, to get past the armor search and into
//! rPGP's armor decoder (headers, base64, CRC) and packet parser with every input.
#![no_main]

use std::time::{Duration, SystemTime};

use libfuzzer_sys::fuzz_target;
use sealpost_core::RecipientKey;

/// A fixed "now" (2026-11-23), as in `key_accept`.
const NOW_SECS: u64 = 1_795_392_000;

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data);
    let text = format!(
        "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n{body}\n-----END PGP PUBLIC KEY BLOCK-----\n"
    );
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(NOW_SECS);
    if let Ok(verdicts) = RecipientKey::accept_all(text.as_bytes(), now) {
        for key in verdicts.into_iter().flatten() {
            let _ = key.fingerprint_grouped();
            let _ = key.encryption_fingerprint();
            let _ = key.algorithm();
            let _ = key.expires_date();
        }
    }
});
