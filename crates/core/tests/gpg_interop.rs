//! Interop: what sealpost seals, the real `gpg` binary decrypts.
//!
//! Each test imports the fixture secret key into its own temporary GNUPGHOME, so the user's
//! keyring is never touched. `gpg` must be installed (`cargo xtask setup` installs it); a missing
//! binary fails the test rather than skipping it.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

mod common;

use common::{assert_letter_holds, complete_report, corpus_now, fixture_text, seal_armored};
use sealpost_core::{demo, RecipientKey};
use sealpost_testkit::gpg::Gpg;

fn decrypts_with_gpg(public: &str, secret_fixture: &str) {
    let gpg = Gpg::with_secret_key(secret_fixture);
    let policy = demo::policy();
    let key = RecipientKey::accept(public.as_bytes(), corpus_now()).unwrap();
    let report = complete_report();
    let armored = seal_armored(&policy, &report, &[key]);
    assert_letter_holds(gpg.decrypt(armored.as_bytes()).as_bytes(), &policy, &report);
}

#[test]
fn gpg_decrypts_a_report_sealed_to_the_curve25519_demo_key() {
    decrypts_with_gpg(&demo::recipient_key(), "demo-recipient.secret.asc");
}

#[test]
fn gpg_decrypts_a_report_sealed_to_an_rsa_3072_key() {
    decrypts_with_gpg(&fixture_text("rsa3072.public.asc"), "rsa3072.secret.asc");
}

#[test]
fn gpg_decrypts_a_binary_report_armored_afterwards() {
    // The page armors a binary report for `json` endpoints (`sealpost_core::armor`).
    let gpg = Gpg::with_secret_key("demo-recipient.secret.asc");
    let key = RecipientKey::accept(demo::recipient_key().as_bytes(), corpus_now()).unwrap();
    let (binary, _) = sealpost_core::seal(
        b"sealed as binary",
        &[key],
        sealpost_core::Encoding::Binary,
        rand::thread_rng(),
    )
    .unwrap();
    let armored = sealpost_core::armor::armor_message(&binary);
    assert!(
        armored.starts_with("-----BEGIN PGP MESSAGE-----\n"),
        "{armored}"
    );
    assert!(armored.trim_end().ends_with("-----END PGP MESSAGE-----"));
    assert_eq!(gpg.decrypt(armored.as_bytes()), "sealed as binary");
}
