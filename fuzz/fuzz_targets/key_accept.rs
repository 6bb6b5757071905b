//! Untrusted key bytes (armored, possibly inside prose, binary, or anything else) through key
//! acceptance. Must never panic, whatever the input; the verdicts themselves are not checked.
//!
//! Calls `RecipientKey::accept_all` (every certificate in the input, each judged), which
//! `RecipientKey::accept` is built on, so both are covered.
#![no_main]

use std::time::{Duration, SystemTime};

use libfuzzer_sys::fuzz_target;
use sealpost_core::RecipientKey;

/// A fixed "now" (2026-11-23), so a run is reproducible whatever the machine's clock says.
const NOW_SECS: u64 = 1_795_392_000;

fuzz_target!(|data: &[u8]| {
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(NOW_SECS);
    match RecipientKey::accept_all(data, now) {
        Ok(verdicts) => {
            assert!(!verdicts.is_empty(), "accept_all returned Ok with no certificate");
            for verdict in verdicts {
                match verdict {
                    // The accessors format, index subkeys and convert dates: exercise them too.
                    Ok(key) => {
                        let _ = key.fingerprint_grouped();
                        let _ = key.encryption_fingerprint();
                        let _ = key.user_id();
                        let _ = key.algorithm();
                        let _ = key.version();
                        let _ = key.supports_seipd_v2();
                        let _ = key.expires_date();
                    }
                    Err(error) => {
                        let _ = error.code();
                        let _ = error.to_string();
                    }
                }
            }
        }
        Err(error) => {
            let _ = error.code();
            let _ = error.to_string();
        }
    }
});
