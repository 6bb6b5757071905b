//! Interop: what sealpost seals, the real `gpg` binary decrypts.
//!
//! Each test imports the fixture secret key into its own temporary GNUPGHOME, so the user's
//! keyring is never touched. `gpg` must be installed (`cargo xtask setup` installs it); a missing
//! binary fails the test rather than skipping it.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

mod common;

use std::{
    io::Write,
    path::Path,
    process::{Command, Stdio},
};

use common::{complete_report, corpus_now, fixture, fixture_text};
use pretty_assertions::assert_eq;
use rand::thread_rng;
use sealpost_core::{demo, seal::seal_report, RecipientKey};

fn gpg(home: &Path, args: &[&str], stdin: &[u8]) -> std::process::Output {
    let mut child = Command::new("gpg")
        .arg("--homedir")
        .arg(home)
        .args([
            "--batch",
            "--no-tty",
            "--pinentry-mode",
            "loopback",
            "--passphrase",
            "",
        ])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gpg is installed (run `cargo xtask setup`)");
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(stdin)
        .expect("write to gpg");
    child.wait_with_output().expect("gpg runs")
}

fn decrypts_with_gpg(public: &str, secret_fixture: &str) {
    let home = tempfile::tempdir().unwrap();
    let import = gpg(home.path(), &["--import"], &fixture(secret_fixture));
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );

    let policy = demo::policy();
    let key = RecipientKey::accept(public.as_bytes(), corpus_now()).unwrap();
    let report = complete_report();
    let armored = seal_report(&policy, &report, &key, thread_rng()).unwrap();

    let out = gpg(home.path(), &["--decrypt"], armored.as_bytes());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "gpg --decrypt failed: {stderr}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        report.render_text(&policy)
    );
    // SEIPD v1 with MDC: gpg warns loudly when integrity protection is missing.
    assert!(!stderr.contains("not integrity protected"), "{stderr}");
}

#[test]
fn gpg_decrypts_a_report_sealed_to_the_curve25519_demo_key() {
    decrypts_with_gpg(demo::RECIPIENT_KEY, "demo-recipient.secret.asc");
}

#[test]
fn gpg_decrypts_a_report_sealed_to_an_rsa_3072_key() {
    decrypts_with_gpg(&fixture_text("rsa3072.public.asc"), "rsa3072.secret.asc");
}
