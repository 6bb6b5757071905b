//! `sealpost policy lint` on the presets and broken policies, and `sealpost policy init` on the
//! real security.txt files in the shared corpus.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::PathBuf;

use common::{fixture, repo_path, sealpost};

const SEED_PRESETS: [&str; 5] = ["cgx", "exegol", "generic", "netconnect-io", "osctrl"];
/// The corpus's clock: its "expired" remarks hold on this day.
const CORPUS_NOW: &str = "2026-11-23";

fn preset(name: &str) -> PathBuf {
    repo_path(&format!("public/policies/{name}.json"))
}

/// The real security.txt files and keys, copied from the shared corpus into the repository so
/// a clean clone tests them (copied from shared/corpus/real-policies/security-txt and real-keys).
fn security_txt(name: &str) -> PathBuf {
    repo_path(&format!("tests/fixtures/corpus/security-txt/{name}"))
}

fn real_key(name: &str) -> PathBuf {
    repo_path(&format!("tests/fixtures/corpus/{name}"))
}

#[test]
fn the_seed_presets_pass_lint() {
    for name in SEED_PRESETS {
        let run = sealpost(
            ["policy".as_ref(), "lint".as_ref(), preset(name).as_os_str()],
            b"",
        );
        assert_eq!(run.code, 0, "{name}: {}{}", run.stdout_text(), run.stderr);
        assert!(
            run.stdout_text().contains(": ok (0 errors"),
            "{}",
            run.stdout_text()
        );

        let run = sealpost(
            [
                "policy".as_ref(),
                "lint".as_ref(),
                preset(name).as_os_str(),
                "--format".as_ref(),
                "json".as_ref(),
            ],
            b"",
        );
        let json = run.json();
        assert_eq!(json["ok"], true, "{json:#}");
        assert_eq!(json["errors"], serde_json::json!([]));
        // Every preset carries a key made for tests, and says so.
        assert!(json["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["path"] == "recipients[0].test_key"));
    }
}

#[test]
fn strict_turns_warnings_into_failure() {
    let run = sealpost(
        [
            "policy".as_ref(),
            "lint".as_ref(),
            "--strict".as_ref(),
            preset("generic").as_os_str(),
        ],
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stdout_text());
}

fn lint_json(policy: &serde_json::Value, extra: &[&str]) -> (i32, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("policy.json");
    std::fs::write(&path, policy.to_string()).unwrap();
    let mut args: Vec<std::ffi::OsString> = vec!["policy".into(), "lint".into(), path.into()];
    args.extend(["--format", "json", "--at", CORPUS_NOW].map(Into::into));
    args.extend(extra.iter().map(Into::into));
    let run = sealpost(args, b"");
    (run.code, run.json())
}

fn generic() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(preset("generic")).unwrap()).unwrap()
}

#[test]
fn a_broken_policy_fails_with_the_path_and_reason() {
    let mut policy = generic();
    policy["channels"][0] = serde_json::json!({"type": "email", "address": "not-an-address"});
    policy["fields"][0]["id"] = "Bad Id".into();
    let (code, json) = lint_json(&policy, &[]);
    assert_eq!(code, 1);
    assert_eq!(json["ok"], false);
    let errors = json["errors"].as_array().unwrap();
    assert!(
        errors.iter().any(|e| e["path"] == "channels[0].address"
            && e["message"] == "`not-an-address` is not an email address"),
        "{errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e["path"] == "fields[0].id"),
        "{errors:#?}"
    );

    // A typo in a key name is a schema error, named by its path.
    let mut policy = generic();
    policy["projekt"] = serde_json::json!({});
    let (code, json) = lint_json(&policy, &[]);
    assert_eq!(code, 1);
    assert!(
        json["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("unknown field `projekt`"),
        "{json:#}"
    );
}

#[test]
fn keys_are_judged_and_pins_checked() {
    // The pinned fingerprint no longer matches the inline key.
    let mut policy = generic();
    policy["recipients"][0]["fingerprint"] =
        "0000 0000 0000 0000 0000  0000 0000 0000 0000 0000".into();
    let (code, json) = lint_json(&policy, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        json["errors"][0]["path"], "recipients[0].fingerprint",
        "{json:#}"
    );

    // An expired key inline.
    let mut policy = generic();
    policy["recipients"] = serde_json::json!([{
        "key": std::fs::read_to_string(fixture("keys/expired.public.asc")).unwrap()
    }]);
    let (code, json) = lint_json(&policy, &[]);
    assert_eq!(code, 1);
    assert!(
        json["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("expired"),
        "{json:#}"
    );
}

#[test]
fn a_key_url_is_checked_only_with_base() {
    let mut policy = generic();
    policy["recipients"] = serde_json::json!([{ "key_url": "/.well-known/security.asc" }]);
    let (code, json) = lint_json(&policy, &[]);
    assert_eq!(code, 0, "{json:#}");
    let warnings = json["warnings"].to_string();
    assert!(warnings.contains("cannot be checked offline"), "{warnings}");
    assert!(
        warnings.contains("no fingerprint pins the key"),
        "{warnings}"
    );

    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir(site.path().join(".well-known")).unwrap();
    std::fs::copy(
        fixture("keys/revoked.public.asc"),
        site.path().join(".well-known/security.asc"),
    )
    .unwrap();
    let base = site.path().to_str().unwrap();
    let (code, json) = lint_json(&policy, &["--base", base]);
    assert_eq!(code, 1, "{json:#}");
    assert_eq!(json["errors"][0]["path"], "recipients[0].key_url");
    assert!(json["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("revoked"));

    std::fs::copy(
        fixture("keys/cv25519.public.asc"),
        site.path().join(".well-known/security.asc"),
    )
    .unwrap();
    let (code, json) = lint_json(&policy, &["--base", base]);
    assert_eq!(code, 0, "{json:#}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(sealpost(["policy", "lint"], b"").code, 2);
    assert_eq!(
        sealpost(["policy", "lint", "/nonexistent/policy.json"], b"").code,
        2
    );
}

fn init(args: &[&std::ffi::OsStr]) -> (common::Run, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut all: Vec<std::ffi::OsString> = vec!["policy".into(), "init".into()];
    all.extend(args.iter().map(|a| a.to_os_string()));
    all.extend([
        "--at".into(),
        CORPUS_NOW.into(),
        "--out".into(),
        dir.path().join("policy.json").into_os_string(),
    ]);
    (sealpost(all, b""), dir)
}

fn written(dir: &tempfile::TempDir) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.path().join("policy.json")).unwrap()).unwrap()
}

#[test]
fn init_from_monetr_with_its_key_gives_a_policy_that_lints_clean() {
    let (run, dir) = init(&[
        "--from-security-txt".as_ref(),
        security_txt("monetr.security.txt").as_os_str(),
        "--key".as_ref(),
        real_key("monetr-security.asc").as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let policy = written(&dir);
    assert_eq!(policy["project"]["name"], "monetr.app");
    assert_eq!(policy["project"]["languages"], serde_json::json!(["en"]));
    assert_eq!(
        policy["channels"],
        serde_json::json!([{"type": "email", "address": "security@monetr.app"}])
    );
    assert!(policy["recipients"][0]["fingerprint"].is_string());
    assert!(policy["commitments"]["notes"][0]
        .as_str()
        .unwrap()
        .contains("https://github.com/monetr/monetr/blob/main/SECURITY.md"));

    let path = dir.path().join("policy.json");
    let lint = sealpost(
        [
            "policy".as_ref(),
            "lint".as_ref(),
            path.as_os_str(),
            "--at".as_ref(),
            CORPUS_NOW.as_ref(),
            "--strict".as_ref(),
        ],
        b"",
    );
    assert_eq!(lint.code, 0, "{}", lint.stdout_text());
}

#[test]
fn init_from_a_signed_expired_file_warns_and_keeps_its_fields() {
    let (run, dir) = init(&[
        "--from-security-txt".as_ref(),
        security_txt("shelltrail-signed.security.txt").as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run
        .stderr
        .contains("PGP-signed; its signature was removed, not verified"));
    assert!(
        run.stderr.contains("expired on 2026-09-18"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("not in RFC 3339 form"),
        "{}",
        run.stderr
    );
    assert!(run
        .stderr
        .contains("curl -fsSL https://www.shelltrail.com/.well-known/pgp-key.txt"));
    let policy = written(&dir);
    assert_eq!(
        policy["project"]["languages"],
        serde_json::json!(["en", "sv"])
    );
    assert_eq!(policy["channels"][0]["address"], "security@shelltrail.com");
    assert_eq!(
        policy["recipients"][0]["key_url"],
        "/.well-known/pgp-key.txt"
    );
    assert!(!policy.to_string().contains("PGP SIGNATURE"));

    // With the downloaded key it is inlined and pinned (the key the file is signed with).
    let (run, dir) = init(&[
        "--from-security-txt".as_ref(),
        security_txt("shelltrail-signed.security.txt").as_os_str(),
        "--key".as_ref(),
        real_key("shelltrail-security.asc").as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        written(&dir)["recipients"][0]["fingerprint"]
            .as_str()
            .unwrap()
            .replace(' ', ""),
        "B7755F53249CC347AD7BC2A6764E4F5CEB8B69E0"
    );
}

#[test]
fn init_refuses_an_encryption_url_that_serves_no_key() {
    let (run, dir) = init(&[
        "--from-security-txt".as_ref(),
        security_txt("actualsecurity.security.txt").as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        written(&dir)["channels"][0]["address"],
        "security@actualsecurity.org"
    );

    // What that URL serves is a placeholder text, not a key.
    let (run, dir) = init(&[
        "--from-security-txt".as_ref(),
        security_txt("actualsecurity.security.txt").as_os_str(),
        "--key".as_ref(),
        real_key("actualsecurity-placeholder-not-a-key.txt").as_os_str(),
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("cannot be used as a recipient key")
            && run.stderr.contains("not an OpenPGP key"),
        "{}",
        run.stderr
    );
    assert!(
        !dir.path().join("policy.json").exists(),
        "nothing is written"
    );
}

#[test]
fn init_does_not_fetch_urls() {
    let run = sealpost(
        [
            "policy",
            "init",
            "--from-security-txt",
            "https://example.org/.well-known/security.txt",
        ],
        b"",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("does not fetch from the network"),
        "{}",
        run.stderr
    );
}
