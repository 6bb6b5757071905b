//! The served page seals with the seal-only worker and fetches the full one only when the
//! researcher first asks for a draft or the reply key (issue 10: filing a report downloads
//! about a fifth less). Every worker file the page's server hands out is counted, and each kept
//! feature must still work through the full worker: a draft kept, reloaded and restored with its
//! passphrase, and a reply key made.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use sealpost_core::Report;
use sealpost_e2e::{
    browser::Browser, dist_dir, static_server::StaticServer, steps::Entry, DEMO_FIELDS,
};

const SEAL_ONLY_WASM: &str = "/seal-only-worker_bg.wasm";
const FULL_WASM: &str = "/seal-worker_bg.wasm";
const PASSPHRASE: &str = "tangerine wombat orbit 7";
const TITLE: &str = "Kept in a draft 5e1c";

/// How many times the page fetched `path`.
fn fetched(server: &StaticServer, path: &str) -> usize {
    server
        .requests()
        .iter()
        .filter(|request| request.url.split('?').next() == Some(path))
        .count()
}

/// Waits until the page's text contains `text`.
async fn wait_for_text(browser: &Browser, text: &str) {
    let script = format!(
        "return document.body.innerText.includes({}) ? 'yes' : null;",
        serde_json::to_string(text).unwrap()
    );
    browser
        .wait_for_script_within(&script, std::time::Duration::from_secs(60))
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_report_needs_only_the_seal_only_worker_and_drafts_and_reply_keys_fetch_the_full_one() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    let client = &browser.client;

    // A whole report: the key accepted and the report sealed, by the seal-only worker alone.
    client.goto(&server.url).await.unwrap();
    browser.wait_for_fingerprint().await;
    let report = DEMO_FIELDS
        .iter()
        .fold(Report::default(), |report, (id, label)| {
            report.with_text(*id, format!("{label} of a sealed report"))
        });
    let armored = browser.seal_demo_report(&report).await;
    assert!(armored.starts_with("-----BEGIN PGP MESSAGE-----"));
    assert_eq!(
        fetched(&server, SEAL_ONLY_WASM),
        1,
        "the seal-only worker, once"
    );
    assert_eq!(
        fetched(&server, FULL_WASM),
        0,
        "no full worker for a report"
    );

    // A draft: typed, kept with a passphrase (the full worker is fetched for it now).
    client.goto(&server.url).await.unwrap();
    browser.next_step().await;
    browser
        .control_labelled("Title")
        .await
        .send_keys(TITLE)
        .await
        .unwrap();
    browser.press("Back").await;
    browser
        .control_labelled("Keep an encrypted draft on this device")
        .await
        .click()
        .await
        .unwrap();
    for label in ["Passphrase for the draft", "The same passphrase again"] {
        browser
            .control_labelled(label)
            .await
            .send_keys(PASSPHRASE)
            .await
            .unwrap();
    }
    browser.press("Keep the draft").await;
    wait_for_text(&browser, "Draft saved on this device, encrypted, at").await;
    assert_eq!(
        fetched(&server, FULL_WASM),
        1,
        "the full worker, for the draft"
    );

    // Reloaded: the draft opens with its passphrase, through a freshly fetched full worker.
    client.goto(&server.url).await.unwrap();
    browser
        .control_labelled("Passphrase of the draft")
        .await
        .send_keys(PASSPHRASE)
        .await
        .unwrap();
    browser.press("Restore your draft").await;
    wait_for_text(&browser, "Your draft is restored.").await;
    assert_eq!(
        fetched(&server, FULL_WASM),
        2,
        "fetched again after the reload"
    );
    browser.next_step().await;
    let title = browser
        .control_labelled("Title")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(title.as_deref(), Some(TITLE), "the restored draft's title");

    // The reply key, made by the full worker this page already started.
    let rest: Vec<Entry> = DEMO_FIELDS[1..]
        .iter()
        .map(|(_, label)| Entry::text(label, "typed after restoring"))
        .collect();
    browser.fill_steps(&rest).await;
    for _ in 0..10 {
        if browser.has_button("Make a reply key").await {
            break;
        }
        browser.next_step().await;
    }
    browser.press("Make a reply key").await;
    wait_for_text(&browser, "Your key is made.").await;
    assert_eq!(fetched(&server, FULL_WASM), 2, "one full worker per page");
    assert_eq!(
        fetched(&server, SEAL_ONLY_WASM),
        3,
        "one seal-only worker per page"
    );
    browser.screenshot("worker-split-reply-key.png").await;
    browser.close().await;
}
