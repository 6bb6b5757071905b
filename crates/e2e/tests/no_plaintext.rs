//! For a full report sent to the project's endpoint, no request the page makes carries the
//! plaintext: every request to the page's own server and every body the endpoint receives is
//! recorded and searched for what was typed, and anything addressed elsewhere would reach a
//! recording proxy.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use sealpost_core::{demo, Report};
use sealpost_e2e::{
    browser::Browser, dist_dir, scripted_server::ScriptedServer, static_server::StaticServer,
    DEMO_FIELDS,
};

#[tokio::test(flavor = "multi_thread")]
async fn no_request_carries_the_plaintext_of_a_full_report() {
    let endpoint = ScriptedServer::start(Vec::new(), None);
    let mut policy: serde_json::Value = serde_json::from_str(demo::POLICY_JSON).unwrap();
    policy["channels"] = serde_json::json!([
        { "type": "https", "url": endpoint.url, "body": "json", "field": "report" },
        { "type": "email", "address": "security@demo.sealpost.example" }
    ]);
    let server = StaticServer::start_with(
        &dist_dir(),
        vec![("/full-policy.json".into(), policy.to_string().into_bytes())],
    );
    // Loopback goes direct (the page's server and the endpoint); anything else to the proxy.
    let nowhere = tempfile::tempdir().unwrap();
    let proxy = StaticServer::start(nowhere.path());
    let browser = Browser::start_with_args(&[format!(
        "--proxy-server={}",
        proxy.url.trim_end_matches('/')
    )])
    .await;
    browser
        .client
        .goto(&format!("{}?policy=/full-policy.json", server.url))
        .await
        .unwrap();

    // Distinctive text in every field, so any leak is found by a plain search.
    let report = DEMO_FIELDS
        .iter()
        .fold(Report::default(), |report, (id, _)| {
            report.with_text(*id, format!("PLAINTEXT-{id}-7f3a9c"))
        });
    let armored = browser.seal_demo_report(&report).await;
    browser.press("Send to the project's inbox").await;
    browser
        .wait_for_script(
            "const s = [...document.querySelectorAll('.channels .status')]\
                 .map(e => e.innerText).find(t => t.startsWith('Sent'));\
             return s || null;",
        )
        .await;

    let bodies = endpoint.bodies();
    assert_eq!(bodies.len(), 1, "one upload");
    assert!(
        String::from_utf8_lossy(&bodies[0]).contains("-----BEGIN PGP MESSAGE-----"),
        "the endpoint got the ciphertext"
    );
    let page_requests = server.requests();
    let mut searched: Vec<(String, Vec<u8>)> = page_requests
        .iter()
        .map(|r| (format!("{} {}", r.method, r.url), r.body.clone()))
        .collect();
    searched.extend(
        bodies
            .iter()
            .map(|b| ("endpoint POST".to_owned(), b.clone())),
    );
    searched.extend(
        proxy
            .requests()
            .into_iter()
            .map(|r| (format!("proxy {} {}", r.method, r.url), r.body)),
    );
    for (what, body) in &searched {
        let text = format!("{what}\n{}", String::from_utf8_lossy(body));
        for (id, _) in DEMO_FIELDS {
            assert!(
                !text.contains(report.text(id)),
                "plaintext of {id} in {what}"
            );
        }
        assert!(!text.contains("7f3a9c"), "plaintext in {what}");
    }
    assert!(!armored.contains("7f3a9c"));
    // The page's own server only served assets.
    for request in page_requests {
        assert_eq!(request.method, "GET", "{request:?}");
        assert!(request.body.is_empty(), "{request:?}");
    }
    browser.close().await;
}
