//! Delivery when things go wrong, in headless Chromium against the built app: the inbox is down,
//! fails once then accepts, never answers, refuses the page by CORS, or refuses the report as too
//! large. Each time the page must say what happened, and lose nothing: the encrypted report stays
//! on the page to copy, download or send again.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use std::time::Duration;

use sealpost_core::{demo, Report};
use sealpost_e2e::{
    browser::Browser,
    dist_dir,
    inbox::Inbox,
    scripted_server::{Reply, ScriptedServer},
    static_server::StaticServer,
    Gpg,
};

fn report() -> Report {
    Report::default()
        .with_text("title", "SQL injection in the search box")
        .with_text("vulnerability_type", "CWE-89")
        .with_text("affected_versions", "2.0.0 – 2.3.1")
        .with_text("reproduction_steps", "1. Search for ' OR 1=1 --")
        .with_text("impact", "Every row of every table can be read.")
}

/// The page, its policy sending to `endpoint` (extra channel settings in `channel`), with the
/// demo report sealed. Returns the browser, the page's server and the armored report.
async fn sealed_page(
    endpoint: &str,
    channel: serde_json::Value,
) -> (Browser, StaticServer, String) {
    let mut policy: serde_json::Value = serde_json::from_str(demo::POLICY_JSON).unwrap();
    let mut https = serde_json::json!({ "type": "https", "url": endpoint, "body": "json" });
    https
        .as_object_mut()
        .unwrap()
        .extend(channel.as_object().unwrap().clone());
    policy["channels"] = serde_json::json!([https]);
    let server = StaticServer::start_with(
        &dist_dir(),
        vec![("/p.json".into(), policy.to_string().into_bytes())],
    );
    let browser = Browser::start().await;
    browser
        .client
        .goto(&format!("{}?policy=/p.json", server.url))
        .await
        .unwrap();
    let armored = browser.seal_demo_report(&report()).await;
    (browser, server, armored)
}

/// Presses send and returns the page's last word on it, once sending is over.
async fn send_and_wait(browser: &Browser, within: Duration) -> String {
    browser.press("Send to the project's inbox").await;
    browser
        .wait_for_script_within(
            "const s = document.querySelector('.channels li.endpoint .status');\
             const t = s ? s.innerText.trim() : '';\
             const busy = !t || t.startsWith('Sending') || t.startsWith('Uploading') || t.startsWith('Not sent yet:');\
             return busy ? null : t;",
            within,
        )
        .await
}

async fn screenshot_status(browser: &Browser, name: &str) {
    browser
        .client
        .execute(
            "document.querySelector('.channels li.endpoint').scrollIntoView({ block: 'center' }); return null;",
            vec![],
        )
        .await
        .unwrap();
    browser.screenshot(name).await;
}

/// Nothing is lost: the same ciphertext is on the page, with every way to keep or resend it.
async fn assert_nothing_lost(browser: &Browser, armored: &str) {
    assert_eq!(browser.wait_for_ciphertext().await, armored);
    for label in ["Copy to clipboard", "Download report.asc", "Send again"] {
        let button = browser.button(label).await;
        assert!(button.is_enabled().await.unwrap(), "“{label}” is disabled");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_inbox_that_is_down_is_retried_then_explained() {
    // A port nothing listens on: bind one, then let it go.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let endpoint = format!("http://127.0.0.1:{port}/reports");
    let (browser, _server, armored) = sealed_page(&endpoint, serde_json::json!({})).await;
    let status = send_and_wait(&browser, Duration::from_secs(30)).await;
    assert!(
        status.starts_with("Not sent: the inbox could not be reached, 3 times."),
        "{status}"
    );
    assert!(status.contains("server may be down"), "{status}");
    assert_nothing_lost(&browser, &armored).await;
    screenshot_status(&browser, "delivery-inbox-down.png").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_error_is_retried_and_the_retry_delivers() {
    let endpoint = ScriptedServer::start(
        vec![Reply::Status(500, r#"{"error":"database locked"}"#.into())],
        None,
    );
    let (browser, _server, armored) = sealed_page(&endpoint.url, serde_json::json!({})).await;
    let status = send_and_wait(&browser, Duration::from_secs(20)).await;
    assert!(
        status.contains("receipt for your report: scripted-2."),
        "{status}"
    );
    browser.button("Download the receipt").await;
    browser.close().await;

    let bodies = endpoint.bodies();
    assert_eq!(bodies.len(), 2, "one failed attempt, one retry");
    assert_eq!(bodies[0], bodies[1], "the retry sends the same report");
    let body: serde_json::Value = serde_json::from_slice(&bodies[1]).unwrap();
    assert_eq!(body["report"].as_str().unwrap(), armored);
    let letter = Gpg::with_secret_key("demo-recipient.secret.asc").decrypt(armored.as_bytes());
    assert!(
        letter.contains("SQL injection in the search box"),
        "{letter}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_inbox_slower_than_the_timeout_is_given_up_on() {
    let hang = Reply::Hang(Duration::from_secs(30));
    let endpoint = ScriptedServer::start(vec![hang.clone(), hang.clone(), hang], None);
    let (browser, _server, armored) =
        sealed_page(&endpoint.url, serde_json::json!({ "timeout_seconds": 2 })).await;
    let status = send_and_wait(&browser, Duration::from_secs(40)).await;
    assert!(
        status.starts_with("Not sent: no answer within 2 seconds, 3 times."),
        "{status}"
    );
    assert_nothing_lost(&browser, &armored).await;
    assert_eq!(endpoint.bodies().len(), 3);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_inbox_refusing_the_page_by_cors_is_named_as_such() {
    let inbox = Inbox::start("https://security.example.org");
    let endpoint = format!("{}/reports", inbox.url);
    let (browser, server, armored) = sealed_page(&endpoint, serde_json::json!({})).await;
    let status = send_and_wait(&browser, Duration::from_secs(20)).await;
    let page_origin = server.url.trim_end_matches('/');
    assert!(status.contains("CORS"), "{status}");
    assert!(status.contains(&format!("({page_origin})")), "{status}");
    assert_nothing_lost(&browser, &armored).await;
    screenshot_status(&browser, "delivery-cors-refused.png").await;
    browser.close().await;
    assert!(inbox.reports().is_empty(), "nothing was stored");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_report_too_large_for_the_inbox_gets_its_413_explained() {
    let inbox = Inbox::start_configured(
        "[cors]\nallowed_origins = [\"*\"]\n[reports]\nmax_body_bytes = 1024\n",
    );
    let endpoint = format!("{}/reports", inbox.url);
    let (browser, _server, armored) = sealed_page(&endpoint, serde_json::json!({})).await;
    let status = send_and_wait(&browser, Duration::from_secs(20)).await;
    assert!(
        status.starts_with("The project's inbox refused the report as too large (413)."),
        "{status}"
    );
    assert!(
        status.contains("It said: “"),
        "the inbox's own words: {status}"
    );
    assert_nothing_lost(&browser, &armored).await;
    browser.close().await;
    assert!(inbox.reports().is_empty(), "nothing was stored");
}
