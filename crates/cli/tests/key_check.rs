//! `sealpost key check`, run as a process on the repository's fixtures and real-world keys.

#![allow(clippy::unwrap_used)]

mod common;

use std::{
    ffi::OsStr,
    process::{Command, Stdio},
};

use common::{fixture, sealpost, Run};
use serde_json::{json, Value};

const RSA3072_FINGERPRINT: &str = "BF815803F7C6A215362F32EF340905CAC6150FE3";
const ETHEREUM: &str = "corpus/ethereum-security-from-SECURITY-md.asc";

fn check(files: &[&str], extra: &[&str]) -> Run {
    let mut args = vec!["key".into(), "check".into()];
    args.extend(extra.iter().map(Into::into));
    args.extend(files.iter().map(|name| fixture(name).into_os_string()));
    sealpost(args, b"")
}

fn check_json(files: &[&str], extra: &[&str]) -> (Run, Value) {
    let run = check(files, &[&["--format", "json"], extra].concat());
    let json = run.json();
    (run, json)
}

/// The verdicts on the only certificate of the only file.
fn only_certificate(json: &Value) -> &Value {
    let certificates = json["files"][0]["certificates"].as_array().unwrap();
    assert_eq!(certificates.len(), 1, "{json:#}");
    &certificates[0]
}

#[test]
fn a_usable_key_is_described_for_people() {
    let run = check(&["rsa3072.public.asc"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = run.stdout_text();
    for expected in [
        "rsa3072.public.asc: usable\n",
        "\n  fingerprint  BF81 5803 F7C6 A215 362F 32EF 3409 05CA C615 0FE3\n",
        "\n  user ID      sealpost RSA test recipient <rsa3072@test.sealpost.example>\n",
        "\n  encrypts to  BAB8 485B 1309 D852 78E8 8FE4 BE48 4192 B8B0 7F59 (RSA 3072)\n",
        "\n  version      4\n",
        "\n  expires      never\n",
        "\n  AEAD         no (SEIPD v1 with MDC)\n",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
}

#[test]
fn a_usable_key_in_json() {
    let (run, json) = check_json(&["rsa3072.public.asc"], &[]);
    assert_eq!(run.code, 0);
    assert!(json["files"][0]["file"]
        .as_str()
        .unwrap()
        .ends_with("rsa3072.public.asc"));
    assert_eq!(json["files"][0]["error"], Value::Null);
    assert_eq!(
        *only_certificate(&json),
        json!({
            "usable": true,
            "fingerprint": RSA3072_FINGERPRINT,
            "user_id": "sealpost RSA test recipient <rsa3072@test.sealpost.example>",
            "encryption_fingerprint": "BAB8485B1309D85278E88FE4BE484192B8B07F59",
            "algorithm": "RSA 3072",
            "version": 4,
            "expires": null,
            "seipd_v2": false,
        })
    );
}

#[test]
fn at_asks_whether_a_key_still_works_on_a_date() {
    let (run, json) = check_json(&[ETHEREUM], &["--at", "2026-11-23"]);
    assert_eq!(run.code, 1);
    let cert = only_certificate(&json);
    assert_eq!(cert["usable"], false);
    assert_eq!(cert["code"], "expired");
    assert!(
        cert["message"].as_str().unwrap().contains("2026-02-22"),
        "{cert}"
    );

    let human = check(&[ETHEREUM], &["--at", "2026-11-23"]);
    assert_eq!(human.code, 1);
    assert!(human
        .stdout_text()
        .contains("ethereum-security-from-SECURITY-md.asc: refused (expired)\n  The key"));

    let before = check(&[ETHEREUM], &["--at", "2026-02-21T23:59:59Z"]);
    assert_eq!(before.code, 0, "{}", before.stdout_text());
    assert!(before.stdout_text().contains("expires      2026-02-22"));
}

#[test]
fn an_expired_encryption_subkey_has_its_own_code() {
    let (run, json) = check_json(&["corpus/grin-lehnberg.asc"], &[]);
    assert_eq!(run.code, 1);
    assert_eq!(only_certificate(&json)["code"], "encryption-subkey-expired");
}

#[test]
fn a_file_without_a_key_is_refused_as_a_whole() {
    let (run, json) = check_json(&["corpus/actualsecurity-placeholder-not-a-key.txt"], &[]);
    assert_eq!(run.code, 1);
    let file = &json["files"][0];
    assert_eq!(file["certificates"], json!([]));
    assert_eq!(file["error"]["code"], "not-a-key");
    assert!(file["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("This is not an OpenPGP key"));
}

#[test]
fn a_secret_key_is_refused() {
    let (run, json) = check_json(&["rsa3072.secret.asc"], &[]);
    assert_eq!(run.code, 1);
    assert_eq!(json["files"][0]["error"]["code"], "secret-key");
    let human = check(&["rsa3072.secret.asc"], &[]);
    assert!(human.stdout_text().contains(": refused (secret-key)\n"));
}

#[test]
fn several_files_are_judged_in_order_and_one_refusal_fails_the_run() {
    let files = [
        "rsa3072.public.asc",
        "corpus/grin-lehnberg.asc",
        "corpus/actualsecurity-placeholder-not-a-key.txt",
    ];
    let (run, json) = check_json(&files, &[]);
    assert_eq!(run.code, 1);
    let verdicts: Vec<(bool, Value)> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| {
            let cert = &file["certificates"][0];
            (cert["usable"] == true, file["error"]["code"].clone())
        })
        .collect();
    assert_eq!(
        verdicts,
        [
            (true, Value::Null),
            (false, Value::Null),
            (false, json!("not-a-key"))
        ]
    );
    let human = check(&files, &[]).stdout_text();
    assert_eq!(human.matches("\n\n").count(), 2, "blocks apart:\n{human}");
}

#[test]
fn every_certificate_of_a_file_gets_a_verdict() {
    // Two armored keys in one file, with prose around them, as a SECURITY.md might have.
    let dir = tempfile::tempdir().unwrap();
    let both = dir.path().join("team.asc");
    let mut text = b"Our keys:\n".to_vec();
    text.extend(std::fs::read(fixture("rsa3072.public.asc")).unwrap());
    text.extend(b"\nand the backup key:\n");
    text.extend(std::fs::read(fixture("corpus/grin-lehnberg.asc")).unwrap());
    std::fs::write(&both, text).unwrap();

    let run = sealpost([OsStr::new("key"), "check".as_ref(), both.as_os_str()], b"");
    assert_eq!(run.code, 1);
    let out = run.stdout_text();
    assert!(
        out.contains("team.asc, certificate 1 of 2: usable\n"),
        "{out}"
    );
    assert!(out.contains("team.asc, certificate 2 of 2: refused (encryption-subkey-expired)\n"));
}

#[test]
fn a_missing_file_is_named_and_exits_2() {
    let run = sealpost(["key", "check", "no/such/key.asc"], b"");
    assert_eq!(run.code, 2);
    assert!(run
        .stdout_text()
        .contains("no/such/key.asc: unreadable\n  cannot read no/such/key.asc: "));

    // Unreadable outranks refused: "could not look" is not "looked and refused".
    let mixed = sealpost(
        [
            "key".into(),
            "check".into(),
            fixture("rsa3072.secret.asc").into_os_string(),
            "no/such/key.asc".into(),
        ],
        b"",
    );
    assert_eq!(mixed.code, 2);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(sealpost(["key", "check"], b"").code, 2);
    let bad_date = check(&["rsa3072.public.asc"], &["--at", "next week"]);
    assert_eq!(bad_date.code, 2);
    assert!(
        bad_date.stderr.contains("is not a date"),
        "{}",
        bad_date.stderr
    );
}

/// A user ID is whatever the key's maker typed: an escape sequence in it must reach the
/// terminal as visible text, not as a command to the terminal.
#[test]
fn a_hostile_user_id_cannot_drive_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let gpg = |args: &[&str]| {
        let out = Command::new("gpg")
            .arg("--homedir")
            .arg(home.path())
            .args(["--batch", "--passphrase", ""])
            .args(args)
            .stderr(Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success(), "gpg {args:?}");
        out.stdout
    };
    let user_id = "Evil \u{1b}]0;pwned\u{7} \u{202e}gpj.exe <evil@x.example>";
    gpg(&["--quick-gen-key", user_id, "ed25519", "cert", "never"]);
    let listing = String::from_utf8(gpg(&["--with-colons", "--list-keys"])).unwrap();
    let fingerprint = listing
        .lines()
        .find_map(|line| line.strip_prefix("fpr:::::::::"))
        .unwrap()
        .trim_end_matches(':');
    gpg(&["--quick-add-key", fingerprint, "cv25519", "encr", "never"]);
    let key = home.path().join("evil.asc");
    std::fs::write(&key, gpg(&["--armor", "--export"])).unwrap();

    let run = sealpost([OsStr::new("key"), "check".as_ref(), key.as_os_str()], b"");
    assert_eq!(run.code, 0);
    let out = run.stdout_text();
    assert!(
        out.contains("user ID      Evil \\u{1b}]0;pwned\\u{7} \\u{202e}gpj.exe <evil@x.example>"),
        "{out}"
    );
    assert!(!out.contains('\u{1b}') && !out.contains('\u{202e}'));

    // JSON carries the exact user ID (escaped by JSON itself) for programs to judge.
    let json = sealpost(
        [
            OsStr::new("key"),
            "check".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            key.as_os_str(),
        ],
        b"",
    )
    .json();
    assert_eq!(json["files"][0]["certificates"][0]["user_id"], user_id);
}
