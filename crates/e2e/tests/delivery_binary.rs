//! A report too large to armor (a 6 MiB attachment makes it binary) sent to endpoints in each
//! body format the policy can name, from one sealing in headless Chromium:
//!
//! - `raw` to an endpoint that reads slowly, so the upload takes seconds and its progress must
//!   show on the page;
//! - `json` to the reference inbox (the page armors the binary message for the JSON body);
//! - `multipart` to the reference inbox (the message as a file part).
//!
//! Every copy that arrives must decrypt with gpg to a letter carrying the attachment byte for
//! byte.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use std::{path::Path, time::Duration};

use sealpost_core::demo;
use sealpost_e2e::{
    browser::Browser, dist_dir, inbox::Inbox, scripted_server::ScriptedServer,
    static_server::StaticServer, steps::Entry, Gpg,
};
use serde_json::json;

const MIB: usize = 1024 * 1024;

fn policy(slow: &str, inbox: &str) -> Vec<u8> {
    let mut policy: serde_json::Value = serde_json::from_str(demo::POLICY_JSON).unwrap();
    policy["fields"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "attachments", "status": "optional" }));
    policy["attachments"] =
        json!({ "max_files": 2, "max_file_bytes": 8 * MIB, "max_total_bytes": 8 * MIB });
    policy["channels"] = json!([
        { "type": "https", "url": slow, "body": "raw" },
        { "type": "https", "url": inbox, "body": "json", "field": "report" },
        { "type": "https", "url": inbox, "body": "multipart", "field": "report" },
    ]);
    policy.to_string().into_bytes()
}

fn attachment(path: &Path) -> Vec<u8> {
    let bytes = sealpost_e2e::pseudorandom_bytes(6 * MIB, 0x2545_F491_4F6C_DD1D);
    std::fs::write(path, &bytes).unwrap();
    bytes
}

/// Records every text the first endpoint's status shows and whether the upload bar was seen.
const WATCH: &str = r#"
window.__seen = [];
const item = document.querySelector('.channels li.endpoint');
const note = () => {
  const bar = item.querySelector('progress');
  const text = item.querySelector('.status').innerText;
  window.__seen.push((bar && !bar.hidden ? 'BAR ' : '') + text);
};
new MutationObserver(note).observe(item, { subtree: true, childList: true, characterData: true, attributes: true });
return null;
"#;

/// Clicks the `index`th endpoint's send button and waits for its final word.
async fn send_by(browser: &Browser, index: usize) -> String {
    let script = format!(
        "const item = document.querySelectorAll('.channels li.endpoint')[{index}];\
         const t = item.querySelector('.status').innerText.trim();\
         const busy = !t || t.startsWith('Sending') || t.startsWith('Uploading') || t.startsWith('Not sent yet:');\
         return busy ? null : t;"
    );
    browser
        .client
        .execute(
            &format!("document.querySelectorAll('.channels li.endpoint button.primary')[{index}].click(); return null;"),
            vec![],
        )
        .await
        .unwrap();
    browser
        .wait_for_script_within(&script, Duration::from_secs(60))
        .await
}

fn assert_carries(message: &[u8], attached: &[u8]) {
    let mime = Gpg::with_secret_key("demo-recipient.secret.asc").decrypt_bytes(message);
    let letter = sealpost_testkit::letter::open(&mime);
    let [(name, _, bytes)] = letter.attachments.as_slice() else {
        panic!("one attachment expected, got {}", letter.attachments.len());
    };
    assert_eq!(name, "trace.bin");
    assert!(bytes == attached, "the attachment differs");
    assert!(
        letter.text.contains("Use after free in the decoder"),
        "{}",
        letter.text
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_binary_report_reaches_endpoints_in_every_body_format_with_upload_progress() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("trace.bin");
    let attached = attachment(&file);
    // ~8.5 MB (attachments are base64 in the letter) at 2 MiB/s: seconds of upload to watch.
    let slow = ScriptedServer::start(Vec::new(), Some(2 * MIB));
    let inbox = Inbox::start("*");
    let inbox_url = format!("{}/reports", inbox.url);
    let server = StaticServer::start_with(
        &dist_dir(),
        vec![("/p.json".into(), policy(&slow.url, &inbox_url))],
    );
    let browser = Browser::start().await;
    browser
        .client
        .goto(&format!("{}?policy=/p.json", server.url))
        .await
        .unwrap();
    browser
        .fill_steps(&[
            Entry::text("Title", "Use after free in the decoder"),
            Entry::text("Vulnerability type", "CWE-416"),
            Entry::text("Affected versions", "1.0 to 1.4"),
            Entry::text("Steps to reproduce", "1. Decode the attached trace"),
            Entry::File("Attachments".into(), file.to_str().unwrap().into()),
        ])
        .await;
    browser
        .wait_for_script("const l = document.querySelector('ul.attachments'); return l && l.innerText.includes('trace.bin') ? 'ok' : null;")
        .await;
    browser
        .fill_steps(&[Entry::text("Impact", "Code execution.")])
        .await;
    browser.go_to_last_step().await;
    browser.press("Encrypt report").await;
    browser
        .wait_for_script_within(
            "const b = [...document.querySelectorAll('button')].find(b => b.innerText.trim() === 'Download report.pgp');\
             return b && b.offsetParent !== null ? 'ok' : null;",
            Duration::from_secs(60),
        )
        .await;

    browser.client.execute(WATCH, vec![]).await.unwrap();
    let raw = send_by(&browser, 0).await;
    assert!(
        raw.contains("receipt for your report: scripted-1."),
        "{raw}"
    );
    let seen = browser
        .client
        .execute("return window.__seen;", vec![])
        .await
        .unwrap();
    let seen: Vec<String> = serde_json::from_value(seen).unwrap();
    assert!(
        seen.iter()
            .any(|s| s.starts_with("BAR Uploading… ") && s.contains(" of ")),
        "no upload progress was shown: {seen:?}"
    );
    browser.screenshot("delivery-binary-sent.png").await;

    let json_status = send_by(&browser, 1).await;
    let multipart_status = send_by(&browser, 2).await;
    browser.close().await;
    assert!(json_status.starts_with("Sent."), "{json_status}");
    assert!(multipart_status.starts_with("Sent."), "{multipart_status}");

    let [raw_body] = slow.bodies().try_into().unwrap();
    assert_carries(&raw_body, &attached);
    let stored = inbox.reports();
    assert_eq!(
        stored.len(),
        2,
        "{:?}",
        stored.iter().map(|(id, _)| id).collect::<Vec<_>>()
    );
    let armored = stored
        .iter()
        .find(|(_, bytes)| bytes.starts_with(b"-----BEGIN PGP MESSAGE-----"))
        .expect("the JSON body's report is stored armored");
    let binary = stored
        .iter()
        .find(|(_, bytes)| !bytes.starts_with(b"-----BEGIN"))
        .expect("the multipart body's report is stored binary");
    assert_eq!(binary.1, raw_body, "the same sealed message, byte for byte");
    assert_carries(&armored.1, &attached);
}
