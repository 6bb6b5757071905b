//! The page embedded in an iframe on another origin (parent on http://localhost:P1, the app on
//! http://127.0.0.1:P2), served with the strict Content-Security-Policy documented in
//! docs/embedding.md: it works under it (worker, theme, delivery to the reference inbox), the
//! parent's public/sealpost-embed.js sizes the frame from its height messages, and the parent
//! gets `ready` and `sent` with the inbox's receipt, and nothing else.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use std::time::Duration;

use sealpost_core::{demo, Report};
use sealpost_e2e::{
    browser::Browser, dist_dir, inbox::Inbox, static_server::StaticServer, strict_csp,
};

const PARENT_HTML: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A project's site</title></head>
<body><h1>Security</h1>
<iframe data-sealpost id="report" title="Report a vulnerability" style="width:100%;border:0"></iframe>
<script src="/sealpost-embed.js"></script><script src="/parent.js"></script>
</body></html>"#;

/// Records what the parent hears: the raw messages and the helper's events.
const PARENT_JS: &str = r#"
window.raw = []; window.seen = [];
addEventListener("message", (e) => raw.push({ origin: e.origin, data: e.data }));
const frame = document.getElementById("report");
for (const t of ["ready", "height", "sent"]) {
  frame.addEventListener("sealpost:" + t, (e) => seen.push(e.detail));
}
frame.src = new URLSearchParams(location.search).get("frame");
"#;

#[tokio::test(flavor = "multi_thread")]
async fn an_embedded_page_under_a_strict_csp_sizes_its_frame_and_reports_the_receipt() {
    let dist = dist_dir();
    let inbox = Inbox::start("*");
    let parent = StaticServer::start_with(
        &dist,
        vec![
            ("/parent.html".into(), PARENT_HTML.into()),
            ("/parent.js".into(), PARENT_JS.into()),
        ],
    );
    let parent_origin = parent
        .url
        .trim_end_matches('/')
        .replace("127.0.0.1", "localhost");

    let mut policy: serde_json::Value = serde_json::from_str(demo::POLICY_JSON).unwrap();
    policy["channels"] = serde_json::json!([
        { "type": "https", "url": format!("{}/reports", inbox.url), "body": "json", "field": "report" }
    ]);
    policy["theme"] = serde_json::json!({ "colors": { "accent": "#8a1c7c" }, "radius": "2px" });
    let frame = StaticServer::start_with_headers(
        &dist,
        Vec::new(),
        vec![(
            "/embedded-policy.json".into(),
            policy.to_string().into_bytes(),
        )],
        vec![(
            "Content-Security-Policy".into(),
            strict_csp(&inbox.url, &parent_origin),
        )],
    );
    let frame_url = format!(
        "{}?policy=/embedded-policy.json&embed={parent_origin}",
        frame.url
    );

    let browser = Browser::start().await;
    let client = &browser.client;
    let encoded: String = frame_url
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    client
        .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
            None,
            Some(Duration::from_secs(20)),
            None,
        ))
        .await
        .unwrap();
    client
        .goto(&format!("{parent_origin}/parent.html?frame={encoded}"))
        .await
        .unwrap();
    browser
        .wait_for_script_within(
            "return seen.some(e => e.type === 'ready') ? 'ready' : null;",
            Duration::from_secs(30),
        )
        .await;

    client.enter_frame(0).await.unwrap();
    let accent = browser
        .wait_for_script(
            "return getComputedStyle(document.documentElement).getPropertyValue('--sp-accent').trim() || null;",
        )
        .await;
    assert_eq!(
        accent, "#8a1c7c",
        "the policy's theme applies under the CSP"
    );
    // The worker (integrity-checked, from a Blob URL) has accepted the key.
    browser.wait_for_fingerprint().await;
    let report = Report::default()
        .with_text("title", "Embedded: open redirect on /login")
        .with_text("vulnerability_type", "CWE-601")
        .with_text("affected_versions", "all")
        .with_text("reproduction_steps", "1. Visit /login?next=//evil.example")
        .with_text("impact", "Phishing with a trusted link.");
    browser.seal_demo_report(&report).await;
    browser.press("Send to the project's inbox").await;
    browser
        .wait_for_script(
            "const s = [...document.querySelectorAll('.channels .status')]\
                 .map(e => e.innerText).find(t => t.startsWith('Sent'));\
             return s || null;",
        )
        .await;
    let content_height: f64 = browser
        .wait_for_script("return String(document.documentElement.getBoundingClientRect().height);")
        .await
        .parse()
        .unwrap();
    client.enter_parent_frame().await.unwrap();

    let receipt = browser
        .wait_for_script(
            "const s = seen.find(e => e.type === 'sent'); return s ? String(s.receipt) : null;",
        )
        .await;
    let stored = inbox.reports();
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(
        receipt, stored[0].0,
        "the parent got the inbox's receipt id"
    );

    // The frame is as tall as its content (so it never scrolls), give or take a pixel.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let frame_height: f64 = browser
        .wait_for_script(
            "return String(document.getElementById('report').getBoundingClientRect().height);",
        )
        .await
        .parse()
        .unwrap();
    assert!(
        (frame_height - content_height).abs() <= 1.5 && frame_height > 600.0,
        "frame {frame_height}px, content {content_height}px"
    );
    browser.screenshot("embedded-sent.png").await;

    // Every message came from the frame's origin and carried only these keys.
    let raw = client.execute("return raw;", vec![]).await.unwrap();
    let frame_origin = frame.url.trim_end_matches('/');
    for message in raw.as_array().unwrap() {
        assert_eq!(message["origin"], frame_origin, "{message}");
        let data = message["data"].as_object().unwrap();
        for key in data.keys() {
            assert!(
                ["source", "type", "height", "receipt"].contains(&key.as_str()),
                "unexpected key {key} in {message}"
            );
        }
        let text = message.to_string();
        for id in ["title", "reproduction_steps", "impact"] {
            assert!(!text.contains(report.text(id)), "plaintext posted: {text}");
        }
    }
    browser.close().await;
}
