//! Fixtures shared by the integration tests. They live in the repository's top-level
//! `tests/fixtures/` (the demo key's secret half must live only there).

#![allow(dead_code)]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sealpost_core::Report;
pub use sealpost_testkit::fixture;

pub fn fixture_text(name: &str) -> String {
    String::from_utf8(fixture(name)).expect("fixture is UTF-8")
}

/// The clock the corpus manifest was written against: 2026-11-23T00:00:00Z.
pub fn corpus_now() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_795_392_000)
}

/// A complete report whose every field holds text a decryption must bring back exactly.
pub fn complete_report() -> Report {
    Report::default()
        .with_text(
            "title",
            "Stored XSS in the comment preview — «ünïcödé» 漏洞",
        )
        .with_text("vulnerability_type", "CWE-79: Cross-site Scripting")
        .with_text("affected_versions", ">= 2.3.0, < 2.4.2")
        .with_text(
            "reproduction_steps",
            "1. Log in as any user
2. Post a comment containing <img src=x onerror=alert(1)>
3. Open the preview",
        )
        .with_text("impact", "Session theft for every reader of the thread.")
}

/// Seals `report` as the page does by default (no attachments, armored) and returns the armor.
pub fn seal_armored(
    policy: &sealpost_core::Policy,
    report: &Report,
    keys: &[sealpost_core::RecipientKey],
) -> String {
    let sealed = sealpost_core::seal_report(
        policy,
        report,
        &[],
        keys,
        sealpost_core::Encoding::Armored,
        corpus_now(),
        rand::thread_rng(),
    )
    .unwrap_or_else(|err| panic!("sealing failed: {err}"));
    String::from_utf8(sealed.message).expect("armor is ASCII")
}

/// Asserts that `plaintext` is a letter whose text part holds `report` rendered under `policy`
/// and whose JSON part carries the same values; returns the opened letter.
pub fn assert_letter_holds(
    plaintext: &[u8],
    policy: &sealpost_core::Policy,
    report: &Report,
) -> sealpost_testkit::letter::OpenedLetter {
    let opened = sealpost_testkit::letter::open(plaintext);
    let rendered = report.render_text(policy);
    assert!(
        opened.text.starts_with(&rendered),
        "text part:\n{}\nexpected to start with:\n{rendered}",
        opened.text
    );
    assert_eq!(opened.json["format"], "sealpost-report");
    for field in &policy.fields {
        let typed = report.text(&field.id).trim();
        if !typed.is_empty() {
            let entry = opened.json["fields"]
                .as_array()
                .expect("fields")
                .iter()
                .find(|entry| entry["id"] == field.id.as_str())
                .unwrap_or_else(|| panic!("report.json lacks field {}", field.id));
            assert_eq!(
                entry["value"].as_str(),
                Some(typed.replace("\r\n", "\n").as_str()),
                "{}",
                field.id
            );
        }
    }
    opened
}
