//! Replays the fuzz seeds and every saved fuzz reproducer through the same calls as the
//! cargo-fuzz targets in `fuzz/` (which need nightly), so stable CI catches a regression.
//! Each input must be handled without a panic; verdicts are not checked here.

use std::{
    fs,
    path::{Path, PathBuf},
    time::{Duration, SystemTime},
};

use sealpost_core::{Policy, RecipientKey};

/// The fuzz targets' fixed "now" (2026-11-23).
const NOW_SECS: u64 = 1_795_392_000;

fn now() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(NOW_SECS)
}

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// Every input for `target`: its seeds and its saved reproducers (READMEs skipped).
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    for kind in ["seeds", "regressions"] {
        let dir = fuzz_dir().join(kind).join(target);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("readable directory entry").path();
            if path.is_file() && path.extension().is_none_or(|ext| ext != "md") {
                let data = fs::read(&path).expect("readable fuzz input");
                files.push((path, data));
            }
        }
    }
    files.sort();
    files
}

/// What `key_accept` does with one input.
fn key_accept(data: &[u8]) {
    match RecipientKey::accept_all(data, now()) {
        Ok(verdicts) => {
            assert!(
                !verdicts.is_empty(),
                "accept_all returned Ok with no certificate"
            );
            for verdict in verdicts {
                match verdict {
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
                        let _ = (error.code(), error.to_string());
                    }
                }
            }
        }
        Err(error) => {
            let _ = (error.code(), error.to_string());
        }
    }
    // `accept` is `accept_all` plus a count check: replay it too.
    let _ = RecipientKey::accept(data, now());
}

/// What `key_armor_text` does with one input.
fn key_armor_text(data: &[u8]) {
    let body = String::from_utf8_lossy(data);
    let text = format!(
        "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n{body}\n-----END PGP PUBLIC KEY BLOCK-----\n"
    );
    key_accept(text.as_bytes());
}

/// What `policy_parse` does with one input.
fn policy_parse(data: &[u8]) {
    let result = match std::str::from_utf8(data) {
        Ok(text) => Policy::from_json(text),
        Err(_) => Policy::from_json(&String::from_utf8_lossy(data)),
    };
    match result {
        Ok(policy) => {
            for field in &policy.fields {
                assert!(policy.field(&field.id).is_some(), "field {} lost", field.id);
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "Err with no problems");
            for error in &errors {
                let _ = error.to_string();
            }
        }
    }
}

fn replay(target: &str, run: fn(&[u8]), at_least: usize) {
    let inputs = inputs(target);
    assert!(
        inputs.len() >= at_least,
        "expected at least {at_least} inputs for {target} under {}, found {}",
        fuzz_dir().display(),
        inputs.len()
    );
    for (path, data) in inputs {
        // Name the input if it panics.
        let outcome = std::panic::catch_unwind(|| run(&data));
        assert!(outcome.is_ok(), "{target} panicked on {}", path.display());
    }
}

#[test]
fn key_accept_inputs_never_panic() {
    replay("key_accept", key_accept, 29);
}

#[test]
fn key_armor_text_inputs_never_panic() {
    replay("key_armor_text", key_armor_text, 14);
}

#[test]
fn policy_parse_inputs_never_panic() {
    replay("policy_parse", policy_parse, 6);
}
