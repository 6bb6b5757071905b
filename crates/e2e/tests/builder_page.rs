//! The page builder end to end: a maintainer picks their key file, edits the policy with the
//! controls (the preview follows, markup in the name stays text, a broken value is listed with
//! its path), downloads policy.json — which `sealpost policy lint` accepts — and their
//! single-file page, which, opened from file://, seals a report gpg decrypts.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use std::{process::Command, time::Duration};

use sealpost_core::demo;
use sealpost_e2e::{
    browser::Browser, cli_binary, dist_dir, downloaded, static_server::StaticServer, steps::Entry,
    strict_csp, Gpg,
};

/// The preview's text, once it contains `needle`.
async fn preview_with(browser: &Browser, needle: &str) -> String {
    browser
        .wait_for_script_with(
            "const p = document.querySelector('.builder__preview');\
             return p && p.innerText.includes(arguments[0]) ? p.innerText : null;",
            vec![needle.into()],
            Duration::from_secs(20),
        )
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_maintainer_builds_a_policy_and_a_page_that_works_from_disk() {
    // Under the strict CSP of the report page: the builder needs nothing more.
    let server = StaticServer::start_with_headers(
        &dist_dir(),
        Vec::new(),
        Vec::new(),
        vec![("Content-Security-Policy".into(), strict_csp("", "'none'"))],
    );
    let browser = Browser::start().await;
    let downloads = tempfile::tempdir().unwrap();
    browser.allow_downloads_to(downloads.path()).await;
    browser
        .client
        .goto(&format!("{}?builder", server.url))
        .await
        .unwrap();

    // The starter policy lacks only the key: its problem is listed, the preview waits.
    let problems = browser
        .wait_for_script(
            "const p = document.getElementById('builder-json-problems');\
             return p && p.innerText.includes('recipients') ? p.innerText : null;",
        )
        .await;
    assert!(problems.contains("1 problem in the policy"), "{problems}");

    let work = tempfile::tempdir().unwrap();
    let key_file = work.path().join("security.asc");
    std::fs::write(&key_file, demo::recipient_key()).unwrap();
    browser
        .control_labelled("Or pick a key file (.asc, .gpg)")
        .await
        .send_keys(key_file.to_str().unwrap())
        .await
        .unwrap();
    let grouped = "9563 832D 0513 1C0D 37AC FB11 B886 4483 0EE8 86CE";
    // The key is checked by the worker and shown; the preview's recipient card follows.
    let preview = preview_with(&browser, grouped).await;
    assert!(preview.contains("Report a vulnerability"), "{preview}");

    // Markup in the project's name is text, in the preview as anywhere.
    let name = browser.control_labelled("Project name").await;
    name.clear().await.unwrap();
    name.send_keys("Acme <img src=x> Widgets").await.unwrap();
    preview_with(&browser, "Acme <img src=x> Widgets").await;
    let images = browser
        .client
        .execute(
            "return document.querySelectorAll('.builder__preview img, .builder__edit img').length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(images, serde_json::json!(0));

    // A broken value is named by its path, and the preview waits for the fix.
    let email = browser.control_labelled("Security email address").await;
    email.clear().await.unwrap();
    email.send_keys("not-an-address").await.unwrap();
    let problems = browser
        .wait_for_script(
            "const p = document.getElementById('builder-json-problems');\
             return p && p.innerText.includes('channels[0]') ? p.innerText : null;",
        )
        .await;
    assert!(problems.contains("channels[0].address"), "{problems}");
    let email = browser.control_labelled("Security email address").await;
    email.clear().await.unwrap();
    email.send_keys("security@acme.example").await.unwrap();
    browser
        .wait_for_script(
            "const r = document.querySelector('.builder__ready'); return r ? r.innerText : null;",
        )
        .await;
    // Asking for one more field shows in the JSON and the preview is drawn again.
    let mitigation = browser.control_labelled("Suggested mitigation").await;
    mitigation.select_by_value("required").await.unwrap();
    let json = browser
        .wait_for_script(
            "const j = document.getElementById('builder-json');\
             return j && j.value.includes('\"mitigation\"') ? j.value : null;",
        )
        .await;
    assert!(json.contains("security@acme.example"), "{json}");
    browser.screenshot("builder-page.png").await;
    browser
        .assert_accessible("the builder with its preview")
        .await;

    browser.press("Download policy.json").await;
    let policy = downloaded(downloads.path(), "policy.json").await;
    assert_eq!(std::fs::read_to_string(&policy).unwrap(), json);
    let lint = Command::new(cli_binary())
        .args(["policy", "lint"])
        .arg(&policy)
        .output()
        .unwrap();
    assert!(
        lint.status.success(),
        "sealpost policy lint refused the download: {}{}",
        String::from_utf8_lossy(&lint.stdout),
        String::from_utf8_lossy(&lint.stderr)
    );

    browser.press("Download your single-file page").await;
    let status = browser
        .wait_for_script_within(
            "const s = document.querySelector('.builder__downloads .status');\
             return s && /^(Saved|Could not)/.test(s.innerText) ? s.innerText : null;",
            Duration::from_secs(60),
        )
        .await;
    assert!(status.starts_with("Saved as "), "{status}");
    let name = status.trim_start_matches("Saved as ").trim_end_matches('.');
    // Named after the project, with only letters, digits and hyphens.
    assert!(
        name.starts_with("sealpost-acme-") && name.ends_with("-widgets.html"),
        "{name}"
    );
    let page = downloaded(downloads.path(), name).await;

    // From disk: the maintainer's own page, their policy in it, sealing to their key.
    browser
        .client
        .goto(&format!("file://{}", page.display()))
        .await
        .unwrap();
    browser.wait_for_fingerprint().await;
    let armored = browser
        .fill_and_seal(&[
            Entry::text("Title", "Found with the builder's own page"),
            Entry::text("Affected versions", "3.x"),
            Entry::text("Description", "The widget API trusts its callers."),
            Entry::text("Steps to reproduce", "1. Call the API\n2. See it obey"),
            Entry::text("Suggested mitigation", "Check the caller."),
        ])
        .await;
    let plaintext = Gpg::with_secret_key("demo-recipient.secret.asc").decrypt(armored.as_bytes());
    assert!(
        plaintext.contains("Found with the builder's own page"),
        "{plaintext}"
    );
    assert!(plaintext.contains("Check the caller."), "{plaintext}");
    browser.close().await;
}
