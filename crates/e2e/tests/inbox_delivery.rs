//! Delivery to a project's endpoint, end to end: the built app in headless Chromium sends the
//! sealed report to the reference inbox (a real process on 127.0.0.1), which stores it; the
//! stored bytes decrypt with gpg to what was typed, and the page shows the inbox's receipt.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use sealpost_core::{demo, Report};
use sealpost_e2e::{browser::Browser, dist_dir, inbox::Inbox, static_server::StaticServer, Gpg};

fn policy_sending_to(endpoint: &str) -> Vec<u8> {
    let mut policy: serde_json::Value = serde_json::from_str(demo::POLICY_JSON).unwrap();
    policy["channels"] = serde_json::json!([
        { "type": "https", "url": endpoint, "body": "json", "field": "report" }
    ]);
    policy.to_string().into_bytes()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_report_sent_to_the_inbox_arrives_byte_for_byte_and_the_receipt_is_shown() {
    // The page's port is only known once its server runs, and its policy must name the inbox
    // first: allow any origin here (the inbox's own tests cover its CORS allow-list).
    let inbox = Inbox::start("*");
    let server = StaticServer::start_with(
        &dist_dir(),
        vec![(
            "/inbox-policy.json".into(),
            policy_sending_to(&format!("{}/reports", inbox.url)),
        )],
    );

    let browser = Browser::start().await;
    browser
        .client
        .goto(&format!("{}?policy=/inbox-policy.json", server.url))
        .await
        .unwrap();
    let report = Report::default()
        .with_text("title", "Path traversal in the export endpoint — ünïcödé")
        .with_text("vulnerability_type", "CWE-22")
        .with_text("affected_versions", "3.1.0 – 3.2.4")
        .with_text("reproduction_steps", "1. GET /export?file=../../etc/passwd")
        .with_text(
            "impact",
            "Any file readable by the service can be downloaded.",
        );
    let armored = browser.seal_demo_report(&report).await;

    browser.press("Send to the project's inbox").await;
    let status = browser
        .wait_for_script(
            "const s = [...document.querySelectorAll('.channels .status')]\
                 .map(e => e.innerText).find(t => t.startsWith('Sent') || t.startsWith('The project'));\
             return s || null;",
        )
        .await;
    browser.screenshot("inbox-sent.png").await;

    let stored = inbox.reports();
    assert_eq!(stored.len(), 1, "{stored:?}");
    let (id, bytes) = &stored[0];
    assert!(
        status.contains(&format!("receipt for your report: {id}")),
        "{status}"
    );
    assert_eq!(
        String::from_utf8_lossy(bytes),
        armored,
        "stored byte for byte"
    );
    let plaintext = Gpg::with_secret_key("demo-recipient.secret.asc").decrypt(bytes);
    let letter = sealpost_testkit::letter::open(plaintext.as_bytes());
    assert!(
        letter
            .text
            .starts_with(&report.render_text(&demo::policy())),
        "{}",
        letter.text
    );
}
