//! The single-file page (`dist/sealpost.html`) opened from `file://` in headless Chromium whose
//! every request is sent to a recording proxy (loopback included): the page boots, the worker
//! starts from its inlined code, a report is sealed, downloaded and has a mailto link, gpg
//! decrypts it, and not one request tried to leave the file.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use std::time::Duration;

use sealpost_core::{demo, Report};
use sealpost_e2e::{browser::Browser, dist_dir, downloaded, static_server::StaticServer, Gpg};

#[tokio::test(flavor = "multi_thread")]
async fn the_single_file_works_from_disk_with_the_network_blocked() {
    let file = dist_dir().join("sealpost.html");
    assert!(
        file.is_file(),
        "{} is missing: cargo xtask build",
        file.display()
    );
    // Anything the browser tries to fetch goes to this proxy, which records it and serves
    // nothing (it has an empty root). `<-loopback>` sends even 127.0.0.1 through it.
    let nowhere = tempfile::tempdir().unwrap();
    let proxy = StaticServer::start(nowhere.path());
    let proxy_address = proxy.url.trim_end_matches('/').to_owned();
    let browser = Browser::start_with_args(&[
        format!("--proxy-server={proxy_address}"),
        "--proxy-bypass-list=<-loopback>".into(),
    ])
    .await;
    let downloads = tempfile::tempdir().unwrap();
    browser.allow_downloads_to(downloads.path()).await;
    let url = format!("file://{}", file.canonicalize().unwrap().display());
    browser.client.goto(&url).await.unwrap();

    let report = Report::default()
        .with_text(
            "title",
            "Offline: heap overflow in the image decoder — ünïcödé",
        )
        .with_text("vulnerability_type", "CWE-122")
        .with_text("affected_versions", "1.0 – 1.4")
        .with_text(
            "reproduction_steps",
            "1. Open crash.png\n2. Watch it fall over",
        )
        .with_text(
            "impact",
            "Remote code execution when a user opens an image.",
        );
    // The key card fills in once the worker (started from a Blob URL) has accepted the key.
    browser.wait_for_fingerprint().await;
    let armored = browser.seal_demo_report(&report).await;
    browser.screenshot("offline-file-sealed.png").await;

    let plaintext = Gpg::with_secret_key("demo-recipient.secret.asc").decrypt(armored.as_bytes());
    let letter = sealpost_testkit::letter::open(plaintext.as_bytes());
    assert!(
        letter
            .text
            .starts_with(&report.render_text(&demo::policy())),
        "{}",
        letter.text
    );

    // The email channel's link, and the download, work without a network.
    let mailto = browser
        .wait_for_script(
            "const a = document.querySelector('a[href^=\"mailto:\"]'); return a ? a.href : null;",
        )
        .await;
    assert!(mailto.starts_with("mailto:"), "{mailto}");
    browser.press("Download report.asc").await;
    let saved = downloaded(downloads.path(), "report.asc").await;
    assert_eq!(std::fs::read_to_string(&saved).unwrap(), armored);

    // The page itself says it runs from the file, and nothing tried to leave it.
    let origin = browser.wait_for_script("return location.protocol;").await;
    assert_eq!(origin, "file:");
    // The proxy also hears Chromium's own background calls (component updates, its default
    // search engine), which no switch fully silences; the page's would go to other hosts.
    const BROWSER_OWN: [&str; 5] = [
        "google.com",
        "googleapis.com",
        "gvt1.com",
        "gstatic.com",
        "duckduckgo.com",
    ];
    for request in proxy.requests() {
        let host = request
            .url
            .trim_start_matches("http://")
            .split(['/', ':'])
            .next()
            .unwrap_or_default()
            .to_owned();
        assert!(
            BROWSER_OWN
                .iter()
                .any(|own| host == *own || host.ends_with(&format!(".{own}"))),
            "a request tried to leave the page: {request:?}"
        );
        for id in ["title", "reproduction_steps", "impact"] {
            let body = String::from_utf8_lossy(&request.body);
            assert!(!body.contains(report.text(id)), "{request:?}");
        }
    }
    let resources = browser
        .client
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        resources,
        serde_json::json!([]),
        "the page fetched something"
    );
    browser.close().await;
}

/// The served page's "Download this page for offline use" assembles the same kind of file in
/// the browser (its own assets, integrity-checked, gzipped by CompressionStream): opened from
/// disk, it seals a report gpg decrypts.
#[tokio::test(flavor = "multi_thread")]
async fn the_page_downloads_a_working_offline_copy_of_itself() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    let downloads = tempfile::tempdir().unwrap();
    browser.allow_downloads_to(downloads.path()).await;
    browser.client.goto(&server.url).await.unwrap();
    browser.step_heading().await;
    browser.press("Download this page for offline use").await;
    let status = browser
        .wait_for_script_within(
            "const s = document.querySelector('.offline .status');\
             return s && /^(Saved|The offline)/.test(s.innerText) ? s.innerText : null;",
            Duration::from_secs(30),
        )
        .await;
    assert!(status.starts_with("Saved as "), "{status}");
    let name = status
        .trim_start_matches("Saved as ")
        .split(':')
        .next()
        .unwrap()
        .to_owned();
    let saved = downloaded(downloads.path(), &name).await;
    let html = std::fs::read_to_string(&saved).unwrap();
    assert!(html.contains("http-equiv=\"Content-Security-Policy\""));

    browser
        .client
        .goto(&format!("file://{}", saved.display()))
        .await
        .unwrap();
    let report = Report::default()
        .with_text("title", "Made by the page itself")
        .with_text("vulnerability_type", "CWE-352")
        .with_text("affected_versions", "2.x")
        .with_text("reproduction_steps", "1. Submit the form from another site")
        .with_text("impact", "Settings change without consent.");
    browser.wait_for_fingerprint().await;
    let armored = browser.seal_demo_report(&report).await;
    browser.screenshot("offline-copy-sealed.png").await;
    let plaintext = Gpg::with_secret_key("demo-recipient.secret.asc").decrypt(armored.as_bytes());
    assert!(plaintext.contains("Made by the page itself"));
    // Served over http, the page fetched only its own assets.
    for request in server.requests() {
        assert_eq!(request.method, "GET", "{request:?}");
    }
    browser.close().await;
}
