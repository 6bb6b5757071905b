//! A researcher's whole path through the built app, in real headless Chromium: open the page,
//! press "Encrypt report" too early, fill the form by its labels, encrypt, and hand the
//! ciphertext to real gpg, which must give back exactly what was typed.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use sealpost_core::{demo, Report};
use sealpost_e2e::{browser::Browser, dist_dir, static_server::StaticServer, Gpg, DEMO_FIELDS};

/// What the researcher types: non-ASCII, markup and several lines, all of which must survive.
fn typed_report() -> Report {
    Report::default()
        .with_text(
            "title",
            "Stored XSS in comment preview — ünïcödé 漏洞 עברית",
        )
        .with_text(
            "vulnerability_type",
            "CWE-79: Improper Neutralization of Input",
        )
        .with_text("affected_versions", "2.3.0 through 2.4.1")
        .with_text(
            "reproduction_steps",
            "1. Sign in as any user
2. Comment <img src=x onerror=alert(document.domain)>
3. Open the preview",
        )
        .with_text(
            "impact",
            "Script runs in every reader's session; accounts can be taken over.",
        )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_report_typed_in_the_page_is_encrypted_there_and_gpg_recovers_every_field() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    let client = &browser.client;
    client.goto(&server.url).await.unwrap();

    // Too early: the button must say what is missing, and move focus to that list.
    let title = browser.control_labelled("Title").await;
    browser.press("Encrypt report").await;
    let summary_text = browser
        .wait_for_script(
            "const s = document.getElementById('error-summary');\
         return s && !s.hidden && document.activeElement === s ? s.innerText : null;",
        )
        .await;
    for (_, label) in DEMO_FIELDS {
        assert!(
            summary_text.contains(&format!("{label} is required.")),
            "{summary_text}"
        );
    }
    assert_eq!(
        title.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    browser.screenshot("incomplete.png").await;

    let report = typed_report();
    for (id, label) in DEMO_FIELDS {
        let control = browser.control_labelled(label).await;
        control.send_keys(report.text(id)).await.unwrap();
    }
    assert_eq!(
        title.attr("aria-invalid").await.unwrap().as_deref(),
        Some("false")
    );
    browser.press("Encrypt report").await;

    let armored = browser.wait_for_ciphertext().await;
    let ciphertext = browser.control_labelled("Encrypted report (OpenPGP)").await;
    assert_eq!(
        ciphertext.prop("value").await.unwrap().as_deref(),
        Some(armored.as_str())
    );
    browser.screenshot("sealed.png").await;

    let plaintext = Gpg::with_secret_key("demo-recipient.secret.asc").decrypt(armored.as_bytes());
    let letter = sealpost_testkit::letter::open(plaintext.as_bytes());
    assert!(
        letter
            .text
            .starts_with(&report.render_text(&demo::policy())),
        "{}",
        letter.text
    );
    for (id, _) in DEMO_FIELDS {
        let typed = report.text(id).trim();
        let entry = letter.json["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|entry| entry["id"] == id)
            .unwrap();
        assert_eq!(entry["value"], typed, "report.json field {id}");
    }

    // The page fetched only its own assets, from its own origin, and sent nothing anywhere.
    let resources = client
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name);",
            vec![],
        )
        .await
        .unwrap();
    for url in resources.as_array().unwrap() {
        assert!(
            url.as_str().unwrap().starts_with(&server.url),
            "third-party request: {url}"
        );
    }
    for request in server.requests() {
        assert_eq!(request.method, "GET", "{request:?}");
        assert!(request.body.is_empty(), "{request:?}");
        for (id, _) in DEMO_FIELDS {
            assert!(!request.url.contains(report.text(id)), "{request:?}");
        }
    }
    browser.close().await;
}
