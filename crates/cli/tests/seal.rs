//! `sealpost seal`, run as a process; what it writes is decrypted by real GnuPG and opened with
//! an independent MIME parser.

#![allow(clippy::unwrap_used)]

mod common;

use std::{ffi::OsString, path::Path};

use common::{fixture, repo_path, sealpost, Run};
use sealpost_testkit::{gpg::Gpg, letter};
use serde_json::json;

const EXPIRED: &str = "corpus/ethereum-security-from-SECURITY-md.asc"; // expired 2026-02-22

fn seal(args: &[&dyn AsRef<std::ffi::OsStr>], stdin: &[u8]) -> Run {
    let mut all: Vec<OsString> = vec!["seal".into()];
    all.extend(args.iter().map(|arg| arg.as_ref().to_owned()));
    sealpost(all, stdin)
}

fn demo_policy() -> std::path::PathBuf {
    repo_path("public/policies/demo.json")
}

fn complete_demo_report() -> Vec<u8> {
    json!({
        "title": "Stored XSS in the search page",
        "vulnerability_type": "CWE-79",
        "affected_versions": "1.0–1.2",
        "reproduction_steps": "1. Open /search\n2. Search for <script>alert(1)</script>",
        "impact": "Account takeover.",
    })
    .to_string()
    .into_bytes()
}

#[test]
fn seals_standard_input_and_attachments_for_gpg() {
    let dir = tempfile::tempdir().unwrap();
    let evidence = dir.path().join("evidence.png");
    let evidence_bytes: Vec<u8> = (0..=255u8).chain(*b"\r\n\0end").collect();
    std::fs::write(&evidence, &evidence_bytes).unwrap();
    let report = "The search page reflects its query unescaped.\nÜnïcödé survives.\n";

    let run = seal(
        &[
            &"--to",
            &fixture("rsa3072.public.asc"),
            &"--attach",
            &evidence,
        ],
        report.as_bytes(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with(b"-----BEGIN PGP MESSAGE-----"));
    assert!(run.stderr.contains("sealed to BF81 5803"), "{}", run.stderr);

    let mime = Gpg::with_secret_key("rsa3072.secret.asc").decrypt_bytes(&run.stdout);
    let opened = letter::open(&mime);
    assert!(opened.text.contains(report), "{}", opened.text);
    assert_eq!(
        opened.subject,
        "Security report for sealpost RSA test recipient"
    );
    assert_eq!(
        opened.attachments,
        [(
            "evidence.png".to_owned(),
            "image/png".to_owned(),
            evidence_bytes
        )]
    );
    assert_eq!(opened.json["fields"][0]["label"], "Report");
    assert_eq!(opened.json["fields"][0]["value"], report.trim());
}

#[test]
fn binary_output_decrypts_too() {
    let run = seal(
        &[&"--binary", &"--to", &fixture("rsa3072.public.asc")],
        b"binary please",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout[0] & 0x80 != 0,
        "an OpenPGP packet, not armor: {:?}",
        &run.stdout[..8]
    );
    let mime = Gpg::with_secret_key("rsa3072.secret.asc").decrypt_bytes(&run.stdout);
    assert!(letter::open(&mime).text.contains("binary please"));
}

#[test]
fn an_expired_key_is_refused_and_nothing_is_written() {
    let run = seal(
        &[&"--to", &fixture("rsa3072.public.asc"), &fixture(EXPIRED)],
        b"report",
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("a key cannot be used")
            && run
                .stderr
                .contains("ethereum-security-from-SECURITY-md.asc: The key")
            && run.stderr.contains("expired on 2026-02-22"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_incomplete_report_lists_every_problem() {
    let run = seal(
        &[&"--policy", &demo_policy()],
        br#"{"title": "XSS", "titel": "typo", "impact": ["not", "text"]}"#,
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    for expected in [
        "The report cannot be sealed:",
        "`titel`: the policy has no such field",
        "`impact`: Impact takes a string.",
        "`vulnerability_type`: Vulnerability type is required.",
        "`affected_versions`: Affected versions is required.",
        "`reproduction_steps`: Steps to reproduce is required.",
    ] {
        assert!(
            run.stderr.contains(expected),
            "{expected:?} in {}",
            run.stderr
        );
    }
    assert!(!run.stderr.contains("`title`"), "the title was given");
}

#[test]
fn a_complete_report_is_sealed_to_the_policys_key() {
    let run = seal(&[&"--policy", &demo_policy()], &complete_demo_report());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mime = Gpg::with_secret_key("demo-recipient.secret.asc").decrypt_bytes(&run.stdout);
    let opened = letter::open(&mime);
    assert_eq!(
        opened.subject,
        "Security report: Stored XSS in the search page"
    );
    assert!(opened
        .text
        .contains("## Steps to reproduce\n\n1. Open /search\n"));
    assert_eq!(opened.json["project"]["name"], "sealpost demo project");
}

#[test]
fn to_adds_recipients_to_the_policys_own() {
    let run = seal(
        &[
            &"--policy",
            &demo_policy(),
            &"--to",
            &fixture("rsa3072.public.asc"),
        ],
        &complete_demo_report(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    for secret in ["demo-recipient.secret.asc", "rsa3072.secret.asc"] {
        let mime = Gpg::with_secret_key(secret).decrypt_bytes(&run.stdout);
        assert!(letter::open(&mime).text.contains("Account takeover."));
    }
}

#[test]
fn project_names_the_letter() {
    let run = seal(
        &[
            &"--to",
            &fixture("rsa3072.public.asc"),
            &"--project",
            &"Example Widgets",
        ],
        b"report",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mime = Gpg::with_secret_key("rsa3072.secret.asc").decrypt_bytes(&run.stdout);
    let opened = letter::open(&mime);
    assert_eq!(opened.subject, "Security report for Example Widgets");
    assert_eq!(opened.json["project"]["name"], "Example Widgets");
}

#[test]
fn empty_input_is_refused() {
    let run = seal(&[&"--to", &fixture("rsa3072.public.asc")], b" \n");
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("standard input is empty"),
        "{}",
        run.stderr
    );
}

#[test]
fn unreadable_inputs_exit_2_naming_the_file() {
    let missing = Path::new("no/such/file.png");
    let key = seal(&[&"--to", &missing], b"report");
    let attachment = seal(
        &[
            &"--to",
            &fixture("rsa3072.public.asc"),
            &"--attach",
            &missing,
        ],
        b"report",
    );
    for run in [key, attachment] {
        assert_eq!(run.code, 2);
        assert!(
            run.stderr.contains("cannot read no/such/file.png"),
            "{}",
            run.stderr
        );
        assert!(run.stdout.is_empty());
    }

    let not_json = seal(&[&"--policy", &demo_policy()], b"just text");
    assert_eq!(not_json.code, 2);
    assert!(
        not_json.stderr.contains("is not JSON"),
        "{}",
        not_json.stderr
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(seal(&[], b"").code, 2, "--to or --policy is needed");
    let both = seal(
        &[
            &"--armor",
            &"--binary",
            &"--to",
            &fixture("rsa3072.public.asc"),
        ],
        b"",
    );
    assert_eq!(both.code, 2);
}

/// Binary packets would garble the terminal; `script` (util-linux, essential on Debian) gives
/// the command a real terminal as standard output.
#[test]
fn binary_is_never_written_to_a_terminal() {
    let command = format!(
        "'{}' seal --binary --to '{}' < /dev/null",
        env!("CARGO_BIN_EXE_sealpost"),
        fixture("rsa3072.public.asc").display()
    );
    let out = std::process::Command::new("script")
        .args(["--quiet", "--return", "--command", &command, "/dev/null"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script (util-linux) is installed");
    let terminal = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{terminal}");
    assert!(
        terminal.contains("Refusing to write a binary OpenPGP message to the terminal"),
        "{terminal}"
    );
}
