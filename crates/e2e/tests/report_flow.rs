//! A researcher's whole path through the built app, in real headless Chromium: open the page,
//! press "Encrypt report" too early, fill the form by its labels, encrypt, and hand the
//! ciphertext to real gpg, which must give back exactly what was typed.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use sealpost_core::{demo, Report};
use sealpost_e2e::{
    browser::Browser, dist_dir, static_server::StaticServer, steps::Entry, Gpg, DEMO_FIELDS,
};

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

    // Step by step: the project and its key first, then what is affected.
    assert_eq!(browser.step_heading().await, "Before you start");
    browser.screenshot("step-1-start.png").await;
    browser.assert_accessible("before you start").await;
    assert_eq!(browser.next_step().await, "What is affected");

    // Too early: "Next" must say what is missing on this step, and move focus to that list.
    let title = browser.control_labelled("Title").await;
    browser.press("Next").await;
    let summary_text = browser
        .wait_for_script(
            "const s = document.querySelector('.error-summary');\
             return s && !s.hidden && document.activeElement === s ? s.innerText : null;",
        )
        .await;
    for label in ["Title", "Vulnerability type", "Affected versions"] {
        assert!(
            summary_text.contains(&format!("{label} is required.")),
            "{summary_text}"
        );
    }
    assert!(
        !summary_text.contains("Impact"),
        "other steps wait: {summary_text}"
    );
    assert_eq!(
        title.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    browser.screenshot("step-2-incomplete.png").await;
    browser.assert_accessible("what, with errors").await;

    let report = typed_report().with_text("reporter_contact", "ana@example.org");
    let entry = |id: &str, label: &str| Entry::text(label, report.text(id));
    browser
        .fill_steps(&[
            entry("title", "Title"),
            entry("vulnerability_type", "Vulnerability type"),
            entry("affected_versions", "Affected versions"),
        ])
        .await;
    assert_eq!(
        title.attr("aria-invalid").await.unwrap().as_deref(),
        Some("false")
    );
    assert_eq!(
        browser.next_step().await,
        "How it works and how to reproduce it"
    );
    browser
        .fill_steps(&[entry("reproduction_steps", "Steps to reproduce")])
        .await;
    browser.screenshot("step-3-how.png").await;
    browser.assert_accessible("how").await;
    assert_eq!(browser.next_step().await, "Impact and severity");
    browser.fill_steps(&[entry("impact", "Impact")]).await;
    browser.screenshot("step-4-impact.png").await;
    browser
        .assert_accessible("impact, with the CVSS calculator")
        .await;

    // About you: a contact address that is not one is refused, with the reason, on this step.
    assert_eq!(browser.next_step().await, "About you");
    let contact = browser.control_labelled("Your contact address").await;
    contact.send_keys("ana at example.org").await.unwrap();
    browser.press("Next").await;
    let refusal = browser
        .wait_for_script(
            "const s = document.querySelector('.error-summary');\
             return s && !s.hidden ? s.innerText : null;",
        )
        .await;
    assert!(
        refusal.contains("Your contact address must be an address like name@example.org."),
        "{refusal}"
    );
    contact.clear().await.unwrap();
    contact.send_keys("ana@example.org").await.unwrap();
    browser.screenshot("step-5-you.png").await;
    browser.assert_accessible("about you").await;

    // Review: exactly the text that will be encrypted, markup shown as typed.
    assert_eq!(browser.next_step().await, "Review your report");
    let review = browser
        .wait_for_script(
            "const r = document.querySelector('.review-text'); return r ? r.innerText : null;",
        )
        .await;
    assert!(
        review.contains("<img src=x onerror=alert(document.domain)>"),
        "{review}"
    );
    assert!(review.contains("ana@example.org"), "{review}");
    browser.screenshot("step-6-review.png").await;
    browser.assert_accessible("review").await;

    // Back and forth loses nothing.
    browser.press("3. How").await;
    assert_eq!(
        browser.step_heading().await,
        "How it works and how to reproduce it"
    );
    let steps = browser.control_labelled("Steps to reproduce").await;
    assert_eq!(
        steps.prop("value").await.unwrap().as_deref(),
        Some(report.text("reproduction_steps"))
    );

    browser.go_to_last_step().await;
    browser.press("Encrypt report").await;

    let armored = browser.wait_for_ciphertext().await;
    let ciphertext = browser.control_labelled("Encrypted report (OpenPGP)").await;
    assert_eq!(
        ciphertext.prop("value").await.unwrap().as_deref(),
        Some(armored.as_str())
    );
    browser.screenshot("step-7-sealed.png").await;
    browser.assert_accessible("sealed, with the channels").await;

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

#[tokio::test(flavor = "multi_thread")]
async fn every_step_fits_a_375_px_screen_and_passes_axe() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start_sized(375, 812).await;
    browser.client.goto(&server.url).await.unwrap();
    let report = typed_report();
    for number in 1..=10 {
        let heading = browser.step_heading().await;
        for (id, label) in DEMO_FIELDS {
            if browser.has_label(label).await {
                let control = browser.control_labelled(label).await;
                control.send_keys(report.text(id)).await.unwrap();
            }
        }
        let overflow = browser
            .client
            .execute(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
                vec![],
            )
            .await
            .unwrap();
        assert!(
            overflow.as_i64().unwrap_or(1) <= 0,
            "“{heading}” scrolls sideways at 375 px by {overflow} px"
        );
        browser
            .assert_accessible(&format!("“{heading}” at 375 px"))
            .await;
        browser
            .screenshot(&format!("narrow-step-{number}.png"))
            .await;
        if browser.has_button("Encrypt report").await {
            browser.press("Encrypt report").await;
            let outcome = browser
                .wait_for_script_within(
                    "const c = document.getElementById('ciphertext');\
                     if (c && c.value.startsWith('-----BEGIN PGP MESSAGE-----')) return 'sealed';\
                     const e = [...document.querySelectorAll('.report-form p.error, .error-summary')]\
                         .find(e => !e.hidden);\
                     return e ? 'FAILED: ' + e.innerText : null;",
                    std::time::Duration::from_secs(30),
                )
                .await;
            assert_eq!(outcome, "sealed");
            browser
                .assert_accessible("the sealed report at 375 px")
                .await;
            browser.screenshot("narrow-sealed.png").await;
            browser.close().await;
            return;
        }
        browser.next_step().await;
    }
    panic!("never reached the last step");
}
