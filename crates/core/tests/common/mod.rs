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
